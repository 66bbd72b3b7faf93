"""The safety plan: one editor of its seven sections, saved as you type, shown in two places.

:class:`SafetyPlanEditor` is the only form. :class:`SafetyPlanDialog` shows it over Get help now
and a questionnaire's result; :class:`SafetyPlanView` shows it as a page of Exercises & journal
(reached from the sidebar, Home and a lesson). Several editors may be open at once (the page, and
the dialog over Get help now): each saves only the sections typed in it, and the others take up
what it saved, so one never writes back an older text over another's.

The "Professionals and crisis lines" section, while empty, offers the paired clinicians' details
and the crisis lines of the person's country: shown under the box in a card marked as a
suggestion, and saved only when the person chooses to add it (then it is theirs to change). It
never replaces anything written there.

Everything below the heading scrolls, the introduction included, so no line is cut off at a
large text size or in a long language; the dialog opens at a size that fits the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from app.safety import clinicians, crisis, plan
from ui.scrolling_dialog import ScrollingDialog
from ui.widgets import card, fill_card, make_label, scroll_area

SAVE_DELAY_MS = 500


class _Saved(QObject):
    """Between the open editors: ``saved`` says which one just saved, so the others take up its
    text; ``flush_all`` asks every one to save what is typed in it (before another one loads)."""
    saved = Signal(object)
    flush_all = Signal()


_saved_signal: _Saved | None = None


def _saved() -> _Saved:
    global _saved_signal
    if _saved_signal is None:
        _saved_signal = _Saved()
    return _saved_signal


class _SectionBox(QPlainTextEdit):
    """A section's box: about four lines high to begin with; it scrolls when more is written."""

    LINES = 4
    MIN_HEIGHT = 70

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        m = self.contentsMargins()
        chrome = int(self.document().documentMargin() * 2) + m.top() + m.bottom()
        return QSize(super().sizeHint().width(), self.fontMetrics().lineSpacing() * self.LINES + chrome)


class SafetyPlanEditor(QWidget):
    """The seven sections, an introduction and a status line (placed by the container: ``status``)."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("safetyPlanEditor")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.intro = make_label("muted")
        lay.addWidget(self.intro)
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, tuple] = {}
        for sid, _heading, _hint in plan.SECTIONS:
            title, hint, box = make_label("subheading"), make_label("muted"), _SectionBox()
            box.setMinimumHeight(_SectionBox.MIN_HEIGHT)
            box.setTabChangesFocus(True)
            box.textChanged.connect(lambda sid=sid: self._changed(sid))
            title.setBuddy(box)
            for w in (title, hint, box):
                lay.addWidget(w)
            self.boxes[sid] = box
            self.labels[sid] = (title, hint)
            if sid == plan.PROFESSIONALS:
                lay.addWidget(self._suggestion_row())
        self.status = make_label("muted")
        self._dirty: set[str] = set()  # sections typed in here and not saved yet
        self._loading = False
        self._suggestion = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        _saved().saved.connect(self._saved_elsewhere)
        _saved().flush_all.connect(self.flush)
        ctx.session_ended.connect(self.clear)  # wherever it is shown, nothing of the plan stays after a lock
        self.retranslate()

    def _suggestion_row(self) -> QWidget:
        """A card under the empty section: what is suggested, marked as such, and a button to add it."""
        frame, inner = card()
        frame.setObjectName("planSuggestion")
        self.suggestion_note = make_label("muted")
        self.suggestion_text = make_label(selectable=True)
        self.use_suggestion = QPushButton()
        self.use_suggestion.clicked.connect(self.add_suggestion)
        fill_card(inner, (self.suggestion_note, self.suggestion_text), (self.use_suggestion,))
        self.suggestion_row = frame
        frame.hide()
        return frame

    # --- the store ------------------------------------------------------------------------

    def load(self) -> None:
        """Show the plan as stored (what was typed in any open editor and not saved yet is saved first)."""
        if self.ctx.session is None:
            return
        _saved().flush_all.emit()
        self._show_stored(plan.load(self.ctx.session.store), every=True)
        self.refresh_suggestion()
        self.status.setText("")

    def _show_stored(self, stored: dict[str, str], every: bool) -> None:
        self._loading = True
        try:
            for sid, box in self.boxes.items():
                if (every or sid not in self._dirty) and box.toPlainText() != stored[sid]:
                    box.setPlainText(stored[sid])
        finally:
            self._loading = False
        self._show_suggestion()

    def _changed(self, sid: str) -> None:
        self._show_suggestion()
        if self._loading:
            return
        self._dirty.add(sid)
        self.status.setText(_("Saving\u2026"))
        self._timer.start()

    def flush(self) -> None:
        """Save every section typed in since the last save, now."""
        self._timer.stop()
        if self.ctx.session is None or not self._dirty:
            return
        for sid in sorted(self._dirty):
            plan.save(self.ctx.session.store, sid, self.boxes[sid].toPlainText())
        self._dirty.clear()
        self.status.setText(_("Saved"))
        _saved().saved.emit(self)

    def _saved_elsewhere(self, editor) -> None:
        if editor is self or self.ctx.session is None:
            return
        self._show_stored(plan.load(self.ctx.session.store), every=False)

    def clear(self) -> None:
        """Forget everything shown (at lock); what was typed was saved before the lock."""
        self._timer.stop()
        self._dirty.clear()
        self._loading = True
        try:
            for box in self.boxes.values():
                box.clear()
        finally:
            self._loading = False
        self._suggestion = ""
        self.suggestion_text.clear()
        self.suggestion_row.hide()
        self.status.setText("")

    # --- the suggestion for "Professionals and crisis lines" ----------------------------------

    def refresh_suggestion(self) -> None:
        """Work out what to offer: the paired clinicians and the crisis lines of the chosen country."""
        session = self.ctx.session
        if session is None:
            self._suggestion = ""
            resources = crisis.GENERIC
        else:
            resources = crisis.load(self.ctx.country(), self.ctx.data_dir / "crisis")
            self._suggestion = plan.professionals_suggestion(session, resources)
        has_lines = resources.country is not None
        has_clinician = bool(clinicians.contact_lines(session)) if session is not None else False
        if has_lines and has_clinician:
            note = _("Suggested: your clinician's details and the crisis lines for your country ({country}). They "
                     "are not part of your plan until you add them; then you can change or delete any of it.").format(
                country=crisis.country_name(resources.country))
        elif has_lines:
            note = _("Suggested: the crisis lines for your country ({country}). They are not part of your plan "
                     "until you add them; then you can change or delete any of it.").format(
                country=crisis.country_name(resources.country))
        else:
            note = _("Suggested: your clinician's details. They are not part of your plan until you add them; "
                     "then you can change or delete any of it.")
        self.suggestion_note.setText(note)
        self.suggestion_text.setText(self._suggestion)
        self._show_suggestion()

    def suggestion(self) -> str:
        """What is offered now ("" when nothing is, or the section has text)."""
        return self._suggestion if self.suggestion_row.isVisibleTo(self) else ""

    def _show_suggestion(self) -> None:
        if not hasattr(self, "suggestion_row"):
            return
        box = self.boxes[plan.PROFESSIONALS]
        empty = not box.toPlainText().strip()
        self.suggestion_row.setVisible(bool(self._suggestion) and empty)
        box.setAccessibleDescription(
            # Translators: what a screen reader adds about the empty "Professionals and crisis lines" box.
            _("Suggested, not yet added: {text}").format(text=self._suggestion)
            if self._suggestion and empty else "")

    def add_suggestion(self) -> None:
        """The person keeps the suggestion: it goes into the (empty) section and is saved at once."""
        box = self.boxes[plan.PROFESSIONALS]
        if not self._suggestion or box.toPlainText().strip():
            return  # never over what the person wrote
        box.setPlainText(self._suggestion)
        self.flush()
        box.setFocus(Qt.FocusReason.OtherFocusReason)
        box.moveCursor(QTextCursor.MoveOperation.End)

    # --- keyboard and language ---------------------------------------------------------------

    def tab_stops(self) -> list[QWidget]:
        stops: list[QWidget] = []
        for sid, box in self.boxes.items():
            stops.append(box)
            if sid == plan.PROFESSIONALS:
                stops.append(self.use_suggestion)
        return stops

    def focus_start(self) -> None:
        """The first section with nothing in it, or the first section."""
        empty = [box for box in self.boxes.values() if not box.toPlainText().strip()]
        (empty or list(self.boxes.values()))[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.intro.setText(_("Write this plan at a calm moment, so it is ready if things get hard. Start with "
                             "whatever you can; you can add to it at any time. It is saved as you type and "
                             "stays encrypted on this computer."))
        for sid, heading, hint in plan.SECTIONS:
            title, hint_label = self.labels[sid]
            title.setText(_(heading))
            hint_label.setText(_(hint))
            self.boxes[sid].setAccessibleName(_(heading))
        self.use_suggestion.setText(_("Add these to my plan"))
        self.use_suggestion.setAccessibleName(_("Add the suggested numbers to my plan"))
        if self.ctx.session is not None:
            self.refresh_suggestion()


class SafetyPlanDialog(ScrollingDialog):
    """The editor in a dialog (from Get help now and a questionnaire's result); closing saves."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("safetyPlanDialog")
        self.setMinimumWidth(480)
        self.editor = SafetyPlanEditor(ctx)
        self.body_layout.addWidget(self.editor)
        self.boxes = self.editor.boxes
        self.status = self.editor.status
        self.layout().insertWidget(self.layout().indexOf(self.buttons), self.status)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.editor.load()
        self.retranslate()

    def flush(self) -> None:
        self.editor.flush()

    def done(self, result) -> None:  # closing always saves
        self.flush()
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(_("My safety plan"))
        self.heading.setText(_("My safety plan"))
        self.editor.retranslate()


class SafetyPlanView(QWidget):
    """The editor as a page of Exercises & journal: it scrolls, the save status stays below it."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("safetyPlanView")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.editor = SafetyPlanEditor(ctx)
        holder = QWidget()
        self._inner = QVBoxLayout(holder)
        self._inner.addWidget(self.editor)
        self._inner.addStretch(1)
        self._gap_from_scroll_bar()
        self.scroll = scroll_area(holder)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.editor.status)

    def _gap_from_scroll_bar(self) -> None:
        """A little room between the boxes and the scroll bar, on whichever side the bar is."""
        gap = 8
        self._inner.setContentsMargins(gap if self.isRightToLeft() else 0, 0, 0 if self.isRightToLeft() else gap, gap)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LayoutDirectionChange and hasattr(self, "_inner"):
            self._gap_from_scroll_bar()
        super().changeEvent(event)

    def load(self) -> None:
        self.editor.load()

    def flush(self) -> None:
        self.editor.flush()

    def clear(self) -> None:
        self.editor.clear()

    def retranslate(self) -> None:
        self.editor.retranslate()

    def tab_stops(self) -> list[QWidget]:
        return self.editor.tab_stops()

    def focus_start(self) -> None:
        self.scroll.verticalScrollBar().setValue(0)
        self.editor.focus_start()

    def hideEvent(self, event) -> None:  # noqa: N802 - leaving the page saves at once
        if self.ctx.session is not None:
            self.editor.flush()
        super().hideEvent(event)

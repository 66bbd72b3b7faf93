"""A list of saved entries beside an editor: new, save, delete with undo, and
autosaved drafts. The journal and every exercise kind use it.

An *adapter* talks to the store (its ``entries`` yields id, label and the ISO time
written, or ``None`` when the label already says when); an *editor* is a widget with a ``changed``
signal, ``get_data() -> dict``, ``set_data(dict)`` and ``retranslate()``.
Optionally an editor has ``tab_stops()`` (its inputs in reading order),
``start_widget()`` (where a new entry starts), ``saved()`` (told after its entry was saved) and ``field_widget(key)`` (the
input for a data key, where a ``limits.Missing`` error is shown; by default the
editor's attribute of that name).
"""

from __future__ import annotations

import json
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLineEdit, QListView, QListWidgetItem, QPushButton, QSplitter,
                               QToolTip, QVBoxLayout, QWidget)

from app import drafts, search
from app.exercises import limits
from app.i18n import _, format_when, ngettext
from ui import a11y, tab_order
from ui.turns import Turns
from ui.widgets import EmptyState, WrappingList, card, make_label, primary_button, scroll_area
from ui.worker import run_async

AUTOSAVE_MS = 600
SEARCH_MS = 250  # the list follows the search box once typing pauses


FIRST_ROWS = 60  # listed at once: more than a screenful
ROWS_PER_TURN = 150  # then this many per turn of the event loop (ui.turns)


def when_label(iso: str) -> str:
    """A stored time in the one style lists and comments use (the locale's medium date and short time)."""
    return format_when(datetime.fromisoformat(iso).astimezone())


class EntryBrowser(QWidget):
    def __init__(self, ctx, adapter, editor, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.adapter = adapter
        self.editor = editor
        self.editing_id: str | None = None
        self._rows = Turns(self, self._add_rows, per_turn=ROWS_PER_TURN)  # the list's rows, a screenful first
        self._undo_token = None
        self._loading = False
        self._dirty = False
        self._error_field: tuple[QWidget, str] | None = None  # (input, its description before the error)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.new_button = QPushButton()
        # Finding what you wrote: words (matched in the store's full-text index) and a date range.
        self.search = QLineEdit()
        self.range = QComboBox()
        self.no_match = make_label("muted")
        self.no_match.hide()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_MS)
        self._search_timer.timeout.connect(self._search_changed)
        self._search_generation = 0
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.range.activated.connect(lambda _i: self._search_changed())
        self.list = WrappingList()
        self.list.setObjectName("journalList")
        self.list.setAlternatingRowColors(True)
        # Up to 500 wrapped rows: Qt lays them out 60 at a time between events, so the page shows at once
        # and the rest follow (each row's height is its wrapped text's; issue 15).
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(60)
        self.list.setMinimumWidth(190)
        self.empty = EmptyState()
        ll.addWidget(self.new_button)
        ll.addWidget(self.search)
        ll.addWidget(self.range)
        ll.addWidget(self.no_match)
        ll.addWidget(self.empty)
        ll.addWidget(self.list, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        scroll = self.scroll = scroll_area(editor)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the form's inputs, not to an unnamed frame
        # A clinician's comments on this entry, read-only, under the editor (exchange).
        self.comments_frame, comments_lay = card()
        self.comments_frame.setObjectName("entryComments")
        self.comments = make_label(selectable=True)
        self.comments.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        comments_lay.addWidget(self.comments)
        self.comments_frame.hide()
        self.notice = make_label("muted")
        self.error = make_label("error")
        self.error.hide()
        row = QHBoxLayout()
        self.delete_button = QPushButton()
        self.undo_button = QPushButton()
        self.undo_button.hide()
        self.save_button = primary_button()
        row.addWidget(self.delete_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(self.notice)
        row.addWidget(self.save_button)
        rl.addWidget(scroll, 1)
        rl.addWidget(self.comments_frame)
        rl.addWidget(self.error)
        rl.addLayout(row)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([230, 650])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.flush)
        editor.changed.connect(self._changed)
        self.new_button.clicked.connect(self.new_entry)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.undo_button.clicked.connect(self.undo_delete)
        self.list.currentItemChanged.connect(self._selected)
        if hasattr(adapter, "readable"):  # hovering a saved entry shows it in words (worked out when asked)
            self.list.viewport().installEventFilter(self)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_entry)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Find, self, lambda: (self.search.setFocus(), self.search.selectAll()))
        self.retranslate()

    # --- store ----------------------------------------------------------------

    @property
    def store(self):
        return self.ctx.session.store if self.ctx.session else None

    def _draft_key(self) -> str:
        return f"{self.adapter.draft_prefix}:{self.editing_id or 'new'}"

    def load(self) -> None:
        if self.store is None:
            return
        self.flush()
        self._fill_list()
        if self.editing_id is None:
            self._open(None)

    def searching(self) -> bool:
        return bool(search.terms(self.search.text())) or (self.range.currentData() or "any") != "any"

    def _find(self):
        """What the search box and the date range ask for: a function that finds the entries' ids (None: no
        search, list everything)."""
        source = getattr(self.adapter, "search_source", None)
        if source is None or not self.searching():
            return None
        store, text, range_id = self.store, self.search.text(), self.range.currentData() or "any"
        exercise_id = getattr(self.adapter, "search_exercise_id", None)
        return lambda: search.find(store, text, source, exercise_id=exercise_id, range_id=range_id)

    def _search_changed(self) -> None:
        """The search box or the range changed: search in a worker (a common word in a date range among
        100,000 entries takes about half a second), then show the newest answer only."""
        if self.store is None:
            return
        self._search_generation += 1
        find = self._find()
        if find is None:
            self._fill_list()
            return
        asked, session = self._search_generation, self.ctx.session

        def done(found) -> None:
            if asked == self._search_generation and self.ctx.session is session:
                self._show_entries(found)

        def failed(_exc) -> None:
            if asked == self._search_generation:
                self.no_match.setText(_("The search could not be done. Try other words."))
                self.no_match.show()

        run_async(find, done, failed, self)

    def _fill_list(self) -> None:
        if self.store is None:
            return
        find = self._find()
        self._show_entries(find() if find is not None else None)

    def _show_entries(self, found: list[str] | None) -> None:
        """List the entries (``found``: a search's ids, in its order). The first screenful is listed at once, the
        rest a few hundred per turn of the event loop: each row's date in words and its wrapped height took
        ~100 ms for 500 rows on the GUI thread (issue 15)."""
        rows = list(self.adapter.entries(self.store) if found is None
                    else self.adapter.entries(self.store, only=found))
        self._rows.cancel()
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self._rows.start(rows, FIRST_ROWS)
        has = bool(rows)
        self.list.setVisible(has)
        self.empty.setVisible(not has and found is None)
        self.no_match.setVisible(not has and found is not None)
        for w in (self.search, self.range):  # nothing written yet: nothing to search
            w.setVisible(has or found is not None)
        if found is not None:
            count = len(rows)
            said = (ngettext("{count} entry found.", "{count} entries found.", count).format(count=count)
                    if count else _("No entries match. Try fewer or other words, or a longer time."))
            self.no_match.setText(said)
            a11y.announce(self.search, said)

    def _add_rows(self, rows) -> None:
        self.list.blockSignals(True)
        for entry_id, label, iso in rows:
            lines = [text for text in (label, when_label(iso) if iso else "") if text]
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, entry_id)
            self.list.addItem(item)
            if entry_id == self.editing_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip and watched is self.list.viewport() and self.store is not None:
            item = self.list.itemAt(event.pos())
            text = self.adapter.readable(self.store, item.data(Qt.ItemDataRole.UserRole)) if item else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.list.viewport(), self.list.visualItemRect(item))
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)

    def _open(self, entry_id: str | None) -> None:
        """Show an entry (or a new one), preferring an unsaved draft if there is one."""
        self.editing_id = entry_id
        data = self.adapter.load(self.store, entry_id) if entry_id else {}
        restored = False
        draft = drafts.load(self.store, self._draft_key())
        if draft:
            try:
                data, restored = json.loads(draft), True
            except ValueError:
                pass
        self._loading = True
        self.editor.set_data(data if isinstance(data, dict) else {})
        self._loading = False
        self._dirty = False
        self.delete_button.setEnabled(entry_id is not None)
        self._show_comments(entry_id)
        self.order_tabs()
        self._clear_error()
        self.notice.setText(_("Your unsaved text was restored.") if restored else "")

    def _editor_stops(self) -> list[QWidget]:
        if hasattr(self.editor, "tab_stops"):
            return self.editor.tab_stops()
        return tab_order.reading_order(self.editor.layout())

    def tab_stops(self) -> list[QWidget]:
        """Everything Tab visits here, in reading order: the list side, then the form, then its buttons."""
        return [self.new_button, self.search, self.range, self.list, *self._editor_stops(), self.comments,
                self.delete_button, self.undo_button, self.save_button]

    def order_tabs(self) -> None:
        tab_order.chain(self.tab_stops())

    def focus_editor(self) -> None:
        """Put the cursor where a new entry starts (editors have no focus proxy: see ``Row.focus_first``)."""
        start = self.editor.start_widget() if hasattr(self.editor, "start_widget") else None
        stops = self._editor_stops()
        target = start or (stops[0] if stops else None)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def select(self, entry_id: str) -> bool:
        """Show this entry, with the keyboard on its comments if it has any (else on the form)."""
        self._rows.finish()  # it may be among the rows not listed yet
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == entry_id:
                self.list.setCurrentRow(i)
                self.list.scrollToItem(self.list.item(i))
                if self.comments_frame.isVisibleTo(self):
                    self.comments.setFocus(Qt.FocusReason.OtherFocusReason)
                else:
                    self.focus_editor()
                return True
        return False

    def _show_comments(self, entry_id: str | None) -> None:
        found = self.adapter.comments(self.store, entry_id) if entry_id and hasattr(self.adapter, "comments") else []
        blocks = [_("Comment from {name} ({when}):").format(name=name, when=when_label(iso)) + "\n" + body
                  for name, iso, body in found]
        self.comments.setText("\n\n".join(blocks))
        self.comments.setAccessibleName(_("Comments on this entry") if blocks else "")
        self.comments.setAccessibleDescription(self.comments.text())  # read out with the name
        self.comments_frame.setVisible(bool(blocks))
        if blocks and hasattr(self.adapter, "comments_seen"):
            self.adapter.comments_seen(self.store, entry_id)  # shown: no longer new on Home

    def _selected(self, current, _previous) -> None:
        if current is None or self.store is None:
            return
        self.flush()
        self._open(current.data(Qt.ItemDataRole.UserRole))

    def _changed(self) -> None:
        if self._loading or self.store is None:
            return
        self._dirty = True
        self.notice.setText(_("Saving draft\u2026"))
        self.autosave.start()

    def flush(self) -> None:
        """Write the editor's content to the draft store now (autosave, and before locking)."""
        self.autosave.stop()
        if not self._dirty or self.store is None:
            return
        data = self.editor.get_data()
        empty = not any(v for v in data.values()) if isinstance(data, dict) else True
        drafts.save(self.store, self._draft_key(), "" if empty else json.dumps(data, ensure_ascii=False))
        self._dirty = False
        self.notice.setText(_("Draft saved"))

    # --- actions ----------------------------------------------------------------

    def new_entry(self) -> None:
        if self.store is None:
            return
        self.flush()
        self.list.setCurrentItem(None)
        self._open(None)
        self.focus_editor()

    def save(self) -> None:
        if self.store is None:
            return
        self.autosave.stop()
        try:
            self.editing_id = self.adapter.save(self.store, self.editing_id, self.editor.get_data(),
                                                self._draft_key())
        except limits.Missing as missing:
            self._show_error(_(missing.message), self._field(missing.field))
            return
        except ValueError:
            self._show_error(self.adapter.incomplete_message(), None)
            return
        self._dirty = False
        self._clear_error()
        if hasattr(self.editor, "saved"):  # e.g. worry time takes the worries it looked at off its list
            self.editor.saved()
        self._fill_list()
        self.delete_button.setEnabled(True)
        self.notice.setText(_("Saved"))
        if hasattr(self.editor, "saved"):  # e.g. to redraw a chart of saved entries
            self.editor.saved()

    # --- errors, tied to the input that needs attention ---------------------------------

    def _field(self, key: str) -> QWidget | None:
        finder = getattr(self.editor, "field_widget", None)
        widget = finder(key) if finder else getattr(self.editor, key, None)
        return widget if isinstance(widget, QWidget) and widget.isVisibleTo(self.editor) else None

    def _show_error(self, text: str, field: QWidget | None) -> None:
        """Show ``text``, make it the description of ``field`` and move there, and have it spoken."""
        self._clear_error()
        self.error.setText(text)
        self.error.show()
        if field is not None:
            self._error_field = (field, field.accessibleDescription())
            field.setAccessibleDescription(text)
            self.scroll.ensureWidgetVisible(field)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
        a11y.announce(field or self.error, text, assertive=True)

    def _clear_error(self) -> None:
        if self._error_field is not None:
            field, description = self._error_field
            self._error_field = None
            try:
                field.setAccessibleDescription(description)
            except RuntimeError:  # the input was a row that has since been removed
                pass
        self.error.clear()
        self.error.hide()

    def delete(self) -> None:
        if self.store is None or not self.editing_id:
            return
        self.autosave.stop()
        drafts.discard(self.store, self._draft_key())
        self._undo_token = self.adapter.delete(self.store, self.editing_id)
        self.editing_id = None
        self._fill_list()
        self._open(None)
        self.notice.setText(_("Entry deleted."))
        self.undo_button.setVisible(self._undo_token is not None)

    def undo_delete(self) -> None:
        if self.store is None or self._undo_token is None:
            return
        self.editing_id = self.adapter.restore(self.store, self._undo_token)
        self._undo_token = None
        self.undo_button.hide()
        self._fill_list()
        self._open(self.editing_id)
        self.notice.setText(_("Entry restored."))

    def clear(self) -> None:
        self.autosave.stop()
        self._loading = True
        self.editor.set_data({})
        self._loading = False
        self._dirty = False
        self._rows.cancel()
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.editing_id = None
        self._undo_token = None
        self.undo_button.hide()
        self.notice.clear()
        self.comments.clear()
        self.comments_frame.hide()
        self._clear_error()
        self._search_timer.stop()
        self._search_generation += 1  # an answer still on its way is dropped
        self.search.blockSignals(True)
        self.search.clear()  # what was searched for is not left on the page when the profile locks
        self.search.blockSignals(False)
        self.range.setCurrentIndex(0)
        self.no_match.hide()

    def retranslate(self) -> None:
        self.new_button.setText(_("New entry"))
        self.new_button.setToolTip(_("New entry ({shortcut})").format(
            shortcut=QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)))
        self.list.setAccessibleName(_("Saved entries"))
        self.search.setPlaceholderText(_("Search\u2026"))
        self.search.setAccessibleName(_("Search these entries"))
        self.search.setToolTip(_("Search these entries ({shortcut})").format(
            shortcut=QKeySequence(QKeySequence.StandardKey.Find).toString(QKeySequence.SequenceFormat.NativeText)))
        self.range.setAccessibleName(_("Written when"))
        chosen = self.range.currentData() or "any"
        names = {"any": _("Any time"), "week": _("The last 7 days"), "month": _("The last month"),
                 "year": _("The last year")}
        self.range.blockSignals(True)
        self.range.clear()
        for range_id, _days in search.RANGES:
            self.range.addItem(names[range_id], range_id)
        self.range.setCurrentIndex(max(self.range.findData(chosen), 0))
        self.range.blockSignals(False)
        self.save_button.setText(_("Save"))
        self.delete_button.setText(_("Delete"))
        self.undo_button.setText(_("Undo delete"))
        title, text = self.adapter.empty_texts()
        self.empty.set_texts(title, text)
        self.editor.retranslate()

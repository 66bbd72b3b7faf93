"""The daily check-in on Home: a mood from 0 to 10 and an optional note, in a few seconds.

Keyboard: Tab to the scale, a digit picks that mood (1 then 0 within a second
picks 10), arrows move along the scale, Enter saves. What is being typed is
kept as a draft within half a second, so a crash loses nothing.
"""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import checkins, drafts
from app.i18n import _, format_number
from ui.widgets import make_label, primary_button

DRAFT_KEY = "checkin:today"


class MoodScale(QWidget):
    """Eleven buttons, 0 to 10; exactly one can be chosen."""

    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        for value in range(checkins.MOOD_MIN, checkins.MOOD_MAX + 1):
            b = QPushButton()
            b.setCheckable(True)
            b.setAutoExclusive(True)
            b.setMinimumWidth(34)
            b.setObjectName(f"mood-{value}")
            self.group.addButton(b, value)
            self.buttons.append(b)
            lay.addWidget(b)
        self.group.idClicked.connect(self.changed)
        self._first_digit: int | None = None
        self._digit_timer = QTimer(self, singleShot=True, interval=1000)
        self._digit_timer.timeout.connect(lambda: setattr(self, "_first_digit", None))
        for b in self.buttons:
            b.installEventFilter(self)

    def value(self) -> int | None:
        v = self.group.checkedId()
        return None if v < 0 else v

    def set_value(self, value: int | None) -> None:
        if value is None:
            checked = self.group.checkedButton()
            if checked is not None:
                self.group.setExclusive(False)
                checked.setChecked(False)
                self.group.setExclusive(True)
            return
        self.buttons[value].setChecked(True)

    def focus_in(self) -> None:
        """Keyboard focus on the chosen mood (or on 0), so the next digit picks a mood."""
        target = self.group.checkedButton() or self.buttons[0]
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def choose(self, value: int) -> None:
        self.set_value(value)
        self.buttons[value].setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(value)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.KeyPress and event.text().isdigit() and len(event.text()) == 1:
            digit = int(event.text())
            if self._first_digit == 1 and digit == 0:
                self.choose(10)
                self._first_digit = None
            else:
                self.choose(digit)
                self._first_digit = digit
                self._digit_timer.start()
            return True
        return False

    def retranslate(self) -> None:
        for value, b in enumerate(self.buttons):
            b.setText(format_number(value))
            b.setAccessibleName(_("Mood {value} out of {maximum}").format(
                value=format_number(value), maximum=format_number(checkins.MOOD_MAX)))


class CheckInCard(QFrame):
    saved = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setProperty("role", "card")
        self.setObjectName("checkinCard")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 16)
        lay.setSpacing(8)
        self.title = make_label("subheading")
        self.scale = MoodScale()
        self.scale.changed.connect(self._edited)
        anchors = QHBoxLayout()
        self.low, self.high = make_label("muted", wrap=False), make_label("muted", wrap=False)
        anchors.addWidget(self.low)
        anchors.addStretch(1)
        anchors.addWidget(self.high)
        self.note = QLineEdit()
        self.note.setMaxLength(checkins.MAX_NOTE)
        self.note.textEdited.connect(self._edited)
        self.note.returnPressed.connect(self.save)
        row = QHBoxLayout()
        self.save_button = primary_button()
        self.save_button.clicked.connect(self.save)
        self.status = make_label("muted")
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        for w in (self.title, self.scale):
            lay.addWidget(w)
        lay.addLayout(anchors)
        lay.addWidget(self.note)
        lay.addLayout(row)
        self._today: checkins.CheckIn | None = None
        self._draft_timer = QTimer(self, singleShot=True, interval=500)
        self._draft_timer.timeout.connect(self.flush)
        self.retranslate()

    # --- data -----------------------------------------------------------------------------

    def load(self) -> None:
        """Show today's check-in, or the draft of one; what is being typed is kept (and saved as the draft first)."""
        if self._draft_timer.isActive():
            self.flush()
        store = self.ctx.session.store
        self._today = checkins.get(store)
        mood, note = (self._today.mood, self._today.note) if self._today else (None, "")
        raw = drafts.load(store, DRAFT_KEY)
        if raw:
            try:
                d = json.loads(raw)
                if d.get("day") == date.today().isoformat():
                    mood, note = d.get("mood", mood), d.get("note", note)
            except (ValueError, AttributeError):
                pass
        self.scale.set_value(mood if isinstance(mood, int) and 0 <= mood <= 10 else None)
        note = note if isinstance(note, str) else ""
        if self.note.text() != note:  # setting the same text would move the cursor of someone typing
            self.note.setText(note)
        self.retranslate()

    def _edited(self, *_args) -> None:
        self._draft_timer.start()
        self.retranslate()

    def flush(self) -> None:
        """Keep what is being chosen or typed as a draft until it is saved."""
        self._draft_timer.stop()
        if self.ctx.session is None:
            return
        unsaved = self._today is None or self.scale.value() != self._today.mood \
            or self.note.text().strip() != self._today.note
        store = self.ctx.session.store
        if unsaved and (self.scale.value() is not None or self.note.text().strip()):
            drafts.save(store, DRAFT_KEY, json.dumps({"day": date.today().isoformat(), "mood": self.scale.value(),
                                                      "note": self.note.text()}))
        else:
            drafts.discard(store, DRAFT_KEY)

    def save(self) -> None:
        mood = self.scale.value()
        if mood is None or self.ctx.session is None:
            self.status.setText(_("Choose a number from 0 to 10 first."))
            return
        self._draft_timer.stop()
        store = self.ctx.session.store
        self._today = checkins.save(store, mood, self.note.text())
        drafts.discard(store, DRAFT_KEY)
        self.note.setText(self._today.note)
        self.retranslate()
        self.status.setText(_("Saved. Thank you for checking in."))
        self.saved.emit()

    def clear(self) -> None:
        self._draft_timer.stop()
        self._today = None
        self.scale.set_value(None)
        self.note.clear()
        self.status.clear()

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(_("How is your mood today?"))
        self.scale.retranslate()
        self.scale.setAccessibleName(_("Mood today, from 0 (very low) to 10 (very good)"))
        self.low.setText(_("0: very low"))
        self.high.setText(_("10: very good"))
        self.note.setPlaceholderText(_("A few words about today, if you like"))
        self.note.setAccessibleName(_("Note for today's check-in (optional)"))
        self.save_button.setText(_("Update check-in") if self._today else _("Save check-in"))
        self.save_button.setEnabled(self.scale.value() is not None)
        if self._today and not self._draft_timer.isActive():
            same = self.scale.value() == self._today.mood and self.note.text().strip() == self._today.note
            self.status.setText(_("You have checked in today. You can change it until midnight.") if same else "")
        elif not self._today:
            self.status.setText(_("Type a number, or click one. It takes a few seconds."))

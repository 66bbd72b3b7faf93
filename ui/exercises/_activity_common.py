"""Widgets shared by the activity diary, the planner, breathing and muscle relaxation:
labelled form rows, 0-10 rating and hour spin boxes, a date field, a practice
timer that never runs hidden, and the "log this practice" block."""

from __future__ import annotations

import datetime
import re
import time

from PySide6.QtCore import QDate, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QDateEdit, QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QSpinBox, QVBoxLayout,
                               QWidget)

from app.exercises import limits
from app.i18n import N_, _
from ui.widgets import make_label, primary_button


class Fields:
    """Rows of a form: a label (buddy of its input) whose text, like the input's
    accessible name, comes from an ``N_`` message on every retranslate."""

    def __init__(self, form: QFormLayout):
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form = form
        self.rows: list = []

    def add(self, message: str, widget: QWidget, hint: str | None = None):
        # Not word-wrapped: a form layout gives a wrapped label no more height than its field (the
        # second line was cut off); a label too long for its column puts the field under it instead.
        label = make_label(wrap=False)
        label.setBuddy(widget)
        self.form.addRow(label, widget)
        self.rows.append((label, widget, message, hint))
        return widget

    def retranslate(self) -> None:
        for label, widget, message, hint in self.rows:
            label.setText(_(message))
            widget.setAccessibleName(_(message))
            widget.setAccessibleDescription(_(hint) if hint else "")
            if hasattr(widget, "retranslate"):
                widget.retranslate()


class NumberSpin(QSpinBox):
    """A spin box of whole numbers; when optional, the step below ``lo`` means "not given" (``None``)."""

    EMPTY = N_("not rated")

    def __init__(self, lo: int, hi: int, *, optional: bool = True, parent=None):
        super().__init__(parent)
        self.optional = optional
        self.setRange(lo - 1 if optional else lo, hi)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumWidth(120)
        self.retranslate()

    def retranslate(self) -> None:
        self.setSpecialValueText(_(self.EMPTY) if self.optional else "")

    def number(self) -> int | None:
        return None if self.optional and self.value() == self.minimum() else self.value()

    def fallback(self) -> int:
        return self.minimum()

    def set_number(self, value) -> None:
        ok = isinstance(value, int) and not isinstance(value, bool) and self.minimum() <= value <= self.maximum()
        self.setValue(value if ok else self.fallback())


class RatingSpin(NumberSpin):
    """A 0-10 rating; starts as "not rated" so no number is ever invented for the user."""

    def __init__(self, parent=None):
        super().__init__(0, 10, parent=parent)


class HourSpin(NumberSpin):
    """An hour of the day, 0-23, shown as the lists show times (Babel's short time: "4:00 PM", "16:00");
    when optional, also "any time". Typing the hour as a number (16) works in every language."""

    EMPTY = N_("any time")

    def __init__(self, optional: bool, parent=None):
        super().__init__(0, 23, optional=optional, parent=parent)
        self.setMinimumWidth(140)

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt override)
        from babel.dates import format_time

        from app.i18n import babel_locale

        return format_time(datetime.time(max(0, min(23, value))), "short", locale=babel_locale())

    def _hour(self, text: str) -> int | None:
        text = text.strip()
        digits = re.fullmatch(r"(\d{1,2})(?::00)?", text)
        if digits:
            return int(digits.group(1)) if int(digits.group(1)) <= 23 else None
        return next((h for h in range(24) if self.textFromValue(h) == text), None)

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt override)
        if self.optional and text == self.specialValueText():
            return self.minimum()
        hour = self._hour(text)
        return self.value() if hour is None else hour

    def validate(self, text: str, pos: int):  # Qt override
        if (self.optional and text == self.specialValueText()) or self._hour(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if not text.strip() or re.fullmatch(r"\d{1,2}:?0?", text.strip()):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fallback(self) -> int:
        return self.minimum() if self.optional else time.localtime().tm_hour


def qt_date_format(pattern: str) -> str:
    """A Babel (CLDR) date pattern as a QDateEdit display format, e.g. 'MMM d, y' -> 'MMM d, yyyy'."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        n = len(pattern[i:]) - len(pattern[i:].lstrip(c)) if c.isalpha() else 1
        if c == "'":  # a quoted literal ('' is a quote): Qt reads it the same way
            end = pattern.find("'", i + 1)
            end = len(pattern) - 1 if end < 0 else end
            out.append(pattern[i:end + 1])
            n = end + 1 - i
        elif c in "yY":
            out.append("yyyy")
        elif c in "ML":
            out.append("M" * min(n, 4))
        elif c == "d":
            out.append("d" * min(n, 2))
        elif c in "Ec":
            out.append("dddd" if n >= 4 else "ddd")
        elif not c.isalpha():
            out.append(c)
        i += n
    return "".join(out).strip()


class DateField(QDateEdit):
    """A date with a calendar pop-up, in the same style as the dates in the history lists
    (the language's medium date, from Babel), always with a four-digit year."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.retranslate()
        self.set_iso("")

    def retranslate(self) -> None:
        from babel.dates import get_date_format

        from app.i18n import babel_locale

        self.setLocale(QLocale())
        self.setDisplayFormat(qt_date_format(get_date_format("medium", locale=babel_locale()).pattern))

    def iso(self) -> str:
        return self.date().toString(Qt.DateFormat.ISODate)

    def set_iso(self, value) -> None:
        d = QDate.fromString(value, Qt.DateFormat.ISODate) if isinstance(value, str) else QDate()
        self.setDate(d if d.isValid() else QDate.currentDate())


def note_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(110)
    return box


def connect_changed(signal, *widgets) -> None:
    """Emit ``signal`` when any of these inputs is edited."""
    for w in widgets:
        for name in ("textChanged", "valueChanged", "dateChanged", "toggled"):
            if hasattr(w, name):
                getattr(w, name).connect(lambda *_a: signal.emit())
                break


class Ticker(QObject):
    """Calls ``step(seconds)`` with the real time elapsed, every ``interval_ms``,
    only while ``owner`` is visible: hiding the owner stops it."""

    INTERVAL_MS = 100
    running_changed = Signal(bool)

    def __init__(self, owner: QWidget, step, interval_ms: int | None = None):
        super().__init__(owner)
        self.owner, self.step = owner, step
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms or self.INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self._last = 0.0

    def is_running(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        if self.owner.isVisible() and not self.timer.isActive():
            self._last = time.monotonic()
            self.timer.start()
            self.running_changed.emit(True)

    def stop(self) -> None:
        if self.timer.isActive():
            self.timer.stop()
            self.running_changed.emit(False)

    def _tick(self) -> None:
        if not self.owner.isVisible():
            self.stop()
            return
        now = time.monotonic()
        seconds, self._last = now - self._last, now
        self.step(seconds)


class PracticeLog:
    """The "log this practice" rows: a count the guide measures (and the user may
    correct), ratings before and after, and a note."""

    def __init__(self, fields: Fields, count: tuple, rating_keys: tuple):
        self.count_key, label, top = count
        self.count = fields.add(label, NumberSpin(0, top, optional=False))
        self.count.valueChanged.connect(self._edited)
        self.ratings = {}
        for key, text, *top in rating_keys:  # (key, label) rates 0-10; (key, label, 100) rates 0-100
            hi = top[0] if top else 10
            spin = RatingSpin() if hi == 10 else NumberSpin(0, hi)
            self.ratings[key] = fields.add(text, spin, N_("0 to 10") if hi == 10 else N_("0 to 100"))
        self.note = fields.add(N_("Note (optional)"), note_box())
        self._base = self._measured = 0
        self._writing = False

    def widgets(self) -> list:
        return [self.count, *self.ratings.values(), self.note]

    def _edited(self, value: int) -> None:
        if not self._writing:
            self._base = value - self._measured

    def measure(self, n: int) -> None:
        """The guide measured ``n`` since the entry was opened: shown on top of what was there."""
        if n != self._measured:
            self._measured, self._writing = n, True
            self.count.setValue(self._base + n)
            self._writing = False

    def get_data(self) -> dict:
        return {self.count_key: self.count.value(), **{k: s.number() for k, s in self.ratings.items()},
                "note": self.note.toPlainText()}

    def set_data(self, data: dict) -> None:
        count = data.get(self.count_key)
        self._measured = 0
        self.count.setValue(count if isinstance(count, int) and not isinstance(count, bool) else 0)
        for key, spin in self.ratings.items():
            spin.set_number(data.get(key))
        note = data.get("note")
        self.note.setPlainText(note if isinstance(note, str) else "")


class TimedPractice(QWidget):
    """Base of the breathing pacer and the relaxation guide: a Start/Pause button,
    a timer that stops whenever the widget is hidden, and the practice log.
    Subclasses set COUNT and RATINGS, build their guide in ``build(layout)``
    and move it on in ``advance(seconds)``."""

    changed = Signal()
    COUNT: tuple = ()
    RATINGS: tuple = ()

    def __init__(self, spec: dict | None = None, parent=None, *, interval_ms: int | None = None):
        super().__init__(parent)
        self.ticker = Ticker(self, self.advance, interval_ms)
        self.toggle = primary_button()
        self.toggle.clicked.connect(lambda: self.pause() if self.ticker.is_running() else self.start())
        self.ticker.running_changed.connect(lambda _r: self.retranslate_toggle())
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.build(lay)
        self.log_box = QGroupBox()
        self.fields = Fields(QFormLayout(self.log_box))
        self.log = PracticeLog(self.fields, self.COUNT, self.RATINGS)
        lay.addWidget(self.log_box)
        lay.addStretch(1)
        connect_changed(self.changed, *self.log.widgets())
        self.set_data({})
        self.retranslate()

    def build(self, lay: QVBoxLayout) -> None:
        raise NotImplementedError

    def field_widget(self, key: str) -> QWidget | None:
        """The input an error about ``key`` belongs to: the practice count."""
        return self.log.count if key == self.log.count_key else None

    def advance(self, seconds: float) -> None:
        raise NotImplementedError

    def start(self) -> None:
        self.ticker.start()

    def pause(self) -> None:
        self.ticker.stop()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.pause()
        super().hideEvent(event)

    def retranslate_toggle(self) -> None:
        # Translators: a button that starts or pauses a timer.
        self.toggle.setText(_("Pause") if self.ticker.is_running() else _("Start"))

    def retranslate(self) -> None:
        self.retranslate_toggle()
        self.log_box.setTitle(_("Log this practice"))
        self.fields.retranslate()


RATING_LABELS = {
    "mood_before": N_("Mood before (0-10)"),
    "mood": N_("Mood (0-10)"),
    "mastery": N_("Mastery: sense of achievement (0-10)"),
    "pleasure": N_("Pleasure: enjoyment (0-10)"),
}


class ActivityBase(QWidget):
    """Date, hour and what: the common top of the diary and the planner.
    Subclasses add rows in ``build()`` and list their extra inputs in ``inputs()``."""

    changed = Signal()
    HOUR_OPTIONAL = False
    ACTIVITY_LABEL = N_("What I did")
    HINT = ""

    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(parent)
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.fields = Fields(QFormLayout())
        self.lay.addLayout(self.fields.form)
        self.groups = [self.fields]
        self.date = self.fields.add(N_("Date"), DateField())
        self.hour = self.fields.add(N_("Time"), HourSpin(self.HOUR_OPTIONAL))
        self.activity = self.fields.add(self.ACTIVITY_LABEL, QLineEdit())
        self.activity.setMaxLength(limits.MAX_SHORT)
        self.hint = make_label("muted")
        self.build()
        self.lay.addWidget(self.hint)
        self.lay.addStretch(1)
        connect_changed(self.changed, self.date, self.hour, self.activity, *self.inputs())
        self.set_data({})
        self.retranslate()

    def build(self) -> None:
        raise NotImplementedError

    def start_widget(self) -> QWidget:
        """Where the cursor goes in a new entry: what was done (the date and time are usually right)."""
        return self.activity

    def inputs(self) -> list:
        return []

    def add_ratings(self, fields: Fields, keys, labels: dict | None = None) -> dict:
        labels = {**RATING_LABELS, **(labels or {})}
        return {k: fields.add(labels[k], RatingSpin(), N_("0 to 10")) for k in keys}

    def get_data(self) -> dict:
        return {"date": self.date.iso(), "hour": self.hour.number(), "activity": self.activity.text().strip()}

    def set_data(self, data: dict) -> None:
        self.date.set_iso(data.get("date"))
        self.hour.set_number(data.get("hour"))
        text = data.get("activity")
        self.activity.setText(text if isinstance(text, str) else "")

    def retranslate(self) -> None:
        for fields in self.groups:
            fields.retranslate()
        self.hint.setText(_(self.HINT) if self.HINT else "")
        self.hint.setVisible(bool(self.HINT))

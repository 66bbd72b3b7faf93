"""What the timed exercises (interoceptive exercises, mindful attention) share: a large clock that is a
keyboard stop of its own, Space to start and stop, and the time left said to screen-reader users at
each half minute rather than every second."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QLabel, QLineEdit,
                               QPlainTextEdit, QTextEdit)

from app.exercises import countdown
from app.i18n import _, localize_digits
from ui import a11y
from ui.exercises._activity_common import TimedPractice

# Inputs that use Space themselves (a button presses, a box types it): Space is theirs there.
_OWN_SPACE = (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)


def time_text(seconds: float) -> str:
    """E.g. "1:30 left", in the locale's digits."""
    # Translators: {time} is minutes and seconds left, for example 4:30.
    return _("{time} left").format(time=localize_digits(countdown.clock(seconds)))


class Clock(QLabel):
    """The time left, large. It takes keyboard focus (a screen reader reads "Time left" and the time),
    and Space there starts or stops the timer."""

    toggle_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setProperty("role", "clock")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_seconds(self, seconds: float) -> None:
        self.setText(localize_digits(countdown.clock(seconds)))
        self.setAccessibleDescription(time_text(seconds))

    def retranslate(self) -> None:
        self.setAccessibleName(_("Time left"))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            self.toggle_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class TimedExercise(TimedPractice):
    """A TimedPractice whose timer Space starts and stops (from the clock, the Start button, or anywhere in
    the editor that is not an input using Space itself), and whose time left is announced at marks."""

    def make_clock(self) -> Clock:
        self.clock = Clock()
        self.clock.toggle_requested.connect(self.toggle_timer)
        return self.clock

    def toggle_timer(self) -> None:
        self.pause() if self.ticker.is_running() else self.start()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if (event.key() == Qt.Key.Key_Space and not event.modifiers()
                and not isinstance(QApplication.focusWidget(), _OWN_SPACE)):
            self.toggle_timer()
            event.accept()
            return
        super().keyPressEvent(event)

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "clock"):
            self.clock.retranslate()

    def say_progress(self, before: float, after: float, length: float) -> None:
        """Announce the time left when it passed a mark (each half minute, and 10 seconds)."""
        mark = countdown.crossed(before, after, length)
        if mark is not None and after > 0:
            a11y.announce(self, time_text(mark))

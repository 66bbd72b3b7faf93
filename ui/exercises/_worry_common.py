"""Inputs shared by the worry diary, worry time and behavioural experiment editors."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtWidgets import QComboBox, QTimeEdit

from app.i18n import _
from ui.exercises._activity_common import NumberSpin


def percent_spin() -> NumberSpin:
    """A 0-100 rating that starts as "not rated", so no number is ever invented for the person."""
    spin = NumberSpin(0, 100)
    spin.set_number(None)
    return spin


class TimeField(QTimeEdit):
    """A time of day in the language's short style; arrow keys and typing change it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(120)
        # A time reads left to right in every language; in a right-to-left layout Qt's editor split
        # "8:00 م" into "م 00:8".
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.retranslate()

    def retranslate(self) -> None:
        self.setLocale(QLocale())
        self.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))

    def clock(self) -> str:
        return self.time().toString("HH:mm")

    def set_clock(self, value) -> None:
        t = QTime.fromString(value, "HH:mm") if isinstance(value, str) else QTime()
        self.setTime(t if t.isValid() else QTime.currentTime())


def choice_combo(choices, empty: str) -> QComboBox:
    """A drop-down of (id, N_ label) choices after an "empty" choice (data None); labels set by ``label_combo``."""
    combo = QComboBox()
    combo.addItem("", None)
    for choice_id, _label in choices:
        combo.addItem("", choice_id)
    label_combo(combo, choices, empty)
    return combo


def label_combo(combo: QComboBox, choices, empty: str) -> None:
    combo.setItemText(0, _(empty))
    for i, (_choice_id, label) in enumerate(choices, 1):
        combo.setItemText(i, _(label))


def choose(combo: QComboBox, choice_id) -> None:
    combo.setCurrentIndex(max(0, combo.findData(choice_id)) if choice_id is not None else 0)

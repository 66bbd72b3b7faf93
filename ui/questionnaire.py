"""Answering a questionnaire quickly by keyboard: one focusable row per question.

In a row, the digit keys choose an answer and move to the next question;
Up/Down move between questions; Left/Right change the answer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QRadioButton, QVBoxLayout, QWidget

from app.i18n import _, is_rtl
from ui.widgets import make_label


class QuestionRow(QFrame):
    answered = Signal(int)  # the row's index

    def __init__(self, index: int, number: str, text: str, options: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        self.index = index
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        self.label = make_label()
        self.label.setText(f"{number}. {text}")
        lay.addWidget(self.label)
        grid = QGridLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        for col, (value, label) in enumerate(options):
            rb = QRadioButton(str(value) if not label else f"{value}  {label}" if len(options) > 5 else label)
            rb.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row takes the keys
            self.group.addButton(rb, value)
            self.buttons[value] = rb
            grid.addWidget(rb, 0, col)
        self.group.idClicked.connect(lambda _v: self.answered.emit(self.index))
        lay.addLayout(grid)
        self.setAccessibleName(text)

    def value(self) -> int | None:
        v = self.group.checkedId()
        return None if v < 0 else v

    def set_value(self, value: int | None) -> None:
        self.group.setExclusive(False)
        for b in self.buttons.values():
            b.setChecked(False)
        self.group.setExclusive(True)
        if value in self.buttons:
            self.buttons[value].setChecked(True)
        self._describe()

    def _describe(self) -> None:
        v = self.value()
        self.setAccessibleDescription(_("Answer: {answer}").format(answer=self.buttons[v].text()) if v is not None
                                      else _("Not answered yet. Type a number to answer."))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text()
        values = sorted(self.buttons)
        if text.isdigit() and int(text) in self.buttons:
            self.buttons[int(text)].setChecked(True)
            self._describe()
            self.answered.emit(self.index)
            return
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if (event.key() == Qt.Key.Key_Right) != self.isRightToLeft() else -1
            current = self.value()
            nxt = values[0] if current is None else values[max(0, min(len(values) - 1, values.index(current) + step))]
            self.buttons[nxt].setChecked(True)
            self._describe()
            return
        if event.key() == Qt.Key.Key_Down:
            self.focusNextChild()
            return
        if event.key() == Qt.Key.Key_Up:
            self.focusPreviousChild()
            return
        super().keyPressEvent(event)


class Questionnaire(QWidget):
    """All questions of one measure (plus its unscored questions)."""

    def __init__(self, measure, problem_word: str, parent=None):
        super().__init__(parent)
        self.measure = measure
        # The wording is the instrument's own language (English for now): lay it out in that
        # language's direction, as lessons do, whatever the interface language.
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_rtl(measure.language)
                                else Qt.LayoutDirection.LeftToRight)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.instructions = make_label("subheading")
        self.instructions.setText(measure.instructions)
        lay.addWidget(self.instructions)
        self.rows: list[QuestionRow] = []
        for i, item in enumerate(measure.items):
            text = item.text.replace("[problem]", problem_word)
            row = QuestionRow(i, item.id, text, list(measure.options))
            row.answered.connect(self._next)
            lay.addWidget(row)
            if item.optional_reason:
                note = make_label("muted")
                note.setText(item.optional_reason)
                lay.addWidget(note)
            self.rows.append(row)
        self.extra_rows: list[QuestionRow] = []
        for j, extra in enumerate(measure.unscored_items):
            row = QuestionRow(len(self.rows) + j, "\u2022", extra["text"], list(enumerate(extra["options"])))
            row.answered.connect(self._next)
            lay.addWidget(row)
            self.extra_rows.append(row)
        lay.addStretch(1)
        self.setFocusProxy(self.rows[0])

    def _next(self, index: int) -> None:
        rows = self.rows + self.extra_rows
        if index + 1 < len(rows):
            rows[index + 1].setFocus(Qt.FocusReason.TabFocusReason)

    def answers(self) -> list[int | None]:
        return [r.value() for r in self.rows]

    def extra(self) -> dict:
        return {e["id"]: r.value() for e, r in zip(self.measure.unscored_items, self.extra_rows) if r.value() is not None}

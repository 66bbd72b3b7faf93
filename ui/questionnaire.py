"""Answering a questionnaire quickly by keyboard: one focusable row per question.

Every answer shows its number, which is its scored value (0 to 3 for the PHQ and GAD, 0 to
8 for the WSAS; the unscored difficulty question 0 to 3). In a row, typing that number
chooses exactly that answer and moves on; Up/Down move between questions; Left/Right change
the answer; Enter asks for the result. The question that takes the keys is highlighted (a
tinted card with an accent edge, not only a focus ring) and is kept scrolled into view.

For screen readers each row is a *group* named with its number and question, described by
the chosen answer (or "not answered"), and announced as it becomes the current question.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QColor, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (QAccessibleWidget, QButtonGroup, QFrame, QLayout, QRadioButton, QStyle,
                               QVBoxLayout, QWidget)

from app.i18n import _, format_number, is_rtl
from ui import a11y
from ui.widgets import make_label


class AnswerGrid(QLayout):
    """Answers in equal columns, as many per line as fit the width (so nothing is pushed sideways)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items = []
        self.setSpacing(6)

    # QLayout's interface
    def addItem(self, item):  # noqa: N802
        self._items.append(item)

    def count(self):
        return len(self._items)

    def itemAt(self, i):  # noqa: N802
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i):  # noqa: N802
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):  # noqa: N802
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self):  # noqa: N802
        return True

    def heightForWidth(self, width):  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def minimumSize(self):  # noqa: N802
        cell = self._cell()
        m = self.contentsMargins()
        return QSize(cell.width() + m.left() + m.right(), cell.height() + m.top() + m.bottom())

    def sizeHint(self):  # noqa: N802
        cell = self._cell()
        m = self.contentsMargins()
        n = max(1, len(self._items))
        return QSize(n * cell.width() + (n - 1) * self.spacing() + m.left() + m.right(),
                     cell.height() + m.top() + m.bottom())

    def setGeometry(self, rect):  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    # the arrangement
    def _cell(self) -> QSize:
        w = h = 0
        for item in self._items:
            hint = item.sizeHint()
            w, h = max(w, hint.width()), max(h, hint.height())
        return QSize(w, h)

    def columns(self, width: int) -> int:
        """All in one line if they fit; otherwise as few lines as fit, filled evenly (2 + 2, not 3 + 1)."""
        m = self.contentsMargins()
        cell = self._cell().width()
        space = width - m.left() - m.right()
        n = len(self._items) or 1
        fit = max(1, min(n, (space + self.spacing()) // max(1, cell + self.spacing())))
        lines = -(-n // fit)
        return -(-n // lines)

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        cols = self.columns(rect.width())
        cell = self._cell()
        space = rect.width() - m.left() - m.right()
        col_w = max(cell.width(), (space - (cols - 1) * self.spacing()) // cols)
        rows = (len(self._items) + cols - 1) // cols
        if move:
            rtl = self.parentWidget() is not None and self.parentWidget().isRightToLeft()
            for i, item in enumerate(self._items):
                r, c = divmod(i, cols)
                x = rect.x() + m.left() + c * (col_w + self.spacing())
                geometry = QRect(x, rect.y() + m.top() + r * (cell.height() + self.spacing()), col_w, cell.height())
                if rtl:
                    geometry = QStyle.visualRect(Qt.LayoutDirection.RightToLeft, rect, geometry)
                item.setGeometry(geometry)
        return m.top() + m.bottom() + rows * cell.height() + max(0, rows - 1) * self.spacing()


class _RowAccessible(QAccessibleWidget):
    """A question row as a screen reader should meet it: a group with a name and the chosen answer."""

    def __init__(self, row: "QuestionRow"):
        super().__init__(row, QAccessible.Role.Grouping)

    def text(self, t):  # noqa: D401 - Qt override
        row = self.widget()
        if t == QAccessible.Text.Name:
            return row.accessibleName()
        if t == QAccessible.Text.Description:
            return row.accessibleDescription()
        if t == QAccessible.Text.Value:
            return row.answer_text()
        return super().text(t)


_interfaces: dict[int, _RowAccessible] = {}  # kept alive while their rows live (see ui/a11y.py)
_factory_installed = False


def _row_factory(_class_name, obj):
    if isinstance(obj, QuestionRow):
        key = id(obj)
        iface = _interfaces.get(key)
        if iface is None:
            iface = _RowAccessible(obj)
            _interfaces[key] = iface
            obj.destroyed.connect(lambda _o=None, k=key: _interfaces.pop(k, None))
        return iface
    return None


def _install_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_row_factory)
        _factory_installed = True


class QuestionRow(QFrame):
    answered = Signal(int)       # the row's index: answered by a digit or a click (moves on)
    changed = Signal(int)        # the row's index: the person changed the answer, by any key or click
    move = Signal(int, int)      # (index, +1 or -1): Down or Up
    submit = Signal()            # Enter
    became_current = Signal(int)

    def __init__(self, index: int, number: str | None, text: str, options: list[tuple[int, str]], parent=None):
        super().__init__(parent)
        _install_factory()
        self.index = index
        self.number = number
        self.question = text
        self.error = ""
        self.setProperty("role", "card")
        self.setProperty("current", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 10, 12, 10)
        self.label = make_label()
        # The wording is the instrument's, in its own language and direction (not the interface's):
        # its number is joined to it as the printed form does, with a mark of the questionnaire's
        # direction first, so "9. Thoughts..." does not turn into "Thoughts... .9" in an Arabic window.
        mark = "\u200f" if self.isRightToLeft() else "\u200e"
        self.title = f"{number}. {text}" if number else text
        self.label.setText(mark + self.title)
        lay.addWidget(self.label)
        self.grid = AnswerGrid()
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QRadioButton] = {}
        # A button's text is drawn in the application's direction: a mark of the questionnaire's own
        # direction keeps "0  Not at all" in that order in a right-to-left interface.
        for value, label in options:
            shown = format_number(value)
            rb = QRadioButton(mark + (f"{shown}  {label}" if label else shown))
            rb.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row takes the keys
            self.group.addButton(rb, value)
            self.buttons[value] = rb
            self.grid.addWidget(rb)
        self.group.idClicked.connect(self._clicked)
        lay.addLayout(self.grid)
        self.setAccessibleName(self.title)
        self._describe()

    # --- the answer -----------------------------------------------------------------------

    def value(self) -> int | None:
        v = self.group.checkedId()
        return None if v < 0 else v

    def answer_text(self) -> str:
        v = self.value()
        return self.answer_of(v) if v is not None else _("Not answered")

    def answer_of(self, value: int) -> str:
        """An answer's text as shown, without the direction mark."""
        return self.buttons[value].text().lstrip("\u200e\u200f")

    def set_value(self, value: int | None) -> None:
        """Set the answer without counting as the person's choice (restoring answers)."""
        self.group.setExclusive(False)
        for b in self.buttons.values():
            b.setChecked(False)
        self.group.setExclusive(True)
        if value in self.buttons:
            self.buttons[value].setChecked(True)
        self._describe()

    def set_error(self, text: str) -> None:
        """Tie a message to this question (its description) until it is answered."""
        self.error = text
        self._describe()

    def _choose(self, value: int) -> None:
        self.buttons[value].setChecked(True)
        self.error = ""
        self._describe()
        self.changed.emit(self.index)

    def _clicked(self, _value: int) -> None:
        self.error = ""
        self._describe()
        self.changed.emit(self.index)
        self.answered.emit(self.index)

    def _describe(self) -> None:
        v = self.value()
        if v is not None:
            text = _("Answer: {answer}").format(answer=self.answer_of(v))
        else:
            text = self.error or _("Not answered yet. Type the number of your answer.")
        self.setAccessibleDescription(text)

    # --- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text()
        values = sorted(self.buttons)
        if len(text) == 1 and text.isdecimal():   # any script's digits: "1" and "١" both choose 1
            if int(text) in self.buttons:
                self._choose(int(text))
                self.answered.emit(self.index)
            else:
                a11y.announce(self, _("Type a number from {low} to {high}.").format(
                    low=format_number(values[0]), high=format_number(values[-1])))
            return
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if (key == Qt.Key.Key_Right) != self.isRightToLeft() else -1
            current = self.value()
            nxt = values[0] if current is None else values[max(0, min(len(values) - 1, values.index(current) + step))]
            if nxt != current:
                self._choose(nxt)
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.move.emit(self.index, 1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit.emit()
            return
        super().keyPressEvent(event)

    # --- the current question ---------------------------------------------------------------

    def _set_current(self, on: bool) -> None:
        self.setProperty("current", on)   # style hook: QFrame[role="card"][current="true"]
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self._set_current(True)
        self.became_current.emit(self.index)
        if event.reason() == Qt.FocusReason.ActiveWindowFocusReason:
            return  # back from another window: the screen reader reads the focus itself
        # Translators: spoken by a screen reader when a question becomes the current one: the question,
        # then its answer (or that it is not answered yet).
        a11y.announce(self, _("{question} \u2014 {answer}").format(question=self.title,
                                                                   answer=self.accessibleDescription()))

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._set_current(False)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.hasFocus():
            return
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(accent)
        tint.setAlpha(28)
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        p.setBrush(tint)
        p.setPen(QPen(accent, 3))
        p.drawRoundedRect(box, 8, 8)
        edge = QRectF(box.right() - 6, box.top(), 6, box.height()) if self.isRightToLeft() \
            else QRectF(box.left(), box.top(), 6, box.height())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(accent)
        p.drawRoundedRect(edge, 3, 3)
        p.end()


class Questionnaire(QWidget):
    """All questions of one measure (plus its unscored questions)."""

    current_changed = Signal(QWidget)   # the row that now takes the keys
    submit_requested = Signal()         # Enter in a row
    flagged = Signal(int)               # the person answered a flagged item (PHQ-9 item 9) above 0
    all_answered = Signal()             # the last row was answered and nothing is missing

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
            if item.heading:  # the form's own heading before a group of questions ("Think about your last...")
                heading = make_label("subheading")
                heading.setText(item.heading)
                lay.addWidget(heading)
            text = item.text.replace("[problem]", problem_word)
            row = QuestionRow(i, item.id, text, list(measure.options), parent=self)
            lay.addWidget(row)
            if item.optional_reason:
                note = make_label("muted")
                note.setText(item.optional_reason)
                lay.addWidget(note)
            self.rows.append(row)
        self.extra_rows: list[QuestionRow] = []
        for j, extra in enumerate(measure.unscored_items):
            row = QuestionRow(len(self.rows) + j, None, extra["text"], list(enumerate(extra["options"])), parent=self)
            lay.addWidget(row)
            self.extra_rows.append(row)
        for row in self.all_rows():
            row.answered.connect(self._next)
            row.changed.connect(self._changed)
            row.move.connect(self._move)
            row.submit.connect(self.submit_requested)
            row.became_current.connect(lambda i: self.current_changed.emit(self.all_rows()[i]))
        lay.addStretch(1)
        # No focus proxy to the first row: a container with one sits in the Tab chain after the
        # buttons below it, and Tab from "See my result" jumped back to question 1 (a keyboard trap).

    def focus_first(self) -> None:
        self.rows[0].setFocus(Qt.FocusReason.TabFocusReason)

    def all_rows(self) -> list[QuestionRow]:
        return self.rows + self.extra_rows

    def skipped(self) -> bool:
        """The gate question (PHQ panic 3a) was answered so that the other questions are not asked."""
        from app.measures import engine

        return engine.skipped(self.measure, [r.value() for r in self.rows])

    def apply_gate(self) -> None:
        gate = self.measure.gate
        if gate is None:
            return
        off = self.skipped()
        for item, row in zip(self.measure.items, self.rows):
            if item.id != gate["item"]:
                row.setEnabled(not off)  # disabled rows leave the Tab order and say so to screen readers

    def _changed(self, index: int) -> None:
        self.apply_gate()
        if index < len(self.rows):
            item = self.measure.items[index]
            value = self.rows[index].value()
            if item.flag and value is not None and value > 0:
                self.flagged.emit(index)

    def _next(self, index: int) -> None:
        """After an answer: the next question; after the last, the first one skipped, else the result button."""
        rows = [r for r in self.all_rows() if r.isEnabled() or r.index == index]
        index = rows.index(self.all_rows()[index])
        if index + 1 < len(rows):
            rows[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
            return
        missing = self.missing()
        if missing:
            missing[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.all_answered.emit()

    def _move(self, index: int, step: int) -> None:
        rows = self.all_rows()
        target = index + step
        while 0 <= target < len(rows) and not rows[target].isEnabled():
            target += step  # past the questions a gate answer skipped
        if 0 <= target < len(rows):
            rows[target].setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)

    def missing(self) -> list[QuestionRow]:
        """The scored questions not answered yet (the unscored ones are never required)."""
        if self.skipped():
            return []
        return [r for r in self.rows if r.value() is None]

    def answers(self) -> list[int | None]:
        """One per item; the questions a "no" to the gate question skips count as unanswered."""
        if self.skipped():
            gate = self.measure.gate["item"]
            return [r.value() if item.id == gate else None for item, r in zip(self.measure.items, self.rows)]
        return [r.value() for r in self.rows]

    def extra(self) -> dict:
        return {e["id"]: r.value() for e, r in zip(self.measure.unscored_items, self.extra_rows) if r.value() is not None}

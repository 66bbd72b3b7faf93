"""Quiz: one group of choices per question; checking shows the explanations."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QPushButton, QRadioButton, QStyle, QVBoxLayout,
                               QWidget)

from app.exercises.kinds import quiz as core
from app.i18n import _, content
from ui.widgets import make_label

KIND = "quiz"
TOOL = False  # needs its lesson's questions


class Choice(QRadioButton):
    """A radio button whose text wraps (a plain QRadioButton keeps its text on one line, which pushed
    long German answers past the edge). The text is a label inside the button, clicks go to the button."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        indent = (self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth, None, self)
                  + self.style().pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing, None, self))
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addSpacing(indent)
        self.label = make_label()
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        lay.addWidget(self.label, 1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)

    def sizeHint(self):  # noqa: N802 - Qt override: as tall as the wrapped text
        hint = super().sizeHint()
        inner = self.layout().sizeHint()
        return hint.expandedTo(inner)

    def minimumSizeHint(self):  # noqa: N802 - Qt override: narrow enough to wrap
        return self.layout().minimumSize()

    def hitButton(self, pos) -> bool:  # noqa: N802 - Qt override: a click on the text chooses it too
        return self.rect().contains(pos)


class QuizEditor(QWidget):
    changed = Signal()

    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(parent)
        self.questions = list((spec or {}).get("questions") or [])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes, self.titles, self.groups, self.buttons, self.explains = [], [], [], [], []
        for qi, q in enumerate(self.questions):
            box = QFrame()
            box.setProperty("role", "card")
            bl = QVBoxLayout(box)
            bl.setSpacing(6)
            title = make_label("subheading")  # wraps, unlike a group box title
            bl.addWidget(title)
            group = QButtonGroup(box)
            buttons = []
            for oi, _opt in enumerate(q.get("options", [])):
                rb = Choice()
                group.addButton(rb, oi)
                bl.addWidget(rb)
                buttons.append(rb)
            explain = make_label("muted")
            explain.hide()
            bl.addWidget(explain)
            group.idClicked.connect(lambda _i: self.changed.emit())
            lay.addWidget(box)
            self.boxes.append(box)
            self.titles.append(title)
            self.groups.append(group)
            self.buttons.append(buttons)
            self.explains.append(explain)
        self.check = QPushButton()
        self.check.clicked.connect(self.show_answers)
        self.result = make_label("subheading")
        row = QHBoxLayout()
        row.addWidget(self.check)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(self.result)
        lay.addStretch(1)
        self.retranslate()

    def field_widget(self, _key: str) -> QWidget | None:
        """Nothing answered: the first answer of the first question."""
        return self.buttons[0][0] if self.buttons and self.buttons[0] else None

    def chosen(self) -> list:
        return [g.checkedId() if g.checkedId() >= 0 else None for g in self.groups]

    def score(self) -> int:
        return sum(1 for c, q in zip(self.chosen(), self.questions) if c is not None and c == q.get("correct"))

    def get_data(self) -> dict:
        chosen = self.chosen()
        if all(c is None for c in chosen):
            return {}
        return {"chosen": chosen, "correct": self.score(), "total": len(self.questions)}

    def set_data(self, data: dict) -> None:
        chosen = list(data.get("chosen") or [])
        for qi, group in enumerate(self.groups):
            group.setExclusive(False)
            for b in self.buttons[qi]:
                b.setChecked(False)
            group.setExclusive(True)
            c = chosen[qi] if qi < len(chosen) else None
            if isinstance(c, int) and 0 <= c < len(self.buttons[qi]):
                self.buttons[qi][c].setChecked(True)
            self.explains[qi].hide()
        self.result.clear()
        if chosen:
            self.show_answers()

    def show_answers(self) -> None:
        for q, explain, c in zip(self.questions, self.explains, self.chosen()):
            if c is None:
                explain.hide()
                continue
            right = c == q.get("correct")
            # Translators: feedback on a quiz answer: "Right." = correct.
            verdict = _("Right.") if right else _("Not quite.")
            explain.setText(verdict + " " + content(q.get("explain", "")))
            explain.show()
        n, total = self.score(), len(self.questions)
        self.result.setText(core.score_text(n, total))

    def retranslate(self) -> None:
        for qi, q in enumerate(self.questions):
            self.titles[qi].setText(content(q.get("text", "")))
            for b, opt in zip(self.buttons[qi], q.get("options", [])):
                b.set_text(content(opt))
                # Screen readers say the question with each answer, as a group box title would give them.
                b.setAccessibleDescription(self.titles[qi].text())
        self.check.setText(_("Check my answers"))


EDITOR = QuizEditor

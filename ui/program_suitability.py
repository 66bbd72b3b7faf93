"""A program's own suitability screen, shown when the person starts it (after the PHQ-9 based check).

The program's yes/no questions (``suitability:`` in its program.yaml), each with the advice it shows for
"yes". It is advice, never a gate: "Start the program" is always there. The answers are not saved; they
only decide which advice is shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QPushButton, QRadioButton, QVBoxLayout, QWidget

from app.i18n import _, content
from app.programs.model import Program, ScreenQuestion
from ui import a11y
from ui.scrolling_dialog import ScrollingDialog
from ui.widgets import card, make_label

START, LATER = "start", "later"


class _Question(QWidget):
    """One question: its text, Yes and No (arrow keys move between them), and its advice when "yes"."""

    def __init__(self, question: ScreenQuestion, on_answer, on_help=None, parent=None):
        super().__init__(parent)
        self.question = question
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.text = make_label()
        self.text.setText(content(question.text))
        self.yes, self.no = QRadioButton(_("Yes")), QRadioButton(_("No"))
        row = QHBoxLayout()
        for button in (self.yes, self.no):
            # The button says "Yes"; the question is read with it.
            button.setAccessibleDescription(self.text.text())
            button.toggled.connect(lambda _on: on_answer(self))
            row.addWidget(button)
        row.addStretch(1)
        self.advice_frame, inner = card()
        self.advice = make_label()
        self.advice.setText(content(question.advice))
        inner.addWidget(self.advice)
        self.get_help = None
        if question.crisis:  # as after a PHQ-9 item 9 answer: the way to people who can help, at once
            self.get_help = QPushButton(_("Get help now"))
            self.get_help.setProperty("role", "primary")
            self.get_help.setAccessibleName(_("Get help now: who you can contact immediately"))
            if on_help is not None:
                self.get_help.clicked.connect(on_help)
            help_row = QHBoxLayout()
            help_row.addWidget(self.get_help)
            help_row.addStretch(1)
            inner.addLayout(help_row)
        self.advice_frame.hide()
        lay.addWidget(self.text)
        lay.addLayout(row)
        lay.addWidget(self.advice_frame)

    def answered_yes(self) -> bool:
        return self.yes.isChecked()


class ProgramScreenDialog(ScrollingDialog):
    def __init__(self, program: Program, parent=None, on_help=None):
        super().__init__(parent)
        self.setObjectName("programScreenDialog")
        self.setMinimumWidth(420)
        self.choice = LATER
        title = content(program.title)
        self.setWindowTitle(_("Before you start {title}").format(title=title))
        self.heading.setText(_("Before you start {title}").format(title=title))
        self.intro = make_label()
        self.intro.setText(content(program.suitability.intro))
        self.note = make_label("muted")
        self.note.setText(_("Your answers are not saved. They only decide which advice is shown here, and you "
                            "can start the program whatever you answer."))
        self.body_layout.addWidget(self.intro)
        self.questions = [_Question(q, self._answered, on_help) for q in program.suitability.questions]
        for q in self.questions:
            self.body_layout.addWidget(q)
        self.body_layout.addWidget(self.note)
        self.body_layout.addStretch(1)
        self.start = QPushButton(_("Start the program"))
        self.later = QPushButton(_("Not now"))
        self.buttons.addButton(self.start, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.later, QDialogButtonBox.ButtonRole.RejectRole)
        self.start.clicked.connect(lambda: self._done(START))
        self.later.clicked.connect(lambda: self._done(LATER))
        self.start.setDefault(True)

    def _answered(self, question: _Question) -> None:
        yes = question.answered_yes()
        if yes and question.advice_frame.isHidden():
            a11y.announce(self, question.advice.text())
        question.advice_frame.setVisible(yes)
        if yes and self.isVisible():
            self.fit_to_screen(grow_only=True)  # room for the advice, as far as the screen allows

    def said_yes(self) -> list[str]:
        """The ids of the questions answered "yes", in the program's order."""
        return [q.question.id for q in self.questions if q.answered_yes()]

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        a11y.announce(self, self.intro.text())

    def _done(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice == START else self.reject()


def ask(parent, program: Program, on_help=None) -> str:
    """Show the program's screen; returns START or LATER. ``on_help`` opens Get help now (a crisis question)."""
    dlg = ProgramScreenDialog(program, parent, on_help)
    dlg.exec()
    return dlg.choice

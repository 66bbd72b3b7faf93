"""Before starting a program after a worrying PHQ-9: recommend a professional, kindly; never block."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from app.i18n import _, format_date
from app.measures import suitability
from ui import a11y
from ui.scrolling_dialog import ScrollingDialog
from ui.widgets import make_label

START, HELP, LATER = "start", "help", "later"


class SuitabilityDialog(ScrollingDialog):
    """The text scrolls rather than clip at a large text size; the buttons stay in view."""

    def __init__(self, concern: suitability.Concern, parent=None):
        super().__init__(parent)
        self.setObjectName("suitabilityDialog")
        self.setMinimumWidth(420)
        self.choice = LATER
        self.setWindowTitle(_("Before you start"))
        self.heading.setText(_("Before you start"))
        self.text = make_label()
        if suitability.SELF_HARM in concern.reasons:
            why = _("On your questionnaire of {date} you said you have had thoughts of being better off dead or "
                    "of hurting yourself.").format(date=format_date(concern.taken_at))
        else:
            why = _("Your questionnaire of {date} suggests that things are very hard for you at the "
                    "moment.").format(date=format_date(concern.taken_at))
        self.text.setText(why + "\n\n" + _(
            "A self-help program on its own may not be enough right now. Please talk to a professional as well: "
            "your doctor, a mental health service or a crisis line. You can use this program alongside their "
            "help, and you are welcome to start it now."))
        buttons = self.buttons
        self.help = QPushButton(_("Get help now"))
        self.start = QPushButton(_("Start the program"))
        self.later = QPushButton(_("Not now"))
        buttons.addButton(self.help, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.start, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.later, QDialogButtonBox.ButtonRole.RejectRole)
        self.help.clicked.connect(lambda: self._done(HELP))
        self.start.clicked.connect(lambda: self._done(START))
        self.later.clicked.connect(lambda: self._done(LATER))
        self.body_layout.addWidget(self.text)
        self.body_layout.addStretch(1)
        self.help.setDefault(True)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        a11y.announce(self, self.text.text())

    def _done(self, choice: str) -> None:
        self.choice = choice
        self.accept() if choice == START else self.reject()


def ask(parent, concern: suitability.Concern) -> str:
    """Show the recommendation; returns START, HELP or LATER."""
    dlg = SuitabilityDialog(concern, parent)
    dlg.exec()
    return dlg.choice

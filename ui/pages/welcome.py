"""First run: what Hearth is, in plain words, before anything else."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QWidget

from app import i18n
from app.i18n import _
from ui.widgets import card, centered_column, make_label, primary_button


class WelcomePage(QWidget):
    start_requested = Signal()
    profile_arrived = Signal()  # a profile moved from another computer is here now
    language_chosen = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        col = centered_column(self, 620)
        col.addStretch(1)
        self.heading = make_label("heading")
        self.intro = make_label()
        frame, inner = card()
        self.points = [make_label() for _i in range(3)]
        for p in self.points:
            inner.addWidget(p)
        self.not_emergency = make_label("muted")
        form = QFormLayout()
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        self.start = primary_button()
        self.start.clicked.connect(self.start_requested)
        self.from_file = QPushButton()
        self.from_file.clicked.connect(self._from_file)
        for w in (self.heading, self.intro, frame, self.not_emergency):
            col.addWidget(w)
        col.addLayout(form)
        col.addWidget(self.start)
        col.addWidget(self.from_file)
        col.addStretch(2)
        self.language.activated.connect(lambda _i: self.language_chosen.emit(self.language.currentData()))
        self.retranslate()

    def _from_file(self) -> None:
        from ui import profile_move

        if profile_move.move_in(self, self.ctx) is not None:
            self.profile_arrived.emit()

    def focus_start(self) -> None:
        self.start.setFocus(Qt.FocusReason.OtherFocusReason)  # Enter creates a profile

    def retranslate(self) -> None:
        self.heading.setText(_("Welcome to Hearth"))
        self.intro.setText(_("Hearth helps you learn and practise skills from cognitive behavioural therapy "
                             "(CBT): short lessons, exercises and questionnaires you can work through at "
                             "your own pace, on your own or with a clinician."))
        self.points[0].setText(_("Everything stays on this computer. Your entries are encrypted with your "
                                 "password, and Hearth never connects to the internet."))
        self.points[1].setText(_("If you work with a clinician, you decide what to share with them, in an "
                                 "encrypted file that only they can open."))
        self.points[2].setText(_("Several people can use Hearth on one computer: each has their own "
                                 "profile and password."))
        self.not_emergency.setText(_("Hearth is not an emergency service. If you are in danger or thinking "
                                     "of harming yourself, press \u201cGet help now\u201d at the top of any "
                                     "page (or F1)."))
        self.language_label.setText(_("Language:"))
        self.language.setAccessibleName(_("Language"))
        self.start.setText(_("Create my profile"))
        self.start.setAccessibleName(_("Create my profile"))
        self.from_file.setText(_("I have a profile from another computer\u2026"))
        self.from_file.setAccessibleName(_("Open a profile moved from another computer"))
        fill_languages(self.language)


def fill_languages(combo: QComboBox) -> None:
    include_pseudo = None if i18n.current_language() not in i18n.PSEUDO_LOCALES else True
    combo.blockSignals(True)
    combo.clear()
    for lang in i18n.available_languages(include_pseudo=include_pseudo):
        combo.addItem(lang.native_name, lang.code)
    combo.setCurrentIndex(max(combo.findData(i18n.current_language()), 0))
    combo.blockSignals(False)

"""Settings → Erase this profile: the password (or the recovery key) and the typed name, then erase.

Nothing is erased until both are right; the key check runs off the GUI thread (Argon2 takes a moment).
The erase itself is done by the main window (``MainWindow.erase_current_profile``), which locks first.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app.errors import HearthError
from app.i18n import _
from ui.widgets import PasswordField, make_label, show_error
from ui.worker import run_async


class EraseProfileDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        session = ctx.session
        self.profile_name = session.display_name if session else ""
        self.setWindowTitle(_("Erase this profile"))
        self.setObjectName("eraseDialog")
        lay = QVBoxLayout(self)
        self.heading = make_label("subheading")
        self.heading.setText(_("Erase \u201c{name}\u201d for good?").format(name=self.profile_name))
        self.explain = make_label()
        self.explain.setText(_("This removes the profile and everything in it from this computer: entries, "
                               "questionnaires, messages and its backups. It cannot be undone, and the "
                               "recovery key cannot bring it back."))
        form = QFormLayout()
        self.secret = PasswordField()
        self.secret_label = QLabel(_("Password or recovery key:"))
        self.secret_label.setBuddy(self.secret)
        self.secret.set_accessible_name(_("Password or recovery key"))
        self.name = QLineEdit()
        self.name_label = QLabel(_("Type the profile\u2019s name to confirm:"))
        self.name_label.setBuddy(self.name)
        self.name.setAccessibleName(_("The profile\u2019s name, to confirm"))
        form.addRow(self.secret_label, self.secret)
        form.addRow(self.name_label, self.name)
        self.error = make_label("error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase = QPushButton(_("Erase for good"))
        self.erase.setObjectName("eraseButton")
        self.buttons.addButton(self.erase, QDialogButtonBox.ButtonRole.DestructiveRole)
        for button in self.buttons.buttons():  # Enter in a field must neither erase nor cancel by surprise
            button.setAutoDefault(False)
            button.setDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.erase.clicked.connect(self._go)
        for w in (self.heading, self.explain):
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.secret.setFocus()

    def _go(self) -> None:
        typed = " ".join(self.name.text().split())
        if typed.casefold() != self.profile_name.casefold():
            show_error(self.error, _("Type the profile\u2019s name exactly as it is shown: {name}. Nothing was "
                                     "erased.").format(name=self.profile_name), self.name)
            self.name.setFocus()
            return
        secret = self.secret.text()
        session = self.ctx.session
        if session is None or not secret:
            show_error(self.error, _("Type the profile\u2019s password or its recovery key."), self.secret)
            self.secret.setFocus()
            return
        self.erase.setEnabled(False)
        manager = self.ctx.manager

        def work():
            manager.check_secret(manager.find(session.profile_id), secret)

        run_async(work, lambda _r: self.accept(), self._failed, self)

    def _failed(self, exc) -> None:
        self.erase.setEnabled(True)
        show_error(self.error, (exc.message() if isinstance(exc, HearthError) else
                                _("The profile could not be checked because of an unexpected problem.")) + " "
                   + _("Nothing was erased."), self.secret)
        self.secret.setFocus()

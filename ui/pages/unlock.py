"""Unlock: pick a profile (when there are several), type the password."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from app.errors import HearthError, StoreDamaged
from app.i18n import _
from ui import warm
from ui.widgets import PasswordField, centered_column, make_label, primary_button, show_error
from ui.worker import run_async


class UnlockPage(QWidget):
    unlocked = Signal(object)       # Session
    forgot = Signal(object)         # ProfileInfo
    create_requested = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._profiles = []
        self._busy = False
        col = centered_column(self, 520)
        col.addStretch(1)
        self.heading = make_label("heading")
        self.intro = make_label("muted")
        form = QFormLayout()
        self.profile_label, self.profile = QLabel(), QComboBox()
        self.pw_label, self.password = QLabel(), PasswordField()
        self.profile_label.setBuddy(self.profile)
        self.pw_label.setBuddy(self.password)
        form.addRow(self.profile_label, self.profile)
        form.addRow(self.pw_label, self.password)
        self.error = make_label("error")
        self.error.hide()
        self.demo_hint = make_label("muted", selectable=True)
        self.unlock = primary_button()
        self.restore = QPushButton()
        self.restore.hide()
        links = QHBoxLayout()
        self.forgot_button = QPushButton()
        self.new_profile = QPushButton()
        self.from_file = QPushButton()
        links.addWidget(self.forgot_button)
        links.addStretch(1)
        links.addWidget(self.new_profile)
        others = QHBoxLayout()  # its own row: three buttons in one did not fit longer languages
        others.addStretch(1)
        others.addWidget(self.from_file)
        for w in (self.heading, self.intro):
            col.addWidget(w)
        col.addLayout(form)
        for w in (self.error, self.restore, self.demo_hint, self.unlock):
            col.addWidget(w)
        col.addLayout(links)
        col.addLayout(others)
        col.addStretch(2)
        self.unlock.clicked.connect(self._unlock)
        self.password.edit.returnPressed.connect(self._unlock)
        self.password.edit.textEdited.connect(lambda _t: warm.start())  # the first key typed: see ui.warm
        self.forgot_button.clicked.connect(lambda: self.forgot.emit(self.current_profile()))
        self.new_profile.clicked.connect(self.create_requested)
        self.restore.clicked.connect(self._restore)
        self.from_file.clicked.connect(self._from_file)
        self.profile.currentIndexChanged.connect(lambda _i: (show_error(self.error, ""), self.restore.hide()))
        self.retranslate()

    def refresh(self) -> None:
        """Reload the profile list and clear the form (called on every visit)."""
        self._profiles = [p for p in self.ctx.manager.list()]
        keep = self.profile.currentData()
        self.profile.blockSignals(True)
        self.profile.clear()
        for p in self._profiles:
            label = p.display_name if not p.damaged else _("{name} (damaged)").format(name=p.display_name)
            self.profile.addItem(label, p.profile_id)
        if keep:
            self.profile.setCurrentIndex(max(self.profile.findData(keep), 0))
        self.profile.blockSignals(False)
        several = len(self._profiles) > 1
        self.profile.setVisible(several)
        self.profile_label.setVisible(several)
        self.password.clear()
        show_error(self.error, "")
        self.restore.hide()
        self._set_busy(False)
        self.demo_hint.setVisible(bool(self.ctx.demo_password))
        self.retranslate()
        self.password.setFocus()

    def current_profile(self):
        pid = self.profile.currentData()
        return next((p for p in self._profiles if p.profile_id == pid), None)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock.setEnabled(not busy)
        self.unlock.setText(_("Unlocking\u2026") if busy else _("Unlock"))

    def _unlock(self) -> None:
        profile = self.current_profile()
        if profile is None or self._busy:
            return
        password = self.password.text()
        if not password:
            show_error(self.error, _("Please type your password."), self.password)
            self.password.setFocus()
            return
        self._set_busy(True)
        warm.busy()
        warm.start()
        run_async(lambda: _open(self.ctx.manager, profile, password), self._done, self._failed, self)

    def _done(self, session) -> None:
        self._set_busy(False)
        self.password.clear()
        self.unlocked.emit(session)

    def show_failure(self, exc, profile_id: str) -> None:
        """Say why ``profile_id`` could not be used (found after it was opened), as a failed unlock says it."""
        index = self.profile.findData(profile_id)
        if index >= 0:
            self.profile.setCurrentIndex(index)
        self._failed(exc)

    def _failed(self, exc) -> None:
        self._set_busy(False)
        warm.idle()
        self.password.edit.selectAll()
        self.password.setFocus()
        if isinstance(exc, HearthError):
            show_error(self.error, exc.message(), self.password)
            self.restore.setVisible(isinstance(exc, StoreDamaged) and exc.has_backup)
        else:
            show_error(self.error, _("The profile could not be opened because of an unexpected problem. "
                                     "Nothing was changed."), self.password)

    def _from_file(self) -> None:
        from ui import profile_move

        info = profile_move.move_in(self, self.ctx)
        if info is not None:
            self.refresh()
            self.profile.setCurrentIndex(max(self.profile.findData(info.profile_id), 0))
            self.retranslate()

    def _restore(self) -> None:
        profile = self.current_profile()
        if profile is None:
            return
        try:
            self.ctx.manager.restore_latest_backup(profile)
        except (HearthError, OSError):
            show_error(self.error, _("The backup could not be restored. Nothing was changed."))
            return
        self.restore.hide()
        show_error(self.error, "")
        self.password.clear()
        self.password.setFocus()
        self.intro.setText(_("The most recent backup was restored. Type your password to open it."))

    def retranslate(self) -> None:
        self.heading.setText(_("Welcome back"))
        p = self.current_profile()
        if p and len(self._profiles) == 1:
            self.intro.setText(_("Type the password of the profile \u201c{name}\u201d.").format(name=p.display_name))
        else:
            self.intro.setText(_("Choose your profile and type its password."))
        self.profile_label.setText(_("Profile:"))
        self.profile.setAccessibleName(_("Profile"))
        self.pw_label.setText(_("Password:"))
        self.password.set_accessible_name(_("Password"))
        self.password.retranslate()
        if not self._busy:
            self.unlock.setText(_("Unlock"))
        self.forgot_button.setText(_("Forgot your password?"))
        self.new_profile.setText(_("New profile"))
        self.from_file.setText(_("Open a profile from a file\u2026"))
        self.from_file.setAccessibleName(_("Open a profile moved from another computer"))
        self.restore.setText(_("Restore the latest backup"))
        if self.ctx.demo_password:
            self.demo_hint.setText(_("Demo profile password: {password}").format(password=self.ctx.demo_password))


def _open(manager, profile, password: str):
    """In the worker: unlock, then what the first page reads that grows with the years (ui.pages.home)."""
    session = manager.unlock(profile, password)
    if session.kind != "clinician":
        from ui.pages.home import read_ahead

        try:
            read_ahead(session.store)
        except Exception:  # noqa: BLE001 - only a head start; Home reads (and reports) it again on the GUI thread
            pass
    return session

"""Forgotten password: recovery key, then a new password."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.crypto import recovery
from app.errors import HearthError
from app.errors import PasswordTooShort
from app.i18n import _
from app.profiles.password import MIN_LENGTH
from ui.widgets import PasswordField, centered_column, make_label, primary_button, show_error
from ui.worker import run_async

# What a recovery key looks like: the placeholder, and the width the box needs.
KEY_PATTERN = "-".join(["000000"] * recovery.GROUPS)


class RecoverPage(QWidget):
    recovered = Signal(object)   # Session, with the new password already set
    cancelled = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.profile = None
        col = centered_column(self, 600)
        self._col = col
        col.addStretch(1)
        self.heading = make_label("heading")
        self.intro = make_label("muted")
        form = QFormLayout()
        self.key_label, self.key = QLabel(), QLineEdit()
        self.key.setInputMask("")
        # The whole key fits in the box (55 characters in monospace), in any language: the column
        # widens to fit it beside its label (see _fit_key).
        self.key.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.key.setProperty("secret", True)  # ui.clipboard_guard
        self.pw_label, self.password = QLabel(), PasswordField()
        self.pw2_label, self.password2 = QLabel(), PasswordField()
        for lab, w in ((self.key_label, self.key), (self.pw_label, self.password), (self.pw2_label, self.password2)):
            lab.setBuddy(w)
            form.addRow(lab, w)
        self.error = make_label("error")
        self.error.hide()
        row = QHBoxLayout()
        self.back = QPushButton()
        self.go = primary_button()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.go)
        col.addWidget(self.heading)
        col.addWidget(self.intro)
        col.addLayout(form)
        col.addWidget(self.error)
        col.addLayout(row)
        col.addStretch(2)
        self.go.clicked.connect(self._go)
        for field in (self.key, self.password.edit, self.password2.edit):
            field.returnPressed.connect(self._go)  # Enter in any field submits
        self.back.clicked.connect(self.cancelled)
        self.retranslate()

    def start(self, profile) -> None:
        self.profile = profile
        self.key.clear()
        self.password.clear()
        self.password2.clear()
        show_error(self.error, "")
        self.go.setEnabled(True)
        self.retranslate()
        self.key.setFocus()

    def _go(self) -> None:
        if self.profile is None:
            return
        text, pw, pw2 = self.key.text(), self.password.text(), self.password2.text()
        try:
            recovery.parse(text)  # check digits first: a typo is named before any slow work
        except HearthError as exc:
            show_error(self.error, exc.message(), self.key)
            self.key.setFocus()
            return
        if len(pw) < MIN_LENGTH:
            show_error(self.error, PasswordTooShort(MIN_LENGTH).message(), self.password)
            self.password.setFocus()
            return
        if pw != pw2:
            self.password2.clear()
            show_error(self.error, _("The two passwords are not the same. Please type them again."), self.password2)
            self.password2.setFocus()
            return
        show_error(self.error, "")
        self.go.setEnabled(False)
        mgr, profile = self.ctx.manager, self.profile

        def work():
            session = mgr.unlock_with_recovery(profile, text)
            try:
                mgr.change_password(session, pw)
            except BaseException:
                session.lock()
                raise
            return session

        run_async(work, self._done, self._failed, self)

    def _done(self, session) -> None:
        self.go.setEnabled(True)
        self.key.clear()
        self.password.clear()
        self.password2.clear()
        self.recovered.emit(session)

    def _failed(self, exc) -> None:
        self.go.setEnabled(True)
        show_error(self.error, exc.message() if isinstance(exc, HearthError) else
                   _("The profile could not be opened because of an unexpected problem. Nothing was changed."),
                   self.key)
        self.key.setFocus()

    def retranslate(self) -> None:
        self.heading.setText(_("Use your recovery key"))
        name = self.profile.display_name if self.profile else ""
        self.intro.setText(_("Type the recovery key you were given when the profile \u201c{name}\u201d was "
                             "created, then choose a new password. Your entries are kept.").format(name=name))
        self.key_label.setText(_("Recovery key:"))
        self.key.setAccessibleName(_("Recovery key"))
        self.key.setPlaceholderText(KEY_PATTERN)
        self.pw_label.setText(_("New password:"))
        self.password.set_accessible_name(_("New password"))
        self.pw2_label.setText(_("New password again:"))
        self.password2.set_accessible_name(_("New password again"))
        self.back.setText(_("Back"))
        self.go.setText(_("Open and set the new password"))
        self._fit_key()

    def _fit_key(self) -> None:
        """Widen the column so the key box shows a whole key beside its label (at any text size)."""
        column = self._col.parentWidget()
        key_width = self.key.fontMetrics().horizontalAdvance(KEY_PATTERN + "00") + 16
        label_width = max(lab.sizeHint().width() for lab in (self.key_label, self.pw_label, self.pw2_label))
        column.setMaximumWidth(max(600, key_width + label_width + 24))
        self.key.setMinimumWidth(min(key_width, 480))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_key()

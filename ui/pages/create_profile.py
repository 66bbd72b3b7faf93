"""Create a profile: name, language, password twice; then the recovery key, once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QStackedWidget, QVBoxLayout, QWidget)

from app import i18n
from app.errors import HearthError
from app.errors import PasswordTooShort
from app.i18n import _, ngettext
from app.profiles.password import MIN_LENGTH, strength_label
from ui.pages.welcome import fill_languages
from ui.widgets import PasswordField, centered_column, make_label, primary_button, reserve_lines, show_error
from ui.worker import run_async


class CreateProfilePage(QWidget):
    created = Signal(object)        # the open Session, after the recovery key was confirmed
    cancelled = Signal()
    language_chosen = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._session = None
        self._key_text = ""  # shown once, kept only until the copy is confirmed
        self.steps = QStackedWidget()
        col = centered_column(self, 640)
        col.addStretch(1)
        col.addWidget(self.steps)
        col.addStretch(2)
        self._build_form()
        self._build_recovery()
        self.retranslate()

    # --- step 1 -------------------------------------------------------------

    def _build_form(self) -> None:
        page = QWidget()
        col = centered_column(page, 600, scroll=False)
        self.heading = make_label("heading")
        self.intro = make_label("muted")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.kind_label = QLabel()
        kinds = QWidget()
        kinds_lay = QVBoxLayout(kinds)
        kinds_lay.setContentsMargins(0, 0, 0, 0)
        self.for_me, self.for_work = QRadioButton(), QRadioButton()
        self.for_me_note, self.for_work_note = make_label("muted"), make_label("muted")
        self.kind_group = QButtonGroup(self)
        for r, note in ((self.for_me, self.for_me_note), (self.for_work, self.for_work_note)):
            self.kind_group.addButton(r)
            kinds_lay.addWidget(r)
            note.setContentsMargins(24, 0, 0, 4)  # under the radio's text, not its circle
            note.setBuddy(r)
            kinds_lay.addWidget(note)
            r.toggled.connect(self._kind_changed)
        self.for_me.setChecked(True)
        self.kind_label.setBuddy(self.for_me)
        form.addRow(self.kind_label, kinds)
        self.name_label, self.name = QLabel(), QLineEdit()
        self.name.setMaxLength(40)
        self.lang_label, self.language = QLabel(), QComboBox()
        self.pw_label, self.password = QLabel(), PasswordField()
        self.pw_hint = make_label("muted")  # always shown, so the form does not move as one types
        self.strength = make_label("muted")
        self.strength.setObjectName("passwordStrength")
        self.pw2_label, self.password2 = QLabel(), PasswordField()
        for lab, w in ((self.name_label, self.name), (self.lang_label, self.language),
                       (self.pw_label, self.password), (self.pw2_label, self.password2)):
            lab.setBuddy(w)
            form.addRow(lab, w)
            if w is self.password:
                form.addRow("", self.pw_hint)
                form.addRow("", self.strength)
        # A clinician workspace's card may carry the clinic and how to reach it (all optional).
        self.clinic_rows = []
        self.clinic_label, self.clinic = QLabel(), QLineEdit()
        self.phone_label, self.phone = QLabel(), QLineEdit()
        self.email_label, self.email = QLabel(), QLineEdit()
        for (lab, w, limit) in ((self.clinic_label, self.clinic, 120), (self.phone_label, self.phone, 40),
                                (self.email_label, self.email, 254)):
            w.setMaxLength(limit)
            lab.setBuddy(w)
            form.addRow(lab, w)
            self.clinic_rows.append((lab, w))
        self._kind_changed()
        self.error = make_label("error")
        reserve_lines(self.error)
        reserve_lines(self.strength, 1)
        buttons = QHBoxLayout()
        self.back = QPushButton()
        self.create = primary_button()
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.create)
        for w in (self.heading, self.intro):
            col.addWidget(w)
        col.addLayout(form)
        col.addWidget(self.error)
        col.addLayout(buttons)
        self.password.edit.textChanged.connect(self._update_strength)
        self.create.clicked.connect(self._create)
        self.password2.edit.returnPressed.connect(self._create)
        self.back.clicked.connect(self.cancelled)
        self.language.activated.connect(lambda _i: self.language_chosen.emit(self.language.currentData()))
        self.steps.addWidget(page)

    def _kind_changed(self) -> None:
        for lab, w in getattr(self, "clinic_rows", []):
            lab.setVisible(self.for_work.isChecked())
            w.setVisible(self.for_work.isChecked())

    def _update_strength(self) -> None:
        pw = self.password.text()
        self.strength.setText(_("Strength: {label}").format(label=strength_label(pw)) if pw else "")
        self.password.edit.setAccessibleDescription(self.pw_hint.text() + (" " + self.strength.text() if pw else ""))

    def _create(self) -> None:
        name, pw, pw2 = self.name.text(), self.password.text(), self.password2.text()
        if not name.strip():
            show_error(self.error, _("Please enter a name or nickname."), self.name)
            self.name.setFocus()
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
        self.create.setEnabled(False)
        self.create.setText(_("Creating your profile\u2026"))
        language = self.language.currentData() or i18n.current_language()
        kind = "clinician" if self.for_work.isChecked() else "patient"
        details = {"clinic": self.clinic.text(), "phone": self.phone.text(), "email": self.email.text()}

        def work():
            session, key = self.ctx.manager.create(name, pw, language=language, kind=kind)
            if kind == "clinician" and any(v.strip() for v in details.values()):
                from app.exchange import card

                card.set_details(session, **details)
            from app import clinic_defaults

            clinic_defaults.apply_to_new_profile(self.ctx.data_dir, session)  # a lent laptop's clinic settings
            return session, key

        run_async(work, self._created, self._failed, self)

    def _failed(self, exc) -> None:
        self.create.setEnabled(True)
        self.retranslate()
        show_error(self.error, exc.message() if isinstance(exc, HearthError) else
                   _("The profile could not be created. Nothing was saved. Please try again."))

    def _created(self, result) -> None:
        self.show_recovery_key(*result)

    def show_recovery_key(self, session, key: str) -> None:
        self._session = session
        self.password.clear()
        self.password2.clear()
        self._key_text = key
        self.key.set_key(key)
        self.stored.setChecked(False)
        self.steps.setCurrentIndex(1)
        self.key.groups[0].setFocus()
        self.create.setEnabled(True)
        self.retranslate()

    # --- step 2 -------------------------------------------------------------

    def _build_recovery(self) -> None:
        from ui.recovery_key_view import ConfirmKeyStep, RecoveryKeyView

        page = QWidget()
        col = centered_column(page, 640, scroll=False)
        self.key_heading = make_label("heading")
        self.key_intro = make_label()
        self.key = RecoveryKeyView()
        self.key_note = make_label("muted")
        self.print_button = QPushButton()
        self.stored = QCheckBox()
        self.finish = primary_button()
        self.finish.setEnabled(False)
        for w in (self.key_heading, self.key_intro, self.key, self.key_note):
            col.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        col.addLayout(row)
        col.addWidget(self.stored)
        col.addWidget(self.finish, 0, Qt.AlignmentFlag.AlignLeading)
        self.stored.toggled.connect(self.finish.setEnabled)
        self.print_button.clicked.connect(self._print)
        self.finish.clicked.connect(self._ask_to_confirm)
        self.steps.addWidget(page)
        # step 3: type back two groups from the written copy
        check = QWidget()
        check_col = centered_column(check, 600, scroll=False)
        self.confirm = ConfirmKeyStep()
        check_col.addWidget(self.confirm)
        self.confirm.confirmed.connect(self._finish)
        self.confirm.show_again.connect(self._show_key_again)
        self.steps.addWidget(check)

    def _print(self) -> None:
        from ui.printing import print_recovery_key

        print_recovery_key(self, self._key_text)

    def _ask_to_confirm(self) -> None:
        self.confirm.start(self._key_text)
        self.steps.setCurrentIndex(2)
        self.confirm.fields[0].setFocus()

    def _show_key_again(self) -> None:
        self.steps.setCurrentIndex(1)
        self.key.groups[0].setFocus()

    def _finish(self) -> None:
        session, self._session = self._session, None
        self._key_text = ""
        self.key.set_key("")
        self.confirm.clear()
        self.steps.setCurrentIndex(0)
        self.name.clear()
        if session is not None:
            self.created.emit(session)

    # --- common -------------------------------------------------------------

    def reset(self) -> None:
        if self._session is not None:  # leaving before confirming: keep the profile, just lock
            self._session.lock()
            self._session = None
        self.steps.setCurrentIndex(0)
        for w in (self.password, self.password2):
            w.clear()
        self.name.clear()
        for w in (self.clinic, self.phone, self.email):
            w.clear()
        self.for_me.setChecked(True)
        self._key_text = ""
        self.key.set_key("")
        self.confirm.clear()
        show_error(self.error, "")

    def focus_start(self) -> None:
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.heading.setText(_("Create your profile"))
        self.intro.setText(_("Your profile keeps your entries encrypted on this computer. Only your "
                             "password (or your recovery key) can open it."))
        self.kind_label.setText(_("This profile is for:"))
        self.for_me.setText(_("Me"))
        self.for_me_note.setText(_("My own program, for my own wellbeing"))
        self.for_work.setText(_("My clinical work"))
        self.for_work_note.setText(_("A clinician workspace for my patients"))
        for r, note in ((self.for_me, self.for_me_note), (self.for_work, self.for_work_note)):
            r.setAccessibleName(r.text())
            r.setAccessibleDescription(note.text())
        self.clinic_label.setText(_("Clinic (optional):"))
        self.clinic.setAccessibleName(_("Clinic name"))
        self.phone_label.setText(_("Phone (optional):"))
        self.phone.setAccessibleName(_("Clinic phone"))
        self.email_label.setText(_("E-mail (optional):"))
        self.email.setAccessibleName(_("Clinic e-mail"))
        self.name_label.setText(_("Name or nickname:"))
        self.name.setAccessibleName(_("Name or nickname"))
        self.name.setPlaceholderText(_("Shown on the unlock page; a nickname is fine"))
        self.lang_label.setText(_("Language:"))
        self.language.setAccessibleName(_("Language"))
        fill_languages(self.language)
        self.pw_label.setText(_("Password:"))
        self.password.set_accessible_name(_("Password"))
        self.pw2_label.setText(_("Password again:"))
        self.password2.set_accessible_name(_("Password again"))
        for w in (self.password, self.password2):
            w.retranslate()
        self.pw_hint.setText(ngettext("Use at least {count} character. A few unrelated words make a strong, "
                                      "memorable password.",
                                      "Use at least {count} characters. A few unrelated words make a strong, "
                                      "memorable password.", MIN_LENGTH).format(count=MIN_LENGTH))
        self._update_strength()
        self.back.setText(_("Back"))
        if self.create.isEnabled():
            self.create.setText(_("Create profile"))
        self.key_heading.setText(_("Your recovery key"))
        self.key_intro.setText(_("If you ever forget your password, this key is the only way back into "
                                 "your profile. Write it down or print it, and keep it somewhere private "
                                 "and safe. It will not be shown again."))
        self.key_note.setText(_("Anyone with this key and this computer could open your profile, so do "
                                "not save it in a file on this computer."))
        self.print_button.setText(_("Print\u2026"))
        self.print_button.setAccessibleName(_("Print the recovery key"))
        self.stored.setText(_("I have written down or printed my recovery key"))
        self.finish.setText(_("Continue"))
        self.key.set_key(self._key_text)
        self.confirm.retranslate()

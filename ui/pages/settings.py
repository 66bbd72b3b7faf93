"""Settings: language, appearance, auto-lock, password, profile folder."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from app import preferences
from app.errors import HearthError
from app.errors import PasswordTooShort
from app.i18n import _, format_list, ngettext
from app.profiles.password import MIN_LENGTH
from ui import data_archive, profile_move, workbook
from ui.pages.welcome import fill_languages
from ui.widgets import PasswordField, action_card, card, make_label, primary_button, scrolled_page, show_error
from ui.worker import run_async


class SettingsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        # Scrolled: five cards do not fit a small window, a large text size or a long language.
        _body, lay = scrolled_page(self)
        self.heading = make_label("heading")
        lay.addWidget(self.heading)

        look, ll = card()
        self.look_title = make_label("subheading")
        form = QFormLayout()
        self.lang_label, self.language = QLabel(), QComboBox()
        self.theme_label, self.theme = QLabel(), QComboBox()
        self.size_label, self.text_size = QLabel(), QComboBox()
        self.country_label, self.country = QLabel(), QComboBox()
        for lab, w in ((self.lang_label, self.language), (self.theme_label, self.theme),
                       (self.size_label, self.text_size), (self.country_label, self.country)):
            lab.setBuddy(w)
            form.addRow(lab, w)
        self.language_note = make_label("muted")  # how the chosen language's translation was made
        self.language_note.hide()
        ll.addWidget(self.look_title)
        ll.addLayout(form)
        ll.addWidget(self.language_note)
        lay.addWidget(look)

        sec, sl = card()
        self.sec_title = make_label("subheading")
        form2 = QFormLayout()
        self.lock_label, self.autolock = QLabel(), QComboBox()
        self.lock_label.setBuddy(self.autolock)
        form2.addRow(self.lock_label, self.autolock)
        self.change_pw = QPushButton()
        self.folder_label = make_label("muted", selectable=True)
        self.show_folder = QPushButton()
        self.erase = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.change_pw)
        row.addWidget(self.show_folder)
        row.addStretch(1)
        row.addWidget(self.erase)
        sl.addWidget(self.sec_title)
        sl.addLayout(form2)
        sl.addLayout(row)
        sl.addWidget(self.folder_label)
        lay.addWidget(sec)

        self.remind_title = make_label("subheading")
        self.remind_text = make_label("muted")
        self.set_reminders = QPushButton()
        self.set_reminders.setObjectName("setReminders")
        self.remind_card = action_card(self.set_reminders, self.remind_title, self.remind_text)
        lay.addWidget(self.remind_card)

        data, dl = card()
        self.data_title = make_label("subheading")
        self.data_text = make_label("muted")
        self.workbook = QPushButton()
        self.export_data = QPushButton()
        self.import_data = QPushButton()
        self.move_out = QPushButton()
        row2 = QHBoxLayout()
        row2.addWidget(self.workbook)
        row2.addWidget(self.export_data)
        row2.addWidget(self.import_data)
        row2.addStretch(1)
        row3 = QHBoxLayout()  # its own row: four buttons in one did not fit longer languages
        row3.addWidget(self.move_out)
        row3.addStretch(1)
        dl.addWidget(self.data_title)
        dl.addWidget(self.data_text)
        dl.addLayout(row2)
        dl.addLayout(row3)
        lay.addWidget(data)
        self.data_card = data
        self.status = make_label("ok")
        lay.addWidget(self.status)
        lay.addStretch(1)

        self.language.activated.connect(lambda _i: self.ctx.set_language(self.language.currentData()))
        self.theme.activated.connect(lambda _i: self.ctx.set_appearance(theme_choice=self.theme.currentData()))
        self.text_size.activated.connect(lambda _i: self.ctx.set_appearance(text_scale=self.text_size.currentData()))
        self.country.activated.connect(lambda _i: self.ctx.set_country(self.country.currentData() or ""))
        self.autolock.activated.connect(self._autolock_changed)
        self.change_pw.clicked.connect(self._change_password)
        self.show_folder.clicked.connect(self._show_folder)
        self.erase.clicked.connect(self._erase)
        self.workbook.clicked.connect(lambda: workbook.save_workbook(self, self.ctx))
        self.export_data.clicked.connect(lambda: data_archive.export_data(self, self.ctx))
        self.import_data.clicked.connect(lambda: data_archive.import_data(self, self.ctx))
        self.move_out.clicked.connect(lambda: profile_move.move_out(self, self.ctx))
        self.set_reminders.clicked.connect(self._reminders)
        self.retranslate()

    def load(self) -> None:
        session = self.ctx.session
        personal = session is not None and getattr(session, "kind", "patient") == "patient"
        self.workbook.setVisible(personal)  # a person's own records: not in a clinician workspace
        self.export_data.setVisible(personal)
        self.import_data.setVisible(personal)
        self.remind_card.setVisible(personal)  # reminders are a patient's; a workspace has none
        self.retranslate()

    def clear(self) -> None:
        self.folder_label.clear()
        self.status.clear()

    def _profile_folder(self):
        s = self.ctx.session
        return self.ctx.manager.profiles_dir / s.profile_id if s else None

    def _autolock_changed(self) -> None:
        if self.ctx.session:
            self.ctx.prefs = preferences.save(self.ctx.session.store, autolock_minutes=self.autolock.currentData())
            self.ctx.appearance_changed.emit()

    def _show_folder(self) -> None:
        folder = self._profile_folder()
        if folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _change_password(self) -> None:
        if self.ctx.session is None:
            return
        dlg = ChangePasswordDialog(self.ctx, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(_("Your password was changed. Use the new one next time you unlock."))
            from ui import a11y

            a11y.announce(self.status, self.status.text())

    def _reminders(self) -> None:
        if self.ctx.session is None:
            return
        from ui.reminders_dialog import RemindersDialog

        if RemindersDialog(self.ctx, getattr(self.window(), "reminders", None), self).exec() \
                == QDialog.DialogCode.Accepted:
            self.retranslate()

    def _reminder_summary(self) -> str:
        from app.reminders import settings as rs
        from ui.reminders_dialog import reminder_names

        session = self.ctx.session
        if session is None or getattr(session, "kind", "patient") != "patient":
            return ""
        chosen = rs.load(session.store)
        names = reminder_names([k for k in rs.KINDS if chosen.get(k).on])
        if not names:
            return _("No reminders are set. Reminders help many people keep going: choose a time for your "
                     "check-in, your homework or your questionnaires.")
        return _("Reminders on: {names}.").format(names=format_list(names))

    def _erase(self) -> None:
        if self.ctx.session is None:
            return
        from ui.erase_dialog import EraseProfileDialog

        if EraseProfileDialog(self.ctx, self).exec() == QDialog.DialogCode.Accepted:
            self.window().erase_current_profile()

    def retranslate(self) -> None:
        p = self.ctx.prefs
        self.heading.setText(_("Settings"))
        self.look_title.setText(_("Language and appearance"))
        self.lang_label.setText(_("Language:"))
        self.language.setAccessibleName(_("Language"))
        fill_languages(self.language)
        from app import i18n, translation_review

        code = i18n.current_language()
        self.language_note.setText(_("The lessons in this language have not yet been reviewed by a clinician who "
                                     "speaks it fluently.") if translation_review.programs_unreviewed(code) else "")
        self.language_note.setVisible(bool(self.language_note.text()))
        self.theme_label.setText(_("Theme:"))
        self.theme.setAccessibleName(_("Theme"))
        _fill(self.theme, [("system", _("Follow the system")), ("light", _("Light")), ("dark", _("Dark"))],
              p.theme if self.ctx.session else self.ctx.device.theme)
        self.size_label.setText(_("Text size:"))
        self.text_size.setAccessibleName(_("Text size"))
        _fill(self.text_size, [(s, _("{percent}%").format(percent=s)) for s in preferences.TEXT_SCALES], p.text_scale)
        self.country_label.setText(_("Crisis lines for:"))
        self.country.setAccessibleName(_("Country for crisis resources"))
        self.country.setToolTip(_("The country whose crisis lines and emergency number \u201cGet help now\u201d shows"))
        from ui.help_dialog import country_choices

        _fill(self.country, [("", _("Other country")), *country_choices()], self.ctx.country() or "")
        self.sec_title.setText(_("Privacy and security"))
        self.lock_label.setText(_("Lock automatically after:"))
        self.autolock.setAccessibleName(_("Lock automatically after"))
        choices = [(0, _("Never"))] + [(m, ngettext("{count} minute", "{count} minutes", m).format(count=m))
                                       for m in preferences.AUTOLOCK_CHOICES if m]
        _fill(self.autolock, choices, p.autolock_minutes)
        self.change_pw.setText(_("Change password\u2026"))
        self.show_folder.setText(_("Show profile folder"))
        self.erase.setText(_("Erase this profile\u2026"))
        self.remind_title.setText(_("Reminders"))
        self.remind_text.setText(self._reminder_summary())
        self.set_reminders.setText(_("Set reminders\u2026"))
        self.data_title.setText(_("Your data"))
        session = self.ctx.session
        if session is not None and getattr(session, "kind", "patient") == "clinician":
            self.data_text.setText(_("Move this workspace, with its patients and keys, to another computer in one "
                                     "encrypted file."))
        else:
            self.data_text.setText(_("Keep a copy of everything you wrote, in files other programs can read, or "
                                     "bring a copy from another computer into this profile while it is new. You "
                                     "can also move the whole profile to another computer."))
        self.workbook.setText(_("Save my workbook\u2026"))
        self.workbook.setAccessibleName(_("Save my records in words as a PDF file (not encrypted)"))
        self.export_data.setText(_("Export my data\u2026"))
        self.export_data.setAccessibleName(_("Export all my records to an archive file"))
        self.import_data.setText(_("Import my data\u2026"))
        self.import_data.setAccessibleName(_("Import records from an archive file into this new profile"))
        self.move_out.setText(_("Move this profile to another computer\u2026"))
        self.move_out.setAccessibleName(_("Save this profile in one encrypted file to open on another computer"))
        folder = self._profile_folder()
        self.folder_label.setText(_("Your encrypted profile is stored in: {folder}").format(folder=folder)
                                  if folder else "")


def _fill(combo: QComboBox, items, current) -> None:
    combo.blockSignals(True)
    combo.clear()
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Change password"))
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.current, self.new, self.new2 = PasswordField(), PasswordField(), PasswordField()
        for text, w in ((_("Current password:"), self.current), (_("New password:"), self.new),
                        (_("New password again:"), self.new2)):
            lab = QLabel(text)
            lab.setBuddy(w)
            w.set_accessible_name(text.rstrip(":"))
            form.addRow(lab, w)
        self.error = make_label("error")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = primary_button()
        self.ok.setText(_("Change password"))
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.ok.clicked.connect(self._go)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

    def _go(self) -> None:
        cur, new, new2 = self.current.text(), self.new.text(), self.new2.text()
        if len(new) < MIN_LENGTH:
            show_error(self.error, PasswordTooShort(MIN_LENGTH).message(), self.new)
            self.new.setFocus()
            return
        if new != new2:
            show_error(self.error, _("The two new passwords are not the same. Please type them again."), self.new2)
            self.new2.setFocus()
            return
        self.ok.setEnabled(False)
        mgr, session = self.ctx.manager, self.ctx.session

        def work():
            mgr.check_password(session, cur)
            mgr.change_password(session, new)

        run_async(work, lambda _r: self.accept(), self._failed, self)

    def _failed(self, exc) -> None:
        self.ok.setEnabled(True)
        show_error(self.error, exc.message() if isinstance(exc, HearthError)
                   else _("The password could not be changed. Your old password still works."), self.current)
        self.current.setFocus()

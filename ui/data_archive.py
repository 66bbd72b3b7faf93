"""Export my data / Import my data: the person's open archive (``app.archive``), from Settings.

Saving asks first whether to seal the archive with a passphrase (the default) or to write a plain ZIP, says
plainly that a plain ZIP is readable by anyone who has the file, and offers the Documents folder with a name
that says what and when (never who). Both run in a worker with a progress dialog: sealing and opening take a
few seconds (age's scrypt), and years of records more."""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QRadioButton, QVBoxLayout)

from app.i18n import _, format_number, ngettext
from app.profiles.password import MIN_LENGTH
from ui.exchange.common import open_file, save_file, show_error
from ui.widgets import PasswordField, make_label, primary_button
from ui.worker import run_waiting


def _count_text(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    return ngettext("{count} record", "{count} records", total).format(count=format_number(total))


class ExportDataDialog(QDialog):
    """How to save the archive: sealed with a passphrase (typed twice) or a plain ZIP."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Export my data"))
        self.setMinimumWidth(520)  # the paragraphs read as lines, not as a column of words
        lay = QVBoxLayout(self)
        intro = make_label()
        intro.setText(_("Save all your records in files you can keep: journal, exercises, check-ins, "
                        "questionnaires, safety plan and program progress. Hearth can bring them into a new "
                        "profile, and a spreadsheet can open the CSV files inside."))
        lay.addWidget(intro)
        self.sealed = QRadioButton(_("Protect the file with a password (recommended)"))
        self.plain = QRadioButton(_("Do not protect it: a ZIP file anyone who has it can read"))
        group = QButtonGroup(self)
        for b in (self.sealed, self.plain):
            group.addButton(b)
            lay.addWidget(b)
        self.sealed.setChecked(True)
        form = QFormLayout()
        self.passphrase, self.again = PasswordField(), PasswordField()
        self.passphrase.set_accessible_name(_("Password for the file"))
        self.again.set_accessible_name(_("The file's password again"))
        self.pass_label, self.again_label = QLabel(_("File password:")), QLabel(_("Again:"))
        self.pass_label.setBuddy(self.passphrase.edit)
        self.again_label.setBuddy(self.again.edit)
        form.addRow(self.pass_label, self.passphrase)
        form.addRow(self.again_label, self.again)
        lay.addLayout(form)
        self.hint = make_label("muted")
        self.hint.setText(_("Choose a new password for this file, not your Hearth password. Hearth does not keep it: without it "
                            "nobody can open the file, you included. The standard age tool opens it too."))
        lay.addWidget(self.hint)
        self.warning = make_label("error")  # bold, in the error colour: the one thing to know
        self.warning.setText(_("A ZIP file is not encrypted: anyone who can open it can read everything you wrote. "
                               "Save it only somewhere private, and delete it when you no longer need it."))
        lay.addWidget(self.warning)
        self.error = make_label("error")
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok = primary_button()
        self.ok.setText(_("Choose where to save\u2026"))
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.sealed.toggled.connect(self._mode)
        self._mode()

    def _mode(self) -> None:
        on = self.sealed.isChecked()
        for w in (self.passphrase, self.again, self.pass_label, self.again_label, self.hint):
            w.setVisible(on)
        self.warning.setVisible(not on)
        self.error.hide()
        self.adjustSize()

    def _accept(self) -> None:
        if self.sealed.isChecked():
            text = self.passphrase.edit.text()
            problem = None
            if len(text) < MIN_LENGTH:
                problem = ngettext("Use a password of at least {count} character.",
                                   "Use a password of at least {count} characters.", MIN_LENGTH).format(
                    count=MIN_LENGTH)
            elif text != self.again.edit.text():
                problem = _("The two passwords are not the same. Type them again.")
            if problem:
                self.error.setText(problem)
                self.error.show()
                self.passphrase.setFocus()
                return
        self.accept()

    def value(self) -> str | None:
        """The passphrase, or None for a plain ZIP."""
        return self.passphrase.edit.text() if self.sealed.isChecked() else None


def export_data(parent, ctx) -> bool:
    """Ask how and where, then write the archive; True when a file was saved."""
    from app.archive import writer
    from ui.workspace.report import default_folder

    session = ctx.session
    if session is None:
        return False
    dialog = ExportDataDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    passphrase = dialog.value()
    fmt = writer.AGE if passphrase else writer.ZIP
    filters = (_("Encrypted archives (*.age);;All files (*)") if passphrase
               else _("ZIP archives (*.zip);;All files (*)"))
    path = save_file(parent, _("Export my data"), str(default_folder() / writer.file_name(fmt)), filters)
    if path is None:
        return False
    try:
        done = run_waiting(lambda: writer.write(session.store, path, passphrase=passphrase), parent,
                           _("Saving your data\u2026"))
    except Exception as exc:  # noqa: BLE001 - shown to the person; nothing half-written
        show_error(parent, exc, _("Your data was not saved"))
        return False
    QMessageBox.information(parent, _("Your data was saved"), _("{what} saved in {path}.").format(
        what=_count_text(done.records), path=done.path))
    return True


def import_data(parent, ctx) -> bool:
    """Bring an archive into this profile, if it is new and empty; True when records were imported."""
    from app.archive import reader
    from app.archive.errors import ArchiveProblem

    session = ctx.session
    if session is None:
        return False
    title = _("Import my data")
    if not reader.is_empty(session.store):
        show_error(parent, ArchiveProblem(ArchiveProblem.NOT_EMPTY), title)
        return False
    path = open_file(parent, title, _("Hearth data archives (*.age *.zip);;All files (*)"))
    if path is None:
        return False
    try:
        data = reader.read_file(path)
        passphrase = None
        if reader.is_sealed(data):
            passphrase, ok = QInputDialog.getText(parent, title, _("This file is protected. Its password:"),
                                                  QLineEdit.EchoMode.Password)
            if not ok:
                return False
        counts = run_waiting(lambda: reader.import_into(session, reader.open_archive(data, passphrase)), parent,
                             _("Reading and checking the archive\u2026"))
    except Exception as exc:  # noqa: BLE001 - shown to the person; nothing was imported
        show_error(parent, exc, _("Nothing was imported"))
        return False
    QMessageBox.information(parent, title, _("{what} imported. You will find them on their pages.").format(
        what=_count_text(counts)))
    return True

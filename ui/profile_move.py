"""Moving a profile between computers (``app.profiles.move``): out from Settings, in from the start pages.

Out: what will happen in plain words, where to save, then the offer to erase the profile from this computer
(a clinic's laptop goes back empty), which is the usual erase with its password and typed-name checks.
In: the file, then its password or recovery key; the profile is listed at once on the unlock page."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox

from app.i18n import _
from ui.exchange.common import open_file, save_file, show_error
from ui.worker import run_waiting


def _profile_filter() -> str:
    return _("Hearth profiles (*.hearthprofile);;All files (*)")


def move_out(parent, ctx) -> bool:
    """Save the open profile for another computer; True when the file was saved."""
    from app.profiles import move
    from ui.workspace.report import default_folder

    session = ctx.session
    if session is None:
        return False
    title = _("Move this profile to another computer")
    box = QMessageBox(QMessageBox.Icon.Information, title, _(
        "Hearth saves this profile, with everything in it, in one encrypted file. Its password or its recovery "
        "key opens it on the other computer: copy the file there (for example on a USB stick), start Hearth and "
        "choose \u201cOpen a profile from a file\u201d. Nothing changes on this computer until you choose to erase "
        "the profile here."), QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(_("Choose where to save\u2026"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go)
    box.setEscapeButton(cancel)
    box.exec()
    if box.clickedButton() is not go:
        return False
    path = save_file(parent, title, str(default_folder() / move.file_name()), _profile_filter())
    if path is None:
        return False
    try:
        done = run_waiting(lambda: move.move_out(ctx.manager, session, path), parent,
                           _("Saving the profile\u2026"))
    except Exception as exc:  # noqa: BLE001 - shown to the person; nothing half-written
        show_error(parent, exc, _("The profile was not saved"))
        return False
    ask = QMessageBox(QMessageBox.Icon.Question, title, _(
        "The profile was saved in {path}. When you have opened it on the other computer, you can erase it from "
        "this one, so nothing of it stays here.").format(path=done.path), QMessageBox.StandardButton.NoButton,
        parent)
    erase = ask.addButton(_("Erase it from this computer\u2026"), QMessageBox.ButtonRole.DestructiveRole)
    later = ask.addButton(_("Not now"), QMessageBox.ButtonRole.RejectRole)
    ask.setDefaultButton(later)
    ask.setEscapeButton(later)
    ask.exec()
    if ask.clickedButton() is erase:
        from ui.erase_dialog import EraseProfileDialog

        if EraseProfileDialog(ctx, parent).exec() == QDialog.DialogCode.Accepted:
            parent.window().erase_current_profile()
    return True


def move_in(parent, ctx):
    """Bring a profile from a file onto this computer; its ProfileInfo, or None."""
    from app.profiles import move

    title = _("Open a profile from a file")
    path = open_file(parent, title, _profile_filter())
    if path is None:
        return None
    try:
        data = move.read_file(path)
        if not move.is_move_file(data):
            raise move.MoveProblem(move.MoveProblem.NOT_MOVE_FILE)
        secret, ok = QInputDialog.getText(parent, title, _("The profile's password, or its recovery key:"),
                                          QLineEdit.EchoMode.Password)
        if not ok or not secret:
            return None
        info = run_waiting(lambda: move.move_in(ctx.manager, data, secret), parent,
                           _("Checking and opening the profile\u2026"))
    except Exception as exc:  # noqa: BLE001 - shown to the person; nothing was changed
        show_error(parent, exc, _("The profile was not opened"))
        return None
    QMessageBox.information(parent, title, _("The profile \u201c{name}\u201d is on this computer now. Unlock it "
                                             "with its password.").format(name=info.display_name))
    return info

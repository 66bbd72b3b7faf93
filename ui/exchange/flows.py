"""Import a package (off the GUI thread), write one, share this profile's card."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from app.exchange import card as cards
from app.exchange import export, importer, keys, readable, syncfolder
from app.exchange.errors import ExportNotRecorded, PackageNotWritten
from app.i18n import _
from ui.exchange.common import card_filter, open_file, package_filter, save_file, show_error
from ui.worker import run_async, run_waiting


def import_flow(parent, ctx, done=None, title: str | None = None) -> None:
    """Choose a package and import it in a worker; a refusal shows its own message and changes nothing."""
    path = open_file(parent, title or _("Open an exchange file"), package_filter())
    if path is None:
        return
    session = ctx.session

    def finished(result) -> None:
        if ctx.session is not session:
            return  # locked meanwhile
        QMessageBox.information(parent, _("File imported"), _("Imported from {name}: {what}.").format(
            name=result.contact.display_name, what=readable.counts_text(result.counts)))
        if done:
            done(result)

    def failed(exc) -> None:
        if ctx.session is session:
            show_error(parent, exc, _("File not imported"))

    run_async(lambda: importer.import_file(session, path), finished, failed, parent)


def write_package(parent, ctx, contact, suggested: str, **options) -> export.Exported | None:
    """Ask where to save, seal the package, write it atomically and only then record it as sent;
    a copy goes to the sync folder. The work runs in a worker while the window stays painted."""
    path = save_file(parent, _("Save the exchange file"), suggested, package_filter())
    if path is None:
        return None
    if path.suffix != ".age":
        path = path.with_name(path.name + ".age")
    session = ctx.session
    folder = ctx.prefs.sync_folder
    copy = Path(folder) if folder and Path(folder).is_dir() else None

    def work():
        made = export.export_to(session, contact, path, **options)  # sealed, written, recorded
        if copy is None:
            return made, None
        name = syncfolder.file_name(keys.ensure(session.store).key_id, contact.key_id, made.sequence)
        try:
            export.write(made, copy / name)
        except PackageNotWritten as exc:
            return made, exc
        return made, None

    try:
        done, not_copied = run_waiting(work, parent, _("Writing the encrypted file\u2026"))
    except ExportNotRecorded as exc:  # the file is there: say so, not "not written"
        show_error(parent, exc, _("File saved"))
        return None
    except Exception as exc:  # noqa: BLE001 - shown to the person; nothing half-written, nothing marked
        show_error(parent, exc, _("File not written"))
        return None
    if not_copied is not None:
        QMessageBox.warning(parent, _("Not copied to the sync folder"), _(
            "The file was saved where you chose, but its copy for the sync folder could not be written "
            "({reason}). Send the saved file another way, or check the sync folder.").format(
            reason=not_copied.reason or "-"))
    return done


def suggested_name(kind: str) -> str:
    return f"hearth-{kind}-{date.today().isoformat()}.age"


def share_card_flow(parent, ctx) -> bool:
    path = save_file(parent, _("Save your card"), "hearth-" + ("clinician" if ctx.session.kind == "clinician"
                                                                else "patient") + ".card", card_filter())
    if path is None:
        return False
    if path.suffix != ".card":
        path = path.with_name(path.name + ".card")
    try:
        made = cards.write_card(ctx.session, path)
    except Exception as exc:  # noqa: BLE001
        show_error(parent, exc, _("Card not written"))
        return False
    QMessageBox.information(parent, _("Card saved"), _(
        "Your card was saved. Give it to the other person (USB stick or e-mail is fine: it holds no secrets). "
        "When they import it, read out your fingerprint so they can compare: {fingerprint}").format(
        fingerprint=made.fingerprint))
    return True

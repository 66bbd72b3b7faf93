"""The report on one patient: charts drawn off the GUI thread, HTML (in memory) laid out with Qt, then
sent to a printer or saved as a PDF (atomically, after a warning that the file is not encrypted).

Neither the HTML nor the chart images ever touch the disk; only the finished
PDF is written, where the clinician chose, marked "Confidential" on every page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QPageLayout
from PySide6.QtWidgets import QMessageBox

from app import fsutil
from app.exchange import report, workspace
from app.i18n import _
from ui.exchange.common import save_file, show_error
from ui.pdf import (DPI, MARGINS, chart_pngs, confirm_plain_file, default_folder,  # noqa: F401 - also its API
                    html_to_pdf, paint_report)
from ui.worker import run_async


def _mark() -> str:
    return _("{confidential}: Hearth progress report").format(confidential=report.texts()["confidential"].upper())


def build_pdf(store, contact_id: str, charts: dict[str, bytes]) -> bytes:
    return html_to_pdf(report.render_html(store, contact_id, charts), report.texts()["title"], _mark())


def default_pdf_path(name: str, today: date | None = None) -> Path:
    """The default folder, with the patient and the date in the name."""
    return default_folder() / report.file_name(name, today or date.today())


def confirm_unencrypted(parent) -> bool:
    """Warn that the PDF is a plain file; True if the clinician still wants to save it."""
    return confirm_plain_file(parent, _("The PDF is not encrypted"), _(
        "The report is saved as an ordinary PDF file: it is not encrypted, and anyone who can open the folder "
        "can read it. Save it only where you keep clinical records, and delete it when you no longer need it."))


def _with_charts(parent, ctx, contact_id: str, then, failure_title: str) -> None:
    """Draw the patient's charts in a worker, then call ``then(store, charts)`` (unless locked meanwhile)."""
    session = ctx.session
    store = session.store
    measures = workspace.patient_detail(store, contact_id).measures

    def drawn(charts) -> None:
        if ctx.session is not session:
            return
        try:
            then(store, charts)
        except Exception as exc:  # noqa: BLE001 - shown to the person; nothing half-written
            show_error(parent, exc, failure_title)

    def failed(exc) -> None:
        if ctx.session is session:
            show_error(parent, exc, failure_title)

    run_async(lambda: chart_pngs(ctx.data_dir, measures), drawn, failed, parent)


def save_report(parent, ctx, contact_id: str, done=None) -> None:
    """Warn that the PDF is not encrypted, ask where to save it, then draw, lay out and write it."""
    if not confirm_unencrypted(parent):
        return
    from app.exchange import contacts

    session = ctx.session
    store = session.store
    contact = contacts.get(store, contact_id)
    name = contact.display_name if contact else ""
    path = save_file(parent, _("Save the report as PDF"), str(default_pdf_path(name)), _("PDF files (*.pdf)"))
    if path is None:
        return
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")

    def work() -> Path:
        """In a worker, all of it (charts, layout, PDF, the file): laying a long report out on the GUI
        thread held the window for half a second. Qt paints PDFs and lays text out off the GUI thread."""
        measures = workspace.patient_detail(store, contact_id).measures
        fsutil.atomic_write_bytes(path, build_pdf(store, contact_id, chart_pngs(ctx.data_dir, measures)))
        return path

    def written(saved: Path) -> None:
        if ctx.session is not session:
            return
        if done:
            done(saved)
        else:
            QMessageBox.information(parent, _("Report saved"), _(
                "The report was saved as a PDF. It is marked confidential on every page: store and share it "
                "as you would any clinical record."))

    def failed(exc) -> None:
        if ctx.session is session:
            show_error(parent, exc, _("Report not saved"))

    run_async(work, written, failed, parent)


def print_report(parent, ctx, contact_id: str, done=None) -> None:
    """Qt's print dialog on the default printer; the report is then drawn and sent to the chosen printer."""
    from PySide6.QtPrintSupport import QPrintDialog

    from ui.printing import default_printer, paper_dialog

    printer = default_printer()
    if printer is None:
        QMessageBox.information(parent, _("No printer found"), _(
            "This computer has no printer set up. Set one up and try again, or choose \u201cSave report as "
            "PDF\u2026\u201d to keep the report as a file."))
        return
    printer.setPageMargins(MARGINS, QPageLayout.Unit.Millimeter)
    printer.setDocName(report.texts()["title"])
    printer.setCreator("Hearth")
    dialog = paper_dialog(printer, parent, _("Print the report"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    printer.setResolution(DPI)  # the layout's pixel sizes, as in the PDF

    def send(store, charts) -> None:
        paint_report(printer, report.render_html(store, contact_id, charts), _mark())
        if done:
            done(printer)
        else:
            QMessageBox.information(parent, _("Report printed"), _(
                "The report was sent to the printer \u201c{printer}\u201d. It is marked confidential on every "
                "page: collect it from the printer now.").format(printer=printer.printerName()))

    _with_charts(parent, ctx, contact_id, send, _("Report not printed"))

"""The report on one patient: charts drawn off the GUI thread, HTML (in memory) laid out with Qt, then
sent to a printer or saved as a PDF (atomically, after a warning that the file is not encrypted).

Neither the HTML nor the chart images ever touch the disk; only the finished
PDF is written, where the clinician chose, marked "Confidential" on every page.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QTextDocument)
from PySide6.QtWidgets import QMessageBox

from app import fsutil, i18n, trends
from app.errors import PrintFailed
from app.exchange import clinic, report, workspace
from app.i18n import _
from app.measures import engine
from ui.exchange.common import save_file, show_error
from ui.worker import run_async

DPI = 96
BAND = 28  # pixels at the top and bottom of each page for the confidentiality mark
MARGINS = QMarginsF(15, 12, 15, 12)  # millimetres


def chart_pngs(data_dir, measures: dict[str, list[dict]]) -> dict[str, bytes]:
    """PNG bytes per measure id, drawn like the Progress page (worker thread; light theme for paper)."""
    from ui import theme
    from ui.charts import draw, mpl

    mpl.load(data_dir)
    shipped = engine.shipped()
    style = draw.Style(theme.LIGHT, False, i18n.is_rtl(), 640, 240, 2.0)
    out = {}
    for mid, results in measures.items():
        if mid not in shipped:
            continue
        series = clinic.measure_series(results, shipped[mid])
        if len(series.points) < trends.MIN_SCORES:
            continue  # one score is a line in the table, not a chart with a lone dot (as on the patient page)
        with mpl.drawing():
            out[mid] = mpl.to_bytes(draw.measure_chart(series, style))
    return out


def layout(html: str, page: QSizeF, device) -> QTextDocument:
    """The report laid out in pages of ``page`` (minus the bands for the mark) on ``device``."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont("sans-serif", 10))
    doc.setHtml(html)
    doc.setPageSize(QSizeF(page.width(), page.height() - 2 * BAND))
    doc.setDocumentMargin(0)
    return doc


def html_to_pdf(html: str, title: str, mark: str) -> bytes:
    """Lay out ``html`` on A4 pages, with ``mark`` at the top and bottom of every page; PDF bytes in memory."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS, QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Hearth")
    paint_report(writer, html, mark)
    buf.close()
    return bytes(data)


def paint_report(device, html: str, mark: str) -> None:
    """Lay out ``html`` in the pages of ``device`` (a QPdfWriter or a QPrinter), the mark on every page."""
    page = device.pageLayout().paintRectPixels(device.resolution())
    size = QSizeF(page.width(), page.height())
    doc = layout(html, size, device)
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise PrintFailed()
    try:
        for i in range(pages):
            if i:
                device.newPage()
            paint_page(painter, doc, i, pages, size, mark)
    finally:
        painter.end()


def paint_page(painter: QPainter, doc: QTextDocument, i: int, pages: int, page: QSizeF, mark: str) -> None:
    """Page ``i``: the mark at the top and bottom, the page number, and that page's part of ``doc``."""
    band = BAND
    body_h = page.height() - 2 * band
    mark_font = QFont("sans-serif", 9)
    mark_font.setBold(True)
    start = Qt.AlignmentFlag.AlignRight if i18n.is_rtl() else Qt.AlignmentFlag.AlignLeft
    end = Qt.AlignmentFlag.AlignLeft if i18n.is_rtl() else Qt.AlignmentFlag.AlignRight
    painter.setFont(mark_font)
    painter.setPen(Qt.GlobalColor.darkRed)
    head = QRectF(0, 0, page.width(), band - 6)
    foot = QRectF(0, page.height() - band + 6, page.width(), band - 6)
    painter.drawText(head, int(start | Qt.AlignmentFlag.AlignVCenter), mark)
    painter.drawText(foot, int(start | Qt.AlignmentFlag.AlignVCenter), mark)
    painter.drawText(foot, int(end | Qt.AlignmentFlag.AlignVCenter),
                     _("Page {page} of {pages}").format(page=i + 1, pages=pages))
    painter.save()
    painter.translate(0, band - i * body_h)
    ctx = QAbstractTextDocumentLayout.PaintContext()
    ctx.clip = QRectF(0, i * body_h, page.width(), body_h)
    painter.setClipRect(ctx.clip)
    doc.documentLayout().draw(painter, ctx)
    painter.restore()


def _mark() -> str:
    return _("{confidential}: Hearth progress report").format(confidential=report.texts()["confidential"].upper())


def build_pdf(store, contact_id: str, charts: dict[str, bytes]) -> bytes:
    return html_to_pdf(report.render_html(store, contact_id, charts), report.texts()["title"], _mark())


def default_folder() -> Path:
    """The Documents folder, or the home folder if there is none: where a saved report or CSV is offered."""
    from PySide6.QtCore import QStandardPaths

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    return folder if folder.is_dir() else Path.home()


def default_pdf_path(name: str, today: date | None = None) -> Path:
    """The default folder, with the patient and the date in the name."""
    return default_folder() / report.file_name(name, today or date.today())


def confirm_unencrypted(parent) -> bool:
    """Warn that the PDF is a plain file; True if the clinician still wants to save it."""
    return confirm_plain_file(parent, _("The PDF is not encrypted"), _(
        "The report is saved as an ordinary PDF file: it is not encrypted, and anyone who can open the folder "
        "can read it. Save it only where you keep clinical records, and delete it when you no longer need it."))


def confirm_plain_file(parent, title: str, text: str) -> bool:
    """A warning that the file about to be saved is not encrypted; True if the clinician goes on
    (Cancel is the default and Escape's answer)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    save = box.addButton(_("Choose where to save\u2026"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is save


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

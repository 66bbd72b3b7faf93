"""The printable report: charts drawn off the GUI thread, HTML (in memory) to PDF with Qt, saved atomically.

Neither the HTML nor the chart images ever touch the disk; only the finished
PDF is written, where the clinician chose, marked "Confidential" on every page.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QTextDocument)
from PySide6.QtWidgets import QMessageBox

from app import fsutil, i18n
from app.exchange import clinic, report, workspace
from app.i18n import _
from app.measures import engine
from ui.exchange.common import save_file, show_error
from ui.worker import run_async

DPI = 96
BAND = 28  # pixels at the top and bottom of each page for the confidentiality mark


def chart_pngs(data_dir, measures: dict[str, list[dict]]) -> dict[str, bytes]:
    """PNG bytes per measure id, drawn like the Progress page (worker thread; light theme for paper)."""
    from ui import theme
    from ui.charts import draw, mpl

    mpl.load(data_dir)
    shipped = engine.shipped()
    style = draw.Style(theme.LIGHT, False, i18n.is_rtl(), 640, 240, 2.0)
    out = {}
    for mid, results in measures.items():
        if mid in shipped and any(r["total"] is not None for r in results):
            with mpl.drawing():
                out[mid] = mpl.to_bytes(draw.measure_chart(clinic.measure_series(results, shipped[mid]), style))
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
                                     QMarginsF(15, 12, 15, 12), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Hearth")
    page = writer.pageLayout().paintRectPixels(DPI)
    doc = layout(html, QSizeF(page.width(), page.height()), writer)
    pages = max(1, doc.pageCount())
    painter = QPainter(writer)
    for i in range(pages):
        if i:
            writer.newPage()
        paint_page(painter, doc, i, pages, QSizeF(page.width(), page.height()), mark)
    painter.end()
    buf.close()
    return bytes(data)


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


def build_pdf(store, contact_id: str, charts: dict[str, bytes]) -> bytes:
    html = report.render_html(store, contact_id, charts)
    texts = report.texts()
    return html_to_pdf(html, texts["title"], _("{confidential}: Hearth progress report").format(
        confidential=texts["confidential"].upper()))


def save_report(parent, ctx, contact_id: str, done=None) -> None:
    """Ask where to save, draw the charts in a worker, then lay out and write the PDF."""
    store = ctx.session.store
    contact = workspace.patient_detail(store, contact_id)
    path = save_file(parent, _("Save the report"), "hearth-report.pdf", _("PDF files (*.pdf)"))
    if path is None:
        return
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    session = ctx.session

    def drawn(charts) -> None:
        if ctx.session is not session:
            return
        try:
            fsutil.atomic_write_bytes(path, build_pdf(store, contact_id, charts))
        except Exception as exc:  # noqa: BLE001
            show_error(parent, exc, _("Report not saved"))
            return
        if done:
            done(path)
        else:
            QMessageBox.information(parent, _("Report saved"), _(
                "The report was saved as a PDF. It is marked confidential on every page: store and share it "
                "as you would any clinical record."))

    def failed(exc) -> None:
        if ctx.session is session:
            show_error(parent, exc, _("Report not saved"))

    run_async(lambda: chart_pngs(ctx.data_dir, contact.measures), drawn, failed, parent)

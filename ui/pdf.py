"""Laying out HTML (in memory) as A4 pages with a mark on every page, as a PDF or on a printer, and the
charts drawn for such a document off the GUI thread. Used by the clinician's report and the person's
workbook; nothing here touches the disk.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QTextDocument)
from PySide6.QtWidgets import QMessageBox

from app import i18n, trends
from app.errors import PrintFailed
from app.exchange import clinic
from app.i18n import _
from app.measures import engine

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



def default_folder() -> Path:
    """The Documents folder, or the home folder if there is none: where a saved report or CSV is offered."""
    from PySide6.QtCore import QStandardPaths

    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    return folder if folder.is_dir() else Path.home()


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

"""Laying out HTML (in memory) as A4 pages with a mark on every page, as a PDF or on a printer, and the
charts drawn for such a document off the GUI thread. Used by the clinician's report and the person's
workbook; nothing here touches the disk.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QTextBlockFormat, QTextCursor, QTextDocument, QTextDocumentFragment)
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


# A template marks where its document may be cut into parts: each part is read, and later laid out, in calls of
# its own. Qt holds Python's lock for the whole of each such call (the GUI thread waits for it to handle a
# hovered button), and a year of entries read in one call took 75-100 ms, laid out in one 60-190 ms.
PART = "<!--part-->"
LAYOUT_STEP = 8  # blocks laid out per call once the document is whole
_BODY = re.compile(r"(?s)^(.*?<body[^>]*>)(.*)(</body>.*)$")


def layout(html: str, page: QSizeF, device) -> QTextDocument:
    """The report laid out in pages of ``page`` (minus the bands for the mark) on ``device``.

    A document with PART marks is read a part at a time; two tables with only a mark between them are
    one table cut in parts (as the templates cut long tables), joined again without a gap."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont("sans-serif", 10))
    doc.setDocumentMargin(0)
    found = _BODY.match(html)
    if found and PART in html:
        _insert_parts(doc, *found.groups())
    else:
        doc.setHtml(html)
    # with a page size Qt lays the document out lazily, up to the position asked for: asked a few blocks
    # at a time, no call lays out more than a part of a table or a few paragraphs
    doc.setPageSize(QSizeF(page.width(), page.height() - 2 * BAND))
    shape = doc.documentLayout()
    block, n = doc.begin(), 0
    while block.isValid():
        if n % LAYOUT_STEP == 0:
            shape.blockBoundingRect(block)
        block, n = block.next(), n + 1
    return doc


def _insert_parts(doc: QTextDocument, head: str, body: str, tail: str) -> None:
    """Each part between PART marks read as a document of its own (same head, so the same style sheet and
    direction) and appended. Appending merges a part's first paragraph into the document's last one, which
    keeps the last one's format: a part that starts with a paragraph gets a new one in its own format first
    (after a table that leaves the empty paragraph Qt puts there, as it mostly does itself). A part that starts
    with a table merges its empty paragraph before the table instead, as Qt would have read it in one piece;
    right after another table that paragraph is the joint and takes no height."""
    cursor = QTextCursor(doc)
    first_part = True
    for part in body.split(PART):
        if not part.strip():
            continue
        piece = QTextDocument()
        piece.setDefaultFont(doc.defaultFont())
        piece.setHtml(head + part + tail)
        first = piece.begin()
        starts_table = not first.text() and _in_table(first.next())
        if not first_part and not starts_table:
            cursor.insertBlock(first.blockFormat(), first.charFormat())
        elif not first_part and _in_table(cursor.block().previous()):  # a table cut in parts goes on
            joint = QTextBlockFormat()
            joint.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            cursor.setBlockFormat(joint)
        cursor.insertFragment(QTextDocumentFragment(piece))
        first_part = False


def _in_table(block) -> bool:
    return block.isValid() and QTextCursor(block).currentTable() is not None


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

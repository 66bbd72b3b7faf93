"""Reports and workbooks read and laid out in parts (ui/pdf.py PART): the same document as read in one
piece, long tables cut into parts of a few rows and joined again without a gap."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QByteArray, QBuffer, QSizeF
from PySide6.QtGui import QFont, QPdfWriter, QTextBlockFormat, QTextCursor, QTextDocument

from app import demo, i18n
from app.archive import workbook
from app.exchange import importer, report
from tests import exchange_util as xu
from ui import pdf

FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value
JOINT = re.compile(r"</table>\s*" + re.escape(pdf.PART) + r"\s*<table>")


@pytest.fixture
def writer(qapp):
    buf = QBuffer(QByteArray())
    device = QPdfWriter(buf)
    device.setResolution(pdf.DPI)
    yield device


def _blocks(doc: QTextDocument) -> list[tuple]:
    """What each paragraph says and how it is set, and whether it is a table's cell or a list's item; empty
    paragraphs between tables and what follows them are left out (Qt itself puts one there or not, depending
    on whether the table's last cell is empty)."""
    out, block = [], doc.begin()
    while block.isValid():
        fmt, cursor = block.blockFormat(), QTextCursor(block)
        if not block.text() and cursor.currentTable() is None:
            block = block.next()
            continue
        out.append((block.text(), fmt.headingLevel(), block.textDirection(), fmt.topMargin(), fmt.bottomMargin(),
                    fmt.alignment(), block.charFormat().fontPointSize(), block.charFormat().fontWeight(),
                    cursor.currentTable() is not None, cursor.currentList() is not None))
        block = block.next()
    return out


def _whole(html: str, device) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont("sans-serif", 10))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    return doc


def _check_parts(html: str, device) -> QTextDocument:
    whole = _whole(html, device)
    parts = pdf.layout(html, QSizeF(700, 1000), device)
    assert _blocks(parts) == _blocks(whole)  # headings, directions and margins are not lost where parts meet
    joints = [b for b in _blocks_of(parts) if b.blockFormat().lineHeightType() == FIXED]
    assert len(joints) == len(JOINT.findall(html)) > 0
    assert all(not b.text() and b.blockFormat().lineHeight() == 0 for b in joints)
    assert parts.pageCount() <= whole.pageCount() or whole.pageCount() == 1
    return parts


def _blocks_of(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def _tables(html: str) -> list[str]:
    return re.findall(r"(?s)<table>.*?</table>", html)


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_workbook_read_in_parts_is_the_workbook_read_whole(session, writer, language):
    demo.fill(session.store, days=60)
    demo.history(session.store, days=90)  # 90 check-ins and 26 weeks of two questionnaires
    i18n.set_language(language)
    html = workbook.render_html(session.store, name="Alex")
    assert html.count(pdf.PART) > 8
    assert all(t.count("<tr>") <= 21 for t in _tables(html))  # no part reads a long table in one call
    doc = _check_parts(html, writer)
    directions = {b.textDirection().name for b in _blocks_of(doc) if b.text()}
    assert directions == {"RightToLeft" if language == "ar" else "LeftToRight"}


def test_a_report_cuts_its_long_tables_and_reads_as_one(manager, writer):
    doc, (pat,) = xu.workspace(manager)
    demo.fill(pat.store, days=30)
    demo.history(pat.store, days=120)  # about 34 questionnaires
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    html = report.render_html(doc.store, xu.contact(doc, "Pat").id)
    tables = _tables(html)
    assert html.count("<table>") > 3 and all(t.count("<tr>") <= 21 for t in tables)
    laid = _check_parts(html, writer)
    text = laid.toPlainText()
    headings = ["Outcomes", "Safety plan", "Questionnaire scores", "Daily check-ins", "Homework and exercise entries"]
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)


def test_a_document_without_marks_is_read_in_one_piece(writer):
    html = "<html><body><h2>One</h2><table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table></body></html>"
    doc = pdf.layout(html, QSizeF(500, 800), writer)
    assert _blocks(doc) == _blocks(_whole(html, writer))
    assert not [b for b in _blocks_of(doc) if b.blockFormat().lineHeightType() == FIXED]  # no table is joined

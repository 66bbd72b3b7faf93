"""The clinician workspace as a clinician meets it: the patient list, Tab, widths in every language, printing."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QScrollArea, QWidget

from app.crypto.keyfile import TEST_KDF
from tests import workspace_demo
from tests.conftest import PASSWORD
from tests.test_exchange_ui import boxes, open_profile  # noqa: F401 - fixture
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui import printing, theme
from ui.exchange.audit_view import AuditDialog


@pytest.fixture(scope="module")
def workspace_data(tmp_path_factory):
    """The demo workspace's data folder, built once for this module (each test works on a copy)."""
    folder = tmp_path_factory.mktemp("workspace") / "data"
    workspace_demo.build(folder, PASSWORD, TEST_KDF)
    return folder


@pytest.fixture
def workspace(make_window, tmp_path, workspace_data):
    """A window with the demo workspace open: Robin (item 9, worse), Sam (worse), Alex (better), Kim (nothing)."""
    shutil.copytree(workspace_data, tmp_path / "data")
    win, ctx, _ = make_window()
    open_profile(win, ctx, "Dr Rivera")
    win.resize(1100, 740)
    QApplication.processEvents()
    return win, ctx


def row_of(patients, name):
    return next(i for i, r in enumerate(patients.rows) if r.name == name)


def cell(patients, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    return patients.model.index(row, column).data(role)


def test_patient_list_says_worse_and_better_in_words_with_colour_second(workspace):
    win, ctx = workspace
    patients = win.shell.pages["patients"]
    sam, alex, kim = (row_of(patients, n) for n in ("Sam Lindqvist", "Alex Moreau", "Kim Nakamura"))
    assert cell(patients, sam, 3) == "13 \u2191 worse (was 6)"
    assert cell(patients, alex, 3) == "7 \u2193 better (was 15)"
    assert cell(patients, kim, 3) == "-"
    # A screen reader hears the change too, and which questionnaire it is.
    spoken = Qt.ItemDataRole.AccessibleTextRole
    assert cell(patients, sam, 3, spoken) == "PHQ-9: 13, worse than the score before, 6"
    assert "better" in cell(patients, alex, 3, spoken)
    light = theme.colors("light")
    colour = Qt.ItemDataRole.ForegroundRole
    assert cell(patients, sam, 3, colour).color() == QColor(light["error"])
    assert cell(patients, alex, 3, colour).color() == QColor(light["ok"])
    ctx.set_appearance(theme_choice="dark")
    sam = row_of(patients, "Sam Lindqvist")
    assert "worse" in cell(patients, sam, 4)
    assert cell(patients, sam, 4, colour).color() == QColor(theme.colors("dark")["error"])


def _tab_leaves(qtbot, table) -> bool:
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    assert QApplication.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    return QApplication.focusWidget() is not table


def test_tab_leaves_the_patient_table_the_exchange_log_and_the_chart_tables(qtbot, workspace):
    win, ctx = workspace
    patients = win.shell.pages["patients"]
    assert _tab_leaves(qtbot, patients.table)
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    chart = patients.patient.charts[0]
    qtbot.waitUntil(lambda: chart.drawn, timeout=20000)
    chart.show_table.click()
    chart.table.setFocus()
    chart.table.setCurrentIndex(chart.table.model().index(0, 0))
    assert QApplication.focusWidget() is chart.table and chart.table.model().columnCount() > 1
    qtbot.keyClick(chart.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not chart.table
    win.shell.go("audit")
    assert _tab_leaves(qtbot, win.shell.pages["audit"].view.table)
    dialog = AuditDialog(ctx, win)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert _tab_leaves(qtbot, dialog.view.table)


def test_patient_page_tab_order_follows_the_page_and_reaches_the_sidebar(qtbot, workspace):
    win, _ctx = workspace
    patients = win.shell.pages["patients"]
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    page = patients.patient
    assert page.charts and page.entries
    qtbot.waitUntil(lambda: all(c.drawn for c in page.charts), timeout=20000)
    seen = [QApplication.focusWidget()]
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    first = seen.index

    assert seen[0] is page.back
    assert first(page.back) < first(page.unlock) < first(page.send) < first(page.report)
    assert first(page.report) < first(page.charts[0].show_table) < first(page.entries[0].add)
    assert first(page.entries[0].add) < first(page.thread.list) < first(page.thread.compose)
    assert win.shell.sidebar in seen and win.help_button in seen


LOCALES = ("en", "de", "ar", "en_XA")


def _sideways(widget: QWidget) -> list[str]:
    """Scroll areas and tables in ``widget`` that can scroll sideways."""
    return [f"{type(a).__name__} {a.objectName()}" for a in widget.findChildren(QScrollArea.__base__)
            if a.isVisible() and a.horizontalScrollBar().maximum() > 0]


def _clipped_headers(table) -> list[str]:
    header = table.horizontalHeader()
    fm = QFontMetrics(header.font())
    out = []
    for i in range(header.count()):
        label = table.model().headerData(i, Qt.Orientation.Horizontal)
        rect = fm.boundingRect(0, 0, header.sectionSize(i) - 8, 10_000, int(Qt.TextFlag.TextWordWrap), label)
        if max(fm.horizontalAdvance(w) for w in label.split()) > header.sectionSize(i) - 8 or rect.height() > header.height():
            out.append(label)
    return out


@pytest.mark.parametrize("locale", LOCALES)
def test_workspace_pages_never_scroll_sideways_and_headers_fit(qtbot, workspace, locale):
    win, ctx = workspace
    ctx.set_language(locale)
    patients = win.shell.pages["patients"]

    def settle():
        for _ in range(3):
            QApplication.processEvents()

    settle()
    assert _sideways(patients) == [] and _clipped_headers(patients.table) == []
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    qtbot.waitUntil(lambda: all(c.drawn for c in patients.patient.charts), timeout=20000)
    settle()
    assert _sideways(patients.patient) == []
    win.shell.go("audit")
    settle()
    audit = win.shell.pages["audit"]
    assert _sideways(audit) == [] and _clipped_headers(audit.view.table) == []


# --- printing ---------------------------------------------------------------------------------------


@pytest.fixture
def printer_choice(monkeypatch):
    """The print dialog answered with OK; what it was asked is kept."""
    asked = []

    def exec_(dlg):
        asked.append({"to_file": dlg.testOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile),
                      "printer": dlg.printer(), "title": dlg.windowTitle()})
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return asked


def _stand_in_printer(monkeypatch, path: Path):
    """The printer the person chose, writing what it is sent to ``path`` (no real printer in tests)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    monkeypatch.setattr(printing, "default_printer", lambda: printer)
    return printer


def _no_printers(monkeypatch):
    from PySide6.QtPrintSupport import QPrinterInfo

    monkeypatch.setattr(QPrinterInfo, "defaultPrinter", staticmethod(lambda: QPrinterInfo()))
    monkeypatch.setattr(QPrinterInfo, "availablePrinters", staticmethod(lambda: []))


def test_print_report_sends_it_to_the_chosen_printer(qtbot, workspace, monkeypatch, tmp_path, boxes,
                                                     printer_choice):
    win, _ctx = workspace
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))  # never asked for a file
    paper = tmp_path / "printer-output.pdf"
    printer = _stand_in_printer(monkeypatch, paper)
    patients = win.shell.pages["patients"]
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    qtbot.mouseClick(patients.patient.report, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(b[1] == "Report printed" for b in boxes), timeout=30000)
    assert printer_choice[0]["printer"] is printer and not printer_choice[0]["to_file"]
    assert paper.read_bytes().startswith(b"%PDF") and paper.stat().st_size > 20_000  # text and two charts
    assert not Path("hearth-report.pdf").exists()


def test_print_report_without_a_printer_points_to_save_as_pdf(qtbot, workspace, monkeypatch, boxes,
                                                              printer_choice):
    win, _ctx = workspace
    _no_printers(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    patients = win.shell.pages["patients"]
    patients.open_patient_at(0)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    qtbot.mouseClick(patients.patient.report, Qt.MouseButton.LeftButton)
    assert boxes and boxes[-1][1] == "No printer found" and "Save report as PDF" in boxes[-1][2]
    assert printer_choice == []


def test_save_as_pdf_warns_first_then_offers_documents_with_name_and_date(qtbot, workspace, monkeypatch,
                                                                          tmp_path):
    win, _ctx = workspace
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    events = []

    def warned(box):
        events.append(("warning", box.text()))
        next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()

    def asked(_parent, _title, suggested, _filters, options=None):
        events.append(("file", suggested, options))
        return str(tmp_path / "chosen"), ""

    monkeypatch.setattr(QMessageBox, "exec", warned)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: events.append(("saved",)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", asked)
    patients = win.shell.pages["patients"]
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    import threading

    from ui.workspace import report as report_ui

    built_on = []
    real_build = report_ui.build_pdf
    monkeypatch.setattr(report_ui, "build_pdf", lambda *a: built_on.append(threading.current_thread()) or real_build(*a))
    qtbot.mouseClick(patients.patient.save_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ("saved",) in events, timeout=30000)
    assert built_on and built_on[0] is not threading.main_thread()  # laid out and written off the GUI thread
    assert events[0][0] == "warning" and "not encrypted" in events[0][1]
    kind, suggested, options = events[1]
    assert kind == "file" and options & QFileDialog.Option.DontUseNativeDialog
    assert Path(suggested) == home / "Documents" / f"hearth-report-Robin-Okafor-{date.today().isoformat()}.pdf"
    assert (tmp_path / "chosen.pdf").read_bytes().startswith(b"%PDF")


def test_save_as_pdf_cancelled_at_the_warning_asks_for_no_file(qtbot, workspace, monkeypatch):
    win, _ctx = workspace
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole).click())
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    patients = win.shell.pages["patients"]
    patients.open_patient_at(0)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    qtbot.mouseClick(patients.patient.save_pdf, Qt.MouseButton.LeftButton)
    assert asked == []


def test_recovery_key_print_without_a_printer_says_write_it_down(qtbot, monkeypatch, boxes, printer_choice):
    parent = QWidget()
    qtbot.addWidget(parent)
    _no_printers(monkeypatch)
    printing.print_recovery_key(parent, "123456-" * 7 + "123456")
    assert printer_choice == []  # no dialog that would offer a file in the home folder
    assert boxes[-1][1] == "No printer found" and "write the key down" in boxes[-1][2]


def test_recovery_key_print_starts_on_the_printer_with_no_file_choice(qtbot, monkeypatch, tmp_path,
                                                                     printer_choice):
    parent = QWidget()
    qtbot.addWidget(parent)
    paper = tmp_path / "paper.pdf"
    printer = _stand_in_printer(monkeypatch, paper)
    printing.print_recovery_key(parent, "123456-" * 7 + "123456")
    assert printer_choice[0]["printer"] is printer and not printer_choice[0]["to_file"]
    assert paper.read_bytes().startswith(b"%PDF")


def test_names_in_latin_letters_sit_at_the_reading_edge_in_arabic(qtbot, workspace):
    win, ctx = workspace
    ctx.set_language("ar")
    patients = win.shell.pages["patients"]
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    heading = patients.patient.heading
    assert heading.text() == "Robin Okafor"
    assert heading.alignment() & Qt.AlignmentFlag.AlignRight and heading.alignment() & Qt.AlignmentFlag.AlignAbsolute
    assert patients.own.fingerprint.alignment() & Qt.AlignmentFlag.AlignRight


def test_the_report_draws_a_chart_only_from_two_scores_up(manager, tmp_path):
    """One score is a row in the report's table; a chart with a lone dot says nothing (as on Progress)."""
    from app.exchange import contacts, importer, workspace as ws
    from tests import exchange_util as xu
    from ui.workspace.report import chart_pngs

    doc, [pat] = xu.workspace(manager, patients=("Pat",))
    xu.phq9(pat, [1] * 9)
    importer.import_bytes(doc, xu.exported(pat, contacts.find(pat.store, "Doc")).data)
    contact = contacts.find(doc.store, "Pat")
    assert chart_pngs(tmp_path, ws.patient_detail(doc.store, contact.id).measures) == {}
    xu.phq9(pat, [2] * 9)
    importer.import_bytes(doc, xu.exported(pat, contacts.find(pat.store, "Doc")).data)
    drawn = chart_pngs(tmp_path, ws.patient_detail(doc.store, contact.id).measures)
    assert list(drawn) == ["phq9"] and drawn["phq9"].startswith(b"\x89PNG")


def test_an_entry_card_makes_its_comment_box_when_the_clinician_starts_a_comment(qtbot, workspace):
    """The cards of a patient page hold no text box until one is asked for (a box each made opening a
    patient slow at 100 patients); the keyboard path is Tab to "Comment…", Enter, type, Tab, Enter."""
    from PySide6.QtWidgets import QPlainTextEdit

    win, _ctx = workspace
    patients = win.shell.pages["patients"]
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    page = patients.patient
    card = page.entries[0]
    assert all(not e.findChildren(QPlainTextEdit) for e in page.entries)
    assert card.pending_text() == ""
    card.add.setFocus()
    qtbot.keyClick(card.add, Qt.Key.Key_Return)
    box = card.findChild(QPlainTextEdit)
    assert box is not None and box.hasFocus()
    assert "Comment on:" in box.accessibleName() and card.add.text() == "Add comment"
    qtbot.keyClicks(box, "Good noticing")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is card.add
    qtbot.keyClick(card.add, Qt.Key.Key_Return)
    assert "Good noticing" in card.comments.text() and box.toPlainText() == ""
    assert "comment" in page.pending.text()


def test_the_app_lets_the_window_take_the_interpreter_lock_often():
    """Workers hand over Python's lock within a tenth of a millisecond (not Python's 5 ms), so Qt's calls into
    Python while it lays out and paints do not wait behind a worker."""
    import sys

    from ui.qt_setup import make_app

    make_app()
    assert sys.getswitchinterval() <= 0.0001


def test_a_patients_charts_are_drawn_once_the_entry_cards_are_in(qtbot, workspace, monkeypatch):
    """Drawing (matplotlib in a worker) waits until the page's cards are laid out: both at once made every call
    Qt makes into Python during the layout wait for the worker's lock."""
    from ui.charts.card import ChartCard

    win, _ctx = workspace
    patients = win.shell.pages["patients"]
    page = patients.patient
    cards_when_drawn = []
    real = ChartCard.refresh

    def refresh(card):
        cards_when_drawn.append(len(page.entries))
        real(card)

    monkeypatch.setattr(ChartCard, "refresh", refresh)
    patients.open_patient_at(row_of(patients, "Robin Okafor"))
    qtbot.waitUntil(lambda: not page.loading and all(c.drawn for c in page.charts), timeout=20000)
    assert page.charts and page.entries
    assert cards_when_drawn == [len(page.entries)] * len(page.charts)


def test_the_patient_list_shows_the_programs_own_questionnaires_beside_its_module():
    """A patient in Worry and anxiety or Panic and fears: the PSWQ score and how it moved, or the PHQ panic
    questions' result in words, under the program's name (PHQ-9 and GAD-7 keep their own columns)."""
    from app.exchange import workspace
    from ui.workspace.patient_table import row_texts

    def row(program_id, scores):
        return workspace.PatientRow("c1", "Sam", "f", program_id, "m2", None, {"phq9": (None, None),
                                    "gad7": (None, None)}, (), (), (), (), scores)

    worry = row_texts(row("worry", workspace._program_scores("worry", {"pswq": [
        {"total": 66, "band": None}, {"total": 58, "band": None}]})))[1][Qt.ItemDataRole.DisplayRole]
    assert worry.splitlines()[1] == "PSWQ: 58 \u2193 better (was 66)"
    panic = row_texts(row("panic", workspace._program_scores("panic", {"phq-panic": [
        {"total": 1, "band": "panic_syndrome"}]})))[1][Qt.ItemDataRole.DisplayRole]
    assert panic.splitlines()[1] == "PHQ panic: Panic criteria met"
    assert "PHQ-9" not in worry
    unanswered = row_texts(row("low-mood", workspace._program_scores("low-mood", {})))  # its WSAS not answered
    assert len(unanswered[1][Qt.ItemDataRole.DisplayRole].splitlines()) == 1


def test_a_patient_page_gone_while_it_is_built_leaves_nothing_to_run(qtbot, workspace):
    """The page builds its charts and cards over several turns of the event loop; once the page is gone (the
    window locked, closed) none of those turns may run (they reached into deleted widgets)."""
    import shiboken6

    from ui.workspace.patient_page import PatientPage

    win, ctx = workspace
    patients = win.shell.pages["patients"]
    page = PatientPage(ctx)
    page.load(patients.rows[row_of(patients, "Robin Okafor")].contact_id)  # its charts and cards are due next
    assert page.loading
    shiboken6.delete(page)
    qtbot.wait(50)  # an exception in a turn that ran would fail the test (pytest-qt)


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_open_patient_opens_the_first_patient_when_none_was_clicked(qtbot, workspace, locale):
    """The first row is chosen when the list is shown, in either direction (in Arabic, QTableView.selectRow
    chose no cell: it looks for the row's first column at the viewport's far edge)."""
    win, ctx = workspace
    ctx.set_language(locale)
    patients = win.shell.pages["patients"]
    patients.refresh()
    qtbot.waitUntil(lambda: not patients.loading, timeout=20000)
    QApplication.processEvents()
    assert patients.table.currentIndex().row() == 0
    assert patients.table.selectionModel().isRowSelected(0)
    qtbot.mouseClick(patients.open_patient, Qt.MouseButton.LeftButton)
    assert patients.views.currentWidget() is patients.patient
    assert patients.patient.contact_id == patients.rows[0].contact_id

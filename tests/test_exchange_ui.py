"""The exchange through the GUI: pairing, progress, the workspace, feedback, refusals, report, sync."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from app.exchange import card, contacts, keys, outbox
from app.programs import loader, progress
from tests import exchange_util as xu
from tests.conftest import PASSWORD
from tests.ui_util import confirm_recovery_key
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture
from ui.exchange.pairing import PairDialog
from ui.exchange.send_progress import SendProgressDialog
from ui.workspace.dialogs import AssignDialog, UnlockDialog


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered at once; what they said is kept."""
    said = []

    def box(kind):
        def show(_parent, title, text, *a, **k):
            said.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, box(kind))
    return said


def files(monkeypatch, *, open_path=None, save_path=None, folder=None):
    if open_path is not None:
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(open_path), ""))
    if save_path is not None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(save_path), ""))
    if folder is not None:
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))


def open_profile(win, ctx, name):
    """Unlock ``name`` in the window (key derivation skipped: TEST_KDF)."""
    if ctx.unlocked:
        win.lock()
    win._session_opened(ctx.manager.unlock(ctx.manager.find(name), PASSWORD))
    wait_for_patients(win)
    return ctx.session


def wait_for_patients(win, limit: float = 20.0) -> None:
    """In a clinician workspace, until the patient list (worked out in a worker) is shown."""
    import time

    from PySide6.QtWidgets import QApplication

    patients = getattr(win.shell, "pages", {}).get("patients")
    end = time.monotonic() + limit
    while patients is not None and patients.loading and time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.002)
    assert patients is None or not patients.loading, "the patient list was not worked out"


def setup_pair(make_window, *, item9=1):
    """A window; clinician "Doc" paired with "Zed" (data filled, item 9 = ``item9``) and "Amy" (nothing)."""
    win, ctx, _ = make_window()
    doc, (zed, amy) = xu.workspace(ctx.manager, ("Zed", "Amy"))
    entry = xu.fill(zed, item9=item9)
    for s in (doc, zed, amy):
        s.lock()
    return win, ctx, entry


def send_progress(qtbot, win, monkeypatch, path, shown):
    page = win.shell.pages["clinician"]

    def fake_exec(dlg):
        shown.append(dlg.preview.toPlainText())
        dlg._save()
        return dlg.result()

    monkeypatch.setattr(SendProgressDialog, "exec", fake_exec)
    files(monkeypatch, save_path=path)
    qtbot.mouseClick(page.send, Qt.MouseButton.LeftButton)


def test_pairing_confirm_and_cancel(qtbot, make_window, tmp_path, monkeypatch, boxes):
    win, ctx, _ = make_window()
    doc, _k = ctx.manager.create("Dr Rivera", PASSWORD, kind="clinician")
    card.set_details(doc, clinic="Riverside Clinic", phone="0100 000 000")
    made = card.write_card(doc, tmp_path / "doc.card")
    doc.lock()
    ctx.manager.create("Alex", PASSWORD)[0].lock()
    s = open_profile(win, ctx, "Alex")
    win.shell.go("clinician")
    page = win.shell.pages["clinician"]
    assert page.empty.isVisible() and page.pair.isVisible()
    assert not win.send_action.isVisible()  # nobody to send to yet
    files(monkeypatch, open_path=tmp_path / "doc.card")
    seen = []

    def answer(code):
        def exec_(dlg):
            seen.append((dlg.fingerprint.text(), dlg.cancel.isDefault(), dlg.findChildren(type(dlg.fingerprint))))
            return code
        return exec_

    monkeypatch.setattr(PairDialog, "exec", answer(QDialog.DialogCode.Rejected))
    qtbot.mouseClick(page.pair, Qt.MouseButton.LeftButton)
    assert seen[0][0].split() == made.fingerprint.split() and seen[0][1]  # Enter never pairs by accident
    assert any("Riverside Clinic" == lab.text() for lab in seen[0][2])
    assert contacts.all_contacts(s.store) == [] and page.empty.isVisible()
    monkeypatch.setattr(PairDialog, "exec", answer(QDialog.DialogCode.Accepted))
    qtbot.mouseClick(page.pair, Qt.MouseButton.LeftButton)
    assert [c.display_name for c in contacts.all_contacts(s.store)] == ["Dr Rivera"]
    assert page.details_frame.isVisible() and not page.empty.isVisible()
    assert win.send_action.isVisible() and win.send_action.isEnabled()  # Send progress in the toolbar now
    opened_dialog = []
    monkeypatch.setattr(page, "send_progress", lambda: opened_dialog.append(True))
    win.shell.go("home")
    win.send_action.trigger()
    assert opened_dialog and win.shell.current_key() == "clinician"
    assert page.name.text() == "Dr Rivera" and "Riverside Clinic" in page.details.text()
    assert page.fingerprint.text().split() == made.fingerprint.split()
    assert page.own.fingerprint.text().split() == keys.ensure(s.store).fingerprint.split()
    # The same card again: already paired, nothing changes; a patient card is refused with its message.
    qtbot.mouseClick(page.pair, Qt.MouseButton.LeftButton)
    assert "already paired" in boxes[-1][2]
    card.write_card(s, tmp_path / "mine.card")
    files(monkeypatch, open_path=tmp_path / "mine.card")
    qtbot.mouseClick(page.pair, Qt.MouseButton.LeftButton)
    assert boxes[-1][0] == "warning" and "own card" in boxes[-1][2]
    assert len(contacts.all_contacts(s.store)) == 1


def test_round_trip_patient_clinician_patient(qtbot, make_window, tmp_path, monkeypatch, boxes):
    win, ctx, entry = setup_pair(make_window)
    s = open_profile(win, ctx, "Zed")
    win.shell.go("clinician")
    shown = []
    send_progress(qtbot, win, monkeypatch, tmp_path / "progress", shown)
    package = tmp_path / "progress.age"
    assert package.read_bytes().startswith(b"age-encryption.org/v1")
    assert "PHQ-9" in shown[0] and "a note" in shown[0] and "I noticed my mood" in shown[0]
    assert "Questionnaires: 2" in shown[0]

    # The clinician opens it: Zed (item 9 answered) comes first, marked in words.
    open_profile(win, ctx, "Doc")
    patients = win.shell.pages["patients"]
    assert win.shell.current_key() == "patients"
    files(monkeypatch, open_path=package)
    qtbot.mouseClick(patients.open_file, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(b[1] == "File imported" for b in boxes), timeout=10000)
    assert win.shell.pages["patients"].views.currentWidget() is patients.patient
    patients.show_list()
    assert [r.name for r in patients.rows] == ["Zed", "Amy"]
    assert patients.model.index(0, 0).data().startswith("\u26a0")
    assert "PHQ-9 item 9" in patients.model.index(0, 5).data()
    assert patients.model.index(1, 5).data() == ""

    # Comment on the entry, unlock a module, assign a questionnaire, send feedback.
    patients.open_patient_at(0)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    page = patients.patient
    assert "2 questionnaires\n" in page.changed_text.text() and "PHQ-9 item 9" in page.flags.text()
    assert len(page.charts) == 2
    assert [e.entry["id"] for e in page.entries] == [entry.id]
    page.entries[0].box.setPlainText("Lovely noticing, keep going")
    qtbot.mouseClick(page.entries[0].add, Qt.MouseButton.LeftButton)
    assert "Lovely noticing" in page.entries[0].comments.text()
    monkeypatch.setattr(UnlockDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    qtbot.mouseClick(page.unlock, Qt.MouseButton.LeftButton)
    monkeypatch.setattr(AssignDialog, "exec", lambda d: (d.combo.setCurrentIndex(d.combo.findData("gad7")),
                                                         QDialog.DialogCode.Accepted)[1])
    qtbot.mouseClick(page.assign, Qt.MouseButton.LeftButton)
    page.thread.compose.setPlainText("See you Tuesday")
    qtbot.mouseClick(page.thread.add, Qt.MouseButton.LeftButton)
    assert "comment" in page.pending.text() and "module" in page.pending.text()
    files(monkeypatch, save_path=tmp_path / "feedback.age")
    qtbot.mouseClick(page.send, Qt.MouseButton.LeftButton)
    assert (tmp_path / "feedback.age").exists() and "Nothing new" in page.pending.text()

    # The patient opens the feedback: the comment beside the entry, the module open, the measure due.
    s = open_profile(win, ctx, "Zed")
    win.shell.go("clinician")
    cpage = win.shell.pages["clinician"]
    files(monkeypatch, open_path=tmp_path / "feedback.age")
    n = len(boxes)
    qtbot.mouseClick(cpage.open, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(boxes) > n, timeout=10000)
    assert boxes[-1][1] == "File imported"
    assert "Activity" in cpage.unlocks.text() or "2." in cpage.unlocks.text()
    assert any("See you Tuesday" in cpage.thread.list.item(i).text() for i in range(cpage.thread.list.count()))
    program = loader.cached("low-mood")
    states = progress.states(s.store, program, has_clinician=True)
    assert states[1].status != "locked"
    win.shell.open_exercise("reflection", program.modules[0].exercise("m1-hopes"), "low-mood", "m1-understanding")
    host = win.shell.pages["journal"].stack.currentWidget()
    host.browser.list.setCurrentRow(0)
    assert host.browser.comments_frame.isVisible()
    assert "Comment from Doc" in host.browser.comments.text()
    assert "Lovely noticing" in host.browser.comments.text()
    home = win.shell.pages["home"]
    win.shell.go("home")
    assert home.due_frame.isVisible() and "GAD-7" in home.due_text.text()


def test_tampered_and_replayed_files_change_nothing(qtbot, make_window, tmp_path, monkeypatch, boxes):
    win, ctx, _entry = setup_pair(make_window, item9=0)
    doc = ctx.manager.unlock(ctx.manager.find("Doc"), PASSWORD)
    zed = xu.contact(doc, "Zed")
    outbox.add_message(doc.store, zed, "hello")
    from app.exchange import export

    export.export_to(doc, zed, tmp_path / "fb.age")
    doc.lock()
    s = open_profile(win, ctx, "Zed")
    win.shell.go("clinician")
    page = win.shell.pages["clinician"]
    files(monkeypatch, open_path=tmp_path / "fb.age")
    qtbot.mouseClick(page.open, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(boxes) and boxes[-1][1] == "File imported", timeout=10000)
    before = xu.dump(s.store, skip_audit=True)
    data = bytearray((tmp_path / "fb.age").read_bytes())
    data[-40] ^= 0x01
    (tmp_path / "bad.age").write_bytes(bytes(data))
    for path, words in ((tmp_path / "fb.age", "already imported"), (tmp_path / "bad.age", "damaged")):
        files(monkeypatch, open_path=path)
        n = len(boxes)
        qtbot.mouseClick(page.open, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(boxes) > n, timeout=10000)
        kind, title, text = boxes[-1]
        assert kind == "warning" and words in text and "Nothing" in text
        assert xu.dump(s.store, skip_audit=True) == before
    from ui.exchange.audit_view import AuditView

    view = AuditView(ctx)
    view.load()
    results = [view.table.item(r, 6).text() for r in range(view.table.rowCount())]
    assert results[0].startswith("Refused") and results[1].startswith("Refused") and "Imported" in results


def test_report_pdf_and_sync_folder(qtbot, make_window, tmp_path, monkeypatch, boxes):
    win, ctx, _entry = setup_pair(make_window)
    sync = tmp_path / "sync"
    sync.mkdir()
    s = open_profile(win, ctx, "Zed")
    win.shell.go("clinician")
    files(monkeypatch, folder=sync)
    qtbot.mouseClick(win.shell.pages["clinician"].sync.choose, Qt.MouseButton.LeftButton)
    assert ctx.prefs.sync_folder == str(sync)
    send_progress(qtbot, win, monkeypatch, tmp_path / "p.age", [])
    assert len(list(sync.glob("hearth-*.age"))) == 1

    # The clinician's workspace watches the same folder: the file is imported on unlock, with a notice.
    doc = ctx.manager.unlock(ctx.manager.find("Doc"), PASSWORD)
    from app import preferences

    preferences.save(doc.store, sync_folder=str(sync))
    doc.lock()
    open_profile(win, ctx, "Doc")
    qtbot.waitUntil(lambda: win.shell.notice.isVisible(), timeout=10000)
    assert "Zed" in win.shell.notice.text.text()
    patients = win.shell.pages["patients"]
    wait_for_patients(win)
    assert patients.rows[0].name == "Zed"
    patients.open_patient_at(0)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    pdf = tmp_path / "report.pdf"
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click())
    files(monkeypatch, save_path=tmp_path / "report")
    qtbot.mouseClick(patients.patient.save_pdf, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pdf.exists(), timeout=30000)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob("*.html")) and not list(tmp_path.glob("*.png"))


def test_create_clinician_workspace_through_the_create_page(qtbot, make_window):
    win, ctx, _ = make_window()
    win.show_page(win.create)
    c = win.create
    assert not c.clinic.isVisible()
    c.for_work.setChecked(True)
    assert c.clinic.isVisible()
    qtbot.keyClicks(c.name, "Dr Rivera")
    qtbot.keyClicks(c.clinic, "Riverside Clinic")
    qtbot.keyClicks(c.email, "rivera@example.org")
    qtbot.keyClicks(c.password.edit, "a long password")
    qtbot.keyClicks(c.password2.edit, "a long password")
    qtbot.keyClick(c.password2.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: c.steps.currentIndex() == 1, timeout=10000)
    confirm_recovery_key(qtbot, c)
    assert ctx.session.kind == "clinician"
    assert type(win.shell).__name__ == "WorkspaceShell" and win.stack.currentWidget() is win.shell
    assert card.details(ctx.session)["clinic"] == "Riverside Clinic"
    assert card.parse_card(card.make_card(ctx.session)).email == "rivera@example.org"
    for i in range(3):
        qtbot.keyClick(win.shell, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert win.shell.stack.currentIndex() == i
    assert not win.shell.pages["patients"].empty.isHidden()
    win.lock()
    assert win.stack.currentWidget() is win.unlock_page


def _unnamed(win):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget, QPlainTextEdit

    missing = []
    for cls in (QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QAbstractSpinBox):
        for w in win.findChildren(cls):
            if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
                continue
            label = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
            if not label and w.objectName() not in ("qt_toolbar_ext_button", "qt_tableview_cornerbutton"):
                missing.append(f"{cls.__name__} {w.objectName()} in {type(w.parent()).__name__}")
    return missing


def test_exchange_pages_are_named_and_remind_weekly(qtbot, make_window, tmp_path, monkeypatch, boxes):
    from datetime import datetime, timedelta, timezone

    from app.exchange import export, patient

    win, ctx, _entry = setup_pair(make_window)
    s = open_profile(win, ctx, "Zed")
    win.shell.go("clinician")
    assert _unnamed(win) == []
    assert not patient.reminder_due(s.store)  # paired today
    assert patient.reminder_due(s.store, datetime.now(timezone.utc) + timedelta(days=8))
    export.export_to(s, xu.contact(s, "Doc"), tmp_path / "p.age")
    assert not patient.reminder_due(s.store, datetime.now(timezone.utc) + timedelta(days=6))
    assert patient.reminder_due(s.store, datetime.now(timezone.utc) + timedelta(days=7, minutes=1))
    win.shell.pages["clinician"].reminder.setChecked(False)
    assert not patient.reminder_due(s.store, datetime.now(timezone.utc) + timedelta(days=30))
    open_profile(win, ctx, "Doc")
    patients = win.shell.pages["patients"]
    files(monkeypatch, open_path=tmp_path / "p.age")
    qtbot.mouseClick(patients.open_file, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: patients.views.currentWidget() is patients.patient, timeout=10000)
    assert _unnamed(win) == []
    win.shell.go("audit")
    assert win.shell.pages["audit"].view.table.rowCount() >= 3  # two pairings and the import

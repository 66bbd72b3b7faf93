"""The clinic's Outcomes page, a patient's outcomes and guidance time, as a clinician uses them."""

from __future__ import annotations

import csv
import io

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.exchange import endings, guidance, outcomes
from tests.test_exchange_ui import boxes, files  # noqa: F401 - fixture
from tests.test_ui import make_window  # noqa: F401 - fixture
from tests.test_workspace_ui import workspace, workspace_data  # noqa: F401 - fixtures


def _outcomes_page(qtbot, win):
    page = win.shell.pages["outcomes"]
    page.summary = None
    win.shell.go("outcomes")
    qtbot.waitUntil(lambda: page.summary is not None and page.model.rowCount() > 0, timeout=10000)
    return page


def _cells(table_or_model, row):
    model = table_or_model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_clinic_rates_show_the_numbers_behind_them_and_each_patient(qtbot, workspace):
    win, ctx = workspace
    page = _outcomes_page(qtbot, win)
    rates = {page.rates.item(r, 0).text(): [page.rates.item(r, c).text() for c in range(1, 4)]
             for r in range(page.rates.rowCount())}
    # Alex got better and recovered; Robin and Sam got worse from below the cut-offs; Kim sent nothing.
    assert rates["Reliable improvement"] == ["1 of 3", "33%", "1 no PHQ-9 or GAD-7 scores"]
    assert rates["Reliable deterioration"] == ["2 of 3", "67%", "1 no PHQ-9 or GAD-7 scores"]
    assert rates["Reliable recovery"][:2] == ["1 of 1", "100%"]
    assert "2 not a case at the first score" in rates["Recovery"][2]
    by_name = {_cells(page.model, r)[0]: _cells(page.model, r) for r in range(page.model.rowCount())}
    assert by_name["Alex Moreau"][1] == "PHQ-9: 15 \u2192 7\nGAD-7: 11 \u2192 5"
    assert by_name["Alex Moreau"][3] == "Reliable recovery" and by_name["Alex Moreau"][4] == "Modules: 1 of 8\nWeeks: 3"
    assert by_name["Kim Nakamura"][2] == "Not enough data: no scores"
    assert by_name["Robin Okafor"][3] == "Not applicable: not a case at the first score"
    assert "4 patients" in page.others.text()


def test_a_row_opens_that_patient_and_an_ending_moves_the_figures(qtbot, workspace):
    win, ctx = workspace
    page = _outcomes_page(qtbot, win)
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "Robin Okafor")
    page.table.activated.emit(page.model.index(row, 0))
    patients = win.shell.pages["patients"]
    assert win.shell.current_key() == "patients" and patients.patient.heading.text() == "Robin Okafor"
    # Counting only ended treatments: none yet, then Alex's.
    alex = next(r.contact_id for r in patients.rows if r.name == "Alex Moreau")
    endings.record(ctx.session.store, alex, endings.FINISHED, "2026-11-30")
    page = _outcomes_page(qtbot, win)
    page.ended_only.setChecked(True)  # asked twice at once: the answer to the newest question is shown
    page.ended_only.setChecked(False)
    page.ended_only.setChecked(True)
    qtbot.waitUntil(lambda: page.summary.ended_only, timeout=10000)
    qtbot.wait(300)
    assert page.summary.ended_only
    assert page.summary.counted == 1 and page.rates.item(4, 1).text() == "1 of 1"
    assert "Ended, Finished the program: 1" in page.others.text()


def test_the_csv_is_pseudonymous_unless_names_are_asked_for_and_warns_first(qtbot, workspace, monkeypatch, tmp_path,
                                                                          boxes):
    win, ctx = workspace
    page = _outcomes_page(qtbot, win)
    warned = []

    def answer(box, *, go: bool):
        warned.append(box.text())
        role = QMessageBox.ButtonRole.AcceptRole if go else QMessageBox.ButtonRole.RejectRole
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        return 0

    path = tmp_path / "out" / "clinic.csv"
    path.parent.mkdir()
    files(monkeypatch, save_path=path)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, go=False))
    page.export_csv()
    assert not path.exists() and "not encrypted" in warned[-1]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answer(box, go=True))
    page.export_csv()
    qtbot.waitUntil(lambda: bool(boxes) and boxes[-1][1] == "Outcomes saved", timeout=10000)
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))
    assert len(rows) == 4 and "name" not in rows[0] and all(r["patient_id"].startswith("P-") for r in rows)
    assert "Robin" not in path.read_text("utf-8-sig") and "pseudonyms" in warned[-1]
    page.names.setChecked(True)
    page.export_csv()
    qtbot.waitUntil(lambda: "Robin Okafor" in path.read_text("utf-8-sig"), timeout=10000)
    assert "names" in warned[-1]


def test_guidance_time_counts_while_the_page_is_in_use_and_can_be_added(qtbot, workspace, monkeypatch):
    win, ctx = workspace
    patients = win.shell.pages["patients"]
    robin = next(r.contact_id for r in patients.rows if r.name == "Robin Okafor")
    now = [1000.0]
    patients.patient.clock._clock = lambda: now[0]
    patients.open_patient_id(robin)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    page = patients.patient
    assert page.clock.contact_id == robin
    for _ in range(10):  # ten minutes of work, input every minute (through the window, as real keys come)
        now[0] += 60
        qtbot.keyClick(win.windowHandle(), Qt.Key.Key_Shift)
    now[0] += 3600  # an hour away: counts as two minutes at most
    qtbot.keyClick(win.windowHandle(), Qt.Key.Key_Shift)
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    now[0] += 90  # Hearth not in front: paused, so the next input starts a new stretch and adds nothing
    qtbot.keyClick(win.windowHandle(), Qt.Key.Key_Shift)
    patients.show_list()
    assert not page.clock.running
    assert guidance.total(ctx.session.store, robin).minutes == 12
    # The clinician adds a telephone call of 20 minutes from the outcome card.
    patients.open_patient_id(robin)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)

    def accept(dialog):
        dialog.minutes.setValue(20)
        return QDialog.DialogCode.Accepted

    from ui.workspace import outcome_card

    monkeypatch.setattr(outcome_card.GuidanceDialog, "exec", accept)
    page.outcome.add_time.click()
    assert guidance.total(ctx.session.store, robin).minutes == 32
    assert "Guidance time: 32 minutes" in page.outcome.text.text()
    assert outcomes.patient_outcome(ctx.session.store, robin).guidance.minutes == 32


def test_recording_and_reopening_the_end_of_treatment(qtbot, workspace, monkeypatch):
    from ui.workspace import outcome_card

    win, ctx = workspace
    patients = win.shell.pages["patients"]
    alex = next(r.contact_id for r in patients.rows if r.name == "Alex Moreau")
    patients.open_patient_id(alex)
    qtbot.waitUntil(lambda: not patients.patient.loading, timeout=20000)
    card = patients.patient.outcome
    assert "Treatment: In treatment" in card.text.text()

    def accept(dialog):
        dialog.reason.setCurrentIndex(dialog.reason.findData(endings.REFERRED))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(outcome_card.EndingDialog, "exec", accept)
    card.ending.click()
    assert endings.get(ctx.session.store, alex).reason == endings.REFERRED
    assert "Referred to another service" in card.text.text() and card.ending.text() == "Reopen treatment"
    card.ending.click()
    assert endings.get(ctx.session.store, alex) is None and "In treatment" in card.text.text()


def test_the_report_says_the_outcomes(workspace):
    from app.exchange import report

    win, ctx = workspace
    alex = next(r.contact_id for r in win.shell.pages["patients"].rows if r.name == "Alex Moreau")
    html = report.render_html(ctx.session.store, alex)
    assert "<h2>Outcomes</h2>" in html and "Reliable recovery" in html and "PHQ-9: 15 \u2192 7" in html


def test_a_patient_opens_with_the_newest_entries_and_shows_older_ones_on_request(qtbot, workspace):
    """The page reads the records in a worker and builds its cards a few at a time; the newest ten entries
    first, then "Show older entries" adds the next ones below, oldest last."""
    from app.exchange import importer
    from app.exercises import store as ex_store
    from tests import exchange_util as xu

    win, ctx = workspace
    doc = ctx.session
    pat, _key = ctx.manager.create("Nia", xu.PASSWORD)
    xu.pair(doc, pat)
    for i in range(13):
        ex_store.add(pat.store, "reflection", {"text": f"note {i:02d}"},
                     created_at=f"2026-11-{i + 1:02d}T09:00:00+00:00")
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, doc.display_name)).data)
    pat.lock()
    patients = win.shell.pages["patients"]
    nia = xu.contact(doc, "Nia").id
    patients.open_patient_id(nia)
    page = patients.patient
    assert page.loading and page.heading.text() == "Nia"  # the name at once, the rest when read
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    texts = [e.text.text() for e in page.entries]
    assert len(texts) == 10 and "note 12" in texts[0] and "note 03" in texts[-1]
    assert not page.older.isHidden() and page.older.text() == "Show 3 older entries"
    page.older.click()
    qtbot.waitUntil(lambda: not page.loading, timeout=20000)
    assert len(page.entries) == 13 and "note 00" in page.entries[-1].text.text() and page.older.isHidden()

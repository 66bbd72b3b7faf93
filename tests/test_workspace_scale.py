"""The workspace at a real caseload (issue 11): the structure that keeps it fast, checked without timing.

Unacknowledged exports keep one digest per record version (not one per package), with the
acknowledgement's meaning unchanged; the patient list is worked out once, in a worker, when the
workspace opens; an import refreshes one row; sending a file seals and writes it in a worker.
Speed itself is measured by ``bench/exchange.py``.
"""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from app import checkins
from app.exchange import collect, export, importer, workspace
from tests import exchange_util as xu
from tests.conftest import PASSWORD
from tests.test_exchange_ui import boxes, files, open_profile, setup_pair, wait_for_patients  # noqa: F401
from tests.test_ui import make_window  # noqa: F401 - fixture


def _sent_rows(session) -> int:
    return session.store.query_one("SELECT count(*) FROM exchange_sent")[0]


def _shared(session) -> int:
    shown = collect.preview(session, xu.contact(session, "Doc"), everything=True)
    return sum(shown.counts.values()) - shown.counts.get("messages", 0)


@pytest.fixture
def pair(manager):
    doc, (pat,) = xu.workspace(manager)
    xu.fill(pat)
    yield doc, pat
    for s in (doc, pat):
        if not s.store.closed:
            s.lock()


def test_unacknowledged_exports_keep_one_digest_per_record_version(pair):
    _doc, pat = pair
    records = _shared(pat)
    for _ in range(20):
        xu.exported(pat, xu.contact(pat, "Doc"))
    assert _sent_rows(pat) == records  # not 20 times as many
    checkins.save(pat.store, 9, "a better day")  # today's check-in changed: one new version
    for _ in range(5):
        xu.exported(pat, xu.contact(pat, "Doc"))
    assert _sent_rows(pat) == records + 1


def test_an_acknowledged_older_package_still_leaves_what_changed_after_it_to_send(pair):
    """A record is sent again until the clinician acknowledges a package carrying its current version."""
    doc, pat = pair
    first = xu.exported(pat, xu.contact(pat, "Doc"))
    second = xu.exported(pat, xu.contact(pat, "Doc"))  # the same versions: nothing new recorded
    checkins.save(pat.store, 9, "a better day")
    third = xu.exported(pat, xu.contact(pat, "Doc"))
    xu.exported(pat, xu.contact(pat, "Doc"))
    assert first.counts == second.counts == third.counts  # never acknowledged: everything each time
    importer.import_bytes(doc, second.data)  # the clinician never got the first, and not yet the third
    importer.import_bytes(pat, xu.exported(doc, xu.contact(doc, "Pat")).data)  # acknowledges the second
    left = collect.preview(pat, xu.contact(pat, "Doc"))
    assert {s: n for s, n in left.counts.items() if n} == {"checkins": 1}
    assert left.sections["checkins"][0]["note"] == "a better day"
    importer.import_bytes(doc, third.data)
    importer.import_bytes(pat, xu.exported(doc, xu.contact(doc, "Pat")).data)  # acknowledges the third
    assert collect.preview(pat, xu.contact(pat, "Doc")).empty


def test_patient_row_is_the_row_of_the_list(pair):
    doc, pat = pair
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    (row,) = workspace.patient_rows(doc.store)
    assert workspace.patient_row(doc.store, row.contact_id) == row
    assert workspace.patient_row(doc.store, "no-such-contact") is None


@pytest.fixture
def counted(monkeypatch):
    """Calls of workspace.patient_rows and patient_row, with the thread each ran on."""
    calls = {"rows": [], "row": []}
    real_rows, real_row = workspace.patient_rows, workspace.patient_row

    def rows(store):
        calls["rows"].append(threading.current_thread())
        return real_rows(store)

    def row(store, contact_id):
        calls["row"].append(contact_id)
        return real_row(store, contact_id)

    monkeypatch.setattr(workspace, "patient_rows", rows)
    monkeypatch.setattr(workspace, "patient_row", row)
    return calls


def test_the_list_is_worked_out_once_in_a_worker_when_the_workspace_opens(qtbot, make_window, counted):
    win, ctx, _entry = setup_pair(make_window)
    open_profile(win, ctx, "Doc")
    assert [r.name for r in win.shell.pages["patients"].rows] == ["Amy", "Zed"]
    (thread,) = counted["rows"]
    assert thread is not threading.main_thread()


def test_an_import_refreshes_only_its_patients_row(qtbot, make_window, tmp_path, monkeypatch, boxes, counted):
    win, ctx, _entry = setup_pair(make_window)
    zed = ctx.manager.unlock(ctx.manager.find("Zed"), PASSWORD)
    package = tmp_path / "progress.age"
    export.export_to(zed, xu.contact(zed, "Doc"), package)
    zed.lock()
    open_profile(win, ctx, "Doc")
    patients = win.shell.pages["patients"]
    zed_id = next(r.contact_id for r in patients.rows if r.name == "Zed")
    assert patients.rows[1].contact_id == zed_id and not patients.rows[1].flags
    counted["rows"].clear()
    files(monkeypatch, open_path=package)
    qtbot.mouseClick(patients.open_file, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(b[1] == "File imported" for b in boxes), timeout=10000)
    assert counted["rows"] == [] and not patients.loading  # the list was not worked out again
    assert set(counted["row"]) == {zed_id}
    assert patients.rows[0].contact_id == zed_id and "suicidal_ideation" in patients.rows[0].flags  # moved up
    assert patients.model.index(0, 0).data().startswith("\u26a0")
    patients.show_list()
    assert counted["rows"] == []


def test_sending_a_file_seals_and_writes_it_in_a_worker(qtbot, pair, tmp_path, monkeypatch, boxes):
    doc, _pat = pair
    from ui.exchange import flows

    threads = []
    real = export.export_to

    def export_to(*a, **k):
        threads.append(threading.current_thread())
        return real(*a, **k)

    monkeypatch.setattr(export, "export_to", export_to)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fb.age"), ""))
    ctx = SimpleNamespace(session=doc, prefs=SimpleNamespace(sync_folder=""))
    done = flows.write_package(None, ctx, xu.contact(doc, "Pat"), "fb.age")
    assert done is not None and (tmp_path / "fb.age").read_bytes() == done.data
    (thread,) = threads
    assert thread is not threading.main_thread()
    assert QApplication.activeModalWidget() is None  # the wait's dialog is gone


def test_the_payload_put_together_from_each_records_json_is_the_canonical_payload(pair):
    from app.exchange.jsonsafe import canonical

    _doc, pat = pair
    pat_to_doc = xu.contact(pat, "Doc")
    from app.exchange import outbox

    outbox.add_message(pat.store, pat_to_doc, "Gr\u00fc\u00dfe \u2014 \u0645\u0631\u062d\u0628\u0627 \"quoted\"")
    for categories in (tuple(collect.CATEGORIES), ("checkins",), ("messages", "measures")):
        shown = collect.preview(pat, pat_to_doc, categories)
        assert shown.encoded_payload() == canonical(shown.payload())


def test_the_charts_library_is_loaded_while_the_list_is_read_not_when_a_patient_opens(qtbot, monkeypatch,
                                                                                      make_window):
    """Importing matplotlib holds Python's lock for long stretches: done in a worker after the list shows."""
    import threading

    from ui.charts import mpl
    from ui.workspace import patients as patients_ui

    warmed = []
    monkeypatch.setattr(patients_ui, "WARM_CHARTS_MS", 0)
    monkeypatch.setattr(mpl, "ready", lambda: False)
    monkeypatch.setattr(mpl, "warm", lambda data_dir: warmed.append(threading.current_thread()))
    win, ctx, _entry = setup_pair(make_window)
    open_profile(win, ctx, "Doc")
    qtbot.waitUntil(lambda: bool(warmed), timeout=10000)
    assert warmed[0] is not threading.main_thread()


def test_warming_the_charts_library_finds_a_font(tmp_path):
    """What the list's worker runs: it must not fail (it once stopped at an unparsable font pattern, silently)."""
    from ui.charts import mpl

    mpl.warm(tmp_path)
    assert mpl.ready()

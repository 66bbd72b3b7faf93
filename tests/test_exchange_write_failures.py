"""A package file that cannot be written (full or read-only disk, a pulled USB stick) loses nothing.

Items are marked as sent only once the file is on the disk: a failed write at any step (the
temp file, its fsync, the rename, the folder's fsync) leaves every message, comment, unlock,
assignment and record for the next package, and the message says so truthfully.
"""

from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest

from app import fsutil
from app.exchange import audit, export, importer, outbox, patient, workspace
from app.programs import progress
from tests.conftest import PASSWORD
from tests.exchange_util import contact, fill, workspace as make_workspace

ROOT = Path(__file__).resolve().parent.parent
STEPS = ["_write_all", "_fsync", "_replace", "fsync_dir"]  # the steps of fsutil.atomic_write_bytes

# The real command, in its own process, with one step of the atomic write failing as on a full disk.
_CLI_WITH_FAULT = """
import errno, os, sys
from app import fsutil

def disk_full(*args, **kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

if sys.argv[1] != "-":
    setattr(fsutil, sys.argv[1], disk_full)
from app.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


def _cli(data_dir, *args, fail="-"):
    cmd = [sys.executable, "-c", _CLI_WITH_FAULT, fail, "--data-dir", str(data_dir), "exchange", *args,
           "--password-stdin"]
    r = subprocess.run(cmd, cwd=ROOT, input=PASSWORD + "\n", capture_output=True, text=True, timeout=120,
                       env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(data_dir)})
    assert "Traceback" not in r.stderr, r.stderr
    return r


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def world(manager):
    """Doc has Pat's entry (for a comment) and queued one of each kind of feedback; both locked."""
    doc, (pat,) = make_workspace(manager)
    entry = fill(pat)
    outbox.add_message(pat.store, contact(pat, "Doc"), "my message")
    # Doc needs Pat's entry to comment on (setup only: the rest of Pat's data is still unsent).
    importer.import_bytes(doc, export.export_package(pat, contact(pat, "Doc"), categories=["homework"]).data)
    to_pat = contact(doc, "Pat")
    outbox.add_message(doc.store, to_pat, "well done")
    outbox.add_comment(doc.store, to_pat, entry.id, "a comment", "reflection")
    outbox.add_unlock(doc.store, to_pat, "low-mood", "m2-activity-monitoring")
    outbox.add_assignment(doc.store, to_pat, "gad7", "2030-01-01")
    doc.lock()
    pat.lock()
    return manager, entry


def _unlock(manager, name):
    return manager.unlock(manager.find(name), PASSWORD)


def _items(counts: dict) -> dict:
    return {k: v for k, v in counts.items() if k != "acknowledged"}


def _refused_truthfully(r, usb: Path, out: Path):
    assert r.returncode != 0
    said = r.stderr.strip()
    assert "Nothing was marked as sent" in said and "next file" in said, said
    assert "Nothing was lost" not in said and "Nothing was changed" not in said, said
    assert not list(usb.glob(".*.tmp"))  # no half-written temp file left behind
    return said


@pytest.mark.parametrize("step", STEPS)
def test_feedback_survives_a_failed_write(world, tmp_path, step):
    manager, entry = world
    usb = tmp_path / "usb"
    usb.mkdir()
    out = usb / "feedback.age"
    data = manager.data_dir
    r = _cli(data, "export", "Doc", "--to", "Pat", "--out", str(out), fail=step)
    _refused_truthfully(r, usb, out)
    if step in ("_write_all", "_fsync", "_replace"):
        assert not out.exists()
    doc = _unlock(manager, "Doc")
    to_pat = contact(doc, "Pat")
    assert not [e for e in audit.entries(doc.store) if e.event == audit.EXPORT]  # no export happened
    assert not doc.store.query("SELECT 1 FROM exchange_packages WHERE direction = 'out'")
    from app.exchange import clinic

    assert clinic.pending_counts(doc.store, to_pat) == {"messages": 1, "comments": 1, "unlocks": 1, "assignments": 1}
    doc.lock()

    # The next export (the disk has room again) carries every item.
    r = _cli(data, "export", "Doc", "--to", "Pat", "--out", str(usb / "again.age"))
    assert r.returncode == 0, r.stderr
    pat = _unlock(manager, "Pat")
    got = importer.import_file(pat, usb / "again.age")
    assert _items(got.counts) == {"messages": 1, "comments": 1, "unlocks": 1, "assignments": 1}
    assert [m.body for m in outbox.messages(pat.store, contact(pat, "Doc")) if m.direction == "in"] == ["well done"]
    assert [c.body for c in outbox.comments_for_entry(pat.store, entry.id)] == ["a comment"]
    assert progress.clinician_unlocks(pat.store, "low-mood") == {"m2-activity-monitoring"}
    assert outbox.assigned_measures(pat.store) == [("gad7", "2030-01-01")]
    pat.lock()


@pytest.mark.parametrize("step", STEPS)
def test_progress_survives_a_failed_write(world, tmp_path, step):
    manager, _entry = world
    usb = tmp_path / "usb"
    usb.mkdir()
    data = manager.data_dir
    pat = _unlock(manager, "Pat")
    to_doc = contact(pat, "Doc")
    sent_before = pat.store.query("SELECT * FROM exchange_sent ORDER BY sequence, section, record_id")
    pat.lock()
    r = _cli(data, "export", "Pat", "--to", "Doc", "--everything", "--out", str(usb / "p.age"), fail=step)
    _refused_truthfully(r, usb, usb / "p.age")
    pat = _unlock(manager, "Pat")
    # Nothing looks sent that was not: the message is still waiting, the weekly reminder is not
    # silenced, the log has no export, and no record is noted as carried by a package.
    assert [m.sent for m in outbox.messages(pat.store, to_doc)] == [False]
    assert patient.last_sent_at(pat.store, to_doc.id) is None
    assert not [e for e in audit.entries(pat.store) if e.event == audit.EXPORT]
    assert pat.store.query("SELECT * FROM exchange_sent ORDER BY sequence, section, record_id") == sent_before
    pat.lock()

    r = _cli(data, "export", "Pat", "--to", "Doc", "--out", str(usb / "again.age"))
    assert r.returncode == 0, r.stderr
    doc = _unlock(manager, "Doc")
    importer.import_file(doc, usb / "again.age")
    pid = contact(doc, "Pat").id
    assert [m.body for m in outbox.messages(doc.store, contact(doc, "Pat")) if m.direction == "in"] == ["my message"]
    assert {s: len(workspace.records(doc.store, pid, s)) for s in ("measures", "checkins", "homework")} == {
        "measures": 2, "checkins": 1, "homework": 1}
    doc.lock()
    pat = _unlock(manager, "Pat")
    assert [m.sent for m in outbox.messages(pat.store, to_doc)] == [True]
    pat.lock()


def test_the_app_says_nothing_was_marked(world, tmp_path, monkeypatch):
    """The window's save flow: a full disk shows a message that is true, and the item still waits."""
    from types import SimpleNamespace

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.exchange import flows

    manager, _entry = world
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: said.append((title, text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fb.age"), ""))
    monkeypatch.setattr(fsutil, "_fsync", _disk_full)
    doc = _unlock(manager, "Doc")
    ctx = SimpleNamespace(session=doc, prefs=SimpleNamespace(sync_folder=""))
    assert flows.write_package(None, ctx, contact(doc, "Pat"), "fb.age") is None
    (title, text), = said
    assert "Nothing was marked as sent" in text and "Nothing was changed" not in text, text
    from app.exchange import clinic

    assert clinic.pending_counts(doc.store, contact(doc, "Pat"))["messages"] == 1
    doc.lock()


def test_a_failed_copy_to_the_sync_folder_is_said_and_the_saved_file_counts(world, tmp_path, monkeypatch):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.exchange import flows

    manager, _entry = world
    sync = tmp_path / "sync"
    sync.mkdir()
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: said.append((title, text)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fb.age"), ""))
    real_replace = fsutil._replace

    def sync_folder_full(src, dst):
        if Path(dst).parent == sync:
            _disk_full()
        real_replace(src, dst)

    monkeypatch.setattr(fsutil, "_replace", sync_folder_full)
    doc = _unlock(manager, "Doc")
    ctx = SimpleNamespace(session=doc, prefs=SimpleNamespace(sync_folder=str(sync)))
    done = flows.write_package(None, ctx, contact(doc, "Pat"), "fb.age")
    assert done is not None and (tmp_path / "fb.age").read_bytes() == done.data
    (title, text), = said
    assert title == "Not copied to the sync folder" and "was saved" in text
    assert not list(sync.iterdir())
    from app.exchange import clinic

    assert clinic.pending_counts(doc.store, contact(doc, "Pat")) == {}  # the saved file carries them
    doc.lock()


def test_written_but_not_recorded_is_sent_again_harmlessly(world, tmp_path, monkeypatch):
    """The file is on the disk but recording it fails: the next file repeats its items under a higher
    sequence number, and the receiver keeps one copy of each."""
    from app.errors import DiskProblem
    from app.exchange.errors import ExportNotRecorded

    manager, entry = world
    doc = _unlock(manager, "Doc")
    to_pat = contact(doc, "Pat")

    def no_room(*_a, **_k):
        raise DiskProblem()

    monkeypatch.setattr(audit, "record", no_room)
    with pytest.raises(ExportNotRecorded) as e:
        export.export_to(doc, to_pat, tmp_path / "first.age")
    assert "was saved" in e.value.message()
    monkeypatch.undo()
    assert (tmp_path / "first.age").exists()
    second = export.export_to(doc, to_pat, tmp_path / "second.age")
    assert second.counts["messages"] == 1 and second.sequence == 2  # sequence 1 stays with the first file
    doc.lock()
    pat = _unlock(manager, "Pat")
    first = importer.import_file(pat, tmp_path / "first.age")
    assert first.counts["messages"] == first.counts["comments"] == 1
    again = importer.import_file(pat, tmp_path / "second.age")  # not refused as older: a new sequence
    assert _items(again.counts) == {"messages": 0, "comments": 0, "unlocks": 0, "assignments": 0}
    assert len(outbox.messages(pat.store, contact(pat, "Doc"))) == 2  # "my message" out, "well done" in
    assert len(outbox.comments_for_entry(pat.store, entry.id)) == 1
    assert len(outbox.assigned_measures(pat.store)) == 1
    pat.lock()


def test_an_item_written_while_the_file_is_saved_waits_for_the_next(world, tmp_path):
    manager, _entry = world
    doc = _unlock(manager, "Doc")
    to_pat = contact(doc, "Pat")
    sealed = export.export_package(doc, to_pat)
    late = outbox.add_message(doc.store, to_pat, "written while the save dialog was open")
    export.commit_export(doc, sealed, tmp_path / "fb.age")
    pending = outbox.feedback_payload(doc.store, to_pat)
    assert [m["id"] for m in pending["messages"]] == [late]
    doc.lock()

"""The sync folder imports a few files per transaction (importer.import_many), each all or nothing."""

import pytest

from app import checkins
from app.exchange import audit, importer, merge, syncfolder
from app.exchange.errors import AlreadyImported, ExchangeError
from app.store.db import Store
from tests.exchange_util import contact, exported, fill, workspace as make_workspace


def _two_files_each(doc, patients, folder):
    """Two progress files from each patient into the sync folder (sequence 1, then 2 with a new check-in)."""
    for p in patients:
        fill(p)
        syncfolder.write_outgoing(p, contact(p, "Doc"), folder)
        checkins.save(p.store, 3, "later", day=None)
        syncfolder.write_outgoing(p, contact(p, "Doc"), folder)


def _counting_transactions(monkeypatch):
    real, opened = Store.transaction, []

    def counted(self):
        opened.append(1)
        return real(self)

    monkeypatch.setattr(Store, "transaction", counted)
    return opened


def test_a_sync_folder_is_imported_a_few_files_per_transaction(manager, tmp_path, monkeypatch):
    doc, pats = make_workspace(manager, ("Ann", "Ben", "Cat"))
    folder = tmp_path / "sync"
    folder.mkdir()
    _two_files_each(doc, pats, folder)
    opened = _counting_transactions(monkeypatch)
    found = syncfolder.scan(doc, folder)
    assert not found.refused and len(found.imported) == 6
    assert len(opened) == 2  # 6 files, at most importer.BATCH_FILES (4) per transaction
    for name in ("Ann", "Ben", "Cat"):
        assert contact(doc, name).in_sequence == 2
    assert [e.event for e in audit.entries(doc.store)].count(audit.IMPORT) == 6


def test_a_batch_stays_small_in_records_too(manager, monkeypatch, tmp_path):
    doc, pats = make_workspace(manager, ("Ann", "Ben", "Cat"))
    folder = tmp_path / "sync"
    folder.mkdir()
    _two_files_each(doc, pats, folder)
    monkeypatch.setattr(importer, "BATCH_RECORDS", 1)  # each file alone is over it
    opened = _counting_transactions(monkeypatch)
    assert len(syncfolder.scan(doc, folder).imported) == 6
    assert len(opened) == 6


def test_a_refused_file_in_a_batch_changes_nothing_and_the_others_are_imported(manager):
    doc, (ann, ben) = make_workspace(manager, ("Ann", "Ben"))
    fill(ann)
    fill(ben)
    a, b = exported(ann, contact(ann, "Doc")).data, exported(ben, contact(ben, "Doc")).data
    out = importer.import_many(doc, [("a", a), ("junk", b"age-encryption.org/v1\nnot a package"), ("b", b),
                                     ("a again", a)])
    assert [k for k, _r in out] == ["a", "junk", "b", "a again"]
    assert isinstance(out[0][1], importer.Imported) and isinstance(out[2][1], importer.Imported)
    assert isinstance(out[1][1], ExchangeError)
    # the same file twice in one batch: the second is a replay, found under the write lock
    assert isinstance(out[3][1], AlreadyImported)
    assert contact(doc, "Ann").in_sequence == 1 and contact(doc, "Ben").in_sequence == 1
    events = [e.event for e in audit.entries(doc.store)]
    assert events.count(audit.IMPORT) == 2 and events.count(audit.REJECTED) == 2


def test_an_error_that_is_not_the_files_fault_leaves_the_whole_batch_for_the_next_scan(manager, tmp_path,
                                                                                         monkeypatch):
    doc, pats = make_workspace(manager, ("Ann", "Ben"))
    folder = tmp_path / "sync"
    folder.mkdir()
    for p in pats:
        fill(p)
        syncfolder.write_outgoing(p, contact(p, "Doc"), folder)
    real, calls = merge.patient_progress, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(merge, "patient_progress", failing)
    with pytest.raises(OSError):
        syncfolder.scan(doc, folder)
    assert contact(doc, "Ann").in_sequence == 0 and contact(doc, "Ben").in_sequence == 0  # the first rolled back too
    assert audit.IMPORT not in [e.event for e in audit.entries(doc.store)]
    monkeypatch.setattr(merge, "patient_progress", real)
    found = syncfolder.scan(doc, folder)
    assert len(found.imported) == 2 and not found.refused

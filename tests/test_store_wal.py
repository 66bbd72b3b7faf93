"""Which -wal file SQLite may replay: only the one this database file wrote in its current cycle.

A crash leaves committed entries in the -wal; they must come back. A -wal put beside the database by a
backup tool, a sync engine or a mistake (older, newer, a partial copy, another profile's) must be set
aside (renamed, kept) and never reach ``profile.db``.
"""

import hashlib
import shutil
from pathlib import Path

import pytest

from app import journal
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from app.errors import StoreDamaged
from app.store import db as dbmod
from tests.conftest import PASSWORD


def _db_files(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name.startswith("profile.db")}


def _crash(session, folder):
    """Leave the files as a crash would: copied while the connection is open, put back after it is gone."""
    saved = _db_files(folder)
    session.lock()
    for p in folder.iterdir():
        if p.name.startswith("profile.db"):
            p.unlink()
    for name, data in saved.items():
        (folder / name).write_bytes(data)
    assert "profile.db-wal" in saved and "profile.db.closed" not in saved


def _titles(session):
    return sorted(e.title for e in journal.entries(session.store))


def _set_aside(folder):
    return [p for p in folder.iterdir() if ".stale-" in p.name]


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_crash_wal_of_the_current_cycle_is_replayed_after_a_checkpoint(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "before the backup", "x")
    s.store.backup(info.folder / "backups", reason="test")  # checkpoints: a new WAL cycle starts
    journal.add(s.store, "after the backup", "x")
    _crash(s, info.folder)
    s = manager.unlock(info, PASSWORD)
    assert _titles(s) == ["after the backup", "before the backup"]
    s.lock()
    assert _set_aside(info.folder) == []


def test_older_wal_beside_a_crashed_database_is_set_aside(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "one", "1")
    older = (info.folder / "profile.db-wal").read_bytes()
    s.lock()
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "two", "2")
    s.lock()
    s = manager.unlock(info, PASSWORD)
    _crash(s, info.folder)  # no clean-close marker this time
    (info.folder / "profile.db-wal").write_bytes(older)  # a sync engine brings back an old -wal
    s = manager.unlock(info, PASSWORD)
    assert _titles(s) == ["one", "two"]
    s.lock()
    [kept] = _set_aside(info.folder)
    assert kept.read_bytes() == older


def test_partial_copy_of_an_already_checkpointed_wal_is_set_aside(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "first", "1")
    partial = (info.folder / "profile.db-wal").read_bytes()  # copied half-way through the session
    journal.add(s.store, "second", "2")
    s.lock()  # both entries are in profile.db now
    s = manager.unlock(info, PASSWORD)
    _crash(s, info.folder)
    (info.folder / "profile.db-wal").write_bytes(partial)
    s = manager.unlock(info, PASSWORD)
    assert _titles(s) == ["first", "second"]
    s.lock()
    assert len(_set_aside(info.folder)) == 1


def test_newer_wal_beside_a_restored_older_database_is_set_aside(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "old", "1")
    s.lock()
    older_db = (info.folder / "profile.db").read_bytes()  # a copy made by a backup tool
    for title in ("newer", "newest"):
        s = manager.unlock(info, PASSWORD)
        journal.add(s.store, title, "2")
        s.lock()
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "in the crash wal", "3")
    _crash(s, info.folder)
    newer_wal = (info.folder / "profile.db-wal").read_bytes()
    (info.folder / "profile.db").write_bytes(older_db)  # the backup tool restores the old file only
    s = manager.unlock(info, PASSWORD)
    assert _titles(s) == ["old"]
    s.lock()
    [kept] = _set_aside(info.folder)
    assert kept.read_bytes() == newer_wal


def _profile_and_a_wal_of_another(manager):
    """Profile A (locked), and a -wal of profile B's holding an entry."""
    for name in ("A", "B"):
        manager.create(name, PASSWORD)[0].lock()
    s = manager.unlock(manager.find("B"), PASSWORD)
    journal.add(s.store, "B's entry", "b")
    foreign = s.store.path.with_name("profile.db-wal").read_bytes()
    s.lock()
    return manager.find("A"), foreign


def test_wal_of_another_profile_never_reaches_profile_db(manager, monkeypatch):
    pa, foreign = _profile_and_a_wal_of_another(manager)
    s = manager.unlock(pa, PASSWORD)
    journal.add(s.store, "A's entry", "a")
    _crash(s, pa.folder)
    (pa.folder / "profile.db-wal").write_bytes(foreign)
    before = _sha(pa.folder / "profile.db")
    at_first_write = []
    real = dbmod.Store._start_writing

    def spy(self):
        at_first_write.append(_sha(self.path))
        real(self)
    monkeypatch.setattr(dbmod.Store, "_start_writing", spy)
    s = manager.unlock(pa, PASSWORD)
    assert at_first_write == [before]  # nothing was written before the -wal was judged
    assert _titles(s) == []  # A's entry was in its own -wal, which the foreign one replaced
    s.lock()
    [kept] = _set_aside(pa.folder)
    assert kept.read_bytes() == foreign


def test_damaged_database_with_a_foreign_wal_is_left_exactly_as_found(manager):
    pa, foreign = _profile_and_a_wal_of_another(manager)
    db = pa.folder / "profile.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x40
    db.write_bytes(bytes(data))
    (pa.folder / "profile.db.closed").unlink()
    (pa.folder / "profile.db-wal").write_bytes(foreign)
    found = _db_files(pa.folder)
    with pytest.raises(StoreDamaged):
        manager.unlock(pa, PASSWORD)
    assert _db_files(pa.folder) == found


def test_empty_wal_left_by_a_kill_after_a_checkpoint_needs_no_check(created, monkeypatch):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "checkpointed", "x")
    s.store.backup(info.folder / "backups", reason="test")  # the -wal is now empty, but still there
    _crash(s, info.folder)
    assert (info.folder / "profile.db-wal").stat().st_size == 0
    monkeypatch.setattr(dbmod, "_look_through", lambda *a: pytest.fail("copied the database for nothing"))
    s = manager.unlock(info, PASSWORD)
    assert _titles(s) == ["checkpointed"]
    s.lock()
    assert _set_aside(info.folder) == []


def test_wal_held_by_an_interrupted_check_is_still_replayed(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "committed before the crash", "x")
    _crash(s, info.folder)
    # Killed again while the -wal was being checked: it is still under its temporary name.
    (info.folder / "profile.db-wal").rename(info.folder / "profile.db-wal.held")
    s = manager.unlock(info, PASSWORD)
    assert _titles(s) == ["committed before the crash"]
    s.lock()
    assert not [p for p in info.folder.iterdir() if "held" in p.name or ".tmp" in p.name]


class _FilesBeforeCheckpoint:
    """Wraps a connection; copies the database files at the moment a checkpoint starts."""

    def __init__(self, conn, folder):
        self._real, self._folder, self.files = conn, folder, {}

    def execute(self, sql, *args):
        if "wal_checkpoint" in sql and not self.files:
            self.files = _db_files(self._folder)
        return self._real.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._real, name)


def test_interrupted_checkpoint_is_completed_from_its_wal(created):
    """Killed while copying the -wal into profile.db: the main file is half new, half old."""
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    for i in range(30):
        journal.add(s.store, f"entry {i:02d}", "body " * 300)
    spy = s.store._conn = _FilesBeforeCheckpoint(s.store._conn, info.folder)
    s.store.backup(info.folder / "backups", reason="test")
    s.store._conn = spy._real
    db = info.folder / "profile.db"
    post = db.read_bytes()
    s.lock()
    assert spy.files["profile.db-wal"]
    page = 4096
    torn = post[: 3 * page] + spy.files["profile.db"][3 * page:]
    torn += post[len(torn):]
    for p in info.folder.iterdir():
        if p.name.startswith("profile.db"):
            p.unlink()
    for name, data in spy.files.items():  # the files as they were when the checkpoint began...
        (info.folder / name).write_bytes(data)
    db.write_bytes(torn)  # ...but the main file half written
    s = manager.unlock(info, PASSWORD)
    assert _titles(s) == [f"entry {i:02d}" for i in range(30)]
    assert s.store.query_one("PRAGMA quick_check")[0] == "ok"
    s.lock()


def test_wal_written_before_cycle_stamps_existed_is_replayed(tmp_path):
    """A crash under the previous version (no stamps yet) must not lose what it had committed."""
    fixture = Path(__file__).parent / "fixtures" / "profile_v1"
    shutil.copytree(fixture, tmp_path / "data")
    m = ProfileManager(tmp_path / "data", TEST_KDF)
    info = m.find("Fixture")
    kf = m._read_keyfile(info.folder)
    key = kf.unwrap_with_password("fixture-password")
    conn = dbmod.sqlcipher.connect(str(info.folder / "profile.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("INSERT INTO journal_entries(id, owner, created_at, updated_at, title, body)"
                 " VALUES ('legacy', 'patient', 't', 't', 'written by the old version', '')")
    saved = _db_files(info.folder)
    conn.close()
    for name, data in saved.items():
        (info.folder / name).write_bytes(data)
    s = m.unlock(info, "fixture-password")
    assert _titles(s) == ["Fixture entry", "written by the old version"]
    s.lock()


def test_wal_stays_small_without_sqlite_autocheckpoint(session, monkeypatch):
    assert session.store.query_one("PRAGMA wal_autocheckpoint")[0] == 0  # we checkpoint, so we stamp
    monkeypatch.setattr(dbmod, "CHECKPOINT_BYTES", 64 * 1024)
    wal = session.store.path.with_name("profile.db-wal")
    for i in range(200):
        journal.add(session.store, f"entry {i}", "body " * 400)
        assert wal.stat().st_size < 2 * 64 * 1024
    assert journal.count(session.store) == 200

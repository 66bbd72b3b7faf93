"""A cleanly closed profile opens on its identity and is checked page by page in a thread (app/store/check.py):
nothing reaches the main file or a backup before the check passes; damage found locks everything out."""

from __future__ import annotations

import threading

import pytest

from app import journal
from app.crypto.keyfile import TEST_KDF
from app.errors import StoreDamaged
from app.profiles import ProfileManager
from app.store import check as check_mod
from app.store import db as dbmod
from tests.conftest import PASSWORD

PAGE = 4096


@pytest.fixture
def later(tmp_path):
    """A manager that checks after open, and a profile with a backup and enough entries for several pages."""
    plain = ProfileManager(tmp_path / "data", TEST_KDF)
    session, _key = plain.create("Sam", PASSWORD)
    for i in range(40):
        journal.add(session.store, f"entry {i}", "words " * 200)
    session.lock()
    plain.unlock(plain.find("Sam"), PASSWORD).lock()  # makes the daily backup
    manager = ProfileManager(tmp_path / "data", TEST_KDF, check_later=True)
    return manager, manager.find("Sam")


@pytest.fixture
def held(monkeypatch):
    """Checks wait for ``release`` before they start (or until they are cancelled)."""
    release = threading.Event()
    real = check_mod.Check._run

    def run(self):
        while not release.wait(0.01) and not self._cancelled:
            pass
        real(self)

    monkeypatch.setattr(check_mod.Check, "_run", run)
    return release


def _backups(info):
    folder = info.folder / "backups"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_writes_stay_in_the_wal_and_the_backup_waits_until_the_check_passes(later, held, monkeypatch):
    manager, info = later
    for p in (info.folder / "backups").iterdir():
        p.unlink()  # so that this unlock owes the daily backup
    monkeypatch.setattr(dbmod, "CHECKPOINT_BYTES", 1)  # every commit would checkpoint, were it not held
    s = manager.unlock(info, PASSWORD)
    db = info.folder / "profile.db"
    assert s.store.checking and s.store.damage is None
    before = db.read_bytes()
    journal.add(s.store, "typed while checking", "kept in the -wal")
    assert db.read_bytes() == before
    assert _backups(info) == []
    held.set()
    assert s.store.wait_checked(10) and s.store.damage is None
    for _ in range(100):  # the daily backup is made in the check's thread, just after it
        if _backups(info):
            break
        threading.Event().wait(0.05)
    assert len(_backups(info)) == 1
    journal.add(s.store, "after the check", "checkpointed")
    assert db.read_bytes() != before
    assert {"after the check", "typed while checking"} <= {e.title for e in journal.entries(s.store)}
    s.lock()
    s = manager.unlock(info, PASSWORD)
    assert s.store.wait_checked(10) and journal.count(s.store) == 42
    s.lock()


def test_damage_found_after_open_refuses_writes_and_keeps_backups(later):
    manager, info = later
    db = info.folder / "profile.db"
    data = bytearray(db.read_bytes())
    last_page = len(data) - PAGE
    data[last_page + PAGE // 2] ^= 0x40
    db.write_bytes(bytes(data))
    damaged_page = bytes(data[last_page:])
    backups = {name: (info.folder / "backups" / name).read_bytes() for name in _backups(info)}
    assert backups

    s = manager.unlock(info, PASSWORD)  # page 1 and the profile's identity read fine
    assert s.store.wait_checked(10)
    assert isinstance(s.store.damage, StoreDamaged) and s.store.damage.has_backup
    with pytest.raises(StoreDamaged):
        journal.add(s.store, "not written", "into a damaged file")
    with pytest.raises(StoreDamaged):
        s.store.backup(info.folder / "backups")
    s.lock()
    assert db.read_bytes()[last_page:last_page + PAGE] == damaged_page  # the damage is left as found
    assert {name: (info.folder / "backups" / name).read_bytes() for name in _backups(info)} == backups
    assert not (info.folder / "profile.db.closed").exists()  # so the next open checks it all first
    with pytest.raises(StoreDamaged):
        manager.unlock(info, PASSWORD)
    manager.restore_latest_backup(info)
    s = manager.unlock(info, PASSWORD)
    assert s.store.wait_checked(10) and s.store.damage is None
    s.lock()


def test_locking_while_checking_stops_the_check_and_makes_no_backup(later, held):
    manager, info = later
    for p in (info.folder / "backups").iterdir():
        p.unlink()
    s = manager.unlock(info, PASSWORD)
    assert s.store.checking
    journal.add(s.store, "quick", "note")
    s.lock()  # returns although the check never got to run
    assert s.store.damage is None and _backups(info) == []
    assert (info.folder / "profile.db.closed").exists()
    held.set()
    s = manager.unlock(info, PASSWORD)  # checked again at this open
    assert s.store.wait_checked(10) and s.store.damage is None and journal.count(s.store) == 41
    s.lock()


def test_a_snapshot_for_an_export_waits_for_the_check(later, held):
    manager, info = later
    s = manager.unlock(info, PASSWORD)
    got = []
    t = threading.Thread(target=lambda: got.append(s.store.snapshot_bytes()))
    t.start()
    t.join(0.3)
    assert got == [] and t.is_alive()
    held.set()
    t.join(10)
    assert got and len(got[0]) % PAGE == 0
    s.lock()


def test_a_profile_not_closed_cleanly_is_checked_before_it_opens(later):
    manager, info = later
    db = info.folder / "profile.db"
    (info.folder / "profile.db.closed").unlink()  # as after a crash
    data = bytearray(db.read_bytes())
    data[len(data) - PAGE // 2] ^= 0x40
    db.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged):
        manager.unlock(info, PASSWORD)


def test_the_default_still_checks_everything_before_it_opens(tmp_path):
    manager = ProfileManager(tmp_path / "data", TEST_KDF)
    s, _key = manager.create("Kim", PASSWORD)
    s.lock()
    s = manager.unlock(manager.find("Kim"), PASSWORD)
    assert not s.store.checking and s.store.damage is None
    s.lock()

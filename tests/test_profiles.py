import os
import sqlite3
import stat

import pytest

from app import drafts, fsutil, journal, preferences
from app.crypto.keyfile import TEST_KDF
from app.errors import (InvalidName, KeyFileDamaged, KeyFileMismatch, PasswordTooShort, ProfileExists,
                        ProfileNotFound, RecoveryKeyTypo, WrongPassword)
from app.profiles import ProfileManager
from app.store import Store
from tests.conftest import PASSWORD

MARKER = "ZEBRA-MARKER-7731"


def test_create_list_find(manager):
    s, key = manager.create("  Sam   Lee ", "longenough")
    s.lock()
    [p] = manager.list()
    assert p.display_name == "Sam Lee" and p.kind == "patient" and not p.damaged
    assert manager.find("sam lee").profile_id == p.profile_id
    assert manager.find(p.profile_id).display_name == "Sam Lee"
    with pytest.raises(ProfileNotFound):
        manager.find("nobody")


def test_several_profiles_and_clinician_kind(manager):
    for name, kind in (("A", "patient"), ("B", "clinician"), ("C", "patient")):
        manager.create(name, "longenough", kind=kind)[0].lock()
    assert [(p.display_name, p.kind) for p in manager.list()] == [("A", "patient"), ("B", "clinician"), ("C", "patient")]


@pytest.mark.parametrize("name,password,error", [
    ("", "longenough", InvalidName), ("x" * 41, "longenough", InvalidName), ("a\x00b", "longenough", InvalidName),
    ("Alex", "short", PasswordTooShort),
])
def test_invalid_creation_input(manager, name, password, error):
    with pytest.raises(error):
        manager.create(name, password)
    assert manager.list() == []


def test_duplicate_name_is_refused(created):
    manager, _info, _key = created
    with pytest.raises(ProfileExists):
        manager.create("ALEX", "longenough")
    assert len(manager.list()) == 1


def test_wrong_password_never_opens_the_database(created, monkeypatch):
    manager, info, _key = created
    opened = []
    monkeypatch.setattr(Store, "open", classmethod(lambda cls, *a, **k: opened.append(a)))
    with pytest.raises(WrongPassword):
        manager.unlock(info, "not the password")
    assert opened == []


def test_data_survives_lock_and_unlock(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "Title", "Body text")
    s.lock()
    assert s.locked
    with pytest.raises(RuntimeError):
        _ = s.data_key
    s2 = manager.unlock(info, PASSWORD)
    assert [e.body for e in journal.entries(s2.store)] == ["Body text"]
    s2.lock()


def test_recovery_key_then_new_password(created):
    manager, info, key = created
    s = manager.unlock_with_recovery(info, key)
    assert s.unlocked_with_recovery
    manager.change_password(s, "brand new password")
    s.lock()
    with pytest.raises(WrongPassword):
        manager.unlock(info, PASSWORD)
    manager.unlock(info, "brand new password").lock()


def test_mistyped_recovery_group_caught_before_key_derivation(created, monkeypatch):
    manager, info, key = created
    import app.crypto.keyfile as kfmod

    monkeypatch.setattr(kfmod, "recovery_wrap_key", lambda *a: pytest.fail("derived a key on a typo"))
    groups = key.split("-")
    groups[4] = groups[4][:2] + str((int(groups[4][2]) + 1) % 10) + groups[4][3:]
    with pytest.raises(RecoveryKeyTypo) as e:
        manager.unlock_with_recovery(info, "-".join(groups))
    assert e.value.group == 5


def _fail_at(monkeypatch, target, name):
    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(target, name, boom)


@pytest.mark.parametrize("step", ["os.open", "os.fsync", "os.replace", "fsync_dir"])
def test_interrupted_password_change_keeps_one_password_working(created, monkeypatch, step):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    with monkeypatch.context() as m:
        if step == "fsync_dir":
            _fail_at(m, fsutil, "fsync_dir")
        else:
            _fail_at(m, os, step.split(".")[1])
        with pytest.raises(OSError):
            manager.change_password(s, "the new password")
    s.lock()
    works = []
    for pw in (PASSWORD, "the new password"):
        try:
            manager.unlock(info, pw).lock()
            works.append(pw)
        except WrongPassword:
            pass
    # Before the rename only the old password works; after it (fsync of the folder) only the new.
    assert works == (["the new password"] if step == "fsync_dir" else [PASSWORD])
    assert not [p for p in info.folder.iterdir() if p.name.endswith(".tmp")]


def test_key_file_from_another_profile(manager):
    a, _ = manager.create("A", "longenough")
    b, _ = manager.create("B", "longenough")
    a.lock(), b.lock()
    pa, pb = manager.find("A"), manager.find("B")
    (pa.folder / "keyfile.json").write_bytes((pb.folder / "keyfile.json").read_bytes())
    assert manager.find(pa.profile_id).damaged
    with pytest.raises(KeyFileMismatch):
        manager.unlock(pa, "longenough")


def test_missing_key_file(created):
    manager, info, _key = created
    (info.folder / "keyfile.json").unlink()
    with pytest.raises(KeyFileDamaged):
        manager.unlock(info, PASSWORD)


def test_files_are_owner_only(created):
    _manager, info, _key = created
    for p in info.folder.rglob("*"):
        mode = stat.S_IMODE(p.stat().st_mode)
        assert mode & 0o077 == 0, (p, oct(mode))


def test_marker_never_in_plain_text_on_disk(created, tmp_path):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, MARKER, MARKER * 10)
    drafts.save(s.store, "journal:new", MARKER)
    preferences.save(s.store, language="en")
    s.store.backup(info.folder / "backups", reason="test")
    # Checked while the store is still open (WAL present) and after closing.
    for phase in ("open", "closed"):
        for p in (tmp_path / "data").rglob("*"):
            if p.is_file():
                data = p.read_bytes()
                assert MARKER.encode() not in data, (phase, p)
                assert MARKER.encode("utf-16-le") not in data, (phase, p)
        s.lock()


def test_database_is_unreadable_without_the_key(created):
    _manager, info, _key = created
    conn = sqlite3.connect(info.folder / "profile.db")
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_erase_removes_everything_and_backups_are_useless_after(created, tmp_path):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    backup = s.store.backup(info.folder / "backups")
    copy = tmp_path / "stolen-backup.db"
    copy.write_bytes(backup.read_bytes())
    s.lock()
    manager.erase(info)
    assert not info.folder.exists()
    assert manager.list() == []
    # Without the key file, no password opens a copy of a backup.
    conn = sqlite3.connect(copy)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_interrupted_creation_leaves_nothing(manager, monkeypatch):
    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        manager.create("Half", "longenough")
    monkeypatch.undo()
    assert manager.list() == []
    assert [p.name for p in manager.profiles_dir.iterdir()] == []


def test_temp_files_left_by_a_kill_are_removed_at_the_next_unlock(created):
    manager, info, _key = created
    manager.unlock(info, PASSWORD).lock()
    backups = info.folder / "backups"
    [backup] = manager.backups(info)
    orphans = [backups / f".{backup.name}.0123456789ab.tmp", info.folder / ".keyfile.json.0123456789ab.tmp",
               info.folder / ".profile.db.closed.0123456789ab.tmp"]
    for p in orphans:
        p.write_bytes(b"half a copy")
    manager.unlock(info, PASSWORD).lock()
    assert [p for p in orphans if p.exists()] == []
    assert manager.backups(info) == [backup]


def test_listing_profiles_leaves_an_open_profiles_temp_files_alone(created):
    """Another window listing profiles must not delete a file this one is half-way through writing."""
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    in_flight = info.folder / ".keyfile.json.0123456789ab.tmp"
    in_flight.write_bytes(b"being written")
    assert [p.profile_id for p in ProfileManager(manager.data_dir, TEST_KDF).list()] == [info.profile_id]
    assert in_flight.exists()
    s.lock()


def test_daily_backup_made_at_unlock(created):
    manager, info, _key = created
    manager.unlock(info, PASSWORD).lock()
    assert len(manager.backups(info)) == 1
    manager.unlock(info, PASSWORD).lock()
    assert len(manager.backups(info)) == 1  # not again within the day


def test_check_password(session, created):
    manager, _info, _key = created
    manager.check_password(session, PASSWORD)
    with pytest.raises(WrongPassword):
        manager.check_password(session, "nope-nope-nope")


def test_preferences_round_trip_and_sanitising(session):
    p = preferences.save(session.store, theme="dark", text_scale=130, autolock_minutes=5)
    assert (p.theme, p.text_scale, p.autolock_minutes) == ("dark", 130, 5)
    assert preferences.load(session.store).theme == "dark"
    assert preferences.save(session.store, theme="neon", text_scale=999).theme == "system"
    with session.store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO preferences VALUES ('autolock_minutes', 'abc')")
    assert preferences.load(session.store).autolock_minutes == 10


def test_journal_edit_delete_undo(session):
    e = journal.add(session.store, "t", "b")
    journal.update(session.store, e.id, "t2", "b2")
    assert journal.entries(session.store)[0].title == "t2"
    gone = journal.delete(session.store, e.id)
    assert journal.count(session.store) == 0
    journal.restore(session.store, gone)
    assert journal.entries(session.store)[0].body == "b2"


def test_kdf_parameters_come_from_manager(tmp_path):
    m = ProfileManager(tmp_path, TEST_KDF)
    m.create("K", "longenough")[0].lock()
    import json

    kdf = json.loads((m.find("K").folder / "keyfile.json").read_text())["kdf"]
    assert kdf["memory_kib"] == TEST_KDF.memory_kib


def test_a_huge_key_file_is_not_read_when_profiles_are_listed(created):
    import tracemalloc

    manager, info, _key = created
    with open(info.folder / "keyfile.json", "r+b") as f:
        f.truncate(1 << 30)  # 1 GiB (sparse): listing used to read all of it into memory
    tracemalloc.start()
    try:
        [listed] = manager.list()
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert listed.damaged and peak < 8 * 1024 * 1024
    with pytest.raises(KeyFileDamaged):
        manager.unlock(listed, PASSWORD)


def test_a_fifo_in_place_of_the_key_file_does_not_hang(created):
    import threading

    manager, info, _key = created
    (info.folder / "keyfile.json").unlink()
    os.mkfifo(info.folder / "keyfile.json")
    found = []
    t = threading.Thread(target=lambda: found.extend(manager.list()), daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():  # unblock the reader so the test run can end, then fail
        with open(info.folder / "keyfile.json", "wb"):
            pass
        t.join(5)
        pytest.fail("listing profiles hung on a FIFO")
    assert [p.damaged for p in found] == [True]


def test_a_damaged_key_file_is_named_as_damaged_when_looked_up_by_name(created):
    import json as _json

    from app.errors import HearthError

    manager, info, _key = created
    path = info.folder / "keyfile.json"
    obj = _json.loads(path.read_bytes())
    obj["kdf"]["memory_kib"] = 4 * 1024 * 1024  # out of range: the file is refused as damaged
    path.write_bytes(_json.dumps(obj).encode())
    found = manager.find(info.display_name)  # used to raise "There is no profile called ..."
    assert found.damaged and found.display_name == info.display_name
    with pytest.raises(KeyFileDamaged) as caught:
        manager.unlock(found, PASSWORD)
    assert isinstance(caught.value, HearthError) and "damaged" in caught.value.message()
    # a new, healthy profile may still take the name
    s, _ = manager.create(info.display_name, "another long one")
    s.lock()
    assert not manager.find(info.display_name).damaged


def test_listing_leaves_a_creation_under_way_and_sweeps_an_abandoned_one(manager, created):
    """A profile being created (its folder still being filled, in a worker) survives the list being read
    meanwhile; a creation or move-in folder untouched for longer than any creation takes is removed."""
    import os
    import time

    from app.profiles import manager as manager_mod

    under_way = manager.profiles_dir / ".creating-0123456789abcdef"
    abandoned = manager.profiles_dir / ".moving-in-fedcba9876543210"
    for folder in (under_way, abandoned):
        folder.mkdir()
        (folder / "keyfile.json").write_text("{}")
    old = time.time() - manager_mod.ABANDONED_SECONDS - 60
    os.utime(abandoned, (old, old))
    names = [p.display_name for p in manager.list()]
    assert names == [created[1].display_name]  # neither is a profile
    assert under_way.is_dir() and not abandoned.exists()

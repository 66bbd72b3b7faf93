import shutil
from pathlib import Path

import pytest

from app import journal
from app.crypto.keyfile import TEST_KDF
from app.errors import ProfileInUse, SchemaTooNew, StoreDamaged, StoreMismatch
from app.profiles import ProfileManager
from app.store import db as dbmod
from tests.conftest import PASSWORD

FIXTURE_V1 = Path(__file__).parent / "fixtures" / "profile_v1"
FIXTURE_PASSWORD = "fixture-password"


def test_migrations_are_numbered_without_gaps():
    nums = [n for n, _p in dbmod.migrations()]
    assert nums == list(range(1, len(nums) + 1))
    assert dbmod.SCHEMA_VERSION == len(nums)


def test_connection_settings(session):
    q = session.store.query_one
    assert q("PRAGMA journal_mode")[0] == "wal"
    assert q("PRAGMA synchronous")[0] == 2  # FULL
    assert q("PRAGMA foreign_keys")[0] == 1
    assert q("PRAGMA cipher_memory_security")[0] in ("1", 1)
    assert q("PRAGMA user_version")[0] == dbmod.SCHEMA_VERSION


def test_the_connection_keeps_few_prepared_statements(tmp_path, monkeypatch):
    """Each cached statement holds some of SQLite's lookaside memory; with memory security on, an insert that
    finds none left goes through the locked allocator (2.5 times slower imports), so the cache stays small."""
    real, seen = dbmod.sqlcipher.connect, []

    def connect(*args, **kwargs):
        seen.append(kwargs.get("cached_statements", 128))  # the module's default when not given
        return real(*args, **kwargs)

    monkeypatch.setattr(dbmod.sqlcipher, "connect", connect)
    manager = ProfileManager(tmp_path / "data", TEST_KDF)
    session, _key = manager.create("Cache", PASSWORD)
    session.lock()
    manager.unlock(manager.find("Cache"), PASSWORD).lock()
    assert seen and dbmod.STATEMENT_CACHE <= 8
    # the files are first looked at through short read-only connections; the Store's own ones keep the small cache
    assert seen.count(dbmod.STATEMENT_CACHE) >= 2


@pytest.fixture
def fixture_manager(tmp_path):
    shutil.copytree(FIXTURE_V1, tmp_path / "data")
    return ProfileManager(tmp_path / "data", TEST_KDF)


def test_first_schema_fixture_opens(fixture_manager):
    info = fixture_manager.find("Fixture")
    s = fixture_manager.unlock(info, FIXTURE_PASSWORD)
    assert [e.title for e in journal.entries(s.store)] == ["Fixture entry"]
    s.lock()


def test_migration_from_fixture_backs_up_first_and_runs_in_one_transaction(fixture_manager, tmp_path, monkeypatch):
    mig = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, mig)
    nxt = dbmod.SCHEMA_VERSION + 1
    (mig / f"{nxt:04d}_add_mood.sql").write_text("CREATE TABLE mood_test (id INTEGER PRIMARY KEY, score INTEGER);")
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", mig)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", nxt)
    info = fixture_manager.find("Fixture")
    s = fixture_manager.unlock(info, FIXTURE_PASSWORD)
    assert s.store.schema_version() == nxt
    assert s.store.query("SELECT count(*) FROM mood_test") == [(0,)]
    assert [e.title for e in journal.entries(s.store)] == ["Fixture entry"]  # data carried over
    s.lock()
    assert any("before-v2" in p.name for p in fixture_manager.backups(info))  # the fixture is schema 1


def test_failing_migration_changes_nothing(fixture_manager, tmp_path, monkeypatch):
    mig = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, mig)
    nxt = dbmod.SCHEMA_VERSION + 1
    (mig / f"{nxt:04d}_broken.sql").write_text("CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);")
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", mig)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", nxt)
    info = fixture_manager.find("Fixture")
    with pytest.raises(Exception):
        fixture_manager.unlock(info, FIXTURE_PASSWORD)
    monkeypatch.undo()
    s = fixture_manager.unlock(info, FIXTURE_PASSWORD)
    # Steps before the broken one were kept, each in its own transaction; the broken one left nothing.
    assert s.store.schema_version() == dbmod.SCHEMA_VERSION
    assert s.store.query("SELECT name FROM sqlite_master WHERE name = 'half_done'") == []
    s.lock()


def test_newer_schema_is_refused_and_left_alone(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    with s.store.transaction() as c:
        c.execute("PRAGMA user_version = 99")
    s.lock()
    before = (info.folder / "profile.db").read_bytes()
    with pytest.raises(SchemaTooNew) as e:
        manager.unlock(info, PASSWORD)
    assert "99" in e.value.message()
    assert (info.folder / "profile.db").read_bytes() == before


def _with_entry_and_backup(manager, info):
    s = manager.unlock(info, PASSWORD)  # makes the daily backup (empty journal)
    journal.add(s.store, "after backup", "x")
    s.lock()


def test_flipped_byte_is_detected_and_backup_restored(created):
    manager, info, _key = created
    _with_entry_and_backup(manager, info)
    db = info.folder / "profile.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x40
    db.write_bytes(bytes(data))
    damaged = bytes(data)
    with pytest.raises(StoreDamaged) as e:
        manager.unlock(info, PASSWORD)
    assert e.value.has_backup
    assert db.read_bytes() == damaged  # nothing overwritten by the failed open
    manager.restore_latest_backup(info)
    kept = [p for p in info.folder.iterdir() if ".damaged-" in p.name]
    assert kept and kept[0].read_bytes() == damaged
    s = manager.unlock(info, PASSWORD)
    assert journal.count(s.store) == 0  # the backup predates the entry
    s.lock()


def test_truncated_database(created):
    manager, info, _key = created
    _with_entry_and_backup(manager, info)
    db = info.folder / "profile.db"
    db.write_bytes(db.read_bytes()[:1500])
    with pytest.raises(StoreDamaged):
        manager.unlock(info, PASSWORD)


def test_damaged_without_backup_says_so(created):
    manager, info, _key = created
    db = info.folder / "profile.db"
    db.write_bytes(b"\0" * 4096)
    with pytest.raises(StoreDamaged) as e:
        manager.unlock(info, PASSWORD)
    assert not e.value.has_backup
    assert "no backup" in e.value.message()


@pytest.mark.parametrize("content", [b"", b"\0"], ids=["empty", "one-byte"])
def test_empty_database_file_is_refused_and_left_alone(created, content):
    manager, info, _key = created
    db = info.folder / "profile.db"
    db.write_bytes(content)
    with pytest.raises(StoreDamaged) as e:
        manager.unlock(info, PASSWORD)
    assert type(e.value) is StoreDamaged
    assert db.read_bytes() == content  # not migrated into a fresh empty database
    assert sorted(p.name for p in info.folder.iterdir() if p.name.startswith("profile.db")) == [
        "profile.db", "profile.db.closed"]


def test_database_copied_from_another_profile(manager):
    """The data key cannot read it at all: it belongs elsewhere, or it is damaged; we say both."""
    for name in ("A", "B"):
        manager.create(name, PASSWORD)[0].lock()
    pa, pb = manager.find("A"), manager.find("B")
    s = manager.unlock(pa, PASSWORD)  # A gets a backup
    s.lock()
    other = (pb.folder / "profile.db").read_bytes()
    (pa.folder / "profile.db").write_bytes(other)
    with pytest.raises(StoreMismatch) as e:
        manager.unlock(pa, PASSWORD)
    assert not e.value.certain and e.value.has_backup
    assert "different profile, or it is damaged" in e.value.message()
    assert (pa.folder / "profile.db").read_bytes() == other


def test_database_of_another_profile_id_says_so(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    with s.store.transaction() as c:
        c.execute("UPDATE meta SET value = 'someone-else' WHERE key = 'profile_id'")
    s.lock()
    before = (info.folder / "profile.db").read_bytes()
    with pytest.raises(StoreMismatch) as e:
        manager.unlock(info, PASSWORD)
    assert e.value.certain and e.value.has_backup
    assert "belongs to a different profile" in e.value.message()
    assert (info.folder / "profile.db").read_bytes() == before


def test_damaged_first_page_is_called_damaged(created):
    """Most pages still match this profile's key: the file is ours, and damaged."""
    manager, info, _key = created
    _with_entry_and_backup(manager, info)
    db = info.folder / "profile.db"
    data = bytearray(db.read_bytes())
    data[200] ^= 0x01
    db.write_bytes(bytes(data))
    with pytest.raises(StoreDamaged) as e:
        manager.unlock(info, PASSWORD)
    assert type(e.value) is StoreDamaged


def test_stale_wal_is_ignored(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "one", "1")
    stale = (info.folder / "profile.db-wal").read_bytes()
    s.lock()  # checkpoints and truncates the WAL
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "two", "2")
    s.lock()
    (info.folder / "profile.db-wal").write_bytes(stale)
    s = manager.unlock(info, PASSWORD)
    assert sorted(e.title for e in journal.entries(s.store)) == ["one", "two"]
    s.lock()
    assert [p for p in info.folder.iterdir() if ".stale-" in p.name]  # set aside, not deleted


def test_wal_left_by_a_crash_is_replayed(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "committed before the crash", "x")
    # Simulate a crash: the connection is dropped without a clean close.
    db = info.folder / "profile.db"
    saved = {p.name: p.read_bytes() for p in info.folder.iterdir() if p.name.startswith("profile.db")}
    s.lock()
    for p in info.folder.iterdir():
        if p.name.startswith("profile.db"):
            p.unlink()
    for name, data in saved.items():
        (info.folder / name).write_bytes(data)
    assert (info.folder / "profile.db-wal").exists() and not (info.folder / "profile.db.closed").exists()
    s = manager.unlock(info, PASSWORD)
    assert [e.title for e in journal.entries(s.store)] == ["committed before the crash"]
    s.lock()
    assert db.exists()


def test_a_profile_is_open_in_one_place_at_a_time(created):
    """A second open would move the first one's live -wal aside to check it, and count WAL cycles apart."""
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    journal.add(s.store, "first window", "x")
    wal = (info.folder / "profile.db-wal").read_bytes()
    with pytest.raises(ProfileInUse):
        manager.unlock(info, PASSWORD)
    assert (info.folder / "profile.db-wal").read_bytes() == wal
    journal.add(s.store, "still writing", "x")
    s.lock()
    s = manager.unlock(info, PASSWORD)  # free again once the first is locked
    assert journal.count(s.store) == 2
    s.lock()


def test_transaction_rolls_back_on_error(session):
    with pytest.raises(ZeroDivisionError):
        with session.store.transaction() as c:
            c.execute("INSERT INTO journal_entries(id, owner, created_at, updated_at) VALUES ('x','patient','t','t')")
            1 / 0
    assert journal.count(session.store) == 0

"""Opening, checking, migrating and backing up a profile's SQLCipher database.

The database is keyed with the raw 256-bit data key (``PRAGMA key = "x'..'"``),
so no key derivation happens inside SQLCipher. The key has already been
authenticated by AES-GCM when the key file was unwrapped; if the database
still does not open, the file itself is damaged (or belongs to another profile).

Nothing is written before the file is known to be this profile's
-----------------------------------------------------------------
``Store.open`` first looks at the files read-only: the main file alone through
an ``immutable=1`` connection (SQLite neither writes nor replays a -wal then),
and, when a -wal is present, a private copy of the main file plus that -wal in
a temporary folder inside the profile folder (ciphertext; removed afterwards).
Only when the key reads the file, every page passes ``cipher_integrity_check``
and ``quick_check``, ``meta.profile_id`` is this profile's and the schema is
not newer than ours is the real connection opened; its first write is the
switch to WAL mode. A refused file is left byte for byte as it was found.

Which -wal belongs to this file: the WAL cycle stamp
----------------------------------------------------
SQLite replays any -wal it finds beside a database, even one from another
generation of the file (an old -wal brought back by a sync engine or a backup
tool, a partial copy, another profile's): newer entries then vanish while every
integrity check passes, or the failed open checkpoints foreign pages into a
healthy file. So the -wal has to prove where it comes from:

* SQLite's automatic checkpoints are off (``wal_autocheckpoint = 0``); we
  checkpoint ourselves with ``wal_checkpoint(TRUNCATE)`` when the -wal passes
  ``CHECKPOINT_BYTES``, before a backup, at open and (by leaving WAL mode) at
  close. After each one the -wal is empty and a new *cycle* begins.
* The first write transaction of every cycle also raises ``meta.wal_cycle`` by
  one. Read through a legitimate -wal, the stamp is therefore the main file's
  stamp + 1, or equal to it when the -wal holds no committed frame (replaying
  it changes nothing). An older -wal shows a stamp <= the main file's; a copy
  of the cycle already checkpointed shows an equal stamp while holding frames;
  a -wal from a later generation beside a restored older file shows more than
  + 1. Those are renamed ``profile.db-wal.stale-<UTC time>`` (never deleted),
  and the -shm is dropped. A -wal beside the clean-close marker ``.closed`` is
  set aside without looking (a clean close leaves no -wal).
* A crash in the middle of a checkpoint leaves a complete -wal beside a main
  file that is part new, part old, whose stamp may already equal the -wal's.
  Before each checkpoint we therefore write ``profile.db-wal.checkpointing``,
  holding the -wal's header (its random salts name this very -wal), and remove
  it once the checkpoint has finished. A -wal whose header matches that marker
  is replayed: that completes the checkpoint.
* A database written before stamps existed has none; a stamp-less -wal beside
  it is crash recovery as before (unless the ``.closed`` marker says otherwise).

While a -wal is being checked it is renamed ``profile.db-wal.held`` so that no
SQLite connection can replay it; a kill at that moment leaves that name, which
the next open treats as the -wal again.

All of this assumes one writer, so a Store holds an OS lock on ``profile.lock``
from open to close; a second open, in this process or another, is refused with
``ProfileInUse`` before it looks at any file.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

try:  # the binary wheel on Linux, the source package elsewhere: same module API
    from sqlcipher3 import dbapi2 as sqlcipher
except ImportError:  # pragma: no cover
    import sqlcipher3 as sqlcipher

from app import fsutil
from app.crypto.wipe import wipe
from app.errors import DiskProblem, ProfileInUse, SchemaTooNew, StoreDamaged, StoreMismatch
from app.store.check import Check

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BACKUP_KEEP = 5
# Checkpoint once the -wal has grown past this (SQLite's own default is 1000 pages).
CHECKPOINT_BYTES = 1000 * 4096
# SQLCipher 4 defaults, used only to tell "another key" from "damaged" (see _foreign_key_likely).
_PAGE_SIZE, _HMAC_SIZE, _SALT_SIZE = 4096, 64, 16
# The first write of each WAL cycle raises the stamp by one (one statement, inside that transaction).
# Prepared statements kept by the Python module. Each one holds part of SQLite's small per-connection
# lookaside memory; with ``cipher_memory_security`` on, every allocation that does not fit there goes
# through SQLCipher's locked and wiped allocator (an mlock and munlock system call each). With the
# module's default of 128 the lookaside is used up and an import's inserts ran about 2.5 times slower
# (bench/exchange.py); a handful of statements keeps it free and costs a re-prepare of rarer queries.
STATEMENT_CACHE = 8
_STAMP_SQL = ("INSERT INTO meta(key, value) VALUES ('wal_cycle', '1') ON CONFLICT(key) "
              "DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")


def migrations() -> list[tuple[int, Path]]:
    """Every migration file, in order; numbers must run 1, 2, 3... without gaps."""
    found = []
    for p in MIGRATIONS_DIR.iterdir():
        m = _MIGRATION_NAME.match(p.name)
        if m:
            found.append((int(m.group(1)), p))
    found.sort()
    if [n for n, _p in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migration files must be numbered 0001, 0002, ... without gaps")
    return found


SCHEMA_VERSION = len(migrations())


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Store:
    """One open connection to a profile database.

    Use :meth:`transaction` for every write: it holds a lock so a worker
    thread and the GUI thread never interleave statements.
    """

    def __init__(self, conn, path: Path):
        self._conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._stamp_due = False  # the next write transaction starts a WAL cycle
        self._lock_fd: int | None = None  # see _hold_profile_lock
        self._check: Check | None = None  # the full check still to finish, after open(check_later=True)

    # --- opening --------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, data_key: bytes, *, create: bool = False,
             backups_dir: Path | None = None, profile_id: str | None = None, check_later: bool = False) -> "Store":
        """Open a profile's database; ``create`` starts a new one from an empty file.

        Without ``create`` the file is checked before anything is written (see the
        module docstring); ``profile_id`` is what ``meta.profile_id`` must say. With
        ``check_later``, a file closed cleanly is checked page by page in a thread
        after the open instead (``app/store/check.py``).
        """
        path = Path(path)
        held = _hold_profile_lock(path)
        try:
            store = (cls._create(path, data_key) if create
                     else cls._open(path, data_key, backups_dir, profile_id, check_later))
        except BaseException:
            os.close(held)
            raise
        store._lock_fd = held
        return store

    @classmethod
    def _open(cls, path: Path, data_key: bytes, backups_dir: Path | None, profile_id: str | None,
              check_later: bool = False) -> "Store":
        fsutil.remove_stale_temp_files(path.parent)
        if backups_dir is not None:
            fsutil.remove_stale_temp_files(backups_dir)
        has_backup = bool(backups_dir and latest_backup(backups_dir))
        if not path.exists():
            raise StoreDamaged(has_backup=has_backup)
        try:
            later = check_later and _closed_cleanly(path)
            if later:
                found = _look_alone(path, data_key, thorough=False)
                _judge(found, path, data_key, profile_id, has_backup)
                later = found.schema == SCHEMA_VERSION  # a migration writes into the file: check it all first
            if not later:
                found = _settle_wal(path, data_key, profile_id, has_backup)
        except OSError:
            raise DiskProblem() from None
        try:
            conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False,
                                     cached_statements=STATEMENT_CACHE)
        except sqlcipher.Error:
            raise StoreDamaged(has_backup=has_backup) from None
        store = cls(conn, path)
        try:
            store._configure(data_key)
            if _identity(conn) != (found.profile_id, found.cycle, found.schema):
                raise StoreDamaged()  # the file changed since it was checked
        except (sqlcipher.DatabaseError, StoreDamaged):
            conn.close()
            raise StoreDamaged(has_backup=has_backup) from None
        try:
            store._start_writing()
            _closed_marker(path).unlink(missing_ok=True)
            store._checkpoint()  # a replayed crash -wal goes into the main file; a new cycle starts
            store._migrate(backups_dir)
            if later:  # from here on only the -wal is written until the check has passed
                store._check = Check(_check_connection(path, data_key), has_backup)
                store._check.start()
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _create(cls, path: Path, data_key: bytes) -> "Store":
        if not path.exists():
            # SQLite gives the -wal and -shm files the main file's permissions.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, fsutil.FILE_MODE))
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False,
                                 cached_statements=STATEMENT_CACHE)
        store = cls(conn, path)
        try:
            store._configure(data_key)
            store._start_writing()
            store._migrate(None)
            store._checkpoint()  # cycle 1 starts with the first write (the caller's meta rows)
        except BaseException:
            conn.close()
            raise
        return store

    def _configure(self, data_key: bytes) -> None:
        """Key the connection and check it reads; nothing here writes to the file."""
        _key(self._conn, data_key)
        # Touch the schema: fails here if the key or the file is wrong.
        self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def _start_writing(self) -> None:
        c = self._conn
        c.execute("PRAGMA journal_mode = WAL").fetchone()
        c.execute("PRAGMA wal_autocheckpoint = 0").fetchone()  # we checkpoint, so we can stamp
        c.execute("PRAGMA synchronous = FULL")
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA secure_delete = ON")

    # --- WAL cycles -----------------------------------------------------------

    def _mark_checkpoint(self) -> None:
        """Before a checkpoint: name the -wal being copied (see the module docstring)."""
        header = _wal_header(_wal(self.path))
        if header is not None:
            fsutil.atomic_write_bytes(_checkpoint_marker(self.path), header)

    def _checkpoint(self) -> None:
        """Copy the -wal into the main file and empty it; the next write starts a new cycle."""
        with self._lock:
            self._mark_checkpoint()
            busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if busy:  # part done: the marker stays, so a crash now still replays this -wal
                return
            _checkpoint_marker(self.path).unlink(missing_ok=True)
            self._stamp_due = True

    def _checkpoint_if_big(self) -> None:
        if self._check is not None and not self._check.done:
            return  # the main file stays as it was while it is being checked; the -wal holds what is new
        try:
            if _wal(self.path).stat().st_size < CHECKPOINT_BYTES:
                return
            self._checkpoint()
        except (OSError, sqlcipher.Error):
            pass  # what was committed is safe in the -wal; we try again after the next commit

    # --- schema ---------------------------------------------------------------

    def schema_version(self) -> int:
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self, backups_dir: Path | None) -> None:
        current = self.schema_version()
        pending = [(n, p) for n, p in migrations() if n > current]
        if not pending:
            return
        if current > 0 and backups_dir is not None:
            self.backup(backups_dir, reason=f"before-v{pending[0][0]}")
        for number, path in pending:
            sql = path.read_text(encoding="utf-8")
            with self._lock:
                stamp = f"{_STAMP_SQL};\n" if self._stamp_due else ""
                try:
                    self._conn.executescript(
                        f"BEGIN IMMEDIATE;\n{stamp}{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                self._stamp_due = False

    # --- the check after open (app/store/check.py) ----------------------------

    @property
    def damage(self) -> StoreDamaged | None:
        """What the check after open found wrong with the file (None: nothing, or not finished)."""
        return self._check.damage if self._check is not None else None

    @property
    def checking(self) -> bool:
        return self._check is not None and not self._check.done

    def wait_checked(self, timeout: float | None = None) -> bool:
        """Wait for the check after open; False if it is still running after ``timeout`` seconds."""
        return self._check.wait(timeout) if self._check is not None else True

    def on_checked(self, callback) -> None:
        """``callback(damage or None)`` once the file has been checked: now if it was checked at open, else in
        the check's thread when it ends (not at all if the store is closed first)."""
        if self._check is None:
            callback(None)
        else:
            self._check.when_done(callback)

    def _checked_or_raise(self) -> None:
        """Before a copy of the main file is made: wait for its check; refuse a damaged file."""
        if self._check is not None:
            self._check.wait()
            if self._check.damage is not None:
                raise self._check.damage

    # --- use ----------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self):
        """``with store.transaction() as c: c.execute(...)``: all or nothing."""
        if self.damage is not None:
            raise self.damage  # nothing more is written into a file found damaged
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                if self._stamp_due:
                    self._conn.execute(_STAMP_SQL)
            except sqlcipher.OperationalError as e:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise _disk_error(e) from None
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except sqlcipher.OperationalError as e:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise _disk_error(e) from None
            self._stamp_due = False
            self._checkpoint_if_big()

    def query(self, sql: str, params=()) -> list:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params=()):
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def close(self) -> None:
        if self._check is not None:
            self._check.cancel()  # outside the lock: the check's thread may be making the daily backup
        with self._lock:
            if self._conn is not None:
                try:
                    self._mark_checkpoint()
                    # Leaving WAL mode checkpoints and deletes the -wal file, so a
                    # locked profile is one file and a stray -wal is never replayed.
                    mode = self._conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
                except (sqlcipher.Error, OSError):
                    mode = "wal"
                self._conn.close()  # still in WAL mode: SQLite checkpoints here; a marker stays
                if mode == "delete":
                    _checkpoint_marker(self.path).unlink(missing_ok=True)
                if mode == "delete" and self.damage is None:  # a damaged file is checked in full next time
                    try:
                        fsutil.atomic_write_bytes(_closed_marker(self.path), b"")
                    except OSError:
                        pass
                self._conn = None
                if self._lock_fd is not None:
                    os.close(self._lock_fd)
                    self._lock_fd = None

    @property
    def closed(self) -> bool:
        return self._conn is None

    # --- backups ------------------------------------------------------------

    def snapshot_bytes(self) -> bytes:
        """The whole database file as it is now (still encrypted), with everything committed in it: the
        -wal is copied into the main file first, under the lock, so no write lands in between."""
        self._checked_or_raise()
        with self._lock:
            self._checkpoint()
            wal = _wal(self.path)
            if wal.exists() and wal.stat().st_size:
                raise DiskProblem()  # the checkpoint could not finish: a copy now would miss commits
            try:
                return self.path.read_bytes()
            except OSError:
                raise DiskProblem() from None

    def backup(self, backups_dir: Path, reason: str = "daily") -> Path:
        """Copy the (still encrypted) database into ``backups_dir``; keep the newest few."""
        self._checked_or_raise()  # a damaged file never becomes a backup
        fsutil.make_private_dir(backups_dir)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = backups_dir / f"profile-{stamp}-v{self.schema_version()}-{reason}.db"
        with self._lock:
            try:
                self._checkpoint()
                fsutil.atomic_copy(self.path, target)
            except OSError:
                raise DiskProblem() from None
        for old in list_backups(backups_dir)[BACKUP_KEEP:]:
            old.unlink(missing_ok=True)
        return target


# --- looking before writing ---------------------------------------------------------

@dataclass(frozen=True)
class _Look:
    """What one read-only look at a database file (alone, or through a -wal) found."""

    readable: bool = False  # the key reads the first page
    intact: bool = False  # every page and the structure check out, and ``meta`` is there
    profile_id: str | None = None
    cycle: int | None = None
    schema: int = 0
    frames: int = 0  # committed -wal frames (only counted through a -wal)

    @property
    def sound(self) -> bool:
        return self.readable and self.intact


def _key(conn, data_key) -> None:
    # The key must be the first statement on a new connection. The raw key goes in as hex in the SQL
    # text; executescript prepares and finalises it at once (execute() would keep the text in the
    # statement cache) and both strings are overwritten after (app/crypto/wipe.py).
    hex_key = data_key.hex()  # bytes, bytearray or memoryview: no extra copy of the key
    sql = "PRAGMA key = \"x'" + hex_key + "'\";"
    try:
        conn.executescript(sql)
    finally:
        wipe(sql)
        wipe(hex_key)
        del sql, hex_key
    conn.execute("PRAGMA cipher_memory_security = ON")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    except sqlcipher.DatabaseError:  # older SQLCipher has no log level
        pass
    opts = {row[0] for row in conn.execute("PRAGMA compile_options")}
    if not ({"TEMP_STORE=2", "TEMP_STORE=3"} & opts):
        conn.execute("PRAGMA temp_store = MEMORY")


def _identity(conn) -> tuple[str | None, int | None, int]:
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('profile_id', 'wal_cycle')"))
    cycle = rows.get("wal_cycle")
    schema = conn.execute("PRAGMA user_version").fetchone()[0]
    return rows.get("profile_id"), (int(cycle) if cycle is not None else None), schema


def _look(target: str, data_key: bytes, *, uri: bool = False, count_frames: bool = False,
          thorough: bool = True) -> _Look:
    """What the file says about itself; ``thorough``: every page and the structure checked first."""
    try:
        conn = sqlcipher.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    except sqlcipher.Error:
        return _Look()
    try:
        try:
            _key(conn, data_key)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            return _Look()
        try:
            if thorough and conn.execute("PRAGMA cipher_integrity_check").fetchall():
                return _Look(readable=True)
            ok = conn.execute("PRAGMA quick_check").fetchone() if thorough else ("ok",)
            if not ok or ok[0] != "ok":
                return _Look(readable=True)
            profile_id, cycle, schema = _identity(conn)
            frames = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[1] if count_frames else 0
        except (sqlcipher.DatabaseError, ValueError):  # no meta table, a stamp that is not a number
            return _Look(readable=True)
        return _Look(True, profile_id is not None, profile_id, cycle, schema, max(frames, 0))
    finally:
        conn.close()


def _look_alone(path: Path, data_key: bytes, *, thorough: bool = True) -> _Look:
    """The main file as it is on disk: no -wal replayed, nothing written."""
    return _look(_immutable(path), data_key, uri=True, thorough=thorough)


def _immutable(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro&immutable=1"


def _check_connection(path: Path, data_key: bytes):
    """A keyed read-only connection to the main file alone, for the check after open (keyed here, while the
    caller still holds the key)."""
    conn = sqlcipher.connect(_immutable(path), uri=True, isolation_level=None, check_same_thread=False)
    try:
        _key(conn, data_key)
    except BaseException:
        conn.close()
        raise
    return conn


def _closed_cleanly(path: Path) -> bool:
    """Closed by Hearth, checkpointed, nothing beside it: the ``.closed`` marker and no -wal of any kind."""
    return (_closed_marker(path).exists() and not _wal(path).exists() and not _held_wal(path).exists()
            and not _checkpoint_marker(path).exists())


def _look_through(path: Path, wal: Path, data_key: bytes) -> _Look:
    """The main file with ``wal`` replayed, on a private copy (both are ciphertext)."""
    folder = Path(tempfile.mkdtemp(prefix=".walcheck-", suffix=".tmp", dir=path.parent))
    try:
        copy = folder / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(wal, _wal(copy))
        return _look(str(copy), data_key, count_frames=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _wal_belongs(main: _Look, through: _Look, mid_checkpoint: bool) -> bool:
    """May SQLite replay this -wal over this main file? (See the module docstring.)"""
    if not through.sound:
        return False
    if mid_checkpoint:
        return True
    if not main.sound or through.profile_id != main.profile_id:
        return False
    if through.frames == 0:
        return True  # nothing committed in it: replaying changes nothing
    if main.cycle is None and through.cycle is None:
        return True  # written before stamps existed: crash recovery as before
    return through.cycle == (main.cycle or 0) + 1


def _settle_wal(path: Path, data_key: bytes, profile_id: str | None, has_backup: bool) -> _Look:
    """Check the files read-only; keep a -wal that belongs, set aside one that does not.

    Returns what the real connection will find. On a refusal every file is left
    as it was found (a -wal included) and the error is raised.
    """
    wal, held = _wal(path), _held_wal(path)
    if held.exists():  # a check was interrupted
        if wal.exists():
            _set_aside(held, path)
        else:
            os.replace(held, wal)
    present = wal.exists()
    if present:
        os.replace(wal, held)  # no connection may replay it while we look
    replay = False
    try:
        main = found = _look_alone(path, data_key)
        if present and _wal_header(held) is None:
            replay = True  # no header, so no frame: SQLite starts it afresh (often left by a kill)
        elif present and not _closed_marker(path).exists():
            through = _look_through(path, held, data_key)
            marker = _read(_checkpoint_marker(path))
            mid_checkpoint = marker is not None and marker == _wal_header(held)
            if _wal_belongs(main, through, mid_checkpoint):
                replay, found = True, through
        _judge(found, path, data_key, profile_id, has_backup)
    except BaseException:
        if present:
            os.replace(held, wal)
        raise
    if present:
        if replay:
            os.replace(held, wal)
        else:
            _set_aside(held, path)
    return found


def _judge(look: _Look, path: Path, data_key: bytes, profile_id: str | None, has_backup: bool) -> None:
    if not look.readable:
        if _foreign_key_likely(path, data_key):
            raise StoreMismatch(has_backup=has_backup, certain=False)
        raise StoreDamaged(has_backup=has_backup)
    if not look.intact:
        raise StoreDamaged(has_backup=has_backup)
    if profile_id is not None and look.profile_id != profile_id:
        raise StoreMismatch(has_backup=has_backup, certain=True)
    if look.schema > SCHEMA_VERSION:
        raise SchemaTooNew(look.schema, SCHEMA_VERSION)


def _foreign_key_likely(path: Path, data_key: bytes) -> bool:
    """True if the file looks like an SQLCipher database of which no page matches our key.

    SQLCipher cannot tell a wrong key from a damaged first page (its HMAC fails
    either way), so we check every page's HMAC ourselves: a damaged file of ours
    still has pages that match, another key's file has none. "Looks like" means
    whole pages of random-looking bytes; anything else is simply damaged.
    """
    size = path.stat().st_size
    if not size or size % _PAGE_SIZE:
        return False
    with open(path, "rb") as fh:
        page = fh.read(_PAGE_SIZE)
        if len(set(page)) < 200:  # zeros, text: not ciphertext
            return False
        salt = page[:_SALT_SIZE]
        mac_key = hashlib.pbkdf2_hmac("sha512", data_key, bytes(b ^ 0x3A for b in salt), 2, 32)
        number = 1
        while len(page) == _PAGE_SIZE:
            signed = page[_SALT_SIZE if number == 1 else 0: -_HMAC_SIZE] + number.to_bytes(4, "little")
            if hmac.compare_digest(hmac.new(mac_key, signed, hashlib.sha512).digest(), page[-_HMAC_SIZE:]):
                return False
            page, number = fh.read(_PAGE_SIZE), number + 1
    return True


# --- the files beside the database -----------------------------------------------------

def hold_profile_lock(path: Path) -> int:
    """The profile lock for work on a profile's files without a Store (erase); close the fd to release."""
    return _hold_profile_lock(path)


def _hold_profile_lock(path: Path) -> int:
    """Lock ``profile.lock`` beside the database for as long as a Store has it open.

    One Store per database file, in this process or any other: two writers would
    each count WAL cycles on their own, and the second one's open would move the
    first one's live -wal aside to check it. The operating system releases the
    lock when the process ends, so a kill leaves nothing to clean up.
    """
    try:
        fd = os.open(path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0),
                     fsutil.FILE_MODE)
    except OSError:
        raise DiskProblem() from None
    try:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise ProfileInUse() from None
    return fd


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _held_wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal.held")


def _closed_marker(path: Path) -> Path:
    return path.with_name(path.name + ".closed")


def _checkpoint_marker(path: Path) -> Path:
    return path.with_name(path.name + "-wal.checkpointing")


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _wal_header(wal: Path) -> bytes | None:
    """Magic, version, page size, checkpoint count and the two salts: they name one -wal."""
    try:
        with open(wal, "rb") as fh:
            header = fh.read(32)
    except FileNotFoundError:
        return None
    return header[:24] if len(header) == 32 else None


def _set_aside(wal: Path, path: Path) -> None:
    """Rename a -wal that must not be replayed (never delete it); drop the -shm built from it."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = _wal(path).with_name(f"{_wal(path).name}.stale-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = target.with_name(f"{_wal(path).name}.stale-{stamp}-{n}")
    os.replace(wal, target)
    path.with_name(path.name + "-shm").unlink(missing_ok=True)


def _disk_error(e: Exception) -> Exception:
    text = str(e).lower()
    if "full" in text or "readonly" in text or "disk i/o" in text:
        return DiskProblem()
    return e


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob("profile-*.db"), key=lambda p: p.name, reverse=True)


def latest_backup(backups_dir: Path) -> Path | None:
    found = list_backups(backups_dir)
    return found[0] if found else None

"""Opening, checking, migrating and backing up a profile's SQLCipher database.

The database is keyed with the raw 256-bit data key (``PRAGMA key = "x'..'"``),
so no key derivation happens inside SQLCipher. The key has already been
authenticated by AES-GCM when the key file was unwrapped; if the database
still does not open, the file itself is damaged.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from datetime import datetime, timezone
from pathlib import Path

try:  # the binary wheel on Linux, the source package elsewhere: same module API
    from sqlcipher3 import dbapi2 as sqlcipher
except ImportError:  # pragma: no cover
    import sqlcipher3 as sqlcipher

from app import fsutil
from app.errors import DiskProblem, SchemaTooNew, StoreDamaged

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
BACKUP_KEEP = 5


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

    # --- opening --------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, data_key: bytes, *, create: bool = False,
             backups_dir: Path | None = None) -> "Store":
        path = Path(path)
        if not create:  # what a kill left half-written: temp files of atomic writes and backup copies
            fsutil.remove_stale_temp_files(path.parent)
            if backups_dir is not None:
                fsutil.remove_stale_temp_files(backups_dir)
        if not create and not path.exists():
            raise StoreDamaged(has_backup=bool(backups_dir and latest_backup(backups_dir)))
        if create and not path.exists():
            # SQLite gives the -wal and -shm files the main file's permissions.
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, fsutil.FILE_MODE))
        _set_aside_stale_wal(path)
        try:
            conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
        except sqlcipher.Error:
            raise StoreDamaged(has_backup=bool(backups_dir and latest_backup(backups_dir))) from None
        store = cls(conn, path)
        try:
            store._configure(data_key)
            if not create:
                store._check_integrity()
        except (sqlcipher.DatabaseError, StoreDamaged):
            conn.close()
            raise StoreDamaged(has_backup=bool(backups_dir and latest_backup(backups_dir))) from None
        try:
            if store.schema_version() > SCHEMA_VERSION:
                raise SchemaTooNew(store.schema_version(), SCHEMA_VERSION)
            store._start_writing()
            _closed_marker(path).unlink(missing_ok=True)
            store._migrate(backups_dir)
        except BaseException:
            conn.close()
            raise
        return store

    def _configure(self, data_key: bytes) -> None:
        """Key the connection and check it reads; nothing here writes to the file."""
        c = self._conn
        # The key must be the first statement on a new connection.
        c.execute(f"PRAGMA key = \"x'{bytes(data_key).hex()}'\"")
        c.execute("PRAGMA cipher_memory_security = ON")
        try:
            c.execute("PRAGMA cipher_log_level = NONE")
        except sqlcipher.DatabaseError:  # older SQLCipher has no log level
            pass
        opts = {row[0] for row in c.execute("PRAGMA compile_options")}
        if not ({"TEMP_STORE=2", "TEMP_STORE=3"} & opts):
            c.execute("PRAGMA temp_store = MEMORY")
        # Touch the schema: fails here if the key or the file is wrong.
        c.execute("SELECT count(*) FROM sqlite_master").fetchone()

    def _start_writing(self) -> None:
        c = self._conn
        c.execute("PRAGMA journal_mode = WAL").fetchone()
        c.execute("PRAGMA synchronous = FULL")
        c.execute("PRAGMA foreign_keys = ON")
        c.execute("PRAGMA secure_delete = ON")

    def _check_integrity(self) -> None:
        """SQLCipher checks every page's HMAC; SQLite checks the structure."""
        bad = self._conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if bad:
            raise StoreDamaged()
        ok = self._conn.execute("PRAGMA quick_check").fetchone()
        if not ok or ok[0] != "ok":
            raise StoreDamaged()

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
                try:
                    self._conn.executescript(
                        f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise

    # --- use ----------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self):
        """``with store.transaction() as c: c.execute(...)``: all or nothing."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlcipher.OperationalError as e:
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

    def query(self, sql: str, params=()) -> list:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params=()):
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    # Leaving WAL mode checkpoints and deletes the -wal file, so a
                    # locked profile is one file and a stray -wal is never replayed.
                    mode = self._conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
                except sqlcipher.Error:
                    mode = "wal"
                self._conn.close()
                if mode == "delete":
                    try:
                        fsutil.atomic_write_bytes(_closed_marker(self.path), b"")
                    except OSError:
                        pass
                self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None

    # --- backups ------------------------------------------------------------

    def backup(self, backups_dir: Path, reason: str = "daily") -> Path:
        """Copy the (still encrypted) database into ``backups_dir``; keep the newest few."""
        fsutil.make_private_dir(backups_dir)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        target = backups_dir / f"profile-{stamp}-v{self.schema_version()}-{reason}.db"
        with self._lock:
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            try:
                fsutil.atomic_copy(self.path, target)
            except OSError:
                raise DiskProblem() from None
        for old in list_backups(backups_dir)[BACKUP_KEEP:]:
            old.unlink(missing_ok=True)
        return target


def _closed_marker(path: Path) -> Path:
    return path.with_name(path.name + ".closed")


def _set_aside_stale_wal(path: Path) -> None:
    """Move away a -wal file found beside a cleanly closed database.

    A clean close leaves no -wal and writes a ``.closed`` marker. A -wal next
    to that marker was copied in from elsewhere (a sync tool, a half-restored
    backup); SQLite would replay it over newer data. It is renamed, never
    deleted. Without the marker, a -wal is crash recovery and is replayed.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and _closed_marker(path).exists():
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        os.replace(wal, wal.with_name(f"{wal.name}.stale-{stamp}"))
        shm = path.with_name(path.name + "-shm")
        if shm.exists():
            shm.unlink()


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

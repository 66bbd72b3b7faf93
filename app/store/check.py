"""The full check of a profile's file, in a thread, after an open that checked only whose file it is.

Why: ``cipher_integrity_check`` and ``quick_check`` read and decrypt every page. That is about 10 ms for a year of
use, but 7.5 s for a ten-year profile of 190 MiB (issue 15), all of it between Enter and the first page. After a
clean close (the ``.closed`` marker and no -wal: the file is the one Hearth itself checkpointed and closed),
``Store.open(check_later=True)`` checks at once only that the key reads the file, that it is this profile's and
that its schema is current (milliseconds), and this check reads the rest while the person starts reading.

The write gate while it runs: nothing reaches the main file or a backup before the check has passed. Writes go
to the -wal only (SQLite's automatic checkpoints are off, and ours wait); a backup or an export's snapshot waits
for the check; the daily backup is made after it. Damage found: every write is refused from then on, the window
locks and says what the unlock page says for a damaged file (restore from a backup is offered), and the close
leaves no clean-close marker, so the next open checks the whole file first and refuses it. Backups are untouched.
Locking while the check runs interrupts it; the next open starts it again.
"""

from __future__ import annotations

import threading

from app.errors import StoreDamaged

try:
    from sqlcipher3 import dbapi2 as sqlcipher
except ImportError:  # pragma: no cover
    import sqlcipher3 as sqlcipher


# SQLite calls the cancel test every this many virtual-machine steps (a fraction of a millisecond apart).
_CANCEL_STEPS = 20_000


class Check:
    """Runs once over ``conn`` (keyed, read-only, on the main file alone); ``damage`` is set if it fails."""

    def __init__(self, conn, has_backup: bool):
        self._conn = conn
        self._has_backup = has_backup
        self._mutex = threading.Lock()
        self._done = threading.Event()
        self._cancelled = False
        self._callbacks: list = []
        self.damage: StoreDamaged | None = None
        self._thread = threading.Thread(target=self._run, name="hearth-store-check", daemon=True)
        # A cancel is seen by SQLite itself between steps, so it also stops a check that has not started yet
        # (sqlite3_interrupt is lost when it comes before the first statement).
        conn.set_progress_handler(lambda: self._cancelled, _CANCEL_STEPS)

    def start(self) -> None:
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def when_done(self, callback) -> None:
        """``callback(damage or None)``, in the check's thread when it finishes (now, if it has); never after
        a cancel."""
        with self._mutex:
            if not self._done.is_set():
                self._callbacks.append(callback)
                return
            if self._cancelled:
                return
        callback(self.damage)

    def cancel(self) -> None:
        """Stop the check (the store is closing) and wait until its thread has ended."""
        with self._mutex:
            self._cancelled = True
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()

    def _run(self) -> None:
        ok = False
        try:
            if not self._conn.execute("PRAGMA cipher_integrity_check").fetchall():
                row = self._conn.execute("PRAGMA quick_check").fetchone()
                ok = bool(row) and row[0] == "ok"
        except sqlcipher.Error:
            pass  # stopped by a close (then nothing is decided), or a page could not be read: damaged
        finally:
            with self._mutex:
                self._conn.close()
                self._conn = None
                cancelled = self._cancelled
        if not ok and not cancelled:
            self.damage = StoreDamaged(has_backup=self._has_backup)
        with self._mutex:
            callbacks = [] if self._cancelled else self._callbacks
            self._callbacks = []
            self._done.set()
        for callback in callbacks:
            try:
                callback(self.damage)
            except Exception:  # noqa: BLE001 - one listener's failure must not stop the others
                pass

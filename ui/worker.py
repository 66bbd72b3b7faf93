"""Run slow core work (key derivation takes ~0.3 s, an export of years of data as long) off the GUI thread."""

from __future__ import annotations

import itertools
import threading

import shiboken6

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal

WAIT_DIALOG_MS = 300  # a wait shorter than this shows no dialog
_INPUT = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
                    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Wheel, QEvent.Type.Shortcut,
                    QEvent.Type.ShortcutOverride})


class _Relay(QObject):
    """Carries a worker thread's outcome to the GUI thread. One for the application's life: a relay per call,
    owned by the page that asked, could be deleted with that page on the GUI thread while the worker thread was
    emitting on it (a crash, or worse, a damaged heap that crashed later in an unrelated widget)."""

    finished = Signal(object, object, object)  # ticket, result, exception


_relay: _Relay | None = None
_pending: dict[int, tuple] = {}   # ticket -> (on_result, on_error, owner or None)
_tickets = itertools.count(1)


def _close_unclaimed(value) -> None:
    """A session opened for a page that no longer exists is locked, not left open."""
    for item in value if isinstance(value, tuple) else (value,):
        lock = getattr(item, "lock", None)
        if callable(lock):
            lock()


def _the_relay() -> _Relay:
    global _relay
    if _relay is None or not shiboken6.isValid(_relay):
        # Parented to the application, created on the GUI thread: it lives as long as events can be delivered.
        _relay = _Relay(QCoreApplication.instance())
        _relay.finished.connect(_deliver, Qt.ConnectionType.QueuedConnection)
    return _relay


def _deliver(ticket, result, error) -> None:
    on_result, on_error, owner = _pending.pop(ticket)
    if owner is not None and not shiboken6.isValid(owner):
        if error is None:  # the page that asked is gone (window closed): nobody will take it
            _close_unclaimed(result)
        return
    if error is not None:
        on_error(error)
    else:
        on_result(result)


def run_async(fn, on_result, on_error, parent: QObject | None = None) -> None:
    """Call ``fn()`` in a thread; then ``on_result(value)`` or ``on_error(exc)`` on the GUI thread, unless
    ``parent`` (the page that asked) was deleted meanwhile."""
    relay = _the_relay()
    ticket = next(_tickets)
    _pending[ticket] = (on_result, on_error, parent)

    def work():
        try:
            value = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            value, error = None, exc
        else:
            error = None
        try:
            relay.finished.emit(ticket, value, error)
        except RuntimeError:  # the application is gone (its relay with it): nobody will take it
            if error is None:
                _close_unclaimed(value)

    threading.Thread(target=work, name="hearth-worker", daemon=True).start()


class _HoldInput(QObject):
    """Swallows the person's clicks and keys while a wait runs (before its modal dialog is up)."""

    def eventFilter(self, _obj, event):  # noqa: N802 - Qt override
        return event.type() in _INPUT


def run_waiting(fn, parent=None, text: str = ""):
    """Call ``fn()`` in a thread and return its value (or raise its exception), like a modal dialog's
    ``exec()``: the GUI thread keeps painting and handling events meanwhile, clicks and keys are held,
    and a wait longer than ``WAIT_DIALOG_MS`` shows ``text`` in a small modal dialog."""
    app = QCoreApplication.instance()
    if app is None:  # no event loop to keep alive (a command-line caller)
        return fn()
    from PySide6.QtWidgets import QProgressDialog

    loop = QEventLoop()
    outcome: dict = {}

    def finished(value) -> None:
        outcome["value"] = value
        loop.quit()

    def failed(exc) -> None:
        outcome["error"] = exc
        loop.quit()

    hold = _HoldInput()
    app.installEventFilter(hold)
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.reset()  # not shown until the timer below says so
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(dialog.show)
    timer.start(WAIT_DIALOG_MS)
    try:
        run_async(fn, finished, failed)
        if not outcome:
            loop.exec()
    finally:
        timer.stop()
        app.removeEventFilter(hold)
        dialog.close()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")

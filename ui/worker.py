"""Run slow core work (key derivation takes ~0.3 s) off the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

_live: set = set()


class _Relay(QObject):
    finished = Signal(object, object)  # result, exception


def _close_unclaimed(value) -> None:
    """A session opened for a page that no longer exists is locked, not left open."""
    for item in value if isinstance(value, tuple) else (value,):
        lock = getattr(item, "lock", None)
        if callable(lock):
            lock()


def run_async(fn, on_result, on_error, parent: QObject | None = None) -> None:
    """Call ``fn()`` in a thread; then ``on_result(value)`` or ``on_error(exc)`` on the GUI thread."""
    relay = _Relay(parent)
    _live.add(relay)

    def deliver(result, error):
        _live.discard(relay)
        relay.deleteLater()
        if error is not None:
            on_error(error)
        else:
            on_result(result)

    relay.finished.connect(deliver)

    def work():
        try:
            value = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            value, error = None, exc
        else:
            error = None
        try:
            relay.finished.emit(value, error)
        except RuntimeError:  # the page that asked is gone (window closed): nobody will take it
            _live.discard(relay)
            _close_unclaimed(value)

    threading.Thread(target=work, name="hearth-worker", daemon=True).start()

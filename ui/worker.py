"""Run slow core work (key derivation takes ~0.3 s) off the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

_live: set = set()


class _Relay(QObject):
    finished = Signal(object, object)  # result, exception


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
            relay.finished.emit(None, exc)
        else:
            relay.finished.emit(value, None)

    threading.Thread(target=work, name="hearth-worker", daemon=True).start()

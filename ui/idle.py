"""Auto-lock after a period without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Watches the whole application's input, but only while auto-lock is on (an application-wide
    event filter sees every event), and only as long as ``owner`` (the window) lives."""

    def __init__(self, app, on_idle, owner: QObject | None = None):
        super().__init__(owner or app)
        self._app = app
        self._filtering = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(on_idle)

    def set_interval_ms(self, ms: int) -> None:
        """0 switches auto-lock off."""
        self._timer.stop()
        if ms > 0:
            self._timer.setInterval(ms)
            self._timer.start()
        self._filter(ms > 0)

    def stop(self) -> None:
        self._timer.stop()
        self._filter(False)

    def _filter(self, on: bool) -> None:
        if on and not self._filtering:
            self._app.installEventFilter(self)
        elif not on and self._filtering:
            self._app.removeEventFilter(self)
        self._filtering = on

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if event.type() in _ACTIVITY and self._timer.interval() > 0 and self._timer.isActive():
            self._timer.start()
        return False

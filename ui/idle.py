"""Auto-lock after a period without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    def __init__(self, app, on_idle):
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(on_idle)
        app.installEventFilter(self)

    def set_interval_ms(self, ms: int) -> None:
        """0 switches auto-lock off."""
        self._timer.stop()
        if ms > 0:
            self._timer.setInterval(ms)
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        if event.type() in _ACTIVITY and self._timer.interval() > 0 and self._timer.isActive():
            self._timer.start()
        return False

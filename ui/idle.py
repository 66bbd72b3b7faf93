"""Auto-lock after a period without keyboard or mouse input."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ui import activity


class IdleWatcher(QObject):
    """Restarts its timer at every input (``ui.activity``), but listens only while auto-lock is on, and only
    as long as ``owner`` (the window) lives."""

    def __init__(self, app, on_idle, owner: QObject | None = None):
        super().__init__(owner or app)
        self._listening = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(on_idle)

    def set_interval_ms(self, ms: int) -> None:
        """0 switches auto-lock off."""
        self._timer.stop()
        if ms > 0:
            self._timer.setInterval(ms)
            self._timer.start()
        self._listen(ms > 0)

    def stop(self) -> None:
        self._timer.stop()
        self._listen(False)

    @property
    def listening(self) -> bool:
        return self._listening

    def _listen(self, on: bool) -> None:
        if on and not self._listening:
            activity.watch().happened.connect(self._input)
        elif not on and self._listening:
            activity.watch().happened.disconnect(self._input)
        self._listening = on

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def _input(self) -> None:
        if self._timer.interval() > 0 and self._timer.isActive():
            self._timer.start()

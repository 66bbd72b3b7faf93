"""Guidance time: how long a patient's page is open and in use, recorded as the clinician works.

While the page is shown, ``ui.activity`` reports keyboard, mouse and wheel input (only the moment,
nothing of what was typed), and Hearth losing the focus pauses it; time between two inputs counts up to two minutes
(``guidance.ActiveTimer``), so a page left open over lunch adds little. The running total of the
visit is written every 30 s and when the page is left, so a crash loses at most that much.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer

from app.exchange import guidance
from app.store.db import utcnow
from ui import activity

SAVE_EVERY_MS = 30_000


class GuidanceClock(QObject):
    def __init__(self, ctx, app, parent: QObject | None = None, clock=time.monotonic):
        super().__init__(parent)
        self.ctx, self._app, self._clock = ctx, app, clock
        self.contact_id: str | None = None
        self._started_at: str | None = None
        self._timer: guidance.ActiveTimer | None = None
        self._saved = 0
        self._session = None
        self._save = QTimer(self)
        self._save.setInterval(SAVE_EVERY_MS)
        self._save.timeout.connect(self.save)

    @property
    def running(self) -> bool:
        return self.contact_id is not None

    def start(self, contact_id: str) -> None:
        """A new visit to ``contact_id``'s page begins (the previous one, if any, is saved and ended)."""
        self.stop()
        if self.ctx.session is None:
            return
        self.contact_id, self._session = contact_id, self.ctx.session
        self._started_at, self._saved = utcnow(), 0
        self._timer = guidance.ActiveTimer()
        self._timer.activity(self._clock())  # opening the page is itself a moment of work
        activity.watch().happened.connect(self._input)
        self._app.applicationStateChanged.connect(self._state)
        self._save.start()

    def stop(self) -> None:
        if self.contact_id is None:
            return
        self._timer.pause(self._clock())
        self.save()
        activity.watch().happened.disconnect(self._input)
        self._app.applicationStateChanged.disconnect(self._state)
        self._save.stop()
        self.contact_id = self._timer = self._session = None

    def seconds(self) -> int:
        return self._timer.seconds if self._timer else 0

    def save(self) -> None:
        """Write the visit's running total if it grew (never after the profile was locked)."""
        if self.contact_id is None or self.ctx.session is not self._session or self._session is None:
            return
        seconds = min(self._timer.seconds, guidance.MAX_VISIT_SECONDS)
        if seconds <= self._saved:
            return
        try:
            guidance.record_page_time(self._session.store, self.contact_id, self._started_at, seconds)
            self._saved = seconds
        except Exception:  # noqa: BLE001 - a patient removed meanwhile, a store locked: time is not worth an error
            pass

    def _input(self) -> None:
        if self._timer is not None:
            self._timer.activity(self._clock())

    def _state(self, state) -> None:
        if self._timer is not None and state != Qt.ApplicationState.ApplicationActive:
            self._timer.pause(self._clock())

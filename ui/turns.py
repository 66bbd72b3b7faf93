"""Work through a list a few items per turn of the event loop, so that the window answers between them.

Used where doing everything at once held the window over 100 ms with years of entries (issue 15): the entry
list of Exercises & journal, the cards of Progress.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

TURN_MS = 1  # a timer, not a zero one: zero timers ran before the window had painted and answered again


class Turns:
    """Hands the items to ``do`` in batches: ``first`` of them at once, then ``per_turn`` at each later turn of
    the event loop, then calls ``done``. Starting again or ``cancel()`` drops what an earlier start had left;
    nothing runs once ``owner`` is deleted."""

    def __init__(self, owner: QObject, do, *, per_turn: int, done=None):
        self._owner, self._do, self._per_turn, self._done = owner, do, per_turn, done
        self._left: list = []
        self._run = 0  # one more at each start and cancel: a step of an earlier run sees it and stops

    @property
    def busy(self) -> bool:
        """Items are still waiting for their turn."""
        return bool(self._left)

    def start(self, items, first: int) -> None:
        self._run += 1
        self._left = list(items)
        self._step(self._run, first)

    def finish(self) -> None:
        """Everything still waiting, now."""
        if self._left:
            self._step(self._run, len(self._left))

    def cancel(self) -> None:
        self._run += 1
        self._left = []

    def _step(self, run: int, count: int) -> None:
        if run != self._run:
            return
        batch, self._left = self._left[:count], self._left[count:]
        if batch:
            self._do(batch)
        if self._left:
            QTimer.singleShot(TURN_MS, self._owner, lambda: self._step(run, self._per_turn))
        elif self._done is not None:
            self._done()

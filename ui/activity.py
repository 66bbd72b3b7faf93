"""Noticing that the person is using Hearth (a key, a click, a turn of the wheel, a move of the mouse), for
auto-lock and guidance time, at the cost of a few events per input.

An event filter on the application is called for every event of every object: thousands while a page is built,
each a call into Python. Two of them (auto-lock, guidance time) made opening a patient in a 100-patient workspace
hold the window about twice as long (issue 11). Input reaches a widget through its window (the QWindow) first,
so a filter on each top-level window sees every input and little else. A window gets the filter when it first
gets focus (a dialog, a second window), and the windows already shown get it when watching starts.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
                    QEvent.Type.TouchBegin})


class Activity(QObject):
    happened = Signal()  # an input: only the moment, nothing of what was typed

    def __init__(self, app: QGuiApplication):
        super().__init__(app)
        app.focusWindowChanged.connect(self._watch)
        for window in app.topLevelWindows():
            self._watch(window)

    def _watch(self, window) -> None:
        if window is not None:
            window.removeEventFilter(self)  # once per window, however often it gets focus
            window.installEventFilter(self)

    def eventFilter(self, _obj, event):  # noqa: N802 - Qt override
        if event.type() in _INPUT:
            self.happened.emit()
        return False


_activity: Activity | None = None


def watch() -> Activity:
    """The application's one watcher (made when first asked for)."""
    global _activity
    app = QGuiApplication.instance()
    if _activity is None or not shiboken6.isValid(_activity) or _activity.parent() is not app:
        _activity = Activity(app)
    return _activity

"""Enter and Return press the focused button, as they do in most desktop apps.

Qt presses a focused push button with Return only inside dialogs (its "auto default" buttons);
in the main window only Space did, so a keyboard user who Tabbed to "Answer now" and pressed
Enter got nothing. The style (``ui.style``) gives every push and tool button this filter when it
polishes it; it looks only at that button's own key presses.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
# Modifiers that still count as a plain Enter (the keypad's Enter carries KeypadModifier).
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class _EnterPresses(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and event.key() in _KEYS \
                and event.modifiers() in _PLAIN and not event.isAutoRepeat():
            obj.click()  # as Qt itself does for a dialog's default button (a disabled one ignores it)
            return True
        return False


_filter: _EnterPresses | None = None


def enter_presses(button) -> None:
    """Let Return and Enter press ``button`` (a QPushButton or QToolButton) when it has focus."""
    global _filter
    if not isinstance(button, (QPushButton, QToolButton)):
        return
    if _filter is None or not shiboken6.isValid(_filter):
        # Owned by the application, so it lives exactly as long as the buttons it serves (a filter
        # without a parent was deleted by Python's shutdown while Qt still delivered events to it).
        _filter = _EnterPresses(QApplication.instance())
    button.removeEventFilter(_filter)  # polish runs again on style changes: keep one copy
    button.installEventFilter(_filter)

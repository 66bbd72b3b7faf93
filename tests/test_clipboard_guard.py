"""What Hearth put on the clipboard is cleared at lock; a copied recovery-key group after 30 s."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.test_ui import make_window, unlock  # noqa: F401 - fixture and helper
from ui.recovery_key_view import RecoveryKeyView


def test_a_copied_recovery_key_group_is_marked_secret_and_cleared_after_a_while(qtbot, make_window):
    win, _ctx, _ = make_window()
    view = RecoveryKeyView(win)
    view.set_key("123456-234567-345678-456789-567890-678901-789012-890123")
    view.show()
    group = view.groups[2]
    group.setFocus()
    qtbot.keyClick(group, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(group, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == "345678"
    guard = win.clipboard_guard
    assert guard._timer.isActive() and guard._timer.interval() == 30_000
    assert bytes(clipboard.mimeData().data("x-kde-passwordManagerHint")) == b"secret"
    guard._timer.timeout.emit()  # 30 s later
    assert clipboard.text() == ""


def test_a_secret_replaced_by_something_else_is_left_alone(qtbot, make_window):
    win, _ctx, _ = make_window()
    view = RecoveryKeyView(win)
    view.set_key("123456-234567-345678-456789-567890-678901-789012-890123")
    view.show()
    view.groups[0].setFocus()
    qtbot.keyClick(view.groups[0], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.groups[0], Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    win.setFocus()
    QApplication.clipboard().setText("a shopping list")  # copied since: not the secret any more
    win.clipboard_guard._timer.timeout.emit()
    assert QApplication.clipboard().text() == "a shopping list"


def test_lock_clears_what_was_copied_from_hearth(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.shell.go("journal")
    page = win.shell.pages["journal"].journal
    page.body.setFocus()
    qtbot.keyClicks(page.body, "what I wrote about my sister")
    qtbot.keyClick(page.body, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.body, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == "what I wrote about my sister"
    win.lock()
    assert not ctx.unlocked and QApplication.clipboard().text() == ""

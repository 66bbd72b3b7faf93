"""Home as a person meets it: the check-in has the keyboard, and what the clinician sent is one step away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.test_ui import make_window, unlock  # noqa: F401 - fixture


def opened(qtbot, make_window):  # noqa: F811
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    return win, ctx, win.shell.pages["home"]


def test_after_unlock_and_ctrl_1_a_digit_picks_a_mood_at_once(qtbot, make_window):
    win, ctx, home = opened(qtbot, make_window)
    scale = home.checkin.scale
    qtbot.waitUntil(lambda: QApplication.focusWidget() in scale.buttons, timeout=2000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    assert scale.value() == 7
    # Away to the journal, typing; Ctrl+1 comes back to the check-in.
    win.shell.go("journal")
    body = win.shell.pages["journal"].journal.body
    body.setFocus()
    QTest.keyClick(body, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.shell.current_key() == "home"
    qtbot.waitUntil(lambda: QApplication.focusWidget() in scale.buttons, timeout=2000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert scale.value() == 3
    # Again after locking and unlocking.
    win.lock()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() in scale.buttons, timeout=2000)


def test_home_never_takes_the_keyboard_from_the_sidebar_or_a_box_being_typed_in(qtbot, make_window):
    win, ctx, home = opened(qtbot, make_window)
    sidebar = win.shell.sidebar
    # Arrowing through the sidebar passes Home without leaving the sidebar.
    win.shell.go("program")
    sidebar.setFocus()
    QTest.keyClick(sidebar, Qt.Key.Key_Up)
    assert win.shell.current_key() == "home"
    qtbot.wait(50)
    assert QApplication.focusWidget() is sidebar
    # Typing a note while Home refreshes (feedback arriving, say): the cursor stays in the note.
    note = home.checkin.note
    note.setFocus()
    QTest.keyClicks(note, "slept well")
    home.load()
    qtbot.wait(50)
    assert QApplication.focusWidget() is note and note.text() == "slept well"

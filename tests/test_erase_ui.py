"""Settings → Erase this profile: the password or recovery key and the typed name, then nothing is left."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.conftest import PASSWORD
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture and helper
from ui.erase_dialog import EraseProfileDialog


def _opened(qtbot, make_window):  # noqa: F811
    win, ctx, key = make_window(with_profile=True)
    other, _ = ctx.manager.create("Kim", "another long password")
    other.lock()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.shell.go("settings")
    return win, ctx, key


def test_erase_asks_for_the_name_and_the_password_and_changes_nothing_until_both_are_right(qtbot, make_window):
    win, ctx, _key = _opened(qtbot, make_window)
    folder = ctx.manager.find("Alex").folder
    before = sorted(p.name for p in folder.rglob("*"))
    dlg = EraseProfileDialog(ctx, win)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.secret.edit, PASSWORD)
    qtbot.keyClicks(dlg.name, "Alec")
    qtbot.mouseClick(dlg.erase, Qt.MouseButton.LeftButton)
    assert dlg.error.isVisible() and "exactly as it is shown: Alex" in dlg.error.text()
    assert dlg.name.accessibleDescription() == dlg.error.text()  # tied to its field
    dlg.name.clear()
    qtbot.keyClicks(dlg.name, "  alex ")
    dlg.secret.clear()
    qtbot.keyClicks(dlg.secret.edit, "not the password")
    qtbot.mouseClick(dlg.erase, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.erase.isEnabled() and dlg.error.isVisible(), timeout=10000)
    assert "did not unlock" in dlg.error.text() and "Nothing was erased" in dlg.error.text()
    assert dlg.result() != QDialog.DialogCode.Accepted
    assert sorted(p.name for p in folder.rglob("*")) == before and ctx.unlocked
    dlg.secret.clear()
    qtbot.keyClicks(dlg.secret.edit, PASSWORD)
    qtbot.keyClick(dlg.name, Qt.Key.Key_Return)  # Enter in a field does not erase (no default button)
    assert dlg.isVisible() and ctx.manager.find("Alex")
    dlg.erase.setFocus()
    qtbot.keyClick(dlg.erase, Qt.Key.Key_Return)  # Enter on the focused button does
    qtbot.waitUntil(lambda: dlg.result() == QDialog.DialogCode.Accepted, timeout=10000)


def test_erasing_from_settings_locks_removes_everything_and_keeps_other_profiles(qtbot, make_window, monkeypatch):
    win, ctx, key = _opened(qtbot, make_window)
    folder = ctx.manager.find("Alex").folder
    profile_id = ctx.session.profile_id
    told = []
    monkeypatch.setattr(EraseProfileDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    page = win.shell.pages["settings"]
    qtbot.mouseClick(page.erase, Qt.MouseButton.LeftButton)
    assert not ctx.unlocked and not folder.exists()
    assert told and "Alex" in told[0] and "erased" in told[0]
    assert [p.display_name for p in ctx.manager.list()] == ["Kim"]
    assert win.stack.currentWidget() is win.unlock_page
    # Nothing that could unwrap its key is left anywhere in the data folder (the key file held the only
    # wrapped copies of the data key; the database copies above are ciphertext under that key).
    for path in ctx.manager.data_dir.rglob("*"):
        if path.is_file():
            assert profile_id.encode() not in path.read_bytes(), path

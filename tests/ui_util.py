"""Steps through the GUI that several test files take, done with keys and clicks as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.crypto import recovery


def confirm_recovery_key(qtbot, page) -> str:
    """On the recovery-key step of the create page: tick "written down", continue, type back the
    two groups asked for (read from the screen, as from a written copy). Returns the key shown."""
    key = page.key.text()
    page.stored.setChecked(True)
    qtbot.mouseClick(page.finish, Qt.MouseButton.LeftButton)
    confirm = page.confirm
    assert page.steps.currentIndex() == 2
    for number, field in zip(confirm.picks, confirm.fields):
        qtbot.keyClicks(field, recovery.groups(key)[number - 1])
    qtbot.keyClick(confirm.fields[-1], Qt.Key.Key_Return)
    return key

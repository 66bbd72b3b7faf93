"""The window when the check after open (app/store/check.py) finds the file damaged: it locks and says so on the
unlock page, with the backup to restore, as an unlock that found the damage would have."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app import journal
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from app.store.db import Store
from tests.conftest import PASSWORD
from ui.context import AppContext
from ui.main_window import MainWindow


def _window(qtbot, data_dir):
    ctx = AppContext(data_dir, ProfileManager(data_dir, TEST_KDF, check_later=True))
    ctx.apply_device_settings()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    return win, ctx


def _unlock(qtbot, win):
    qtbot.keyClicks(win.unlock_page.password.edit, PASSWORD)
    qtbot.keyClick(win.unlock_page.password.edit, Qt.Key.Key_Return)


def _unlock_and_stay_open(qtbot, win, ctx):
    """Unlock; the check after open passes and the window stays on the unlocked pages."""
    _unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert ctx.session.store.wait_checked(10) and ctx.session.store.damage is None
    qtbot.wait(100)
    assert ctx.unlocked and win.stack.currentWidget() is win.shell
    win.lock()


def _profile_with_backup(data_dir):
    plain = ProfileManager(data_dir, TEST_KDF)
    s, _key = plain.create("Robin", PASSWORD)
    for i in range(40):
        journal.add(s.store, f"entry {i}", "words " * 200)
    s.lock()
    plain.unlock(plain.find("Robin"), PASSWORD).lock()  # the daily backup
    return plain.find("Robin")


@pytest.fixture(params=["check ends later", "check ended before the window listened"])
def timing(request, monkeypatch):
    if request.param != "check ends later":
        real = Store.on_checked

        def after_the_check(self, callback):
            self.wait_checked(10)  # the callback then runs at once, inside start_session
            real(self, callback)

        monkeypatch.setattr(Store, "on_checked", after_the_check)
    return request.param


def test_damage_found_after_unlock_locks_and_offers_the_backup(qtbot, tmp_path, timing):
    data_dir = tmp_path / "data"
    info = _profile_with_backup(data_dir)
    db = info.folder / "profile.db"
    data = bytearray(db.read_bytes())
    data[len(data) - 2048] ^= 0x40  # inside the last page; page 1 and the profile's identity read fine
    db.write_bytes(bytes(data))

    win, ctx = _window(qtbot, data_dir)
    _unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.unlock_page and win.unlock_page.error.isVisible(),
                    timeout=10000)
    qtbot.wait(200)  # nothing opens the window again after the lock
    page = win.unlock_page
    assert win.stack.currentWidget() is page
    assert not ctx.unlocked
    assert "damaged" in page.error.text()
    assert page.restore.isVisible()
    qtbot.mouseClick(page.restore, Qt.MouseButton.LeftButton)
    _unlock_and_stay_open(qtbot, win, ctx)


def test_a_sound_profile_stays_open_after_its_check(qtbot, tmp_path):
    data_dir = tmp_path / "data"
    _profile_with_backup(data_dir)
    win, ctx = _window(qtbot, data_dir)
    _unlock_and_stay_open(qtbot, win, ctx)

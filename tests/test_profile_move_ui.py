"""Moving a profile in the app: Settings → Move this profile to another computer (then, if wanted, erase it
here), and "Open a profile from a file" on the unlock page and on the first-run page of the other computer."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager, move
from tests.conftest import PASSWORD
from tests.test_exchange_ui import boxes, files, open_profile  # noqa: F401 - fixtures and helpers
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui import profile_move
from ui.erase_dialog import EraseProfileDialog


def _answer_boxes(monkeypatch, *answers):
    """Each custom message box (in turn) answered by pressing the button whose text starts with the answer."""
    pending = list(answers)
    asked = []

    def exec_(box):
        asked.append(box.text())
        want = pending.pop(0)
        [button] = [b for b in box.buttons() if b.text().startswith(want)]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


@pytest.fixture
def moved_file(make_window, monkeypatch, tmp_path, boxes):  # noqa: F811
    win, ctx, _key = make_window(with_profile=True)
    open_profile(win, ctx, "Alex")
    win.shell.go("settings")
    asked = _answer_boxes(monkeypatch, "Choose where to save", "Not now")
    files(monkeypatch, save_path=tmp_path / "alex.hearthprofile")
    win.shell.pages["settings"].move_out.click()
    assert "one encrypted file" in asked[0] and "erase it from this one" in asked[1]
    assert ctx.unlocked and [p.display_name for p in ctx.manager.list()] == ["Alex"]  # nothing changed here
    return win, ctx, tmp_path / "alex.hearthprofile"


def test_move_out_saves_one_file_and_leaves_the_profile_here(moved_file):
    _win, _ctx, path = moved_file
    assert move.is_move_file(path.read_bytes())


def test_move_out_then_erase_leaves_the_laptop_empty(make_window, monkeypatch, tmp_path, boxes):  # noqa: F811
    win, ctx, _key = make_window(with_profile=True)
    open_profile(win, ctx, "Alex")
    win.shell.go("settings")
    _answer_boxes(monkeypatch, "Choose where to save", "Erase it from this computer")
    files(monkeypatch, save_path=tmp_path / "alex.hearthprofile")
    monkeypatch.setattr(EraseProfileDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    win.shell.pages["settings"].move_out.click()
    assert not ctx.unlocked and ctx.manager.list() == []
    assert win.stack.currentWidget() is win.welcome
    home = ProfileManager(tmp_path / "home", TEST_KDF)
    info = move.move_in(home, (tmp_path / "alex.hearthprofile").read_bytes(), PASSWORD)
    home.unlock(info, PASSWORD).lock()


def test_the_first_run_page_opens_a_moved_profile_and_shows_it_ready_to_unlock(moved_file, make_window,
                                                                              monkeypatch, qtbot, tmp_path):
    _win, _ctx, path = moved_file
    from app import i18n
    from ui.context import AppContext
    from ui.main_window import MainWindow

    ctx = AppContext(tmp_path / "home", ProfileManager(tmp_path / "home", TEST_KDF), forced_locale=None)
    ctx.apply_device_settings()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    assert win.stack.currentWidget() is win.welcome
    monkeypatch.setattr(profile_move, "open_file", lambda *a: path)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("not it", True)))
    win.welcome.from_file.click()
    assert win.stack.currentWidget() is win.welcome and ctx.manager.list() == []  # a wrong password: nothing
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PASSWORD, True)))
    win.welcome.from_file.click()
    assert win.stack.currentWidget() is win.unlock_page
    assert "Alex" in win.unlock_page.intro.text()
    i18n.set_language("en")


def test_the_unlock_page_opens_a_moved_profile_beside_the_others(moved_file, monkeypatch, tmp_path, boxes):
    _win, _ctx, path = moved_file
    from ui.context import AppContext
    from ui.main_window import MainWindow

    home = ProfileManager(tmp_path / "home", TEST_KDF)
    home.create("Kim", "another long password")[0].lock()
    ctx = AppContext(tmp_path / "home", home, forced_locale=None)
    ctx.apply_device_settings()
    win = MainWindow(ctx)
    win.show()
    page = win.unlock_page
    assert win.stack.currentWidget() is page
    monkeypatch.setattr(profile_move, "open_file", lambda *a: tmp_path / "nothing-here")
    page.from_file.click()
    assert boxes[-1][0] == "warning"  # the file is not there: said, nothing changed
    monkeypatch.setattr(profile_move, "open_file", lambda *a: path)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PASSWORD, True)))
    page.from_file.click()
    assert [p.display_name for p in home.list()] == ["Alex", "Kim"]
    assert page.profile.currentText() == "Alex" and page.profile.isVisibleTo(page)
    win.close()

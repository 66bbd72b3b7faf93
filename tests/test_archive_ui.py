"""Settings → Your data: Export my data (sealed or plain, after saying what each means) and Import my data
into a new profile, as a person does it with the mouse and the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog

from app import demo
from app.archive import contents, reader
from tests.conftest import PASSWORD
from tests.test_exchange_ui import boxes, files, open_profile  # noqa: F401 - fixtures and helpers
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui import data_archive


@pytest.fixture
def opened(make_window):  # noqa: F811
    win, ctx, _key = make_window(with_profile=True)
    s = ctx.manager.unlock(ctx.manager.find("Alex"), PASSWORD)
    demo.fill(s.store, days=30)
    s.lock()
    open_profile(win, ctx, "Alex")
    win.shell.go("settings")
    return win, ctx


def _answer(monkeypatch, fill):
    """The export dialog answered by ``fill(dialog)``, which returns whether it was accepted."""
    def exec_(dialog):
        return QDialog.DialogCode.Accepted if fill(dialog) else QDialog.DialogCode.Rejected
    monkeypatch.setattr(data_archive.ExportDataDialog, "exec", exec_)


def test_export_my_data_as_a_plain_zip_warns_first_and_writes_it(qtbot, opened, monkeypatch, tmp_path, boxes):
    win, ctx = opened
    page = win.shell.pages["settings"]
    assert page.data_card.isVisible() and page.export_data.isVisible()
    seen = {}

    def plain(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.plain, Qt.MouseButton.LeftButton)
        seen["warning"] = dialog.warning.isVisible() and not dialog.passphrase.isVisible()
        seen["text"] = dialog.warning.text()
        dialog._accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    _answer(monkeypatch, plain)
    files(monkeypatch, save_path=tmp_path / "mine.zip")
    qtbot.mouseClick(page.export_data, Qt.MouseButton.LeftButton)
    assert seen["warning"] and "not encrypted" in seen["text"]
    archive = reader.open_archive((tmp_path / "mine.zip").read_bytes())
    assert archive.counts["checkins.json"] > 0
    assert boxes[-1][0] == "information" and "records saved in" in boxes[-1][2]


def test_a_sealed_export_asks_for_the_passphrase_twice(qtbot, opened, monkeypatch, tmp_path, boxes):
    win, ctx = opened
    page = win.shell.pages["settings"]
    errors = []

    def sealed(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.sealed.isChecked() and not dialog.warning.isVisible()  # protected is the default
        qtbot.keyClicks(dialog.passphrase.edit, "short")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        errors.append(dialog.error.text())
        dialog.passphrase.edit.clear()
        qtbot.keyClicks(dialog.passphrase.edit, "green lantern river")
        qtbot.keyClicks(dialog.again.edit, "green lantern rivers")
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        errors.append(dialog.error.text())
        assert dialog.result() != QDialog.DialogCode.Accepted
        qtbot.keyClick(dialog.again.edit, Qt.Key.Key_Backspace)
        qtbot.keyClick(dialog.again.edit, Qt.Key.Key_Return)  # Enter saves, from the keyboard
        return dialog.result() == QDialog.DialogCode.Accepted

    _answer(monkeypatch, sealed)
    files(monkeypatch, save_path=tmp_path / "mine.age")
    qtbot.mouseClick(page.export_data, Qt.MouseButton.LeftButton)
    assert "at least 8 characters" in errors[0] and "not the same" in errors[1]
    data = (tmp_path / "mine.age").read_bytes()
    assert reader.is_sealed(data)
    assert reader.open_archive(data, "green lantern river").counts["checkins.json"] > 0


def test_import_my_data_fills_a_new_profile_and_refuses_one_with_entries(qtbot, opened, monkeypatch, tmp_path,
                                                                       boxes):
    win, ctx = opened
    from app.archive import writer

    writer.write(ctx.session.store, tmp_path / "mine.zip")
    before = contents.read_all(ctx.session.store)
    asked = []
    monkeypatch.setattr(data_archive, "open_file", lambda *a: asked.append(1) or tmp_path / "mine.zip")
    page = win.shell.pages["settings"]
    qtbot.mouseClick(page.import_data, Qt.MouseButton.LeftButton)
    assert not asked and boxes[-1][0] == "warning" and "new, empty profile" in boxes[-1][2]  # no file asked for

    s, _key = ctx.manager.create("Bo", PASSWORD)
    s.lock()
    open_profile(win, ctx, "Bo")
    win.shell.go("settings")
    qtbot.mouseClick(win.shell.pages["settings"].import_data, Qt.MouseButton.LeftButton)
    assert asked and boxes[-1][0] == "information" and "records imported" in boxes[-1][2]
    assert contents.read_all(ctx.session.store) == before
    win.shell.go("journal")
    QApplication.processEvents()


def test_a_wrong_passphrase_says_so_and_imports_nothing(qtbot, make_window, monkeypatch, tmp_path,  # noqa: F811
                                                      boxes):
    win, ctx, _key = make_window(with_profile=True)
    from app.archive import writer

    source = ctx.manager.unlock(ctx.manager.find("Alex"), PASSWORD)
    demo.fill(source.store, days=5)
    writer.write(source.store, tmp_path / "mine.age", passphrase="the right one")
    source.lock()
    s, _ = ctx.manager.create("Bo", PASSWORD)
    s.lock()
    open_profile(win, ctx, "Bo")
    win.shell.go("settings")
    monkeypatch.setattr(data_archive, "open_file", lambda *a: tmp_path / "mine.age")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("the wrong one", True)))
    qtbot.mouseClick(win.shell.pages["settings"].import_data, Qt.MouseButton.LeftButton)
    assert boxes[-1][0] == "warning" and "password does not open" in boxes[-1][2]
    assert reader.is_empty(ctx.session.store)


def test_a_clinician_workspace_has_no_personal_archive_but_can_move(qtbot, make_window):  # noqa: F811
    win, ctx, _key = make_window()
    doc, _ = ctx.manager.create("Dr Rivera", PASSWORD, kind="clinician")
    doc.lock()
    open_profile(win, ctx, "Dr Rivera")
    win.shell.go("settings")
    page = win.shell.pages["settings"]
    assert page.data_card.isVisible() and page.move_out.isVisible()  # a workspace can move computers too
    assert not page.export_data.isVisible() and not page.import_data.isVisible()

"""The GUI as a person uses it: a fresh window and data folder per test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import drafts, i18n, journal
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from tests.conftest import PASSWORD
from tests.ui_util import confirm_recovery_key
from ui.context import AppContext
from ui.help_dialog import HelpDialog
from ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make(with_profile: bool = False):
        manager = ProfileManager(tmp_path / "data", TEST_KDF)
        key = None
        if with_profile:
            s, key = manager.create("Alex", PASSWORD)
            s.lock()
        ctx = AppContext(tmp_path / "data", manager, forced_locale=None)
        ctx.apply_device_settings()
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=2000)
        return win, ctx, key
    yield make
    i18n.set_language("en")
    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def unlock(qtbot, win, password=PASSWORD):
    page = win.unlock_page
    qtbot.keyClicks(page.password.edit, password)
    qtbot.keyClick(page.password.edit, Qt.Key.Key_Return)


def test_first_run_create_unlock_navigate_lock_unlock(qtbot, make_window):
    win, ctx, _ = make_window()
    assert win.stack.currentWidget() is win.welcome
    assert win.help_button.isVisible()
    qtbot.mouseClick(win.welcome.start, Qt.MouseButton.LeftButton)
    c = win.create
    qtbot.keyClicks(c.name, "Jordan")
    qtbot.keyClicks(c.password.edit, "a long password")
    qtbot.keyClicks(c.password2.edit, "a long password")
    assert "Strength" in c.strength.text()
    qtbot.keyClick(c.password2.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: c.steps.currentIndex() == 1, timeout=10000)
    assert len(c.key.text().split("-")) == 8
    assert not c.finish.isEnabled()
    confirm_recovery_key(qtbot, c)
    assert win.stack.currentWidget() is win.shell and ctx.unlocked
    assert "Jordan" in win.shell.pages["home"].heading.text()
    assert win.windowTitle() == "Hearth"
    for i in range(7):
        qtbot.keyClick(win.shell, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        assert win.shell.stack.currentIndex() == i
    qtbot.keyClick(win.shell, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not ctx.unlocked and win.stack.currentWidget() is win.unlock_page
    unlock(qtbot, win, "a long password")
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)


def test_wrong_password_shows_message_and_stays_locked(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    assert win.stack.currentWidget() is win.unlock_page
    unlock(qtbot, win, "not my password")
    qtbot.waitUntil(lambda: win.unlock_page.error.isVisible(), timeout=10000)
    assert "did not unlock" in win.unlock_page.error.text()
    assert not ctx.unlocked
    assert win.unlock_page.password.text() == "not my password"  # selected, ready to retype


def test_mismatched_passwords_on_create(qtbot, make_window):
    win, ctx, _ = make_window()
    win.show_page(win.create)
    c = win.create
    qtbot.keyClicks(c.name, "Jo")
    qtbot.keyClicks(c.password.edit, "a long password")
    qtbot.keyClicks(c.password2.edit, "a long passwort")
    qtbot.mouseClick(c.create, Qt.MouseButton.LeftButton)
    assert "not the same" in c.error.text() and c.error.isVisible()
    assert ctx.manager.list() == []


def test_forgot_password_with_recovery_key(qtbot, make_window):
    win, ctx, key = make_window(with_profile=True)
    qtbot.mouseClick(win.unlock_page.forgot_button, Qt.MouseButton.LeftButton)
    r = win.recover
    assert win.stack.currentWidget() is r
    bad = key[:-1] + str((int(key[-1]) + 1) % 10)
    qtbot.keyClicks(r.key, bad)
    qtbot.keyClicks(r.password.edit, "my new password")
    qtbot.keyClicks(r.password2.edit, "my new password")
    qtbot.mouseClick(r.go, Qt.MouseButton.LeftButton)
    assert "Group 8" in r.error.text()
    r.key.setText(key)
    qtbot.mouseClick(r.go, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.lock()
    unlock(qtbot, win, "my new password")
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)


def test_language_switch_to_rtl_flips_layout_live(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    english = win.shell.sidebar.item(0).text()
    settings = win.shell.pages["settings"]
    win.shell.go("settings")
    idx = settings.language.findData("ar")
    assert idx >= 0
    settings.language.setCurrentIndex(idx)
    settings.language.activated.emit(idx)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert win.shell.sidebar.isRightToLeft()
    assert win.shell.sidebar.item(0).text() != english
    # Kept for this profile and for the device's unlock page.
    assert ctx.prefs.language == "ar" and ctx.device.language == "ar"
    settings.language.setCurrentIndex(settings.language.findData("en"))
    settings.language.activated.emit(settings.language.currentIndex())
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert win.shell.sidebar.item(0).text() == english


def test_auto_lock_after_idle_clears_pages(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert win.idle.active  # default 10 minutes
    win.shell.go("journal")
    jp = win.shell.pages["journal"].journal
    qtbot.keyClicks(jp.body, "typed just before walking away")
    win.idle.set_interval_ms(150)
    qtbot.waitUntil(lambda: not ctx.unlocked, timeout=5000)
    assert win.stack.currentWidget() is win.unlock_page
    assert jp.body.toPlainText() == "" and jp.list.count() == 0
    assert win.shell.pages["home"].heading.text() == ""
    # The text being typed was kept as an encrypted draft and comes back.
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.shell.go("journal")
    assert jp.body.toPlainText() == "typed just before walking away"
    assert "restored" in jp.notice.text()


def test_activity_postpones_auto_lock(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    # 2.4 s of use with a 1.5 s idle limit: only the key presses keep it open. The gaps (300 ms) leave
    # room for a slow machine, and the keys move between two light pages (Home, Program), not the charts.
    win.idle.set_interval_ms(1500)
    win.shell.sidebar.setFocus()
    for i in range(8):
        qtbot.wait(300)
        # Through the window, as a real key press arrives (ui.activity watches windows, not every widget).
        qtbot.keyClick(win.windowHandle(), Qt.Key.Key_Down if i % 2 == 0 else Qt.Key.Key_Up)
    assert ctx.unlocked


def test_input_in_a_second_window_postpones_auto_lock_too(qtbot, make_window):
    from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    dialog = QDialog(win)
    QVBoxLayout(dialog).addWidget(QLineEdit())
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.windowHandle() is not None and dialog.isActiveWindow(), timeout=3000)
    win.idle.set_interval_ms(1500)
    for _ in range(8):
        qtbot.wait(300)
        qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_A)
    assert ctx.unlocked
    dialog.close()
    qtbot.waitUntil(lambda: not ctx.unlocked, timeout=5000)  # no input now: it locks


def test_journal_autosave_save_delete_undo(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.shell.go("journal")
    jp = win.shell.pages["journal"].journal
    assert jp.empty.isVisible()
    qtbot.keyClicks(jp.title, "Morning")
    qtbot.keyClicks(jp.body, "Walked to the shop.")
    qtbot.waitUntil(lambda: drafts.load(ctx.session.store, journal.NEW_ENTRY_DRAFT) is not None, timeout=1500)
    qtbot.keyClick(jp.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [e.title for e in journal.entries(ctx.session.store)] == ["Morning"]
    assert drafts.load(ctx.session.store, journal.NEW_ENTRY_DRAFT) is None
    assert jp.list.count() == 1 and not jp.empty.isVisible()
    qtbot.mouseClick(jp.delete_button, Qt.MouseButton.LeftButton)
    assert journal.count(ctx.session.store) == 0 and jp.undo_button.isVisible()
    qtbot.mouseClick(jp.undo_button, Qt.MouseButton.LeftButton)
    assert journal.count(ctx.session.store) == 1 and jp.title.text() == "Morning"


def test_get_help_from_every_page_including_locked(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    qtbot.keyClick(win.unlock_page.password.edit, Qt.Key.Key_F1)
    dlg = win.findChild(HelpDialog)
    assert dlg is not None and dlg.isVisible()
    assert "emergency" in dlg.resources.emergency.text().lower()
    gb = dlg.country.findData("GB")
    dlg.country.setCurrentIndex(gb)
    assert "999" in dlg.resources.emergency.text() and "116 123" in dlg.resources.text()
    assert ctx.device.country == "GB"
    dlg.close()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.shell.go("settings")
    win.help_action.trigger()
    assert win.findChild(HelpDialog).isVisible()


def test_settings_theme_text_size_and_autolock_persist(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    st = win.shell.pages["settings"]
    st.theme.setCurrentIndex(st.theme.findData("dark"))
    st.theme.activated.emit(st.theme.currentIndex())
    assert ctx.theme_name == "dark"
    size_before = QApplication.font().pointSizeF()
    st.text_size.setCurrentIndex(st.text_size.findData(150))
    st.text_size.activated.emit(st.text_size.currentIndex())
    assert QApplication.font().pointSizeF() > size_before
    st.autolock.setCurrentIndex(st.autolock.findData(0))
    st.autolock.activated.emit(st.autolock.currentIndex())
    assert not win.idle.active
    win.lock()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert (ctx.prefs.theme, ctx.prefs.text_scale, ctx.prefs.autolock_minutes) == ("dark", 150, 0)
    st.theme.setCurrentIndex(st.theme.findData("light"))
    st.theme.activated.emit(st.theme.currentIndex())
    st.text_size.setCurrentIndex(st.text_size.findData(100))
    st.text_size.activated.emit(st.text_size.currentIndex())


def test_change_password_dialog(qtbot, make_window):
    from ui.pages.settings import ChangePasswordDialog

    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    dlg = ChangePasswordDialog(ctx, win)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.current.edit.setText("wrong current")
    dlg.new.edit.setText("fresh password")
    dlg.new2.edit.setText("fresh password")
    dlg.ok.click()
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=10000)
    assert "did not unlock" in dlg.error.text()
    dlg.current.edit.setText(PASSWORD)
    dlg.ok.click()
    qtbot.waitUntil(lambda: dlg.result() == dlg.DialogCode.Accepted, timeout=10000)
    win.lock()
    unlock(qtbot, win, "fresh password")
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)


def test_damaged_store_offers_backup_restore(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    info = ctx.manager.find("Alex")
    ctx.manager.unlock(info, PASSWORD).lock()  # makes a daily backup
    db = info.folder / "profile.db"
    data = bytearray(db.read_bytes())
    data[5000] ^= 1
    db.write_bytes(bytes(data))
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: win.unlock_page.restore.isVisible(), timeout=10000)
    assert "damaged" in win.unlock_page.error.text()
    qtbot.mouseClick(win.unlock_page.restore, Qt.MouseButton.LeftButton)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)


def test_every_interactive_widget_has_an_accessible_name_or_text(qtbot, make_window):
    from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QListWidget,
                                   QPlainTextEdit)

    from ui.exercises import registry

    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    for kind in registry.tools():  # build every exercise editor too
        win.shell.open_exercise(kind, None, None, None)
    win.shell.pages["journal"].open_safety_plan()  # built when first shown
    assert len(win.shell.pages["journal"].hosts) == len(registry.tools()) + 2  # + the journal and the safety plan
    win.shell.go("program")
    missing = []
    for cls in (QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit, QAbstractSpinBox):
        for w in win.findChildren(cls):
            if isinstance(w, QLineEdit) and isinstance(w.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the inner editor of a combo or spin box, named through its owner
            label = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
            if not label and w.objectName() not in ("qt_toolbar_ext_button",):
                missing.append(f"{cls.__name__} {w.objectName()} in {type(w.parent()).__name__}")
    assert missing == []


def test_ctrl_number_puts_focus_on_the_sections_first_control(qtbot, make_window):
    from PySide6.QtWidgets import QAbstractScrollArea

    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    for i, (key, _label) in enumerate(win.shell.SECTIONS):
        qtbot.keyClick(win.shell, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        page = win.shell.pages[key]

        def settled():  # a control Tab reaches in the page, or (a page with nothing to press) the sidebar
            focus = QApplication.focusWidget()
            if focus is win.shell.sidebar:
                return win.shell.sidebar.currentRow() == i
            return focus is not page and page.isAncestorOf(focus) and bool(focus.focusPolicy() & Qt.FocusPolicy.TabFocus)
        qtbot.waitUntil(settled, timeout=2000)
        focus = QApplication.focusWidget()
        is_nameless_area = isinstance(focus, QAbstractScrollArea) and not focus.accessibleName()
        assert not is_nameless_area, f"Ctrl+{i + 1}: focus on a nameless scroll area"


def test_idle_watcher_watches_input_only_while_unlocked_and_dies_with_its_window(qtbot, make_window):
    from ui.idle import IdleWatcher

    win, ctx, _ = make_window(with_profile=True)
    assert not win.idle.listening  # locked: not listening to input at all
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert win.idle.listening
    win.lock()
    assert not win.idle.listening
    app = QApplication.instance()
    watchers = [c for c in app.children() if isinstance(c, IdleWatcher)]
    assert watchers == []  # owned by the window, not the application: gone with it


def test_unlocking_fills_only_the_page_shown_and_the_others_when_they_are_shown(qtbot, make_window, monkeypatch):
    """Issue 15: unlocking used to load all seven pages on the GUI thread before Home was painted."""
    from ui.pages.clinician import ClinicianPage
    from ui.pages.exercises import ExercisesPage
    from ui.pages.home import HomePage
    from ui.pages.measures import MeasuresPage
    from ui.pages.program import ProgramPage
    from ui.pages.progress import ProgressPage
    from ui.pages.settings import SettingsPage

    calls = []
    for cls in (HomePage, ProgramPage, ExercisesPage, MeasuresPage, ProgressPage, ClinicianPage, SettingsPage):
        def spy(self, *a, _orig=cls.load, _name=cls.__name__, **k):
            calls.append(_name)
            return _orig(self, *a, **k)
        monkeypatch.setattr(cls, "load", spy)
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert set(calls) == {"HomePage"}
    win.shell.go("progress")
    assert calls[-1] == "ProgressPage"
    win.lock()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert calls[-1] == "HomePage" and win.shell.current_key() == "home"

"""What a person meets in the first minutes, in a real window: the recovery key, the sidebar,
resizing. Each of these was broken under a real window system while offscreen tests passed."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from app import demo as demo_data
from app.crypto import recovery
from tests.conftest import PASSWORD
from tests.layout_audit import _list_rows, _text_cut
from tests.realdisplay.windows import CONFIG_IDS, CONFIGS, Windows, make_profile, unlock
from ui import theme


@pytest.fixture
def windows(qtbot, tmp_path):
    w = Windows(qtbot, tmp_path)
    yield w
    w.close()


def _create_until_key(qtbot, win, name="Jordan"):
    """Welcome → Create my profile → name and password typed → Enter; waits for the key step."""
    if win.stack.currentWidget() is win.welcome:
        assert win.welcome.start.hasFocus()  # Enter on the first page starts
        qtbot.keyClick(win.welcome.start, Qt.Key.Key_Return)
    page = win.create
    assert win.stack.currentWidget() is page
    qtbot.keyClicks(page.name, name)
    qtbot.keyClicks(page.password.edit, "a long password")
    qtbot.keyClicks(page.password2.edit, "a long password")
    qtbot.keyClick(page.password2.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.steps.currentIndex() == 1, timeout=15000)
    qtbot.wait(100)
    return page


def _ancestors(widget):
    p = widget.parentWidget()
    while p is not None:
        yield p
        p = p.parentWidget()


def _assert_every_group_shown(win, page):
    groups = page.key.groups
    assert len(groups) == recovery.GROUPS
    window_rect = win.rect()
    area = next(p for p in _ancestors(page.key) if isinstance(p, QScrollArea))
    for n, label in enumerate(groups, start=1):
        assert label.isVisible(), f"group {n} is hidden"
        assert _text_cut(label) is None, f"group {n}: {_text_cut(label)}"
        area.ensureWidgetVisible(label)  # a small window scrolls to it, as Tab would
        QApplication.processEvents()
        in_view = QRect(label.mapTo(area.viewport(), QPoint(0, 0)), label.size())
        assert area.viewport().rect().contains(in_view), f"group {n} cannot be seen whole: {in_view}"
        top_left = label.mapTo(win, QPoint(0, 0))
        assert window_rect.contains(QRect(top_left, label.size())), f"group {n} is outside the window"
        assert len(label.text()) == 6
    recovery.parse(page.key.text())  # every check digit holds: the key on screen is whole


@pytest.mark.parametrize("locale,theme_name", CONFIGS, ids=CONFIG_IDS)
def test_recovery_key_page_shows_every_group(qtbot, windows, locale, theme_name):
    win, ctx = windows.open(locale=locale, theme_name=theme_name)
    page = _create_until_key(qtbot, win)
    _assert_every_group_shown(win, page)



@pytest.mark.parametrize("locale,scale", [("en", 100), ("de", 100), ("ar", 100), ("en_XA", 100), ("de", 150)])
def test_recovery_page_box_shows_a_whole_typed_key(qtbot, windows, locale, scale):
    """The box for a forgotten password's key is wide enough for all 8 groups beside its label."""
    make_profile(windows.manager(), "Sam")
    win, _ctx = windows.open(locale=locale, size=(1366, 768))
    theme.apply(QApplication.instance(), "light", scale)
    win._forgot(win.unlock_page.current_profile())
    qtbot.wait(100)
    page = win.recover
    _raw, key = recovery.generate()
    qtbot.keyClicks(page.key, key)
    page.key.setCursorPosition(0)
    QApplication.processEvents()
    room = page.key.contentsRect().width() - 8  # the text margins of a line edit
    assert page.key.fontMetrics().horizontalAdvance(page.key.text()) <= room, \
        f"{page.key.width()} px box for a {page.key.fontMetrics().horizontalAdvance(key)} px key"

@pytest.mark.parametrize("size,scale", [((760, 540), 100), ((760, 540), 175), ((1366, 768), 175)],
                         ids=["smallest-window", "smallest-window-large-text", "large-text"])
def test_recovery_key_fits_small_windows_and_large_text(qtbot, windows, size, scale):
    win, ctx = windows.open(locale="de", size=size)
    theme.apply(QApplication.instance(), "light", scale)
    page = _create_until_key(qtbot, win)
    _assert_every_group_shown(win, page)


def test_recovery_key_must_be_typed_back_before_the_profile_opens(qtbot, windows):
    win, ctx = windows.open()
    page = _create_until_key(qtbot, win)
    key = page.key.text()
    qtbot.mouseClick(page.stored, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.finish, Qt.Key.Key_Space)
    assert page.steps.currentIndex() == 2 and win.stack.currentWidget() is win.create
    confirm = page.confirm
    first, second = confirm.picks
    assert first != second
    assert str(first) in confirm.labels[0].text() and str(second) in confirm.labels[1].text()
    # the key is not on screen while it is being checked
    assert not page.key.isVisible()
    qtbot.keyClick(confirm.fields[0], Qt.Key.Key_Return)  # nothing typed yet: asked to type it
    assert confirm.error.isVisible() and "Please type group " + str(first) in confirm.error.text()
    group = recovery.groups(key)[first - 1]
    wrong = group[:-1] + str((int(group[-1]) + 1) % 10)
    qtbot.keyClicks(confirm.fields[0], wrong)
    qtbot.keyClicks(confirm.fields[1], recovery.groups(key)[second - 1])
    qtbot.keyClick(confirm.fields[1], Qt.Key.Key_Return)
    assert confirm.error.isVisible() and "not group " + str(first) in confirm.error.text()
    assert win.stack.currentWidget() is win.create
    qtbot.mouseClick(confirm.again, Qt.MouseButton.LeftButton)
    assert page.steps.currentIndex() == 1 and page.key.text() == key
    qtbot.keyClick(page.finish, Qt.Key.Key_Space)
    confirm.fields[0].clear()
    qtbot.keyClicks(confirm.fields[0], recovery.groups(key)[confirm.picks[0] - 1])
    confirm.fields[1].clear()
    qtbot.keyClicks(confirm.fields[1], recovery.groups(key)[confirm.picks[1] - 1])
    qtbot.keyClick(confirm.fields[1], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.shell, timeout=5000)
    assert page.key.text() == ""  # the key is forgotten once confirmed


# --- the sidebar at first show ------------------------------------------------------------------

def _assert_sidebar_usable(qtbot, shell):
    bar = shell.sidebar
    problems = _list_rows(bar)
    assert not problems, problems
    tops = [bar.visualItemRect(bar.item(i)).top() for i in range(bar.count())]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    for i in range(bar.count()):
        centre = bar.visualItemRect(bar.item(i)).center()
        qtbot.mouseClick(bar.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        assert shell.current_key() == shell.SECTIONS[i][0], f"a click on row {i} opened {shell.current_key()}"


def test_sidebar_after_creating_a_profile(qtbot, windows):
    win, ctx = windows.open()
    page = _create_until_key(qtbot, win)
    from tests.ui_util import confirm_recovery_key

    confirm_recovery_key(qtbot, page)
    qtbot.waitUntil(lambda: win.stack.currentWidget() is win.shell, timeout=5000)
    qtbot.wait(100)
    _assert_sidebar_usable(qtbot, win.shell)


def test_sidebar_when_the_session_opens_before_the_first_show(qtbot, windows):
    """As ``--demo`` does: the profile is opened, then the window shown for the first time."""
    def open_demo(win, ctx):
        session, _key = ctx.manager.create(demo_data.DEMO_NAME, PASSWORD)
        demo_data.fill(session.store, days=20)
        win._session_opened(session)

    win, ctx = windows.open(before_show=open_demo)
    _assert_sidebar_usable(qtbot, win.shell)


@pytest.mark.parametrize("kind", ["patient", "clinician"])
@pytest.mark.parametrize("locale", ["en", "ar", "en_XA"])
def test_sidebar_after_unlocking(qtbot, windows, kind, locale):
    make_profile(windows.manager(), kind=kind)
    win, ctx = windows.open(locale=locale)
    unlock(qtbot, win)
    _assert_sidebar_usable(qtbot, win.shell)


# --- resizing -----------------------------------------------------------------------------------

def test_resizing_every_list_page_many_times_keeps_none_alive(qtbot, windows):
    """Dragging a window edge resizes every list many times a second (PySide6 6.12 lost a
    reference to None per row per resize, and the process aborted after a few hundred)."""
    def open_demo(win, ctx):
        session, _key = ctx.manager.create(demo_data.DEMO_NAME, PASSWORD)
        demo_data.fill(session.store, days=60)
        win._session_opened(session)

    win, ctx = windows.open(before_show=open_demo)
    shell = win.shell
    # None's count is the whole process's: work still running in a worker (a chart drawn, the charts library
    # loaded for an earlier test's workspace) moves it too. Measure the resizing alone.
    import gc
    import threading

    qtbot.waitUntil(lambda: not any(t.name == "hearth-worker" for t in threading.enumerate()), timeout=60000)
    gc.collect()
    gc.disable()
    before = sys.getrefcount(None)
    for key in ("journal", "program", "clinician", "home"):
        shell.go(key)
        qtbot.wait(50)
        for i in range(300):
            win.resize(900 + (i * 37) % 400, 600 + (i * 23) % 200)
            if i % 25 == 0:
                QApplication.processEvents()
        qtbot.wait(150)  # the lists' delayed re-layout runs
    after = sys.getrefcount(None)
    gc.enable()
    assert after >= before - 50, f"None lost {before - after} references while resizing"
    assert not _list_rows(shell.sidebar)


def test_create_form_does_not_jump_and_clears_a_corrected_error(qtbot, windows):
    win, ctx = windows.open(locale="de")
    win.show_page(win.create)
    page = win.create
    qtbot.wait(50)
    top = page.heading.mapTo(win, QPoint(0, 0)).y()
    button_top = page.create.mapTo(win, QPoint(0, 0)).y()
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)  # no name yet
    qtbot.wait(50)
    assert page.error.text() and page.name.hasFocus()
    assert page.name.accessibleDescription() == page.error.text()  # the error is read with its field
    assert page.heading.mapTo(win, QPoint(0, 0)).y() == top
    assert page.create.mapTo(win, QPoint(0, 0)).y() == button_top
    qtbot.keyClicks(page.name, "Jo")
    qtbot.wait(50)
    assert page.error.text() == "" and page.name.accessibleDescription() == ""
    qtbot.keyClicks(page.password.edit, "a long password with words")
    qtbot.wait(50)
    assert page.heading.mapTo(win, QPoint(0, 0)).y() == top
    assert page.create.mapTo(win, QPoint(0, 0)).y() == button_top

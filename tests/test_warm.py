"""The unlocked window's code and the shipped programs are loaded while the password is typed (ui.warm,
issue 15), once per process, and reading nothing from any profile."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import Qt

from app.programs import loader, render
from tests.threads import stacks
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui import warm


def test_the_first_key_typed_starts_loading_what_the_unlocked_window_needs(qtbot, make_window, monkeypatch):
    monkeypatch.setattr(warm, "_started", type(warm._started)())  # as in a fresh process
    monkeypatch.setattr(warm, "_done", type(warm._done)())
    # In a fresh process the first round never waits for the second (that one starts after an unlock); here an
    # earlier test's window may have started a second round that is still running, so the lock is fresh too.
    monkeypatch.setattr(warm, "_one_round_at_a_time", threading.Lock())
    monkeypatch.setattr(loader, "_cache", {})
    render.markdown_parser.cache_clear()
    from app import i18n

    i18n._small_number.cache_clear()
    win, _ctx, _key = make_window(with_profile=True)
    page = win.unlock_page
    assert not warm._started.is_set()
    page.password.edit.setText("x")  # set by code (a paste in a test): not yet
    assert not warm._started.is_set()
    qtbot.keyClick(page.password.edit, Qt.Key.Key_A)
    assert warm._started.is_set()
    assert warm.wait(30), stacks()
    assert "ui.pages.shell" in sys.modules and "ui.workspace.shell" in sys.modules
    from ui.pages.shell import PAGE_MODULES

    assert all(name in sys.modules for name in PAGE_MODULES)  # every page's module, after Home's
    assert sorted(folder.name for folder in loader._cache) == loader.program_ids()
    assert all(hit[1] is not None for hit in loader._cache.values())  # loaded and checked, not failed
    assert render.markdown_parser.cache_info().currsize == 1  # the lessons' Markdown parser, made
    assert i18n._small_number.cache_info().currsize >= 1  # Babel's numbers in this language (Home's check-in)
    warm.start()  # once per process
    assert warm.done()


def test_after_home_the_second_round_loads_the_languages_names(qtbot, make_window, monkeypatch):
    from app import i18n

    win, ctx, _key = make_window(with_profile=True)
    qtbot.wait(400)  # a round an earlier test's window asked for has started by now (into the old events)
    monkeypatch.setattr(warm, "_later_started", type(warm._later_started)())
    monkeypatch.setattr(warm, "_later_done", type(warm._later_done)())
    i18n.native_name.cache_clear()
    qtbot.keyClicks(win.unlock_page.password.edit, "not yet")
    assert not warm._later_started.is_set()  # not while the password is typed
    win.unlock_page.password.edit.clear()
    from tests.test_ui import unlock

    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    qtbot.waitUntil(warm._later_started.is_set, timeout=3000)
    assert warm.later_done(30), stacks()
    assert i18n.native_name.cache_info().currsize >= len(i18n.available_codes())
    assert "ui.reminders_dialog" in sys.modules


def test_what_is_loaded_by_the_settled_window_is_set_aside_until_lock(qtbot, make_window):
    """ui.heap: once Home has settled, the loaded objects are frozen (Python's full collections skip them);
    at lock the collector gets everything back, so a closed session's objects can be freed."""
    import gc

    from tests.test_ui import unlock

    win, ctx, _key = make_window(with_profile=True)
    gc.unfreeze()  # whatever an earlier test left
    assert gc.get_freeze_count() == 0
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=3000)
    win.lock()
    assert not ctx.unlocked
    assert gc.get_freeze_count() == 0
    from ui import heap

    heap.loaded_more()  # a library that finishes loading after the lock is not frozen
    assert gc.get_freeze_count() == 0


def test_the_unlock_worker_reads_ahead_what_home_reads_and_its_failure_changes_nothing(qtbot, make_window,
                                                                                      monkeypatch):
    """The journal's count (an index of every entry) is read in the unlock worker first, so that Home's read on
    the GUI thread finds the pages in the store's cache; Home's words are set twice (made, then loaded)."""
    from ui.pages import home
    from tests.test_ui import unlock

    seen = []

    def read_ahead(store):
        seen.append(threading.current_thread() is threading.main_thread())
        raise RuntimeError("a head start that failed")

    monkeypatch.setattr(home, "read_ahead", read_ahead)
    told = []
    real = home.HomePage.retranslate
    monkeypatch.setattr(home.HomePage, "retranslate", lambda self: told.append(1) or real(self))
    win, ctx, _key = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert seen == [False]  # in the worker, and the unlock went on
    assert win.shell.current_key() == "home" and len(told) == 2


def test_the_patients_shell_imports_a_pages_module_only_when_the_page_is_built():
    """Unlocking imports Home's module alone on the GUI thread (a fresh process: this one has them all)."""
    import subprocess

    code = ("import sys; import ui.pages.shell as s; "
            "print(sorted(m for m in s.PAGE_MODULES if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"


def test_while_a_profile_is_being_opened_the_pages_not_shown_yet_wait(qtbot, monkeypatch):
    """Pasted password, Enter at once: Home's modules are warmed at once, the other pages' only once the window
    says it has shown Home (they took turns with Home's build for Python's lock)."""
    import importlib
    import types

    from ui.pages.shell import PAGE_MODULES

    monkeypatch.setattr(warm, "_started", type(warm._started)())
    monkeypatch.setattr(warm, "_done", type(warm._done)())
    monkeypatch.setattr(warm, "_one_round_at_a_time", threading.Lock())
    monkeypatch.setattr(warm, "_quiet", type(warm._quiet)())
    imported = []
    fake = types.SimpleNamespace(import_module=lambda name: imported.append(name) or importlib.import_module(name))
    monkeypatch.setattr(warm, "importlib", fake)
    import time

    warm.busy()
    warm.start()
    # waiting without Qt's event loop: a window an earlier test left may still say idle() at its settling
    end = time.monotonic() + 10
    while "ui.pages.home" not in imported and time.monotonic() < end:
        time.sleep(0.01)
    time.sleep(0.3)
    assert "ui.pages.home" in imported and not warm.done() and not set(PAGE_MODULES[1:]) & set(imported)
    warm.idle()
    assert warm.wait(30), stacks()
    assert set(PAGE_MODULES) <= set(imported)

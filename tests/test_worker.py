"""ui.worker: slow work in a thread, its outcome on the GUI thread, and nothing for a page that is gone."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from ui import worker


class _Session:
    def __init__(self):
        self.locked = False

    def lock(self):
        self.locked = True


def test_result_and_error_reach_the_gui_thread(qtbot):
    got = []
    gui = threading.get_ident()
    worker.run_async(lambda: 6 * 7, lambda v: got.append(("ok", v, threading.get_ident())), got.append)
    worker.run_async(lambda: 1 / 0, got.append, lambda e: got.append(("error", type(e), threading.get_ident())))
    qtbot.waitUntil(lambda: len(got) == 2, timeout=3000)
    assert sorted(got, key=str) == [("error", ZeroDivisionError, gui), ("ok", 42, gui)]


def test_a_page_deleted_while_its_work_runs_gets_nothing_and_its_session_is_locked(qtbot):
    page = QWidget()
    release = threading.Event()
    session = _Session()
    got = []

    def work():
        release.wait(5)
        return session

    worker.run_async(work, got.append, got.append, page)
    page.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(page), timeout=3000)
    release.set()                     # the thread emits only now, after its page was deleted
    qtbot.waitUntil(lambda: session.locked, timeout=3000)
    qtbot.wait(20)
    assert got == []


def test_many_pages_deleted_while_threads_emit_do_not_crash(qtbot):
    """Pages deleted on the GUI thread at the moment their workers finish (the race that crashed the
    real-display lane): every live page gets its result, no deleted one does."""
    got = []
    pages = [QWidget() for _ in range(60)]
    for i, page in enumerate(pages):
        worker.run_async(lambda i=i: i, got.append, got.append, page)
        if i % 2:
            shiboken6.delete(page)  # on the GUI thread, while the threads run and emit
    qtbot.waitUntil(lambda: len(got) >= 30, timeout=5000)
    qtbot.wait(50)
    assert sorted(got) == list(range(0, 60, 2))


def test_run_waiting_returns_the_value_or_raises(qtbot):
    assert worker.run_waiting(lambda: "done") == "done"
    with pytest.raises(ValueError):
        worker.run_waiting(lambda: (_ for _ in ()).throw(ValueError("bad")))

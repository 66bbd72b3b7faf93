"""Typing in the real window, then the process is killed: the text survives as a draft."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from app import drafts
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from ui.qt_setup import make_app
from ui.context import AppContext
from ui.main_window import MainWindow

app = make_app()
manager = ProfileManager(sys.argv[1], TEST_KDF)
ctx = AppContext(sys.argv[1], manager)
ctx.apply_device_settings()
win = MainWindow(ctx)
win.show()
win._session_opened(manager.unlock(manager.find("Alex"), sys.argv[2]))
win.shell.open_exercise("thought-record", None, None, None)
host = win.shell.pages["journal"].stack.currentWidget()
box = host.editor.findChildren(QPlainTextEdit)[0]
QTest.keyClicks(box, "I was typing this when the power went")
end = time.monotonic() + 1.2   # about a second after the last key
while time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
print("typed", flush=True)
while True:                    # still running, mid-session, when it is killed
    app.processEvents()
    time.sleep(0.05)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_mid_entry_keeps_what_was_typed(created):
    manager, info, _key = created
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(manager.data_dir), PASSWORD], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "typed"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    s = ProfileManager(manager.data_dir, TEST_KDF).unlock(info, PASSWORD)
    draft = drafts.load(s.store, "exercise:thought-record:-:new")
    assert draft is not None
    assert "I was typing this when the power went" in json.dumps(json.loads(draft))
    s.lock()

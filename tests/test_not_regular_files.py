"""A pipe (FIFO), a device or a folder chosen where a file is expected is refused at once.

Opening a FIFO for reading waits for a writer forever: the import, pairing, program and
questionnaire readers must refuse anything that is not a regular file before they read. Every
call runs in a thread with a time limit, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.exchange import audit, card, importer
from app.exchange.errors import FileUnreadable, NotAFile
from tests.conftest import PASSWORD
from tests.exchange_util import dump, workspace

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 10  # seconds; a refusal takes milliseconds


def _within(fifo: Path, fn, *args):
    """Run ``fn(*args)`` in a thread; fail (and release the reader) if it is still waiting after LIMIT."""
    outcome = {}

    def run():
        try:
            outcome["value"] = fn(*args)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(LIMIT)
    if t.is_alive():
        try:  # a writer that goes away at once: the blocked open returns and reads nothing
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        t.join(LIMIT)
        pytest.fail(f"still blocked on the pipe after {LIMIT} s")
    return outcome


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "package.age"
    os.mkfifo(path)
    return path


def test_importing_a_pipe_is_refused_at_once(manager, fifo):
    doc, _pats = workspace(manager)
    before = dump(doc.store, skip_audit=True)
    got = _within(fifo, importer.import_file, doc, fifo)
    assert isinstance(got.get("error"), NotAFile), got
    message = got["error"].message()
    assert "not an ordinary file" in message and "Nothing was changed" in message
    assert got["error"].exit_code == FileUnreadable.exit_code
    assert dump(doc.store, skip_audit=True) == before
    assert audit.entries(doc.store)[-1].detail["reason"] == "not_a_file"


@pytest.mark.parametrize("where", ["folder", "device"])
def test_a_folder_or_device_is_not_a_package(manager, tmp_path, where):
    doc, _pats = workspace(manager)
    path = tmp_path if where == "folder" else Path("/dev/zero")
    if not path.exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(NotAFile):  # /dev/zero used to be read up to the size cap first
        importer.import_file(doc, path)


def test_pairing_with_a_pipe_is_refused_at_once(fifo):
    got = _within(fifo, card.read_card, fifo)
    assert isinstance(got.get("error"), NotAFile), got


def test_the_import_command_does_not_hang(manager, fifo):
    doc, _pats = workspace(manager)
    doc.lock()
    cmd = [sys.executable, "-m", "app", "--data-dir", str(manager.data_dir), "exchange", "import", "Doc", str(fifo),
           "--password-stdin"]
    try:
        r = subprocess.run(cmd, cwd=ROOT, input=PASSWORD + "\n", capture_output=True, text=True, timeout=60,
                           env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(manager.data_dir)})
    except subprocess.TimeoutExpired:
        pytest.fail("the import command blocked on the pipe")
    assert r.returncode == 28 and "not an ordinary file" in r.stderr, r.stderr


def test_program_and_questionnaire_files_that_are_pipes(tmp_path):
    from app.measures import engine
    from app.programs import loader

    folder = tmp_path / "my-program"
    folder.mkdir()
    os.mkfifo(folder / loader.PROGRAM_FILE)
    got = _within(folder / loader.PROGRAM_FILE, loader.load, folder)
    assert isinstance(got.get("error"), loader.ProgramInvalid), got
    assert "not a regular file" in str(got["error"])

    measures = tmp_path / "measures"
    measures.mkdir()
    os.mkfifo(measures / "mine.yaml")
    got = _within(measures / "mine.yaml", engine.load_all, measures)
    found, problems = got["value"]
    assert "phq9" in found and any("mine.yaml: not a regular file" in p for p in problems), problems

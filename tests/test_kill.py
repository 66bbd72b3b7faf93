"""A process killed while saving loses nothing it had committed."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import drafts, journal
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from app.store import db as dbmod
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parent.parent

WRITER = """
import sys
from app.store import db
db.CHECKPOINT_BYTES = int(sys.argv[3])
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from app import drafts, journal
m = ProfileManager(sys.argv[1], TEST_KDF)
s = m.unlock(m.find("Alex"), sys.argv[2])
i = 0
while True:
    i += 1
    drafts.save(s.store, "journal:new", "typing entry %d" % i)
    journal.add(s.store, "entry %d" % i, "body " * 200)
    print(i, flush=True)
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("delay,checkpoint_bytes", [(0.3, None), (0.7, None), (1.1, None), (0.7, 8192)],
                         ids=["0.3s", "0.7s", "1.1s", "0.7s-checkpointing-often"])
def test_sigkill_while_writing_keeps_every_committed_entry(created, delay, checkpoint_bytes):
    """The last case checkpoints after almost every entry, so kills land in checkpoints too."""
    manager, info, _key = created
    checkpoint_bytes = checkpoint_bytes or dbmod.CHECKPOINT_BYTES
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(manager.data_dir), PASSWORD, str(checkpoint_bytes)],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    reported = [int(x) for x in out.split()]
    assert reported, "the writer committed nothing before it was killed"
    s = ProfileManager(manager.data_dir, TEST_KDF).unlock(info, PASSWORD)
    titles = {e.title for e in journal.entries(s.store, limit=100000)}
    assert {f"entry {i}" for i in reported} <= titles
    # The draft is either the text being typed after the last save, or gone
    # because saving an entry clears its draft in the same transaction.
    draft = drafts.load(s.store, "journal:new")
    if draft is not None:
        assert int(draft.split()[-1]) > reported[-1] - 1
        assert f"entry {int(draft.split()[-1]) - 1}" in titles
    else:
        assert max(int(t.split()[1]) for t in titles) >= reported[-1]
    assert s.store.query_one("PRAGMA quick_check")[0] == "ok"
    s.lock()

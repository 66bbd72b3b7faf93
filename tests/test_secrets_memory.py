"""After lock, the data key is not left in the process's memory (Linux: read through /proc/self/mem).

Run in a fresh process: unlock, read, lock, then scan every readable mapping for the raw key and for
the lower-case hex text that ``PRAGMA key`` is given (README: what is and is not protected).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCAN = r'''
import gc, re, sys, tempfile
from pathlib import Path
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager

m = ProfileManager(Path(tempfile.mkdtemp()), TEST_KDF)
s, _rec = m.create("Alex", "a long password 123")
s.lock()
s = m.unlock(m.find("Alex"), "a long password 123")
# The needle is written in upper case, which Hearth never writes; memory is searched case-blind and
# only lower-case finds count. The raw key's needle is one copy made here, counted out below.
upper = "".join("%02X" % b for b in s._data_key).encode()
raw = bytes.fromhex(upper.decode())
s.store.query("SELECT count(*) FROM meta")
s.lock()
s = None
gc.collect()
rx = re.compile(re.escape(upper), re.I)
hex_copies = raw_copies = 0
with open("/proc/self/mem", "rb", 0) as mem:
    for line in open("/proc/self/maps").read().splitlines():
        span, perms = line.split()[:2]
        if "r" not in perms or "[vvar]" in line or "[vsyscall]" in line:
            continue
        lo, hi = (int(x, 16) for x in span.split("-"))
        try:
            mem.seek(lo)
            data = mem.read(hi - lo)
        except (OSError, ValueError, OverflowError):
            continue
        hex_copies += sum(1 for f in rx.finditer(data) if f.group(0) != upper)
        raw_copies += data.count(raw)
print(hex_copies, raw_copies - 1)
'''


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mem")
def test_the_data_key_is_gone_from_memory_after_lock():
    r = subprocess.run([sys.executable, "-c", SCAN], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    hex_copies, raw_copies = (int(x) for x in r.stdout.split())
    assert (hex_copies, raw_copies) == (0, 0)

"""Unlock: Enter pressed -> Home painted, against the Argon2id key derivation it must include (issue 15's goal:
at most Argon2id + 150 ms, also with years of data).

Each round is a fresh process (offscreen): a profile with ``--days`` of demo data and the real key-derivation
parameters is created once; the process shows the unlock page, then times

  kdf      the password's Argon2id unwrap alone (``KeyFile.unwrap_with_password``), the floor;
  opened   ``ProfileManager.unlock`` (Argon2id, opening the store) plus the window building and painting Home.

and prints ``opened - kdf``, the part the app adds. Median of ``--runs`` rounds after one warm-up.

    .venv/bin/python bench/unlock.py [--days 365] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
PASSWORD = "correct horse battery"

MAKE = """\
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from app import demo
from app.profiles import ProfileManager
s, _ = ProfileManager(Path({data!r})).create("Robin", {password!r})
demo.fill(s.store, days={days})
s.lock()
"""

ROUND = """\
import json, sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from ui.qt_setup import make_app
app = make_app()
from PySide6.QtCore import QEvent, QObject
from app.profiles import ProfileManager
from app.profiles.manager import KEYFILE
from ui.context import AppContext
from ui.main_window import MainWindow
data = Path({data!r})
manager = ProfileManager(data)
ctx = AppContext(data, manager); ctx.apply_device_settings()
win = MainWindow(ctx); win.show()
for _ in range(50): app.processEvents()
profile = manager.find("Robin")
kf = manager._read_keyfile(profile.folder)
t = time.perf_counter(); kf.unwrap_with_password({password!r}); kdf = time.perf_counter() - t
painted = []
class Paint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(time.perf_counter())
        return False
watch = Paint()
t0 = time.perf_counter()
session = manager.unlock(profile, {password!r})
win._session_opened(session)
win.shell.pages["home"].installEventFilter(watch)
while not painted:
    app.processEvents()
print(json.dumps({{"kdf": kdf * 1000, "opened": (painted[0] - t0) * 1000}}))
win.lock()
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = str(Path(tmp) / "data")
        subprocess.run([sys.executable, "-c", MAKE.format(root=str(ROOT), data=data, password=PASSWORD,
                                                          days=args.days)], check=True, env=ENV)
        code = ROUND.format(root=str(ROOT), data=data, password=PASSWORD)
        rounds = []
        for i in range(args.runs + 1):
            out = subprocess.run([sys.executable, "-c", code], check=True, env=ENV, capture_output=True, text=True)
            if i:  # the first round warms the disk cache
                rounds.append(json.loads(out.stdout.strip().splitlines()[-1]))
    kdf = statistics.median(r["kdf"] for r in rounds)
    opened = statistics.median(r["opened"] for r in rounds)
    added = statistics.median(r["opened"] - r["kdf"] for r in rounds)
    print(f"Unlock, {args.days} days of demo data, {args.runs} fresh processes ({platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()})")
    print("| unlock | median |\n|---|---:|")
    print(f"| Argon2id unwrap alone (the floor) | {kdf:.0f} ms |")
    print(f"| Enter -> Home painted (Argon2id, store opened, pages built, Home painted) | {opened:.0f} ms |")
    print(f"| what the app adds to Argon2id (goal: <= 150 ms) | {added:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Opening each page of a profile with years of entries (issue 15: "no GUI-thread block over 100 ms at 100k").

A fresh process (offscreen) unlocks the profile made by bench/big_profile.py through the unlock page (password
typed, Enter), then opens every section of the sidebar in turn, the first time each is shown (built and
filled), and prints for each:

  painted    Enter / the sidebar click -> the page's first paint;
  longest    the longest time the GUI thread handled no events (a 1 ms timer's longest gap) from that moment
             until the page has settled (its workers' results shown; the Progress page's charts all drawn).

The same is run on a small profile (a year of demo data) for comparison: costs that grow with the entries show
as the difference.

    .venv/bin/python bench/big_profile.py /tmp/big          # once (a few minutes)
    .venv/bin/python bench/pages.py /tmp/big [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

ROUND = """\
import json, sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from pathlib import Path
from ui.qt_setup import make_app
app = make_app()
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from app.profiles import ProfileManager
from ui.context import AppContext
from ui.main_window import MainWindow
from exchange import Heartbeat
import big_profile
data = Path({data!r})
manager = ProfileManager(data, check_later=True)  # as the window's (ui/launch.py)
ctx = AppContext(data, manager); ctx.apply_device_settings()
win = MainWindow(ctx); win.resize(1280, 800); win.show()
for _ in range(50): app.processEvents()
page = win.unlock_page
QTest.keyClicks(page.password.edit, big_profile.PASSWORD)
end = time.perf_counter() + 1.0
while time.perf_counter() < end: app.processEvents()
beat = Heartbeat(app)
painted = []
watched = []
class Paint(QObject):  # the first paint of the page or of anything on it (a page covered by its children
    def eventFilter(self, obj, event):  # gets none itself)
        if (event.type() == QEvent.Type.Paint and not painted and watched and obj.isWidgetType()
                and (obj is watched[0] or watched[0].isAncestorOf(obj))):
            painted.append(time.perf_counter())
        return False
watch = Paint()
app.installEventFilter(watch)
def watch_page(widget):
    painted.clear(); watched[:] = [widget]
def shown(_index):
    pages = getattr(win.stack.currentWidget(), "pages", {{}})
    if "home" in pages:
        watch_page(pages["home"])
win.stack.currentChanged.connect(shown)
out = {{}}
def settled(predicate=lambda: True, at_least=1.0):
    start = time.perf_counter()
    return lambda: bool(painted) and predicate() and time.perf_counter() - start > at_least
t0 = time.perf_counter()
gap = beat.measure(lambda: QTest.keyClick(page.password.edit, Qt.Key.Key_Return), settled())
out["unlock"] = ((painted[0] - t0) * 1000, gap * 1000)
shell = win.shell
for key, _label in shell.SECTIONS[1:]:
    t0 = time.perf_counter()
    def go():
        shell.go(key)
        watch_page(shell.pages[key])
    progress = lambda: key != "progress" or shell.pages["progress"].all_drawn
    gap = beat.measure(go, settled(progress))
    out[key] = ((painted[0] - t0) * 1000 if painted else None, gap * 1000)
print(json.dumps(out))
win.lock()
"""

SMALL = """\
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from app import demo
from app.profiles import ProfileManager
sys.path.insert(0, {bench!r})
import big_profile
s, _ = ProfileManager(Path({data!r})).create(big_profile.NAME, big_profile.PASSWORD)
demo.fill(s.store, days=365)
s.lock()
"""


def rounds(data: Path, runs: int) -> list[dict]:
    found = []
    for i in range(runs + 1):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "data"
            shutil.copytree(data, copy)
            code = ROUND.format(root=str(ROOT), bench=str(ROOT / "bench"), data=str(copy))
            out = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True)
            if out.returncode:
                raise SystemExit(f"the round failed:\n{out.stderr[-3000:]}")
            if i:  # the first round warms the disk cache
                found.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("big", type=Path, help="a data folder made by bench/big_profile.py")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small"
        subprocess.run([sys.executable, "-c", SMALL.format(root=str(ROOT), bench=str(ROOT / "bench"),
                                                           data=str(small))], check=True, env=ENV)
        results = {"a year of demo data": rounds(small, args.runs), "big profile": rounds(args.big, args.runs)}
    print(f"Opening each page the first time, median of {args.runs} fresh processes ({platform.machine()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()})")
    keys = list(results["big profile"][0])
    print("| page | " + " | ".join(f"{name}: painted / longest block" for name in results) + " |")
    print("|---|" + "---:|" * len(results))
    for key in keys:
        cells = []
        for found in results.values():
            shown = [r[key][0] for r in found if r[key][0] is not None]
            block = statistics.median(r[key][1] for r in found)
            cells.append(f"{statistics.median(shown):.0f} / {block:.0f} ms" if shown else f"- / {block:.0f} ms")
        print(f"| {key} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

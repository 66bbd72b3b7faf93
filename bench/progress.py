"""Progress page benchmark on a long history.

A profile with five years of daily check-ins (about 85% of days) and weekly PHQ-9
and GAD-7 results, plus two weeks of activity diary, is opened in the real window
(offscreen). Each round starts a fresh process and measures:

  page shown   from choosing Progress to the page painted with its cards (charts still drawing)
  first paint  from choosing Progress to every chart drawn (includes importing matplotlib,
               which happens here, off the GUI thread, and never at start-up)
  repaint      after one new check-in is saved on Home, from choosing Progress again to the
               mood chart re-drawn (the other charts come from the in-memory cache)
  revisit      choosing Progress again with nothing changed (all from the cache)

Prints a Markdown table (median, min, max in ms) and writes bench/results/progress.json.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "progress.json"
PASSWORD = "bench password"

ROUND = r"""
import json, sys, time, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.qt_setup import make_app

data = Path(sys.argv[1])
app = make_app()
manager = ProfileManager(data, TEST_KDF)
ctx = AppContext(data, manager)
ctx.apply_device_settings()
win = MainWindow(ctx)
win.resize(1100, 740)
win.show()
win._session_opened(manager.unlock(manager.find("Bench"), sys.argv[2]))
app.processEvents()
page = win.shell.pages["progress"]

def wait(pred, limit=120):
    end = time.perf_counter() + limit
    while not pred():
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() > end:
            raise SystemExit("timed out")

def timed(pred):
    t = time.perf_counter()
    win.shell.go("progress")
    app.processEvents()
    shown = time.perf_counter() - t
    wait(pred)
    return shown, time.perf_counter() - t

shown, first = timed(lambda: page.cards and page.all_drawn)
win.shell.go("home")
_, revisit = timed(lambda: page.all_drawn)
win.shell.go("home")
home = win.shell.pages["home"].checkin
home.scale.choose(7 if home.scale.value() != 7 else 6)
home.save()
_, repaint = timed(lambda: page.all_drawn)
print(json.dumps({"page shown": shown, "first paint": first, "repaint": repaint, "revisit": revisit,
                  "charts": len(page.cards)}))
"""


def seed(data: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from datetime import datetime, timezone

    from app import demo
    from app.crypto.keyfile import TEST_KDF
    from app.profiles import ProfileManager

    manager = ProfileManager(data, TEST_KDF)
    session, _key = manager.create("Bench", PASSWORD)
    now = datetime.now(timezone.utc)
    demo.history(session.store, days=5 * 365, now=now)
    demo._activity_diary(session.store, now, __import__("random").Random(1))
    counts = {t: session.store.query_one(f"SELECT count(*) FROM {t}")[0]
              for t in ("checkins", "measure_results", "exercise_entries")}
    session.lock()
    return counts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as tmp:
        data = Path(tmp) / "data"
        t = time.perf_counter()
        counts = seed(data)
        print(f"seeded {counts} in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        samples: dict[str, list[float]] = {}
        for _ in range(args.runs):
            r = subprocess.run([sys.executable, "-c", ROUND, str(data), PASSWORD], cwd=ROOT, env=env,
                               capture_output=True, text=True, timeout=300)
            if r.returncode != 0:
                print(r.stderr, file=sys.stderr)
                return 1
            for k, v in json.loads(r.stdout.strip().splitlines()[-1]).items():
                samples.setdefault(k, []).append(v)
    charts = int(samples.pop("charts")[0])
    print(f"| Progress page, {charts} charts, 5 years of data ({args.runs} runs) | median | min | max |")
    print("|---|---:|---:|---:|")
    for k, v in samples.items():
        print(f"| {k} | {statistics.median(v) * 1000:.0f} ms | {min(v) * 1000:.0f} ms | {max(v) * 1000:.0f} ms |")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": f"{platform.machine()} {os.cpu_count()} cores, Python "
                                              f"{platform.python_version()}", "rows": counts,
                                   "ms": {k: [round(x * 1000, 1) for x in v] for k, v in samples.items()}},
                                  indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

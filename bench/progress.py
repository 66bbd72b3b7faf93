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

and, in the same number of fresh processes, alternating with Hearth's, the baseline (issue 15): the same
charts in bare matplotlib. Hearth's own code writes the charts' data once as plain numbers (EXPORT); the
baseline process holds nothing of Hearth (PySide6, matplotlib and json only). Timed there: importing
matplotlib, one figure per chart with the same marks (severity bands and a line with markers for a
questionnaire; dots and a weekly line for mood; horizontal bars for activities; paired bars for homework), at
the size Hearth drew (its card width, CHART_HEIGHT), with matplotlib's default style and constrained layout (so
labels fit, as Hearth's must), rendered with Agg on the GUI thread one after another and shown as pixmaps in a
window; until all are painted. The ratio is Hearth's median first paint over the baseline's median. Hearth's
round waits in Qt's event loop, as the app does (a polling loop would take Python's lock from the drawing
thread a thousand times a second).

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

# A fresh process with Hearth's window on the profile in argv[1], unlocked with argv[2] (bench/memory.py too).
OPEN_WINDOW = r"""
import json, sys, time, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
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
"""

ROUND = OPEN_WINDOW + r"""
app.processEvents()
page = win.shell.pages["progress"]

def wait(pred, limit=120):
    # In Qt's event loop, as the app waits: a loop of processEvents() and short sleeps took Python's interpreter
    # lock a thousand times a second from the thread drawing the charts, and made the page look slower than it is.
    from PySide6.QtCore import QEventLoop, QTimer
    if pred():
        return
    end = time.perf_counter() + limit
    loop = QEventLoop()
    poll = QTimer(interval=10)
    def check():
        if pred() or time.perf_counter() > end:
            loop.quit()
    poll.timeout.connect(check)
    poll.start()
    loop.exec()
    poll.stop()
    if not pred():
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
                  "charts": len(page.cards), "width": next(iter(page.cards.values()))._chart_width()}))
"""

# The charts' data as plain numbers (matplotlib's day numbers: days since 1970-01-01), written once by Hearth's
# own code so that the baseline process needs nothing of Hearth: PySide6, matplotlib and json only.
EXPORT = r"""
import json, sys, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import date, datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from PySide6.QtWidgets import QApplication
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from ui.charts.card import CHART_HEIGHT
from ui.charts.draw import band_edges
from ui.context import AppContext
from ui.pages.progress import ProgressPage

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

def day(d):
    if isinstance(d, datetime):
        return (d.astimezone(timezone.utc) - EPOCH).total_seconds() / 86400
    return float(d.toordinal() - date(1970, 1, 1).toordinal())

data = Path(sys.argv[1])
app = QApplication([])
manager = ProfileManager(data, TEST_KDF)
ctx = AppContext(data, manager)
session = manager.unlock(manager.find("Bench"), sys.argv[2])
ctx.session = session
charts = []
for spec in ProgressPage._wanted(SimpleNamespace(ctx=ctx), session.store):
    value = spec.fetch(session.store)
    if spec.key.startswith("measure:"):
        charts.append({"kind": "measure", "bands": [[lo, hi] for _b, lo, hi in band_edges(value.measure)],
                       "x": [day(p.taken_at) for p in value.points], "y": [p.total for p in value.points]})
    elif spec.key == "mood":
        charts.append({"kind": "mood", "dx": [day(d) for d, _m in value.daily], "dy": [m for _d, m in value.daily],
                       "wx": [day(w) + 3 for w, _a in value.weekly], "wy": [a for _w, a in value.weekly]})
    elif spec.key == "activities":
        rows, overall = value
        charts.append({"kind": "activities", "names": [r.activity for r in rows],
                       "values": [r.mean_mood for r in rows], "overall": overall})
    elif spec.key == "homework":
        charts.append({"kind": "homework", "x": [day(w.monday) + 3 for w in value],
                       "h": [w.homework for w in value], "e": [w.exercises for w in value]})
    else:
        raise SystemExit(f"no baseline for chart {spec.key}")
session.lock()
Path(sys.argv[3]).write_text(json.dumps({"height": CHART_HEIGHT, "charts": charts}))
"""

# The baseline: a bare PySide6 window and matplotlib, nothing of Hearth's.
BASELINE = r"""
import json, sys, time, os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

exported, width = json.load(open(sys.argv[1])), int(sys.argv[2])
height, charts = exported["height"], exported["charts"]
app = QApplication([])
window = QScrollArea()
body = QWidget()
lay = QVBoxLayout(body)
labels = [QLabel() for _ in charts]
for label in labels:
    lay.addWidget(label)
window.setWidget(body)
window.setWidgetResizable(True)
window.resize(1100, 740)
window.show()
app.processEvents()

t = time.perf_counter()
import matplotlib
matplotlib.use("Agg")
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

for chart, label in zip(charts, labels):
    fig = Figure(figsize=(width / 96, height / 96), dpi=96, layout="constrained")
    ax = fig.add_subplot()
    kind = chart["kind"]
    if kind == "measure":
        for low, high in chart["bands"]:
            ax.axhspan(low, high, alpha=0.2)
        ax.plot(chart["x"], chart["y"], marker="o")
        ax.xaxis_date()
    elif kind == "mood":
        ax.scatter(chart["dx"], chart["dy"], s=9)
        ax.plot(chart["wx"], chart["wy"])
        ax.xaxis_date()
    elif kind == "activities":
        ax.barh(range(len(chart["names"])), chart["values"])
        ax.set_yticks(range(len(chart["names"])), chart["names"])
        if chart["overall"] is not None:
            ax.axvline(chart["overall"], linestyle="--")
    else:
        ax.bar([x - 1.4 for x in chart["x"]], chart["h"], width=2.6)
        ax.bar([x + 1.4 for x in chart["x"]], chart["e"], width=2.6)
        ax.xaxis_date()
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    w, h = canvas.get_width_height()
    image = QImage(bytes(canvas.buffer_rgba()), w, h, QImage.Format.Format_RGBA8888)
    label.setPixmap(QPixmap.fromImage(image))
app.processEvents()  # lays the labels out at their pictures' size
body.repaint()  # paints now, every picture
print(json.dumps({"baseline": time.perf_counter() - t, "charts": len(charts)}))
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


def export_charts(data: Path, out: Path, env: dict) -> Path:
    """Write the Progress page's charts as plain numbers for the baseline (EXPORT); returns ``out``."""
    r = subprocess.run([sys.executable, "-c", EXPORT, str(data), PASSWORD, str(out)], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit(r.stderr)
    return out


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
        exported = export_charts(data, Path(tmp) / "charts.json", env)
        samples: dict[str, list[float]] = {}
        for _ in range(args.runs):  # Hearth, then the baseline at the width Hearth drew, alternating
            width = str(int(samples.get("width", [800])[-1]))
            for script, args_ in ((ROUND, (str(data), PASSWORD)), (BASELINE, (str(exported), width))):
                r = subprocess.run([sys.executable, "-c", script, *args_], cwd=ROOT, env=env,
                                   capture_output=True, text=True, timeout=300)
                if r.returncode != 0:
                    print(r.stderr, file=sys.stderr)
                    return 1
                for k, v in json.loads(r.stdout.strip().splitlines()[-1]).items():
                    samples.setdefault(k if k != "charts" or script is ROUND else "baseline charts", []).append(v)
    charts = int(samples.pop("charts")[0])
    if int(samples.pop("baseline charts")[0]) != charts:
        raise SystemExit("the baseline drew a different number of charts")
    width = int(samples.pop("width")[-1])
    print(f"| Progress page, {charts} charts ({width} px wide), 5 years of data ({args.runs} runs) | median | min | max |")
    print("|---|---:|---:|---:|")
    labels = {"baseline": "baseline: the same charts in bare matplotlib (import, draw, show)"}
    for k, v in samples.items():
        print(f"| {labels.get(k, k)} | {statistics.median(v) * 1000:.0f} ms | {min(v) * 1000:.0f} ms | "
              f"{max(v) * 1000:.0f} ms |")
    ratio = statistics.median(samples["first paint"]) / statistics.median(samples["baseline"])
    print(f"\nfirst paint of every chart / baseline: {ratio:.2f}\u00d7 (goal \u2264 1.3\u00d7)")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": f"{platform.machine()} {os.cpu_count()} cores, Python "
                                              f"{platform.python_version()}", "rows": counts,
                                   "ratio_first_paint_to_baseline": round(ratio, 2),
                                   "ms": {k: [round(x * 1000, 1) for x in v] for k, v in samples.items()}},
                                  indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

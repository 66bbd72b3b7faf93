"""Startup benchmark: wall-clock time from process launch to exit.

Measures three variants, each started as a fresh subprocess with
QT_QPA_PLATFORM=offscreen and exiting right after the first paint:

  bare     a minimal PySide6 window (QMainWindow + QLabel), the floor for any Qt app
  unlock   ``python -m app --data-dir D --quit-after-first-paint`` with one profile
  welcome  the same with an empty data dir

After 2 warm-up rounds, the variants run alternately N times (``--runs``).
Prints a Markdown table (median, min, p90 in ms and median ratio to bare),
writes bench/results/startup.json, then runs the unlock variant once under
``-X importtime`` and lists the slowest cumulative imports before first paint.
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
RESULTS = ROOT / "bench" / "results" / "startup.json"
WATCHED = ["babel", "matplotlib", "jinja2", "yaml", "jsonschema", "cryptography"]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

BARE = """\
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class QuitOnPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

app = QApplication(sys.argv)
win = QMainWindow()
win.setCentralWidget(QLabel("Hello"))
app.installEventFilter(flt := QuitOnPaint())
win.show()
sys.exit(app.exec())
"""


def run(cmd: list[str], stdin: str | None = None) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=ENV, input=stdin, capture_output=True, text=True)
    elapsed = (time.perf_counter() - t0) * 1000
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr}")
    return elapsed, proc


def import_report(cmd: list[str]) -> None:
    """Parse ``-X importtime`` stderr: 'import time: self [us] | cumulative | <indent>name'.

    Lines come children-first; indentation gives nesting. A package's cost is the sum
    of its entries not nested under another entry of the same package.
    """
    _, proc = run([cmd[0], "-X", "importtime", *cmd[1:]])
    entries = []  # (depth, name, cumulative_us)
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "cumulative" not in line:
            _, cum, raw = line[len("import time:"):].split("|")
            name = raw.strip()
            entries.append(((len(raw) - len(raw.lstrip()) - 1) // 2, name, int(cum)))
    ranked = sorted(entries, key=lambda e: -e[2])[:15]
    print("\n### Slowest cumulative imports (unlock page, one run)\n")
    print("| Module | Cumulative ms |\n|---|---:|")
    for _, name, us in ranked:
        print(f"| `{name}` | {us / 1000:.1f} |")

    cost = {pkg: 0 for pkg in WATCHED}
    via: dict[str, list[str]] = {pkg: [] for pkg in WATCHED}
    stack: list[tuple[int, str]] = []  # ancestors, walking the output in reverse (parents first)
    for depth, name, us in reversed(entries):
        while stack and stack[-1][0] >= depth:
            stack.pop()
        pkg = name.split(".")[0]
        if pkg in cost and not any(a.split(".")[0] == pkg for _, a in stack):
            cost[pkg] += us
            parent = stack[-1][1] if stack else "(a function at run time)"
            if parent not in via[pkg]:
                via[pkg].append(parent)
        stack.append((depth, name))
    print("\n### Heavy packages imported before first paint\n")
    print("| Package | Imported | Cumulative ms | Imported by |\n|---|---|---:|---|")
    for pkg in WATCHED:
        ms = f"yes | {cost[pkg] / 1000:.1f}" if via[pkg] else "no | –"
        print(f"| `{pkg}` | {ms} | {', '.join(f'`{v}`' for v in via[pkg])} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15, help="measured runs per variant (default 15)")
    args = ap.parse_args()
    py = sys.executable

    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "bare_window.py").write_text(BARE)
        (profile_dir := tmp / "profile").mkdir()
        (empty_dir := tmp / "empty").mkdir()
        run([py, "-m", "app", "--data-dir", str(profile_dir), "profile", "create", "Bench", "--password-stdin"],
            stdin="bench-password-123\n")
        variants = {
            "bare": [py, str(tmp / "bare_window.py")],
            "unlock": [py, "-m", "app", "--data-dir", str(profile_dir), "--quit-after-first-paint"],
            "welcome": [py, "-m", "app", "--data-dir", str(empty_dir), "--quit-after-first-paint"],
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for i in range(2 + args.runs):
            for name, cmd in variants.items():
                elapsed, _ = run(cmd)
                if i >= 2:
                    times[name].append(elapsed)

        base = statistics.median(times["bare"])
        results = {
            name: {"median_ms": statistics.median(xs), "min_ms": min(xs),
                   "p90_ms": statistics.quantiles(xs, n=10, method="inclusive")[-1],
                   "ratio_to_bare": statistics.median(xs) / base, "runs_ms": xs}
            for name, xs in times.items()
        }
        labels = {"bare": "Bare PySide6 window", "unlock": "Hearth, unlock page", "welcome": "Hearth, welcome page"}
        print(f"Startup to first paint and exit, {args.runs} runs each (offscreen)\n")
        print("| Variant | Median ms | Min ms | p90 ms | × bare |\n|---|---:|---:|---:|---:|")
        for name, r in results.items():
            print(f"| {labels[name]} | {r['median_ms']:.0f} | {r['min_ms']:.0f} | {r['p90_ms']:.0f} "
                  f"| {r['ratio_to_bare']:.2f} |")

        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps({
            "runs": args.runs, "warmup": 2, "python": platform.python_version(),
            "machine": platform.machine(), "nproc": os.cpu_count(), "results": results,
        }, indent=2) + "\n")
        print(f"\nJSON: {RESULTS.relative_to(ROOT)}")

        import_report(variants["unlock"])


if __name__ == "__main__":
    main()

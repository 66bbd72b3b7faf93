"""Peak memory of the demo after every page, against PySide6 + matplotlib drawing the same charts (issue 15).

A profile filled as ``--demo`` fills it (a hundred days of check-ins, questionnaires, exercises, the Low mood
program) is opened in a fresh process (offscreen), and every page of the patient's window is shown in turn,
Progress last, until all its charts are drawn; the process's peak resident memory (``ru_maxrss``) is read then.
The baseline is a fresh process holding nothing of Hearth that draws the same charts (their data written once
as plain numbers by Hearth's code) in bare matplotlib in a PySide6 window (``bench/progress.py``'s baseline). Rounds alternate; prints the medians
and their ratio and writes bench/results/memory.json.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from progress import BASELINE, OPEN_WINDOW, export_charts  # noqa: E402 - the sibling benchmark's scripts
RESULTS = ROOT / "bench" / "results" / "memory.json"
PASSWORD = "bench password"

PEAK = "\nimport resource\nprint(json.dumps({'peak_kib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))\n"

HEARTH = OPEN_WINDOW + r"""
from ui.pages.shell import SECTIONS

def settle(pred=lambda: True, limit=120):
    end = time.perf_counter() + limit
    while not pred() or time.perf_counter() < end - limit + 0.3:
        app.processEvents()
        time.sleep(0.002)
        if time.perf_counter() > end:
            raise SystemExit("timed out")

for key, _label in SECTIONS:
    if key != "progress":
        win.shell.go(key)
        settle()
page = win.shell.pages["progress"]
win.shell.go("progress")
settle(lambda: page.cards and page.all_drawn)
print(json.dumps({"charts": len(page.cards)}))
"""


def seed(data: Path) -> None:
    from app import demo
    from app.crypto.keyfile import TEST_KDF
    from app.profiles import ProfileManager

    session, _key = ProfileManager(data, TEST_KDF).create("Bench", PASSWORD)
    demo.fill(session.store)
    session.lock()


def main() -> int:

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    peaks: dict[str, list[int]] = {"hearth": [], "baseline": []}
    charts: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as tmp:
        data = Path(tmp) / "data"
        seed(data)
        exported = export_charts(data, Path(tmp) / "charts.json", env)
        for _ in range(args.runs):
            for name, script, args_ in (("hearth", HEARTH, (str(data), PASSWORD)),
                                        ("baseline", BASELINE, (str(exported), "740"))):
                r = subprocess.run([sys.executable, "-c", script + PEAK, *args_], cwd=ROOT,
                                   env=env, capture_output=True, text=True, timeout=300)
                if r.returncode != 0:
                    print(r.stderr, file=sys.stderr)
                    return 1
                lines = [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]
                charts[name] = next(line["charts"] for line in lines if "charts" in line)
                peaks[name].append(next(line["peak_kib"] for line in lines if "peak_kib" in line))
    if charts["hearth"] != charts["baseline"]:
        raise SystemExit(f"different charts: {charts}")
    med = {k: statistics.median(v) / 1024 for k, v in peaks.items()}
    print(f"| peak memory, {args.runs} fresh processes each | median | min | max |")
    print("|---|---:|---:|---:|")
    names = {"hearth": f"Hearth, demo profile, every page shown ({charts['hearth']} charts drawn)",
             "baseline": f"baseline: PySide6 window + bare matplotlib drawing the same {charts['baseline']} charts"}
    for k, v in peaks.items():
        print(f"| {names[k]} | {med[k]:.0f} MiB | {min(v) / 1024:.0f} MiB | {max(v) / 1024:.0f} MiB |")
    ratio = med["hearth"] / med["baseline"]
    print(f"\nHearth / baseline: {ratio:.2f}\u00d7 (goal \u2264 1.3\u00d7)")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": f"{platform.machine()} {os.cpu_count()} cores, Python "
                                              f"{platform.python_version()}", "ratio": round(ratio, 2),
                                   "peak_kib": peaks}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

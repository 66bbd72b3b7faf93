"""Opening patients one after another in a 100-patient workspace: the longest time the GUI thread handled no
events while each patient's page was built (its records read in a worker, its charts and cards added a few at
a time). Compare commits by running this alternately on each, on the same clinic folder: this VM's speed
changes during a day.

    .venv/bin/python bench/make_clinic.py DIR          # once (about a minute)
    .venv/bin/python bench/open_patients.py DIR [--opens 12]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from exchange import Heartbeat, clinic_window, opened  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("clinic", type=Path, help="a data folder made by bench/make_clinic.py")
    ap.add_argument("--opens", type=int, default=12)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(args.clinic, data)
        app, win, session = clinic_window(data)
        beat = Heartbeat(app)
        page = None

        def listed() -> bool:
            return not getattr(win.shell.pages["patients"], "loading", False)

        beat.measure(lambda: win._session_opened(session), listed)
        page = win.shell.pages["patients"]
        settle = time.perf_counter() + 6  # a person reads the list first; matplotlib loads meanwhile
        while time.perf_counter() < settle:
            app.processEvents()
            time.sleep(0.01)
        gaps = []
        for row in range(min(args.opens, len(page.rows))):
            gaps.append(beat.measure(lambda: page.open_patient_at(row), lambda: opened(page.patient)))
            page.show_list()
            for _ in range(5):
                app.processEvents()
        win.lock()
        app.processEvents()
    ms = sorted(round(g * 1000) for g in gaps)
    print(f"opening {len(ms)} patients in turn, longest GUI-thread gap each (ms, sorted): {ms}")
    print(f"median {statistics.median(ms):.0f} ms, worst {max(ms)} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

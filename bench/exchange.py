"""The clinician workspace at 100 patients, and a patient's export of five years (issue 11).

  imports     a workspace paired with 100 patients (``bench/make_clinic.py``: a year of data each,
              every file made by the real export) imports the 100 files after unlock; total time,
              one file at a time and by a scan of the sync folder that holds them
  export      a five-year patient profile (weekly PHQ-9 and GAD-7, daily check-ins, entries) writes
              its progress file (``export.export_to``: read, check, sign, encrypt, write, record)
              against the plain baseline in the same run: ``json.dumps`` of the same records and
              age encryption of that text; ratio of the medians. A second baseline adds what the
              product must do too: reading those records from the store and writing the file durably
  GUI thread  in the real window (offscreen Qt), the longest time the GUI thread is busy without
              handling events (a 1 ms heartbeat timer, the longest gap between its ticks) while the
              workspace opens, the patient list refreshes, a patient opens, a report is saved as PDF,
              and a feedback file is sent; also how often the patient list was computed
  store       the five-year profile's ``profile.db`` (with its -wal) before and after 20 exports
              that the clinician never acknowledges

Prints a Markdown table; ``--json FILE`` also writes the numbers. The 100 patients are generated
once per run (about a minute per 100 on a 2-core VM) and copied for each round.

    .venv/bin/python bench/exchange.py [--patients N] [--rounds N] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import make_clinic  # noqa: E402

MIB = 1024 * 1024
OPENS = 12  # patients opened one after another for the figure "opening a patient"


def bench_imports(clinic, work: Path, rounds: int) -> tuple[dict[str, list[float]], Path]:
    """Seconds to import every package after unlock, per round, two ways: ``files`` one file at a time
    (opening files by hand, ``python -m app exchange import``), ``sync`` a scan of the sync folder holding
    them (a few files per commit). Returns the last round's data folder."""
    from app.exchange import syncfolder
    from app.profiles import ProfileManager

    folder = clinic.packages[0].parent
    times: dict[str, list[float]] = {"files": [], "sync": []}
    for n in range(rounds):
        for way in ("files", "sync"):
            data = work / f"round-{n}-{way}"
            shutil.copytree(clinic.data_dir, data)
            manager = ProfileManager(data)
            doc = manager.unlock(manager.find(make_clinic.CLINICIAN), make_clinic.PASSWORD)
            t = time.perf_counter()
            if way == "files":
                make_clinic.import_all(doc, clinic.packages)
            else:
                found = syncfolder.scan(doc, folder)
                if len(found.imported) != len(clinic.packages):
                    raise SystemExit(f"the sync folder scan imported {len(found.imported)} files")
            times[way].append(time.perf_counter() - t)
            doc.lock()
            if n < rounds - 1 or way == "files":
                shutil.rmtree(data)
    return times, data


def _db_bytes(session) -> int:
    path = Path(session.store.path)
    wal = path.with_name(path.name + "-wal")
    return path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)


def bench_export(work: Path, rounds: int) -> dict:
    """A five-year patient's export against json.dumps + age encryption of the same records; then the
    store after 20 unacknowledged exports."""
    import pyrage

    from app import fsutil
    from app.crypto.keyfile import TEST_KDF
    from app.exchange import card, collect, contacts, export
    from app.profiles import ProfileManager

    manager = ProfileManager(work / "five-years", TEST_KDF)
    doc, _ = manager.create("Doc", make_clinic.PASSWORD, kind="clinician")
    pat, _ = manager.create("Pat", make_clinic.PASSWORD)
    make_clinic.fast_commits(pat)
    card.pair(pat, card.parse_card(card.make_card(doc)), confirmed=True)
    card.pair(doc, card.parse_card(card.make_card(pat)), confirmed=True)
    make_clinic.fill(pat, random.Random(7), 7, date.today() - timedelta(weeks=5 * 52), weeks=5 * 52)
    pat.store._conn.execute("PRAGMA synchronous = FULL")  # exports are measured as the app runs them
    pat.store._checkpoint()
    to_doc = contacts.find(pat.store, "Doc")
    size_before = _db_bytes(pat)
    payload = collect.preview(pat, to_doc).payload()
    records = sum(len(v) for v in payload.values() if isinstance(v, list))
    recipient = [pyrage.x25519.Recipient.from_str(to_doc.age_recipient)]
    baseline, durable, exports = [], [], []
    for n in range(max(rounds, 20)):
        t = time.perf_counter()
        pyrage.encrypt(json.dumps(payload).encode("utf-8"), recipient)
        baseline.append(time.perf_counter() - t)
        # the fairer baseline: what any export must do too; the same records read from the store (the same
        # queries), json.dumps, age, and the file written durably (temp file, fsync, rename, fsync the folder)
        t = time.perf_counter()
        sections = {s: collect._READERS[s](pat.store, to_doc.id) for s in collect.SECTIONS}
        fsutil.atomic_write_bytes(work / f"plain-{n}.age",
                                  pyrage.encrypt(json.dumps(sections).encode("utf-8"), recipient))
        durable.append(time.perf_counter() - t)
        (work / f"plain-{n}.age").unlink()
        t = time.perf_counter()
        done = export.export_to(pat, to_doc, work / f"export-{n}.age")
        exports.append(time.perf_counter() - t)
        (work / f"export-{n}.age").unlink()
    pat.store._checkpoint()
    size_after = _db_bytes(pat)
    out = {"records": records, "file_bytes": len(done.data), "exports": len(exports),
           "export_s": statistics.median(exports), "baseline_s": statistics.median(baseline),
           "durable_baseline_s": statistics.median(durable),
           "db_before": size_before, "db_after_20": size_after}
    pat.lock()
    doc.lock()
    return out


def opened(patient) -> bool:
    """A patient's page is whole: every card is there and every chart drawn (the drawing is part of opening)."""
    return not patient.loading and all(c.drawn for c in patient.charts)


class Heartbeat:
    """The longest gap between ticks of a 1 ms timer: how long the GUI thread handled no events."""

    def __init__(self, app):
        from PySide6.QtCore import QTimer

        self.app = app
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def measure(self, start, done=lambda: True, limit: float = 120.0) -> float:
        """The longest gap from ``start()`` until ``done()``, waiting in a Qt event loop as the app does (a loop of
        ``processEvents`` never deleted the widgets a page let go of with ``deleteLater``: they piled up and
        were all deleted in the next nested loop, the one of sending a file, 130 cards in one pause)."""
        from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

        self.app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the app's loop did meanwhile
        self.ticks = []
        self.timer.start()
        self.ticks.append(time.perf_counter())
        start()
        end = time.perf_counter() + limit
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(1)
        poll.timeout.connect(lambda: loop.quit() if done() or time.perf_counter() > end else None)
        poll.start()
        if not done():
            loop.exec()
        poll.stop()
        if not done():
            raise SystemExit("timed out")
        QTimer.singleShot(3, loop.quit)  # the last paints and deletions
        loop.exec()
        self.ticks.append(time.perf_counter())
        self.timer.stop()
        ticks = sorted(self.ticks)
        return max(b - a for a, b in zip(ticks, ticks[1:]))


def clinic_window(data: Path):
    """(app, window, the clinician's unlocked session) for a clinic made by make_clinic.py, the window shown
    on its unlock page; the session is opened in the window by the caller (that is what is timed)."""
    from app.profiles import ProfileManager
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.qt_setup import make_app

    app = make_app()
    manager = ProfileManager(data)
    ctx = AppContext(data, manager)
    ctx.apply_device_settings()
    win = MainWindow(ctx)
    win.resize(1280, 800)
    win.show()
    app.processEvents()
    return app, win, manager.unlock(manager.find(make_clinic.CLINICIAN), make_clinic.PASSWORD)


def bench_gui(data: Path, work: Path) -> dict:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from app.exchange import contacts, outbox, workspace
    from ui.workspace import report

    app, win, session = clinic_window(data)
    beat = Heartbeat(app)
    calls = []
    real_rows = workspace.patient_rows

    def counted(*a, **k):
        calls.append(1)
        return real_rows(*a, **k)

    workspace.patient_rows = counted
    # the list may be worked out in a worker (win.shell is the workspace once the session is open)
    listed = lambda: not getattr(win.shell.pages["patients"], "loading", False)  # noqa: E731
    out = {"open_workspace": beat.measure(lambda: win._session_opened(session), listed)}
    page = win.shell.pages["patients"]
    out["patient_rows_at_open"] = len(calls)
    out["patients"] = len(page.rows)
    out["list_refresh"] = beat.measure(page.refresh, listed)
    # A person reads the list for a few seconds first; meanwhile matplotlib is loaded in a worker (the list
    # asks for it 1.5 s after it shows), as it would be in use.
    from ui.charts import mpl

    settle = time.perf_counter() + 10
    while (not mpl.ready() or time.perf_counter() < settle - 8) and time.perf_counter() < settle:
        app.processEvents()
        time.sleep(0.01)
    # until the page is complete: its records are read in a worker, its charts and cards built a few at a time
    # until the page is complete; then the next patients in turn (the first open also builds the page's parts
    # for the first time), each opened from the list as a clinician does
    opens = []
    for row in range(min(OPENS, len(page.rows))):
        opens.append(beat.measure(lambda: page.open_patient_at(row), lambda: opened(page.patient)))
        page.show_list()
        app.processEvents()
    out["open_patient"] = opens[0]
    out["open_patient_median"] = statistics.median(opens)
    out["open_patient_max"] = max(opens)
    out["open_patient_count"] = len(opens)
    workspace.patient_rows = real_rows
    # dialogs answered at once: only the work behind them is measured
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QMessageBox.exec = lambda self: 0
    saved = []
    report.confirm_unencrypted = lambda parent: True
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(work / f"file-{len(saved)}"), ""))
    patient = page.patient
    out["report"] = beat.measure(lambda: report.save_report(patient, win.ctx, patient.contact_id, done=saved.append),
                                 lambda: bool(saved))
    contact = contacts.get(session.store, patient.contact_id)
    outbox.add_message(session.store, contact, "Well done on the diary this week. Shall we look at sleep?")
    sent = []
    patient.changed.connect(lambda: sent.append(1))
    out["send"] = beat.measure(patient._send, lambda: bool(sent))
    win.lock()
    app.processEvents()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--patients", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        t = time.perf_counter()
        clinic = make_clinic.generate(work / "gen", args.patients)
        generated = time.perf_counter() - t
        imports, data = bench_imports(clinic, work, args.rounds)
        gui = bench_gui(data, work)
        exp = bench_export(work, args.rounds)
    ms = lambda s: f"{s * 1000:,.0f} ms"  # noqa: E731
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores, "
          f"{date.today().isoformat()}; {args.patients} patients generated in {generated:.0f} s\n")
    print("| clinician workspace | figure | goal |")
    print("|---|---:|---|")
    print(f"| importing {args.patients} one-year files after unlock, one by one, total (median of {args.rounds}) | "
          f"{statistics.median(imports['files']):.2f} s | \u2264 3 s |")
    print(f"| the same {args.patients} files from the sync folder (a few per commit), total | "
          f"{statistics.median(imports['sync']):.2f} s | \u2264 3 s |")
    print(f"| export of five years ({exp['records']:,} records, {exp['file_bytes'] / 1e6:.1f} MB), median of "
          f"{exp['exports']} | {ms(exp['export_s'])} | |")
    print(f"| plain baseline: json.dumps + age encryption of the same records | {ms(exp['baseline_s'])} | |")
    print(f"| export / baseline | {exp['export_s'] / exp['baseline_s']:.1f}\u00d7 | \u2264 2\u00d7 |")
    print(f"| second baseline: the same records read from the store + json.dumps + age + a durable file write | "
          f"{ms(exp['durable_baseline_s'])} | |")
    print(f"| export / second baseline | {exp['export_s'] / exp['durable_baseline_s']:.1f}\u00d7 | |")
    for key, label in (("open_workspace", "opening the workspace (unlock to list shown)"),
                       ("list_refresh", f"patient list refresh ({gui['patients']} patients)"),
                       ("open_patient", "opening the first patient"), ("report", "saving a report as PDF"),
                       ("send", "sending a feedback file")):
        print(f"| longest GUI-thread block: {label} | {ms(gui[key])} | \u2264 100 ms |")
    print(f"| longest GUI-thread block opening {gui['open_patient_count']} patients in turn: median / worst | "
          f"{ms(gui['open_patient_median'])} / {ms(gui['open_patient_max'])} | \u2264 100 ms |")
    print(f"| patient list computed while the workspace opens | {gui['patient_rows_at_open']}\u00d7 | once |")
    print(f"| profile.db of the five-year profile, before / after 20 unacknowledged exports | "
          f"{exp['db_before'] / MIB:.1f} / {exp['db_after_20'] / MIB:.1f} MiB | bounded |")
    if args.json:
        Path(args.json).write_text(json.dumps({"imports_s": imports, "gui_s": gui, "export": exp,
                                               "generated_s": generated}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

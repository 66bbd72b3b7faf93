"""Importing a very large, validly signed package (issue 10, point 4).

Each case makes a fresh clinician workspace paired with a patient, seals one patient-progress
package with the patient's real keys (so everything up to the payload checks passes) and
imports it in-process, while a second thread runs a small query on the same store every 10 ms.

  reported   9,000 questionnaire results of 200 answers each (about 5.2 MB on disk): the package
             that froze a clinician's app for 24 s. Over the payload limits: now refused.
  heavy      a long but real history, inside the limits: 10 years of daily check-ins, weekly
             PHQ-9, GAD-7 and WSAS, 2,000 exercise entries, 200 homework ticks, 3 programs,
             1,000 messages
  at-limits  every section at its limit, questionnaires with 60 answers: the slowest package
             the limits let in (run with --at-limits; minutes on the old code)

Prints a Markdown table: file size, import time (the call, from bytes to committed or refused),
the longest wait of the other thread's query, and the result. Run on the code before and after a
change to compare; ``--json FILE`` also writes the numbers.

    .venv/bin/python bench/import_big.py [--rounds N] [--at-limits] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench password"
START = datetime(2016, 1, 4, 9, 0, tzinfo=timezone.utc)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _measure(i: int, measure_id: str, answers: list[int], when: datetime) -> dict:
    return {"id": uuid.UUID(int=i).hex, "measure_id": measure_id, "taken_at": _iso(when), "answers": answers,
            "extra": {}, "total": sum(answers), "band": "mild", "flags": [], "prorated": False, "language": "en",
            "validated": True}


def reported() -> dict:
    measures = [_measure(i, "phq9", [i % 4] * 200, START + timedelta(hours=i)) for i in range(9000)]
    return {"sections": ["measures"], "everything": True, "measures": measures}


def heavy(scale: float = 1.0) -> dict:
    days = int(3652 * scale)
    measures = []
    for week in range(days // 7):
        when = START + timedelta(weeks=week)
        measures.append(_measure(len(measures), "phq9", [week % 4] * 9, when))
        measures.append(_measure(len(measures), "gad7", [week % 3] * 7, when))
        measures.append(_measure(len(measures), "wsas", [week % 8] * 5, when))
    checkins = [{"id": uuid.UUID(int=10**6 + d).hex, "day": (START + timedelta(days=d)).date().isoformat(),
                 "mood": d % 11, "note": "Slept badly, walked to the shop, called my sister." if d % 3 else "",
                 "created_at": _iso(START + timedelta(days=d)), "updated_at": _iso(START + timedelta(days=d))}
                for d in range(days)]
    homework = [{"id": uuid.UUID(int=2 * 10**6 + i).hex, "kind": "thought-record", "exercise_id": "m5-thought-record",
                 "program_id": "low-mood", "module_id": "m5-thought-records",
                 "created_at": _iso(START + timedelta(days=i)), "updated_at": _iso(START + timedelta(days=i)),
                 "data": {"situation": "At work, a meeting ran late " * 3, "thoughts": ["They think I am slow"] * 3,
                          "emotions": [{"name": "anxious", "before": 70, "after": 40}],
                          "evidence_for": "I was late twice.", "evidence_against": "I finished the report early."}}
                for i in range(int(2000 * scale))]
    done = [{"id": f"low-mood/hw{i}", "program_id": "low-mood", "homework_id": f"hw{i}",
             "done_at": _iso(START + timedelta(days=i))} for i in range(int(200 * scale))]
    progress = [{"id": p, "program_id": p, "started_at": _iso(START), "active": p == "low-mood", "finished_at": None,
                 "current_module": "m4-thinking-traps",
                 "modules": [{"module_id": f"m{k}", "unlocked_at": _iso(START), "lesson_done_at": _iso(START),
                              "seconds_spent": 600} for k in range(8)], "clinician_unlocks": []}
                for p in ("low-mood", "worry", "sleep")]
    messages = [{"id": uuid.UUID(int=3 * 10**6 + i).hex, "created_at": _iso(START + timedelta(days=i)),
                 "body": "This week went better than the last one. " * 5} for i in range(int(1000 * scale))]
    return {"sections": ["measures", "checkins", "homework", "homework_done", "progress", "messages"],
            "everything": True, "measures": measures, "checkins": checkins, "homework": homework,
            "homework_done": done, "progress": progress, "messages": messages}


def at_limits() -> dict:
    from app.exchange import limits

    caps = limits.caps("patient")
    p = heavy(4.0)
    p["measures"] = [_measure(i, "phq9", [i % 4] * caps["answers"], START + timedelta(hours=i))
                     for i in range(caps["measures"])]
    for section in ("checkins", "homework", "homework_done", "messages"):
        p[section] = p[section][:caps[section]]
    return p


CASES = {"reported": reported, "heavy": heavy, "at-limits": at_limits}


def run_case(name: str, make) -> dict:
    from app.crypto.keyfile import TEST_KDF
    from app.exchange import card, importer, keys, package
    from app.profiles import ProfileManager

    with tempfile.TemporaryDirectory() as tmp:
        manager = ProfileManager(Path(tmp) / "data", TEST_KDF)
        doc, _ = manager.create("Doc", PASSWORD, kind="clinician")
        pat, _ = manager.create("Pat", PASSWORD)
        card.pair(pat, card.parse_card(card.make_card(doc)), confirmed=True)
        card.pair(doc, card.parse_card(card.make_card(pat)), confirmed=True)
        data = package.seal(keys.load(pat.store), keys.load(doc.store).age_recipient, package.PATIENT_PROGRESS,
                            make(), sequence=1)[0]
        waits, stop = [], threading.Event()

        def other_thread():  # the GUI thread asking the store something meanwhile
            while not stop.is_set():
                t = time.perf_counter()
                doc.store.query("SELECT count(*) FROM exchange_contacts")
                waits.append(time.perf_counter() - t)
                time.sleep(0.01)

        watcher = threading.Thread(target=other_thread, daemon=True)
        watcher.start()
        t0 = time.perf_counter()
        try:
            importer.import_bytes(doc, data)
            result = "imported"
        except Exception as e:  # noqa: BLE001 - a refusal is a result here
            result = f"refused: {type(e).__name__}"
        elapsed = time.perf_counter() - t0
        stop.set()
        watcher.join()
        doc.lock()
        pat.lock()
    return {"case": name, "bytes": len(data), "seconds": elapsed, "longest_query_wait": max(waits, default=0.0),
            "result": result}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--at-limits", action="store_true", help="also the slowest package the limits let in")
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()
    names = ["reported", "heavy"] + (["at-limits"] if args.at_limits else [])
    rows = []
    for name in names:
        runs = [run_case(name, CASES[name]) for _ in range(args.rounds)]
        rows.append({**runs[0], "seconds": statistics.median(r["seconds"] for r in runs),
                     "longest_query_wait": max(r["longest_query_wait"] for r in runs), "rounds": len(runs)})
    print(f"Python {platform.python_version()} on {platform.machine()}, {args.rounds} round(s), median\n")
    print("| case | file | import | longest query wait | result |")
    print("|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['case']} | {r['bytes'] / 1e6:.1f} MB | {r['seconds']:.2f} s | {r['longest_query_wait'] * 1000:.0f} ms"
              f" | {r['result']} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

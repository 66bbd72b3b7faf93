"""Outcomes benchmark: a clinician workspace with 100 patients, each with a year of shared records
(weekly PHQ-9 and GAD-7, daily check-ins, program progress), inserted straight into the store.

Prints the best of five runs (ms) of every patient's outcomes, the clinic summary, the CSV's bytes
and one patient's outcomes.

    .venv/bin/python -m bench.outcomes
"""

from __future__ import annotations

import json
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

PATIENTS, WEEKS, DAYS = 100, 52, 365


def _fill(store) -> tuple[list[str], int]:
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    people, rows = [], []
    for i in range(PATIENTS):
        cid = uuid.uuid4().hex
        people.append((cid, "patient", f"Patient {i}", uuid.uuid4().hex, uuid.uuid4().hex, uuid.uuid4().hex,
                       "00000 00000", start.isoformat()))
        for w in range(WEEKS):
            for mid, total in (("phq9", 20 - w % 15), ("gad7", 15 - w % 10)):
                r = {"id": uuid.uuid4().hex, "measure_id": mid, "taken_at": (start + timedelta(weeks=w)).isoformat(),
                     "answers": [1] * 9, "extra": {}, "total": total, "band": None, "flags": [], "prorated": False,
                     "language": "en", "validated": True}
                rows.append((cid, "measures", r["id"], json.dumps(r), r["taken_at"]))
        for d in range(DAYS):
            r = {"id": uuid.uuid4().hex, "day": (start + timedelta(days=d)).date().isoformat(), "mood": 5,
                 "note": "x" * 50, "created_at": "", "updated_at": ""}
            rows.append((cid, "checkins", r["id"], json.dumps(r), r["day"]))
        p = {"id": "low-mood", "program_id": "low-mood", "started_at": start.isoformat(), "active": True,
             "finished_at": None, "current_module": "m3-planning", "clinician_unlocks": [],
             "modules": [{"module_id": f"m{k}", "unlocked_at": None, "lesson_done_at": start.isoformat(),
                          "seconds_spent": 1} for k in range(4)]}
        rows.append((cid, "progress", "low-mood", json.dumps(p), p["started_at"]))
    with store.transaction() as c:
        c.executemany("INSERT INTO exchange_contacts(id, role, display_name, age_recipient, sign_public, key_id,"
                      " fingerprint, paired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", people)
        c.executemany("INSERT INTO exchange_records VALUES (?, ?, ?, ?, ?, 1, 1)", rows)
    return [p[0] for p in people], len(rows)


def main() -> None:
    from app.crypto.keyfile import TEST_KDF
    from app.exchange import outcomes, outcomes_csv
    from app.profiles import ProfileManager

    with tempfile.TemporaryDirectory() as folder:
        doc, _key = ProfileManager(Path(folder), TEST_KDF).create("Doc", "bench-password", kind="clinician")
        try:
            ids, count = _fill(doc.store)
            print(f"{PATIENTS} patients, {count} shared records")
            for label, run in (("every patient's outcomes", lambda: outcomes.patient_outcomes(doc.store)),
                               ("clinic summary", lambda: outcomes.clinic_summary(doc.store)),
                               ("CSV bytes", lambda: outcomes_csv.render(doc.store)),
                               ("one patient", lambda: outcomes.patient_outcome(doc.store, ids[50]))):
                times = []
                for _round in range(5):
                    t0 = time.perf_counter()
                    run()
                    times.append(time.perf_counter() - t0)
                print(f"{label}: {min(times) * 1000:.0f} ms")
        finally:
            doc.lock()


if __name__ == "__main__":
    main()

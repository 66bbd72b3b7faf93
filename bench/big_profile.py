"""A profile of someone who has used Hearth for years (issue 15): ``--journal`` journal entries and ``--exercises``
exercise entries (100,000 each by default) spread over ``--years``, daily check-ins and weekly PHQ-9 and GAD-7
over the same years, enrolled in Low mood. Built with the app's own code (``ProfileManager.create``,
``demo.fill``, ``demo.history``); the bulk of the entries are copies of the demo's real entries of every kind (so
each is data its kind's code reads) with new ids and dates, inserted in large transactions so that building
200,000 entries takes a minute, not an hour. The full-text index is kept by the store's own triggers.

    .venv/bin/python bench/big_profile.py DATA_DIR [--journal 100000] [--exercises 100000] [--years 10]

Used by bench/pages.py; prints the profile's name, password and size.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAME, PASSWORD = "Robin", "correct horse battery"
WORDS = ("walk park morning tired sister call work meeting report manager sleep night coffee bus train rain "
         "dinner soup friend message worry mood garden book football school doctor appointment plan week "
         "weekend shopping music song film kitchen tidy shelf bike light swim pool cold warm happy low").split()
BATCH = 5000


def make(data_dir: Path, *, journal: int = 100_000, exercises: int = 100_000, years: int = 10,
         seed: int = 11) -> Path:
    from app import demo
    from app.profiles import ProfileManager

    rng = random.Random(seed)
    session, _key = ProfileManager(data_dir).create(NAME, PASSWORD)
    store = session.store
    try:
        now = datetime.now(timezone.utc).replace(microsecond=0)
        days = 365 * years
        demo.fill(store, days=120, now=now)  # the program, every kind's entries, two weeks of diary
        demo.history(store, days=days, now=now)  # check-ins and weekly questionnaires for the whole span
        _journal(store, journal, now, days, rng)
        _exercises(store, exercises, now, days, rng)
    finally:
        session.lock()
    return data_dir


def _times(n: int, now: datetime, days: int):
    step = timedelta(days=days) / max(n, 1)
    start = now - timedelta(days=days)
    for i in range(n):
        yield (start + step * i).isoformat(timespec="seconds")


def _journal(store, n: int, now: datetime, days: int, rng: random.Random) -> None:
    rows = ((uuid.uuid4().hex, when, when, " ".join(rng.choice(WORDS) for _ in range(3)),
             " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80)))) for when in _times(n, now, days))
    _insert(store, "INSERT INTO journal_entries(id, owner, created_at, updated_at, title, body)"
                   " VALUES (?, 'patient', ?, ?, ?, ?)", rows)


def _exercises(store, n: int, now: datetime, days: int, rng: random.Random) -> None:
    models = store.query("SELECT kind, exercise_id, program_id, module_id, data FROM exercise_entries"
                         " WHERE owner = 'patient'")
    if not models:
        raise SystemExit("the demo wrote no exercise entries to copy")

    def rows():
        for when in _times(n, now, days):
            kind, exercise_id, program_id, module_id, data = rng.choice(models)
            yield uuid.uuid4().hex, kind, exercise_id, program_id, module_id, when, when, data

    _insert(store, "INSERT INTO exercise_entries(id, owner, kind, exercise_id, program_id, module_id, created_at,"
                   " updated_at, data) VALUES (?, 'patient', ?, ?, ?, ?, ?, ?, ?)", rows())


def _insert(store, sql: str, rows) -> None:
    """``rows`` inserted ``BATCH`` at a time, one transaction each."""
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            with store.transaction() as c:
                c.executemany(sql, batch)
            batch = []
    if batch:
        with store.transaction() as c:
            c.executemany(sql, batch)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data_dir", type=Path)
    ap.add_argument("--journal", type=int, default=100_000)
    ap.add_argument("--exercises", type=int, default=100_000)
    ap.add_argument("--years", type=int, default=10)
    args = ap.parse_args()
    t = time.perf_counter()
    make(args.data_dir, journal=args.journal, exercises=args.exercises, years=args.years)
    size = sum(p.stat().st_size for p in args.data_dir.rglob("*") if p.is_file())
    print(f"profile {NAME!r} (password {PASSWORD!r}) in {args.data_dir}: {args.journal:,} journal and "
          f"{args.exercises:,} exercise entries over {args.years} years, {size / 2**20:.0f} MiB, built in "
          f"{time.perf_counter() - t:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

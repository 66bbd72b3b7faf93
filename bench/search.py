"""Finding one journal entry among 100,000 (issue 14: "journal search finds an entry among 100,000 in under
100 ms"): the full-text index inside the encrypted store, timed through ``app.search.find`` as the search box
calls it, and the journal list's query for the same ids.

    .venv/bin/python bench/search.py [--entries N] [--runs N]
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ("walk park morning tired sister call work meeting report manager sleep night coffee bus train rain "
         "dinner soup friend message worry mood garden book football school doctor appointment plan week "
         "weekend shopping music song film kitchen tidy shelf bike light swim pool cold warm happy low").split()


def fill(store, n: int, rng: random.Random) -> str:
    """``n`` journal entries over about 30 years; returns the id of one with a word no other has."""
    start = datetime.now(timezone.utc) - timedelta(minutes=157 * n)  # the newest written today
    rows, needle = [], None
    for i in range(n):
        when = (start + timedelta(minutes=157 * i)).isoformat(timespec="seconds")
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 80)))
        title = " ".join(rng.choice(WORDS) for _ in range(3))
        if i == n // 2:
            body += " zebracrossing"
            needle = uuid.uuid4().hex
            rows.append((needle, when, when, title, body))
            continue
        rows.append((uuid.uuid4().hex, when, when, title, body))
    with store.transaction() as c:
        c.executemany("INSERT INTO journal_entries(id, owner, created_at, updated_at, title, body)"
                      " VALUES (?, 'patient', ?, ?, ?, ?)", rows)
    return needle


def main() -> int:
    from app import journal, search
    from app.crypto.keyfile import TEST_KDF
    from app.profiles import ProfileManager

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entries", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        manager = ProfileManager(Path(tmp), TEST_KDF)
        session, _ = manager.create("Bench", "bench password")
        t = time.perf_counter()
        needle = fill(session.store, args.entries, random.Random(7))
        filled = time.perf_counter() - t
        cases = {"one rare word (one entry found)": "zebracrossing",
                 "two common words (many found, the newest 500 listed)": "park sister",
                 "a word being typed (prefix)": "zebracr",
                 "two common words, written in the last year": ("park sister", "year")}
        out = {}
        for label, text in cases.items():
            times = []
            text, range_id = text if isinstance(text, tuple) else (text, "any")
            for _ in range(args.runs):
                t = time.perf_counter()
                ids = search.find(session.store, text, "journal", range_id=range_id)
                journal.by_ids(session.store, ids)  # what the list then reads
                times.append(time.perf_counter() - t)
            out[label] = (statistics.median(times), max(times), len(ids))
        assert needle in search.find(session.store, "zebracrossing", "journal")
        db = Path(session.store.path).stat().st_size
        session.lock()
    print(f"Python {platform.python_version()} on {platform.machine()}, {__import__('os').cpu_count()} cores, "
          f"{datetime.now().date()}; {args.entries:,} journal entries written in {filled:.1f} s "
          f"(profile.db {db / 1e6:.0f} MB)\n")
    print("| search in the journal | median | worst | entries listed | goal |")
    print("|---|---:|---:|---:|---|")
    for label, (median, worst, found) in out.items():
        print(f"| {label} | {median * 1000:.1f} ms | {worst * 1000:.1f} ms | {found} | \u2264 100 ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

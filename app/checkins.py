"""The quick daily check-in: a mood from 0 to 10 and an optional short note.

One check-in per local calendar day; checking in again the same day replaces
the mood and note but keeps the row's id (the exchange refers to it).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from app.store import Store
from app.store.db import utcnow

MOOD_MIN, MOOD_MAX = 0, 10
MAX_NOTE = 2_000


@dataclass(frozen=True)
class CheckIn:
    id: str
    day: date
    mood: int
    note: str
    updated_at: str


def _row(r) -> CheckIn:
    return CheckIn(r[0], date.fromisoformat(r[1]), int(r[2]), r[3], r[4])


def save(store: Store, mood: int, note: str = "", *, day: date | None = None) -> CheckIn:
    """Record today's (or `day`'s) check-in; a second one the same day updates it."""
    if isinstance(mood, bool) or not isinstance(mood, int) or not MOOD_MIN <= mood <= MOOD_MAX:
        raise ValueError(f"mood must be an integer from {MOOD_MIN} to {MOOD_MAX}")
    day = day or date.today()
    note = note.strip()[:MAX_NOTE]
    now = utcnow()
    with store.transaction() as c:
        c.execute("INSERT INTO checkins(id, day, mood, note, created_at, updated_at)"
                  " VALUES (?, ?, ?, ?, ?, ?)"
                  " ON CONFLICT(day) DO UPDATE SET mood = excluded.mood, note = excluded.note,"
                  " updated_at = excluded.updated_at",
                  (uuid.uuid4().hex, day.isoformat(), mood, note, now, now))
    return get(store, day)


def get(store: Store, day: date | None = None) -> CheckIn | None:
    r = store.query_one("SELECT id, day, mood, note, updated_at FROM checkins WHERE day = ?",
                        ((day or date.today()).isoformat(),))
    return _row(r) if r else None


def history(store: Store, since: date | None = None) -> list[CheckIn]:
    """Every check-in from `since` on (all when None), oldest first."""
    rows = store.query("SELECT id, day, mood, note, updated_at FROM checkins WHERE day >= ?"
                       " ORDER BY day", ((since or date.min).isoformat(),))
    return [_row(r) for r in rows]


def delete(store: Store, day: date) -> CheckIn | None:
    """Remove a day's check-in; returns it so the caller can offer undo."""
    old = get(store, day)
    with store.transaction() as c:
        c.execute("DELETE FROM checkins WHERE day = ?", (day.isoformat(),))
    return old


def restore(store: Store, entry: CheckIn) -> None:
    """Put back a check-in removed by delete() (undo), with its original id."""
    now = utcnow()
    with store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO checkins(id, day, mood, note, created_at, updated_at)"
                  " VALUES (?, ?, ?, ?, ?, ?)",
                  (entry.id, entry.day.isoformat(), entry.mood, entry.note, now, now))


def weekly_average(entries: list[CheckIn]) -> list[tuple[date, float]]:
    """Mean mood per ISO week (Monday's date, mean), oldest first; weeks with no entries left out."""
    weeks: dict[date, list[int]] = {}
    for e in entries:
        monday = e.day - timedelta(days=e.day.weekday())
        weeks.setdefault(monday, []).append(e.mood)
    return [(w, sum(v) / len(v)) for w, v in sorted(weeks.items())]

"""Guidance time: the minutes a clinician spent on each patient (clinician workspace).

NICE's early value assessments of digitally enabled therapies (HTE8, HTE9) ask for the "level of
guidance provided (defined by healthcare professional grade and time)"; this module holds the time.

Entries, one row each in the clinician's store (never sent to the patient):

* ``page``: time the patient's page was open and in use. The workspace measures it with
  :class:`ActiveTimer` and calls :func:`record_page_time` now and then with the running total of
  the visit, so a crash loses at most the time since the last call.
* ``manual``: time the clinician entered (a telephone call, a letter, reading outside Hearth).
* ``correction``: a signed difference added by :func:`set_total` when the clinician says what the
  total really is; the entries it corrects stay, so nothing is silently rewritten.

A patient's total is the sum of the entries' seconds (never below zero), reported in whole minutes.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from app.exchange.errors import ContactNotFound
from app.store import Store
from app.store.db import utcnow

PAGE, MANUAL, CORRECTION = "page", "manual", "correction"
KINDS = (PAGE, MANUAL, CORRECTION)
MAX_VISIT_SECONDS = 12 * 3600       # one page visit; anything longer is a forgotten open window
MAX_ENTRY_MINUTES = 24 * 60         # one manual entry
MAX_TOTAL_MINUTES = 1000 * 60       # a patient's corrected total
IDLE_AFTER_SECONDS = 120.0          # ActiveTimer: no input for this long counts as away


@dataclass(frozen=True)
class GuidanceEntry:
    id: str
    contact_id: str
    kind: str
    started_at: str
    seconds: int
    recorded_at: str

    @property
    def minutes(self) -> int:
        return _minutes(self.seconds)


@dataclass(frozen=True)
class GuidanceTotal:
    seconds: int
    entries: int

    @property
    def minutes(self) -> int:
        return _minutes(self.seconds)


def _minutes(seconds: int) -> int:
    """Whole minutes, halves rounded up (so 30 s shows as 1 minute, 29 s as 0)."""
    sign = -1 if seconds < 0 else 1
    return sign * ((abs(seconds) + 30) // 60)


# --- writing -------------------------------------------------------------------------------

def record_page_time(store: Store, contact_id: str, started_at: str, seconds: int) -> str:
    """The running length of one visit to a patient's page (the visit is named by when it began).

    Call it again with the new running total as time passes; returns the entry's id.
    """
    seconds = _whole(seconds, 0, MAX_VISIT_SECONDS, "seconds")
    started = _instant(started_at)
    _check_patient(store, contact_id)
    with store.transaction() as c:
        found = c.execute("SELECT id FROM guidance_entries WHERE contact_id = ? AND kind = 'page' AND started_at = ?",
                          (contact_id, started)).fetchone()
        if found:
            c.execute("UPDATE guidance_entries SET seconds = ?, recorded_at = ? WHERE id = ?",
                      (seconds, utcnow(), found[0]))
            return found[0]
        entry_id = uuid.uuid4().hex
        c.execute("INSERT INTO guidance_entries VALUES (?, ?, 'page', ?, ?, ?)",
                  (entry_id, contact_id, started, seconds, utcnow()))
        return entry_id


def add_manual(store: Store, contact_id: str, minutes: float, on: date | datetime | str | None = None
               ) -> GuidanceEntry:
    """Minutes spent on a patient outside their page (``on``: when; a date means that day, now if None)."""
    seconds = _seconds_of(minutes, MAX_ENTRY_MINUTES, allow_zero=False)
    started = _instant(on if on is not None else utcnow())
    _check_patient(store, contact_id)
    return _insert(store, contact_id, MANUAL, started, seconds)


def edit_entry(store: Store, entry_id: str, minutes: float) -> GuidanceEntry:
    """Correct the length of one page visit or manual entry (a correction entry is deleted, not edited)."""
    seconds = _seconds_of(minutes, MAX_ENTRY_MINUTES, allow_zero=True)
    with store.transaction() as c:
        changed = c.execute("UPDATE guidance_entries SET seconds = ?, recorded_at = ? WHERE id = ?"
                            " AND kind IN ('page', 'manual')", (seconds, utcnow(), entry_id)).rowcount
    if not changed:
        raise KeyError(entry_id)
    return _entry(store, entry_id)


def delete_entry(store: Store, entry_id: str) -> bool:
    with store.transaction() as c:
        return c.execute("DELETE FROM guidance_entries WHERE id = ?", (entry_id,)).rowcount > 0


def set_total(store: Store, contact_id: str, minutes: float) -> GuidanceEntry | None:
    """Make the patient's total ``minutes`` by adding a correction for the difference (None: it already is)."""
    wanted = _seconds_of(minutes, MAX_TOTAL_MINUTES, allow_zero=True)
    _check_patient(store, contact_id)
    difference = wanted - _sum(store, contact_id)
    if difference == 0:
        return None
    return _insert(store, contact_id, CORRECTION, utcnow(), difference)


# --- reading -------------------------------------------------------------------------------

def entries(store: Store, contact_id: str) -> list[GuidanceEntry]:
    """One patient's entries, oldest first."""
    rows = store.query("SELECT id, contact_id, kind, started_at, seconds, recorded_at FROM guidance_entries"
                       " WHERE contact_id = ? ORDER BY started_at, recorded_at, id", (contact_id,))
    return [GuidanceEntry(*r) for r in rows]


def total(store: Store, contact_id: str) -> GuidanceTotal:
    r = store.query_one("SELECT coalesce(sum(seconds), 0), count(*) FROM guidance_entries WHERE contact_id = ?",
                        (contact_id,))
    return GuidanceTotal(max(0, r[0]), r[1])


def totals(store: Store) -> dict[str, GuidanceTotal]:
    """contact id -> total, for every patient with at least one entry (one query for the clinic)."""
    rows = store.query("SELECT contact_id, sum(seconds), count(*) FROM guidance_entries GROUP BY contact_id")
    return {cid: GuidanceTotal(max(0, s), n) for cid, s, n in rows}


# --- measuring time on a page, without a clock of its own -----------------------------------

class ActiveTimer:
    """Seconds a page was in use, from the moments the workspace reports (monotonic clock values).

    Call :meth:`activity` on every key press, click, scroll or focus while the page is shown and the
    window active; call :meth:`pause` when the page is hidden, the window loses focus or the profile
    locks. Time between two reports counts up to ``idle_after`` seconds, so a page left open while
    the clinician is away adds at most that much.
    """

    def __init__(self, idle_after: float = IDLE_AFTER_SECONDS):
        if not idle_after > 0:
            raise ValueError("idle_after must be positive")
        self.idle_after = float(idle_after)
        self._last: float | None = None
        self._total = 0.0

    def activity(self, now: float) -> None:
        if self._last is not None and now > self._last:
            self._total += min(now - self._last, self.idle_after)
        if self._last is None or now > self._last:
            self._last = now

    def pause(self, now: float) -> None:
        self.activity(now)
        self._last = None

    @property
    def seconds(self) -> int:
        return int(self._total)


# --- helpers -------------------------------------------------------------------------------

def _insert(store: Store, contact_id: str, kind: str, started: str, seconds: int) -> GuidanceEntry:
    entry = GuidanceEntry(uuid.uuid4().hex, contact_id, kind, started, seconds, utcnow())
    with store.transaction() as c:
        c.execute("INSERT INTO guidance_entries VALUES (?, ?, ?, ?, ?, ?)",
                  (entry.id, entry.contact_id, entry.kind, entry.started_at, entry.seconds, entry.recorded_at))
    return entry


def _entry(store: Store, entry_id: str) -> GuidanceEntry:
    r = store.query_one("SELECT id, contact_id, kind, started_at, seconds, recorded_at FROM guidance_entries"
                        " WHERE id = ?", (entry_id,))
    if r is None:
        raise KeyError(entry_id)
    return GuidanceEntry(*r)


def _sum(store: Store, contact_id: str) -> int:
    return store.query_one("SELECT coalesce(sum(seconds), 0) FROM guidance_entries WHERE contact_id = ?",
                           (contact_id,))[0]


def _whole(value, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what} must be a number")
    if not low <= value <= high:
        raise ValueError(f"{what} must be from {low} to {high}")
    return int(value)


def _seconds_of(minutes, high: int, *, allow_zero: bool) -> int:
    if isinstance(minutes, bool) or not isinstance(minutes, (int, float)) or not math.isfinite(minutes):
        raise ValueError("minutes must be a number")
    if minutes < 0 or minutes > high or (minutes == 0 and not allow_zero):
        raise ValueError(f"minutes must be {'from 0' if allow_zero else 'above 0'} and at most {high}")
    return round(minutes * 60)


def _instant(value) -> str:
    """A UTC ISO 8601 time from a datetime or ISO time with its offset, or from a date (``YYYY-MM-DD``: noon
    UTC that day, so the day stays the same in every time zone near the clinic's)."""
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"not an ISO 8601 time: {value!r}") from None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("a time needs its UTC offset")
        return value.astimezone(timezone.utc).isoformat(timespec="seconds")
    if isinstance(value, date):
        return datetime.combine(value, time(12), timezone.utc).isoformat(timespec="seconds")
    raise ValueError(f"not a time: {value!r}")


def _check_patient(store: Store, contact_id: str) -> None:
    if store.query_one("SELECT 1 FROM exchange_contacts WHERE id = ? AND role = 'patient'", (contact_id,)) is None:
        raise ContactNotFound(contact_id)

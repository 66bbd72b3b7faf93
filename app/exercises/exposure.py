"""Exposure data read across entries: the steps of the person's fear ladders (for the practice log's
choice of step) and the peak distress of their practices (for the between-session charts).

Each function reads, in SQL, only the fields it returns (``json_extract`` on the stored entries),
not whole entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.store import Store

LADDER, LOG = "fear-ladder", "exposure-log"


@dataclass(frozen=True)
class LadderStep:
    ladder_id: str
    ladder: str        # the ladder's name
    step_id: str
    step: str          # the step's text
    distress: int | None
    done_on: str | None


def ladder_steps(store: Store) -> list[LadderStep]:
    """Every step of every fear ladder: the most recently edited ladder first, its steps in order."""
    rows = store.query(
        "SELECT e.id, json_extract(e.data, '$.name'), json_extract(s.value, '$.id'), json_extract(s.value, '$.text'),"
        " json_extract(s.value, '$.distress'), json_extract(s.value, '$.done_on')"
        " FROM exercise_entries e, json_each(e.data, '$.steps') s WHERE e.kind = ?"
        " ORDER BY e.updated_at DESC, e.id, s.key", (LADDER,))
    return [LadderStep(lid, name or "", sid, text or "", distress if isinstance(distress, int) else None, done)
            for lid, name, sid, text, distress, done in rows if isinstance(sid, str)]


@dataclass(frozen=True)
class Practice:
    day: date
    peak: int


def step_peaks(store: Store, ladder_id: str, step_id: str) -> list[Practice]:
    """Peak distress of each practice of one ladder step, oldest first (practices with no peak rated left out)."""
    rows = store.query(
        "SELECT json_extract(data, '$.date'), json_extract(data, '$.peak') FROM exercise_entries"
        " WHERE kind = ? AND json_extract(data, '$.ladder_id') = ? AND json_extract(data, '$.step_id') = ?"
        " AND json_extract(data, '$.peak') IS NOT NULL ORDER BY json_extract(data, '$.date'), created_at",
        (LOG, ladder_id, step_id))
    return _practices(rows)


@dataclass(frozen=True)
class StepSeries:
    ladder_id: str
    step_id: str
    step: str                          # the step's text as written in its latest practice
    practices: tuple[Practice, ...]    # oldest first


def peak_series(store: Store, top: int = 8) -> list[StepSeries]:
    """Peak distress per practice, one series per ladder step that has practices with a peak rated: the
    ``top`` most recently practised steps, in the order they were first practised. Practices not from a
    ladder are grouped by what was written, ignoring case."""
    rows = store.query(
        "SELECT json_extract(data, '$.ladder_id'), json_extract(data, '$.step_id'), json_extract(data, '$.step'),"
        " json_extract(data, '$.date'), json_extract(data, '$.peak') FROM exercise_entries"
        " WHERE kind = ? AND json_extract(data, '$.peak') IS NOT NULL"
        " ORDER BY json_extract(data, '$.date'), created_at", (LOG,))
    groups: dict[tuple, list] = {}
    names: dict[tuple, str] = {}
    for ladder_id, step_id, step, day, peak in rows:
        key = (ladder_id or "", step_id or "") if step_id else ("", (step or "").strip().casefold())
        groups.setdefault(key, []).append((day, peak))
        names[key] = (step or "").strip()
    recent = sorted(groups, key=lambda k: groups[k][-1][0] or "", reverse=True)[:top]
    kept = [k for k in groups if k in recent]  # first practised first: the lines' colours stay put
    return [StepSeries(k[0], k[1] if k[0] else "", names[k], tuple(_practices(groups[k]))) for k in kept]


def _practices(rows) -> list[Practice]:
    out = []
    for day, peak in rows:
        try:
            out.append(Practice(date.fromisoformat(day), int(peak)))
        except (TypeError, ValueError):
            continue  # a record from another version: left out of the chart
    return out

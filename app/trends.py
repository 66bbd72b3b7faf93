"""The numbers behind the Progress charts, read from the store.

Each function returns plain data (no plotting): the charts draw it and the
accessible table views list exactly the same values. ``version()`` is a cheap
signature of the data a chart depends on, so a rendered chart can be reused
until something it shows has changed.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app import checkins
from app.measures import engine
from app.store import Store

MEASURES, MOOD, ACTIVITIES, HOMEWORK = "measures", "mood", "activities", "homework"
EXPOSURE = "exposure"
ACTIVITY_KIND = "activity-monitoring"

# What each chart needs before it means something. Until then the Progress page says what the
# chart will show and when, instead of drawing one lonely dot or one bar across the whole card.
# (Those texts, in ui/charts/specs.py, say "second" and "two": change them with these.)
MIN_SCORES = 2       # results of one questionnaire
MIN_CHECKINS = 2     # daily check-ins
MIN_ACTIVITIES = 2   # different activities with a mood rating
MIN_WEEKS = 2        # weeks from the first homework ticked or exercise written up to this one
MIN_PRACTICES = 2    # exposure practices of one step with their peak distress rated

# What each chart reads; version() hashes only these tables. Each query is a few rows at any number of entries
# (exercise entries are counted by the triggers of schema 10, not read); every query starts with a count.
_KIND_TOTALS = "SELECT coalesce(sum(entries), 0), coalesce(sum(changes), 0) FROM entry_totals"
_SOURCES = {
    MEASURES: ("SELECT count(*), max(rowid) FROM measure_results",),
    MOOD: ("SELECT count(*), max(updated_at) FROM checkins",),
    ACTIVITIES: (_KIND_TOTALS + " WHERE kind = 'activity-monitoring'",),
    EXPOSURE: (_KIND_TOTALS + " WHERE kind = 'exposure-log'",),
    HOMEWORK: ("SELECT count(*), max(done_at) FROM homework_done", _KIND_TOTALS),
}


def version(store: Store, chart: str) -> tuple:
    """Changes whenever data shown by ``chart`` is added, edited or removed."""
    return tuple(tuple(store.query_one(sql)) for sql in _SOURCES[chart])


def has_data(store: Store, chart: str) -> bool:
    """Whether ``chart`` has anything to show (every source query starts with a count)."""
    return any(row[0] for row in version(store, chart))


@dataclass(frozen=True)
class Point:
    taken_at: datetime
    total: float
    band: str | None
    change: str | None  # engine.IMPROVEMENT / DETERIORATION against the first score, or None


@dataclass(frozen=True)
class MeasureSeries:
    measure: engine.Measure
    points: tuple[Point, ...]
    reliable_points: float | None  # the size of a reliable change, None when no published values

    @property
    def baseline(self) -> Point | None:
        return self.points[0] if self.points else None


def measure_series(store: Store, measure: engine.Measure) -> MeasureSeries:
    """Every scored administration in this profile, oldest first, each compared with the first one."""
    rows = store.query("SELECT taken_at, total, band FROM measure_results WHERE measure_id = ?"
                       " AND total IS NOT NULL ORDER BY taken_at", (measure.id,))
    return series_of(measure, rows)


def series_of(measure: engine.Measure, rows) -> MeasureSeries:
    """(taken_at ISO text, total, band) rows, oldest first, as a series marked against the first total.

    The one place reliable change against the first score is decided: the patient's Progress
    page and the clinician's charts and report (from exchanged records) both come through here.
    """
    points, first = [], None
    for taken_at, total, band in rows:
        if total is None:
            continue
        first = total if first is None else first
        change = engine.reliable_change(measure, first, total) if points else None
        points.append(Point(datetime.fromisoformat(taken_at), total, band, change))
    return MeasureSeries(measure, tuple(points), measure.reliable_change_points())


def measures_with_results(store: Store) -> list[str]:
    """Ids of measures with at least one scored result, the most used first."""
    rows = store.query("SELECT measure_id, count(*) FROM measure_results WHERE total IS NOT NULL"
                       " GROUP BY measure_id ORDER BY count(*) DESC, measure_id")
    return [r[0] for r in rows]


@dataclass(frozen=True)
class MoodSeries:
    daily: tuple[tuple[date, int], ...]
    weekly: tuple[tuple[date, float], ...]  # (Monday, mean mood that week)


def mood_series(store: Store, since: date | None = None) -> MoodSeries:
    entries = checkins.history(store, since)
    return MoodSeries(tuple((e.day, e.mood) for e in entries), tuple(checkins.weekly_average(entries)))


@dataclass(frozen=True)
class ActivityMood:
    activity: str   # as the person first wrote it
    count: int
    mean_mood: float


def activity_moods(store: Store, top: int = 10) -> tuple[list[ActivityMood], float | None]:
    """Average mood rating per activity (grouped ignoring case), the most frequent first.

    Returns the rows and the person's overall average mood across all rated activities.
    """
    # Each spelling's totals are kept by the store's triggers (schema 10: issue 15, no entry is read); names that
    # differ only in case (Unicode case folding, which SQLite lacks) are merged here, in the order first written.
    rows = store.query("SELECT name, entries, mood_total, first_at FROM activity_mood_totals WHERE entries > 0")
    counts: dict[str, int] = defaultdict(int)
    totals: dict[str, int] = defaultdict(int)
    names: dict[str, str] = {}
    for name, n, total, _first in sorted(rows, key=lambda r: (r[3], r[0])):
        key = name.casefold()
        names.setdefault(key, name)
        counts[key] += n
        totals[key] += total
    ranked = sorted(counts, key=lambda k: (-counts[k], names[k].casefold()))[:top]
    out = [ActivityMood(names[k], counts[k], totals[k] / counts[k]) for k in ranked]
    every_n, every_total = sum(counts.values()), sum(totals.values())
    return out, (every_total / every_n if every_n else None)


@dataclass(frozen=True)
class Week:
    monday: date
    homework: int   # homework items ticked that week
    exercises: int  # exercise entries written that week


def homework_weeks(store: Store, weeks: int = 26, today: date | None = None) -> list[Week]:
    """Weeks up to this one, oldest first, from the first week with anything done (at most
    ``weeks``); empty when nothing was ever done."""
    this_week = _monday(today or date.today())
    # Only the weeks that can be shown are read (a day early: a local day can start the UTC day before), and
    # the first week with anything done comes from the earliest row by index (issue 15: every entry was read).
    since = (this_week - timedelta(weeks=weeks - 1, days=1)).isoformat()
    ticks = Counter(_monday(_local_day(t)) for (t,) in store.query(
        "SELECT done_at FROM homework_done WHERE done_at >= ?", (since,)))
    written = Counter(_monday(_local_day(t)) for (t,) in store.query(
        "SELECT created_at FROM exercise_entries WHERE created_at >= ?", (since,)))
    firsts = [t for (t,) in store.query("SELECT min(done_at) FROM homework_done UNION ALL "
                                        "SELECT min(created_at) FROM exercise_entries") if t]
    if not firsts:
        return []
    earliest = min(_monday(_local_day(t)) for t in firsts)
    shown = min(weeks, max(1, (this_week - earliest).days // 7 + 1))
    first = this_week - timedelta(weeks=shown - 1)
    return [Week(m, ticks.get(m, 0), written.get(m, 0))
            for m in (first + timedelta(weeks=i) for i in range(shown))]


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _local_day(iso: str) -> date:
    dt = datetime.fromisoformat(iso)
    return dt.astimezone().date() if dt.tzinfo else dt.date()

"""When reminders show: the next two weeks of one profile's reminders, each still due as far as the store knows.

A timed reminder inside quiet hours is not shown at all (the person chose both; the settings say so).
A snoozed reminder or a file's arrival that falls inside quiet hours waits until they end (``clock``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.reminders import due
from app.reminders import settings as rs

if TYPE_CHECKING:  # annotations only: the store is imported when a profile is opened
    from app.store import Store

DAYS = 14


@dataclass(frozen=True)
class Firing:
    at: dt.datetime          # aware, local time
    kind: str | None         # None: known only as "a reminder you set" (read from the mirror while locked)
    profile_id: str
    held: bool = False       # snoozed or an arrival: waits out quiet hours instead of being dropped

    @property
    def key(self) -> tuple:
        return self.profile_id, self.at.isoformat(), self.kind, self.held


def _worry_slot_time(store: Store) -> tuple[int, int]:
    from app.exercises import worry_slot

    s = worry_slot.slot(store)
    return s.hour, s.minute


def times(settings: rs.ReminderSettings, first_day: dt.date, days: int = DAYS, *,
          worry_time: tuple[int, int] | None = None) -> list[tuple[dt.datetime, str]]:
    """Every timed reminder that is on, over ``days`` days from ``first_day``, outside quiet hours, in order."""
    out = []
    for offset in range(days):
        day = first_day + dt.timedelta(days=offset)
        for kind in rs.TIMED:
            r = settings.get(kind)
            if not r.on or day.weekday() not in r.days:
                continue
            hour, minute = worry_time if kind == rs.WORRY_TIME and worry_time else (r.hour, r.minute)
            if settings.quiet.covers(hour, minute):
                continue
            out.append((dt.datetime.combine(day, dt.time(hour, minute)).astimezone(), kind))
    out.sort(key=lambda item: item[0])
    return out


def plan(store: Store, settings: rs.ReminderSettings, profile_id: str, measures_dir: Path | None,
         now: dt.datetime | None = None, days: int = DAYS) -> list[Firing]:
    """The reminders to show from ``now`` on (today's passed ones are left out), each still due."""
    now = (now or dt.datetime.now()).astimezone()
    if not settings.any_on():
        return []
    worry = _worry_slot_time(store) if settings.get(rs.WORRY_TIME).on else None
    answers: dict[tuple, bool] = {}
    out = []
    for at, kind in times(settings, now.date(), days, worry_time=worry):
        if at < now:
            continue
        # Daily tasks are due on every later day alike: ask once for today and once for "a later day".
        later = at.date() > now.date()
        memo = (kind, later) if kind in (rs.CHECKIN, rs.HOMEWORK, rs.WORRY_TIME) and later else (kind, at)
        if memo not in answers:
            answers[memo] = due.is_due(kind, store, at, measures_dir, now)
        if answers[memo]:
            out.append(Firing(at, kind, profile_id))
    return out

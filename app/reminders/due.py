"""What is due: the one answer Home's cards and the reminders both use.

``questionnaires`` is what Home's "Questionnaires for this week" card lists; ``progress`` is Home's
"Time to send your progress" card; ``worry_time`` is Home's worry-time card. ``is_due`` asks the
same questions for one reminder at one moment (today, or a later day of the plan), so a reminder
is skipped once its task is done that day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.reminders import settings as rs

if TYPE_CHECKING:  # annotations only: the store is imported when a profile is opened
    from app.store import Store


def _local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone()


def _day_start_utc(day: dt.date) -> str:
    """The start of a local calendar day as the store writes times (ISO, UTC)."""
    start = dt.datetime.combine(day, dt.time(0, 0)).astimezone()
    return start.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


def checkin(store: Store, day: dt.date) -> bool:
    """No mood check-in yet on ``day``."""
    from app import checkins

    return checkins.get(store, day) is None


def open_homework(store: Store) -> list[str]:
    """The current module's homework ids not yet ticked (none without a program)."""
    from app.exchange.patient import has_clinician
    from app.programs import loader, progress, unlock

    enrolment = progress.active(store)
    program = loader.cached(enrolment.program_id) if enrolment else None
    if program is None:
        return []
    states = progress.states(store, program, has_clinician=has_clinician(store))
    current = unlock.current_module(states)
    module = program.module(current) if current else None
    if module is None:
        return []
    done = progress.homework_done(store, program.id)
    return [h["id"] for h in module.homework if h["id"] not in done]


def worked_on(store: Store, day: dt.date, kind: str | None = None) -> bool:
    """Whether an exercise entry (of ``kind``, or any) was written or a homework ticked on ``day``."""
    since = _day_start_utc(day)
    until = _day_start_utc(day + dt.timedelta(days=1))
    sql = "SELECT 1 FROM exercise_entries WHERE created_at >= ? AND created_at < ?"
    params: tuple = (since, until)
    if kind is not None:
        sql += " AND kind = ?"
        params += (kind,)
    if store.query_one(sql + " LIMIT 1", params) is not None:
        return True
    if kind is None:
        return store.query_one("SELECT 1 FROM homework_done WHERE done_at >= ? AND done_at < ? LIMIT 1",
                               (since, until)) is not None
    return False


def homework(store: Store, day: dt.date) -> bool:
    """Homework is open and nothing was done towards it on ``day``."""
    return bool(open_homework(store)) and not worked_on(store, day)


def questionnaires(store: Store, measures_dir: Path | None, now: dt.datetime | None = None) -> list[str]:
    """Ids of the questionnaires due now (the program's schedule, then the clinician's assignments),
    only those this installation can show."""
    from app.exchange import patient
    from app.measures import engine, results
    from app.programs import loader, progress

    enrolment = progress.active(store)
    program = loader.cached(enrolment.program_id) if enrolment else None
    due = results.due_in_program(store, program, enrolment, now) if program else []
    due += [m for m, _when in patient.open_assignments(store) if m not in due]
    usable = engine.available(measures_dir)
    return [m for m in due if m in usable and usable[m].has_text]


def progress(store: Store, now: dt.datetime | None = None) -> bool:
    """Paired with a clinician, progress reminders on, and nothing sent for a week."""
    from app.exchange import patient

    return patient.reminder_due(store, now)


def worry_time(store: Store, now: dt.datetime | None = None) -> int:
    """How many worries wait for today's worry time (when it is near or past)."""
    from app.exercises import worry_slot

    return worry_slot.due(store, now)


def is_due(kind: str, store: Store, at: dt.datetime, measures_dir: Path | None,
           now: dt.datetime | None = None) -> bool:
    """Whether the reminder ``kind`` set for ``at`` still has something to remind of, as far as the store
    knows ``now``. For a later day, a daily task counts as due (it cannot be done yet)."""
    at = _local(at)
    now = _local(now or dt.datetime.now().astimezone())
    later_day = at.date() > now.date()
    if kind == rs.CHECKIN:
        return checkin(store, at.date())
    if kind == rs.HOMEWORK:
        return bool(open_homework(store)) and (later_day or not worked_on(store, at.date()))
    if kind == rs.QUESTIONNAIRES:
        return bool(questionnaires(store, measures_dir, at))
    if kind == rs.PROGRESS:
        return progress(store, at)
    if kind == rs.WORRY_TIME:
        from app.exercises.kinds.worry_time import KIND

        return later_day or (worry_time(store, at) > 0 and not worked_on(store, at.date(), KIND))
    return False

"""Saved questionnaire results, safety flags, and what is due when."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

from app.measures import engine
from app.store import Store
from app.store.db import utcnow

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Saved:
    id: str
    measure_id: str
    taken_at: datetime
    answers: tuple
    total: float | None
    band: str | None
    flags: tuple[str, ...]
    prorated: bool


def save(store: Store, measure: engine.Measure, answers: list, *, extra: dict | None = None,
         language: str = "en", validated: bool = True, taken_at: str | None = None) -> tuple[Saved, engine.Result]:
    """Score and store one administration; raise its flags in the same transaction.

    Besides the instrument's own item flags (PHQ-9 item 9), a total that is reliably
    worse than the first score of this measure raises ``reliable_deterioration``,
    once: not again while the scores stay reliably worse.
    """
    result = engine.score(measure, answers)
    rid = uuid.uuid4().hex
    when = taken_at or utcnow()
    if _newly_deteriorated(store, measure, result.total, when):
        result = replace(result, flags=tuple(sorted(result.flags + (engine.RELIABLE_DETERIORATION,))))
    with store.transaction() as c:
        c.execute("INSERT INTO measure_results(id, measure_id, taken_at, answers, extra, total, band, flags,"
                  " prorated, language, validated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (rid, measure.id, when, json.dumps(list(answers)), json.dumps(extra or {}), result.total,
                   result.band, json.dumps(list(result.flags)), int(result.prorated), language, int(validated)))
        for flag in result.flags:
            c.execute("INSERT INTO safety_flags(id, kind, raised_at, result_id) VALUES (?, ?, ?, ?)",
                      (uuid.uuid4().hex, flag, when, rid))
    saved = Saved(rid, measure.id, datetime.fromisoformat(when), tuple(answers), result.total, result.band,
                  result.flags, result.prorated)
    return saved, result


def _newly_deteriorated(store: Store, measure: engine.Measure, total: float | None, when: str) -> bool:
    if total is None or measure.reliable_change_points() is None:
        return False
    scored = "SELECT total FROM measure_results WHERE measure_id = ? AND total IS NOT NULL AND taken_at <= ?"
    first = store.query_one(scored + " ORDER BY taken_at LIMIT 1", (measure.id, when))
    if first is None:
        return False
    first, (previous,) = first[0], store.query_one(scored + " ORDER BY taken_at DESC LIMIT 1", (measure.id, when))
    return (engine.reliable_change(measure, first, total) == engine.DETERIORATION
            and engine.reliable_change(measure, first, previous) != engine.DETERIORATION)


def history(store: Store, measure_id: str, limit: int = 10_000) -> list[Saved]:
    """Oldest first."""
    rows = store.query("SELECT id, measure_id, taken_at, answers, total, band, flags, prorated FROM measure_results"
                       " WHERE measure_id = ? ORDER BY taken_at DESC LIMIT ?", (measure_id, limit))
    return [Saved(r[0], r[1], datetime.fromisoformat(r[2]), tuple(json.loads(r[3])), r[4], r[5],
                  tuple(json.loads(r[6])), bool(r[7])) for r in reversed(rows)]


def latest(store: Store, measure_id: str) -> Saved | None:
    found = history(store, measure_id, limit=1)
    return found[0] if found else None


def flags(store: Store) -> list[tuple[str, datetime]]:
    return [(k, datetime.fromisoformat(t)) for k, t in
            store.query("SELECT kind, raised_at FROM safety_flags ORDER BY raised_at DESC")]


def due(store: Store, schedule: list[dict], started_at: datetime | None, now: datetime | None = None, *,
        modules: tuple[str, ...] | list[str] = (), finished: dict[str, datetime] | None = None) -> list[str]:
    """Measure ids due now under a program's schedule: every value ``program.schema.json`` accepts.

    - ``weekly``: none answered in the last 7 days;
    - ``start``: none answered since the program started;
    - ``each_module``: a module's lesson was finished after the last answer (so once per module);
    - ``end``: the last module's lesson is finished and none was answered since (the end-of-program
      measure, for example the WSAS that services compare with the start).
    ``modules`` are the program's module ids in order and ``finished`` when each lesson was finished
    (``progress.lessons_done``). Nothing here is ever forced; the pages offer what is due.
    """
    now = now or datetime.now(timezone.utc)
    finished = finished or {}
    last_finished = max(finished.values(), default=None)
    program_ended = finished.get(modules[-1]) if modules else None
    out = []
    for entry in schedule:
        when = entry["when"] if isinstance(entry["when"], list) else [entry["when"]]
        last = latest(store, entry["id"])
        last_at = last.taken_at if last else None

        def since(moment: datetime | None) -> bool:
            return moment is not None and (last_at is None or last_at < moment)

        is_due = (("weekly" in when and (last_at is None or now - last_at >= WEEK))
                  or ("start" in when and since(started_at))
                  or ("each_module" in when and since(last_finished))
                  or ("end" in when and since(program_ended)))
        if is_due:
            out.append(entry["id"])
    return out


def due_in_program(store: Store, program, enrolment, now: datetime | None = None) -> list[str]:
    """What is due in the person's current program (``due`` with its modules and finished lessons)."""
    from app.programs import progress

    return due(store, list(program.measures), enrolment.started_at, now,
               modules=[m.id for m in program.modules], finished=progress.lessons_done(store, program.id))

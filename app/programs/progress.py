"""Enrolment and progress in the store: one active program at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.programs import unlock
from app.programs.model import Program
from app.store import Store
from app.store.db import utcnow


@dataclass(frozen=True)
class Enrolment:
    program_id: str
    started_at: datetime


@dataclass(frozen=True)
class Summary:
    modules_done: int
    modules_total: int
    homework_done: int
    homework_total: int
    minutes_spent: int


def _dt(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def enrol(store: Store, program_id: str, started_at: str | None = None) -> Enrolment:
    """Start (or go back to) a program; any other becomes inactive, its progress kept."""
    now = started_at or utcnow()
    with store.transaction() as c:
        c.execute("UPDATE enrolments SET active = 0 WHERE active = 1 AND program_id != ?", (program_id,))
        c.execute("INSERT INTO enrolments(program_id, started_at, active) VALUES (?, ?, 1)"
                  " ON CONFLICT(program_id) DO UPDATE SET active = 1", (program_id, now))
    return active(store)


def leave(store: Store) -> None:
    with store.transaction() as c:
        c.execute("UPDATE enrolments SET active = 0 WHERE active = 1")


def active(store: Store) -> Enrolment | None:
    row = store.query_one("SELECT program_id, started_at FROM enrolments WHERE active = 1")
    return Enrolment(row[0], _dt(row[1])) if row else None


def lessons_done(store: Store, program_id: str) -> dict[str, datetime]:
    rows = store.query("SELECT module_id, lesson_done_at FROM module_progress"
                       " WHERE program_id = ? AND lesson_done_at IS NOT NULL", (program_id,))
    return {m: _dt(t) for m, t in rows}


def set_lesson_done(store: Store, program_id: str, module_id: str, done: bool = True,
                    at: str | None = None) -> None:
    with store.transaction() as c:
        c.execute("INSERT INTO module_progress(program_id, module_id) VALUES (?, ?)"
                  " ON CONFLICT DO NOTHING", (program_id, module_id))
        c.execute("UPDATE module_progress SET lesson_done_at = ? WHERE program_id = ? AND module_id = ?",
                  ((at or utcnow()) if done else None, program_id, module_id))


def add_time(store: Store, program_id: str, module_id: str, seconds: int) -> None:
    seconds = max(0, min(int(seconds), 6 * 3600))  # a forgotten open window is not six days of study
    if not seconds:
        return
    with store.transaction() as c:
        c.execute("INSERT INTO module_progress(program_id, module_id, seconds_spent) VALUES (?, ?, ?)"
                  " ON CONFLICT DO UPDATE SET seconds_spent = seconds_spent + excluded.seconds_spent",
                  (program_id, module_id, seconds))


def homework_done(store: Store, program_id: str) -> set[str]:
    return {r[0] for r in store.query("SELECT homework_id FROM homework_done WHERE program_id = ?", (program_id,))}


def set_homework_done(store: Store, program_id: str, homework_id: str, done: bool) -> None:
    with store.transaction() as c:
        if done:
            c.execute("INSERT OR IGNORE INTO homework_done VALUES (?, ?, ?)", (program_id, homework_id, utcnow()))
        else:
            c.execute("DELETE FROM homework_done WHERE program_id = ? AND homework_id = ?", (program_id, homework_id))


def clinician_unlocks(store: Store, program_id: str) -> set[str]:
    return {r[0] for r in store.query("SELECT module_id FROM clinician_unlocks WHERE program_id = ?", (program_id,))}


def add_clinician_unlock(store: Store, program_id: str, module_id: str) -> None:
    """Recorded when a clinician's feedback file unlocks a module (exchange, issue #5)."""
    with store.transaction() as c:
        c.execute("INSERT OR IGNORE INTO clinician_unlocks(program_id, module_id, unlocked_at) VALUES (?, ?, ?)",
                  (program_id, module_id, utcnow()))


def states(store: Store, program: Program, now: datetime | None = None,
           has_clinician: bool = False) -> list[unlock.ModuleState]:
    enrolment = store.query_one("SELECT started_at FROM enrolments WHERE program_id = ?", (program.id,))
    if enrolment is None:
        return []
    return unlock.evaluate(program, _dt(enrolment[0]), lessons_done(store, program.id),
                           clinician_unlocks(store, program.id), now or datetime.now().astimezone(),
                           has_clinician=has_clinician)


def summary(store: Store, program: Program) -> Summary:
    done = lessons_done(store, program.id)
    hw_ids = {h["id"] for m in program.modules for h in m.homework}
    seconds = store.query_one("SELECT coalesce(sum(seconds_spent), 0) FROM module_progress WHERE program_id = ?",
                              (program.id,))[0]
    return Summary(sum(1 for m in program.modules if m.id in done), len(program.modules),
                   len(homework_done(store, program.id) & hw_ids), len(hw_ids), seconds // 60)

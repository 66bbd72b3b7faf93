"""Interoceptive exercises: one timed exercise that brings on body sensations, and how it felt (no Qt).

Follows interoceptive exposure in Craske & Barlow's panic control treatment (*Mastery of Your Anxiety
and Panic*, 2006): do the exercise for its full time, notice the sensations without fighting them, then
rate how strong they were, how anxious they made you and how much they felt like panic (0-100 each).
Repeated tries show the distress coming down. The exercises, their cautions and the health check asked
before the first one are in ``app/exercises/interoceptive_catalogue.py``.

Data (all keys always present after ``normalize``)::

    exercise: catalogue id      seconds_done: int 0-3600 (time the exercise ran)
    intensity, distress, similarity: int 0-100 or None      note: str
"""

from __future__ import annotations

from app.exercises import limits
from app.exercises import readable as r
from app.exercises.interoceptive_catalogue import BY_ID
from app.i18n import N_, _, ngettext

KIND = "interoceptive"
TITLE = N_("Body sensation exercises")
DESCRIPTION = N_("Short exercises that bring on body feelings like those of panic, such as a fast heart or "
                 "dizziness, on purpose and safely. Doing them again and again teaches your body and mind "
                 "that these feelings are uncomfortable but not dangerous.")

MAX_SECONDS = 3600
RATINGS = ("intensity", "distress", "similarity")


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    exercise = data.get("exercise")
    if exercise in (None, ""):
        raise limits.Missing("exercise", N_("Choose the exercise you did, then save."))
    if exercise not in BY_ID:
        raise ValueError("unknown interoceptive exercise")
    out = {"exercise": exercise, "seconds_done": limits.rating(data.get("seconds_done"), 0, MAX_SECONDS) or 0}
    out.update({key: limits.rating(data.get(key), 0, 100) for key in RATINGS})
    if all(out[key] is None for key in RATINGS):
        raise limits.Missing("distress", N_("Rate how strong the feelings were and how anxious you felt, "
                                            "then save."))
    out["note"] = limits.text(data.get("note"))
    return out


def name(data: dict) -> str:
    found = BY_ID.get(data.get("exercise"))
    return _(found.name) if found else ""


def duration(seconds: int) -> str:
    """E.g. "90 seconds": the time the exercise ran, in whole seconds (as the exercises' lengths are given)."""
    n = int(seconds or 0)
    return ngettext("{count} second", "{count} seconds", n).format(count=r.number(n))


def summary(data: dict) -> str:
    distress = data.get("distress")
    if distress is None:
        return name(data)
    # Translators: a history line, e.g. "Spinning in a chair · distress 60". Keep the middle dot.
    return _("{exercise} \u00b7 distress {distress}").format(exercise=name(data), distress=r.number(distress))


def readable(data: dict, spec=None) -> list:
    return r.kept(
        r.line("exercise", _("Exercise"), name(data)),
        r.line("seconds_done", _("Time done"), duration(data.get("seconds_done", 0))),
        r.line("intensity", _("How strong the body feelings were"), r.rating(data.get("intensity"), 100)),
        r.line("distress", _("How anxious or upset I felt"), r.rating(data.get("distress"), 100)),
        r.line("similarity", _("How much it felt like panic"), r.rating(data.get("similarity"), 100)),
        r.line("note", _("Note"), data.get("note")),
    )


def tries(store, exercise: str, limit: int = 20) -> list[tuple[str, int | None]]:
    """(when written, distress) of the entries of this exercise, oldest first (the newest ``limit``)."""
    rows = store.query("SELECT created_at, json_extract(data, '$.distress') FROM exercise_entries"
                       " WHERE kind = ? AND json_extract(data, '$.exercise') = ?"
                       " ORDER BY created_at DESC LIMIT ?", (KIND, exercise, limit))
    return [(when, value if isinstance(value, int) else None) for when, value in reversed(rows)]

"""Fear ladder: situations or body sensations the person avoids, as steps from easiest to hardest.

Graded exposure as in Craske & Barlow, *Mastery of Your Anxiety and Panic* (a hierarchy of avoided
situations, each rated for the distress expected, practised from the bottom up), with the
inhibitory-learning guidance of Craske et al. (2014, *Behaviour Research and Therapy* 58:10-23):
the ladder is a plan, not a rule, so steps can be split when one is too big, reordered, and practised
again after they are done. One entry is one ladder; the person may keep several.

Data (all keys always present after ``normalize``)::

    name: str                       (what the ladder is about, e.g. "Taking the bus"; required)
    goal: str                       (what the person would like to be able to do)
    steps: [{"id": str,             (stable: exposure practice logs refer to it)
             "text": str,           (the situation or sensation)
             "distress": int 0-100 or None,   (predicted distress)
             "done_on": "yyyy-mm-dd" or None}] (the date the step was marked done)
"""

from __future__ import annotations

import datetime
import re

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _, format_date, ngettext

KIND = "fear-ladder"
TITLE = N_("Fear ladder")
DESCRIPTION = N_("List the places, situations or feelings in your body that you avoid, and how upsetting you "
                 "expect each one to be, from 0 to 100. Then take them one step at a time, starting low.")

MAX_STEPS = 40
STEP_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def step_id(value) -> str:
    """A step's id as stored (letters, digits, - and _); ValueError otherwise."""
    if not isinstance(value, str) or not STEP_ID.fullmatch(value):
        raise ValueError("step id expected")
    return value


def day(value):
    """An ISO date (yyyy-mm-dd), or None when not given."""
    if value in (None, ""):
        return None
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("date expected as yyyy-mm-dd")
    return datetime.date.fromisoformat(value).isoformat()


def _step(value) -> dict:
    value = limits.mapping(value)
    return {"id": step_id(value.get("id")), "text": limits.short(value.get("text")),
            "distress": limits.rating(value.get("distress")), "done_on": day(value.get("done_on"))}


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    name = limits.short(data.get("name"))
    steps = [s for s in limits.items(data.get("steps"), _step, MAX_STEPS) if s["text"]]
    ids = [s["id"] for s in steps]
    if len(set(ids)) != len(ids):
        raise ValueError("two steps share an id")
    if not name:
        raise limits.Missing("name", N_("Give your ladder a name, for example \u201cTaking the bus\u201d, "
                                        "then save."))
    if not steps:
        raise limits.Missing("steps", N_("Write at least one step, then save."))
    return {"name": name, "goal": limits.text(data.get("goal")), "steps": steps}


def summary(data: dict) -> str:
    steps = data.get("steps") or []
    done = sum(1 for s in steps if s.get("done_on"))
    # Translators: one line in the list of fear ladders: its name, then how many steps are done.
    return _("{name} \u00b7 {done} of {total} steps done").format(
        name=limits.first_line(data.get("name", "")), done=r.number(done), total=r.number(len(steps)))


def _done_date(value: str) -> str:
    try:
        return format_date(datetime.date.fromisoformat(value))
    except ValueError:
        return value


def step_line(step: dict) -> str:
    """One step in words: its text, the distress expected, and when it was done."""
    text, distress, done = step.get("text") or "-", step.get("distress"), step.get("done_on")
    rating = r.rating(distress, 100)
    if distress is not None and done:
        # Translators: a step of a fear ladder, the distress the person expects on it, and when they marked
        # it done, e.g. "Stand at the bus stop: expected distress 30 out of 100, done on 2 Dec 2026".
        return _("{step}: expected distress {rating}, done on {date}").format(
            step=text, rating=rating, date=_done_date(done))
    if distress is not None:
        # Translators: a step of a fear ladder and the distress the person expects on it.
        return _("{step}: expected distress {rating}").format(step=text, rating=rating)
    if done:
        # Translators: a step of a fear ladder and when the person marked it done.
        return _("{step}: done on {date}").format(step=text, date=_done_date(done))
    return text


def readable(data: dict, spec=None) -> list:
    steps = data.get("steps", [])
    lines = [_("{number}. {step}").format(number=r.number(i), step=step_line(s)) for i, s in enumerate(steps, 1)]
    done = sum(1 for s in steps if s.get("done_on"))
    progress = ngettext("{done} of {total} step done", "{done} of {total} steps done", len(steps)).format(
        done=r.number(done), total=r.number(len(steps))) if steps else ""
    return r.kept(
        r.line("name", _("What is this ladder about?"), data.get("name")),
        r.line("goal", _("What would you like to be able to do?"), data.get("goal")),
        r.line("steps", _("Steps, from the first to the last"), "\n".join(lines)),
        r.line((), _("Progress"), progress),
    )

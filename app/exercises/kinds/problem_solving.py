"""Problem solving: define the problem, list ideas with their pros and cons, choose one, plan, review.

Data (all keys always present after ``normalize``)::

    problem, goal, review: str
    options: [{"text": str, "pros": str, "cons": str}]
    chosen: index into options, or None
    steps: [{"text": str, "done": bool}]
    status: one of STATUS ids, worked out from the rest (never taken from input)
"""

from __future__ import annotations

from app.exercises import limits
from app.i18n import N_

KIND = "problem-solving"
TITLE = N_("Problem solving")
DESCRIPTION = N_("Work through a practical problem step by step: say what it is, list ideas, weigh them up, "
                 "choose one, plan small steps and look back at how it went.")

MAX_OPTIONS = 30
MAX_STEPS = 30

# From the first step to the last; ``status`` picks the furthest one reached. A saved entry always
# has its problem written down; "new" is only a form still blank (never stored: normalize needs the problem).
STATUS = (
    ("new", N_("Not started yet")),
    ("defined", N_("Problem written down")),
    ("ideas", N_("Ideas listed")),
    ("chosen", N_("Idea chosen")),
    ("planned", N_("Plan made")),
    ("started", N_("Plan started")),
    ("done", N_("All steps done")),
    ("reviewed", N_("Reviewed")),
)
STATUS_LABELS = dict(STATUS)


def _option(value) -> dict:
    value = limits.mapping(value)
    return {"text": limits.short(value.get("text")), "pros": limits.text(value.get("pros")),
            "cons": limits.text(value.get("cons"))}


def _step(value) -> dict:
    value = limits.mapping(value)
    done = value.get("done", False)
    if not isinstance(done, bool):
        raise ValueError("done must be true or false")
    return {"text": limits.short(value.get("text")), "done": done}


def status(data: dict) -> str:
    steps = data.get("steps") or []
    done = sum(1 for s in steps if s.get("done"))
    checks = (
        ("reviewed", bool((data.get("review") or "").strip())),
        ("done", bool(steps) and done == len(steps)),
        ("started", done > 0),
        ("planned", bool(steps)),
        ("chosen", data.get("chosen") is not None),
        ("ideas", bool(data.get("options"))),
        ("defined", bool((data.get("problem") or "").strip())),
    )
    return next((name for name, reached in checks if reached), "new")


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    out = {key: limits.text(data.get(key)) for key in ("problem", "goal")}
    if not out["problem"].strip():
        raise limits.Missing("problem", N_("Write down the problem first, then save."))
    out["options"] = limits.items(data.get("options"), _option, MAX_OPTIONS)
    chosen = data.get("chosen")
    if chosen is not None and (isinstance(chosen, bool) or not isinstance(chosen, int)
                               or not 0 <= chosen < len(out["options"])):
        raise ValueError("chosen must be the index of an option")
    out["chosen"] = chosen
    out["steps"] = limits.items(data.get("steps"), _step, MAX_STEPS)
    out["review"] = limits.text(data.get("review"))
    out["status"] = status(out)
    return out


def summary(data: dict) -> str:
    return limits.first_line(data.get("problem", ""), data.get("goal", ""))

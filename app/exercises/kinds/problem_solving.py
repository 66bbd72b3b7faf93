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
from app.exercises import readable as r
from app.i18n import N_, _

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


def readable(data: dict, spec=None) -> list:
    options = data.get("options", [])
    ideas = []
    for number, o in enumerate(options, 1):
        ideas.append(_("{number}. {idea}").format(number=r.number(number), idea=o["text"] or "-"))
        if o["pros"].strip():
            ideas.append(_("Good points: {text}").format(text=o["pros"].strip()))
        if o["cons"].strip():
            ideas.append(_("Bad points: {text}").format(text=o["cons"].strip()))
    chosen = data.get("chosen")
    picked = (_("{number}. {idea}").format(number=r.number(chosen + 1), idea=options[chosen]["text"] or "-")
              if isinstance(chosen, int) and 0 <= chosen < len(options) else _("Not chosen yet"))
    # Translators: a step of a plan, with whether it is done.
    steps = [_("{step} (done)").format(step=s["text"] or "-") if s["done"]
             else _("{step} (not done yet)").format(step=s["text"] or "-") for s in data.get("steps", [])]
    stage = STATUS_LABELS.get(data.get("status"))
    stage = _(stage) if stage else ""
    return r.kept(
        r.line("problem", _("What is the problem?"), data.get("problem")),
        r.line("goal", _("What would be different if it were a little better?"), data.get("goal")),
        r.line("options", _("Ideas"), "\n".join(ideas)),
        r.line("chosen", _("Which idea will you try?"), picked if options else ""),
        r.line("steps", _("Your plan, in small steps"), "\n".join(steps)),
        r.line("review", _("How did it go?"), data.get("review")),
        r.line("status", _("Stage reached"), stage),
    )

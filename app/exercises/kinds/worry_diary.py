"""Worry diary: one worry, whether it is practical or hypothetical, what I did with it, and distress before and after.

Follows the worry-classification step of CBT for generalised anxiety (Dugas & Robichaud 2007, *Cognitive-
Behavioral Treatment for Generalized Anxiety Disorder*; the "worry decision tree" of Butler & Hope, *Manage
Your Mind*): a practical worry is about a problem that exists now and that I can act on (it goes to problem
solving); a hypothetical one is a "what if..." about something that may never happen (it can wait for worry
time, or be noticed and let go).

Data (all keys always present after ``normalize``)::

    date: "yyyy-mm-dd"; time: "HH:MM"            (when the worry came)
    worry: str                                    (required)
    type: "practical" | "hypothetical" | None     (None: not decided yet)
    distress_before, distress_after: int 0-100 or None
    action: one of ACTIONS ids or None; action_note: str (short)
"""

from __future__ import annotations

import datetime
import re

from app.exercises import limits
from app.exercises import readable as r
from app.exercises.kinds.activity_monitoring import day
from app.i18n import N_, _, format_when, isolate

KIND = "worry-diary"
TITLE = N_("Worry diary")
DESCRIPTION = N_("Write down a worry when it comes, sort it into a practical worry or a \u201cwhat if\u201d "
                 "worry, and note what you did with it and how you felt before and after.")
DATED = True  # the summary says when the worry came, so history lists show no other time

PRACTICAL, HYPOTHETICAL = "practical", "hypothetical"
TYPES = (
    # Translators: a worry about a real problem that exists now and that the person can act on.
    (PRACTICAL, N_("Practical: a real problem I can act on now")),
    # Translators: a worry about something that might happen ("what if...").
    (HYPOTHETICAL, N_("Hypothetical: a \u201cwhat if\u2026\u201d worry")),
)
TYPE_SHORT = {PRACTICAL: N_("Practical"), HYPOTHETICAL: N_("Hypothetical")}
# The one plain question that helps decide (asked in the editor and said in the readable form).
QUESTION = N_("Is this about a problem that exists now and that you can do something about?")

ACTIONS = (
    ("problem-solving", N_("Turned it into problem solving")),
    ("worry-time", N_("Postponed it to worry time")),
    ("let-go", N_("Noticed it and let it go")),
    ("other", N_("Something else")),
)
ACTION_IDS = tuple(a for a, _label in ACTIONS)
TYPE_IDS = tuple(t for t, _label in TYPES)
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def clock(value) -> str:
    """A time of day as "HH:MM" (24-hour); ValueError for anything else."""
    if not isinstance(value, str) or not _TIME.fullmatch(value):
        raise ValueError("time expected as HH:MM")
    return value


def _choice(value, allowed: tuple, what: str):
    if value is None or value == "":
        return None
    if value not in allowed:
        raise ValueError(f"unknown {what}")
    return value


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    worry = limits.text(data.get("worry"))
    if not worry.strip():
        raise limits.Missing("worry", N_("Write down the worry in a few words, then save."))
    return {"date": day(data.get("date")), "time": clock(data.get("time")), "worry": worry,
            "type": _choice(data.get("type"), TYPE_IDS, "worry type"),
            "distress_before": limits.rating(data.get("distress_before")),
            "distress_after": limits.rating(data.get("distress_after")),
            "action": _choice(data.get("action"), ACTION_IDS, "action"),
            "action_note": limits.short(data.get("action_note"))}


def when(data: dict) -> str:
    """When the worry came, as every list says it (the locale's medium date and short time)."""
    try:
        moment = datetime.datetime.combine(datetime.date.fromisoformat(data.get("date") or ""),
                                           datetime.time.fromisoformat(data.get("time") or ""))
    except (TypeError, ValueError):
        return str(data.get("date") or "")
    return format_when(moment)


def _short_change(before, after) -> str:
    if before is None and after is None:
        return ""
    return f"{'' if before is None else r.number(before)}\u2192{'' if after is None else r.number(after)}"


def summary(data: dict) -> str:
    """When, the type, distress before -> after, and the worry's first words."""
    kind = TYPE_SHORT.get(data.get("type"))
    parts = [when(data), _(kind) if kind else "", _short_change(data.get("distress_before"),
                                                                data.get("distress_after")),
             limits.first_line(data.get("worry", ""), width=60)]
    return " \u00b7 ".join(isolate(p) for p in parts if p)


def readable(data: dict, spec=None) -> list:
    types, actions = dict(TYPES), dict(ACTIONS)
    kind = _(types[data["type"]]) if data.get("type") in types else ""
    did = _(actions[data["action"]]) if data.get("action") in actions else ""
    note = (data.get("action_note") or "").strip()
    if did and note:
        # Translators: what the person did with a worry, then their own short note about it.
        did = _("{action}: {note}").format(action=did, note=note)
    return r.kept(
        r.line(("date", "time"), _("When"), when(data)),
        r.line("worry", _("The worry"), data.get("worry")),
        # Translators: the worry's type, with the question that helps decide it.
        r.line("type", _("Practical or hypothetical?"), kind),
        r.line(("distress_before", "distress_after"), _("Distress before and after"),
               r.change(data.get("distress_before"), data.get("distress_after"), 100)),
        r.line(("action", "action_note"), _("What I did with it"), did or note),
    )

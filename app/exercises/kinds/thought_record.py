"""Thought record: a situation, feelings, thoughts, thinking traps, evidence and a balanced view.

Data (all keys always present after ``normalize``)::

    situation, thoughts, evidence_for, evidence_against, balanced: str
    belief, belief_after: int 0-100 or None   (belief in the thought, before and after)
    emotions: [{"name": str, "intensity": int 0-100 or None, "rerated": int 0-100 or None}]
    traps: [built-in trap id]                  (ticked built-ins in ``TRAPS`` order)
    custom_traps: [str]                        (ticked traps the person named themselves)
"""

from __future__ import annotations

from app.exercises import limits
from app.i18n import N_

KIND = "thought-record"
TITLE = N_("Thought record")
DESCRIPTION = N_("Slow an upsetting thought down: write it out, look at the facts for and against it, "
                 "and find a fairer, more balanced way to see things.")

# Stable ids (saved in entries) with labels for the editor and for reports.
TRAPS = (
    ("all-or-nothing", N_("All-or-nothing thinking")),
    ("mind-reading", N_("Mind reading")),
    ("fortune-telling", N_("Fortune telling")),
    ("catastrophising", N_("Catastrophising")),
    ("overgeneralising", N_("Overgeneralising")),
    ("mental-filter", N_("Mental filter")),
    ("discounting-positive", N_("Discounting the positive")),
    ("should-statements", N_("\u201cShould\u201d statements")),
    ("labelling", N_("Labelling")),
    ("personalising", N_("Personalising")),
    ("emotional-reasoning", N_("Emotional reasoning")),
)
TRAP_IDS = tuple(trap_id for trap_id, _label in TRAPS)
TEXT_FIELDS = ("situation", "thoughts", "evidence_for", "evidence_against", "balanced")
MAX_EMOTIONS = 20
MAX_CUSTOM_TRAPS = 30


def _emotion(value) -> dict:
    value = limits.mapping(value)
    return {"name": limits.short(value.get("name")), "intensity": limits.rating(value.get("intensity")),
            "rerated": limits.rating(value.get("rerated"))}


def _trap(value) -> str:
    if value not in TRAP_IDS:
        raise ValueError("unknown thinking trap")
    return value


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    out = {key: limits.text(data.get(key)) for key in TEXT_FIELDS}
    if not (out["situation"].strip() or out["thoughts"].strip()):
        raise limits.Missing("situation", N_("Write what was happening, or what went through your mind, "
                                             "then save."))
    out["belief"] = limits.rating(data.get("belief"))
    out["belief_after"] = limits.rating(data.get("belief_after"))
    out["emotions"] = [e for e in limits.items(data.get("emotions"), _emotion, MAX_EMOTIONS) if e["name"]]
    ticked = set(limits.items(data.get("traps"), _trap))
    out["traps"] = [t for t in TRAP_IDS if t in ticked]  # built-in order, no repeats
    out["custom_traps"] = _unique(limits.items(data.get("custom_traps"), limits.short, MAX_CUSTOM_TRAPS))
    return out


def summary(data: dict) -> str:
    return limits.first_line(data.get("situation", ""), data.get("thoughts", ""))

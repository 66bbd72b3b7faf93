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
from app.exercises import readable as r
from app.i18n import N_, _, format_list

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


def readable(data: dict, spec=None) -> list:
    """In the form's order; each feeling and the belief with its re-rating (before -> after)."""
    feelings = "\n".join(
        _("{feeling}: {change}").format(feeling=e["name"], change=r.change(e["intensity"], e["rerated"], 100))
        if e["intensity"] is not None or e["rerated"] is not None else e["name"]
        for e in data.get("emotions", []))
    labels = dict(TRAPS)
    traps = [_(labels[t]) for t in data.get("traps", []) if t in labels] + list(data.get("custom_traps", []))
    return r.kept(
        r.line("situation", _("What was happening?"), data.get("situation")),
        r.line("emotions", _("How did you feel?"), feelings),
        r.line("thoughts", _("What went through your mind?"), data.get("thoughts")),
        # Translators: how much the person believed the upsetting thought, then and after the exercise.
        r.line(("belief", "belief_after"), _("Belief in the thought"),
               r.change(data.get("belief"), data.get("belief_after"), 100)),
        r.line(("traps", "custom_traps"), _("Thinking traps"), format_list(traps) if traps else ""),
        r.line("evidence_for", _("What facts support the thought?"), data.get("evidence_for")),
        r.line("evidence_against", _("What facts do not fit the thought?"), data.get("evidence_against")),
        r.line("balanced", _("A more balanced thought"), data.get("balanced")),
    )

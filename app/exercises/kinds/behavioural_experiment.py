"""Behavioural experiment: test a belief by doing something and seeing what really happens.

Follows the planning and review record of Bennett-Levy, Butler, Fennell, Hackmann, Mueller & Westbrook
(2004), *Oxford Guide to Behavioural Experiments in Cognitive Therapy* (Oxford University Press): the
belief and how strongly it is held, the experiment (what, when, where), the prediction, the safety
behaviours to drop, then what actually happened, what was learned, and the belief re-rated.
An experiment can be saved as a plan and completed later in the same entry.

Data (all keys always present after ``normalize``)::

    belief, experiment, prediction, safety_behaviours, outcome, learned: str
    belief_before, belief_after: int 0-100 (per cent) or None
    status: "planned" or "done", worked out from the rest (never taken from input)
"""

from __future__ import annotations

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _

KIND = "behavioural-experiment"
TITLE = N_("Behavioural experiment")
DESCRIPTION = N_("Test a worrying belief in real life: plan a small experiment, predict what will happen, "
                 "try it without your usual safety behaviours, and see what really happens.")

PLAN_FIELDS = ("belief", "experiment", "prediction", "safety_behaviours")
RESULT_FIELDS = ("outcome", "learned")
TEXT_FIELDS = PLAN_FIELDS + RESULT_FIELDS
PLANNED, DONE = "planned", "done"
STATUS = (
    # Translators: a behavioural experiment planned but not yet carried out.
    (PLANNED, N_("Planned")),
    # Translators: a behavioural experiment carried out and looked back on.
    (DONE, N_("Done")),
)
STATUS_LABELS = dict(STATUS)


def status(data: dict) -> str:
    """Done once what happened, what was learned or the re-rating is written; planned before that."""
    done = any((data.get(k) or "").strip() for k in RESULT_FIELDS) or data.get("belief_after") is not None
    return DONE if done else PLANNED


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    out = {key: limits.text(data.get(key)) for key in TEXT_FIELDS}
    if not out["belief"].strip():
        raise limits.Missing("belief", N_("Write down the belief you want to test, then save."))
    out["belief_before"] = limits.rating(data.get("belief_before"))
    out["belief_after"] = limits.rating(data.get("belief_after"))
    out["status"] = status(out)
    return out


def _percent(value) -> str:
    # Translators: how strongly a belief is held, e.g. "80%".
    return "" if value is None else _("{value}%").format(value=r.number(value))


def _belief_change(before, after) -> str:
    if before is None and after is None:
        return ""
    if after is None:
        return _("before: {rating}").format(rating=_percent(before))
    if before is None:
        return _("after: {rating}").format(rating=_percent(after))
    # Translators: a belief rated before and after an experiment, e.g. "80% -> 30%".
    return _("{before} \u2192 {after}").format(before=_percent(before), after=_percent(after))


def summary(data: dict) -> str:
    """Planned or the belief's change, then the belief's first words."""
    if data.get("status") == PLANNED:
        head = _(STATUS_LABELS[PLANNED])
    else:
        head = _belief_change(data.get("belief_before"), data.get("belief_after")) or _(STATUS_LABELS[DONE])
    return _("{state} \u00b7 {belief}").format(state=head, belief=limits.first_line(data.get("belief", ""),
                                                                                   width=60))


def readable(data: dict, spec=None) -> list:
    stage = STATUS_LABELS.get(data.get("status"))
    return r.kept(
        r.line("status", _("Stage"), _(stage) if stage else ""),
        r.line("belief", _("The belief I am testing"), data.get("belief")),
        r.line("belief_before", _("How strongly I believed it (0-100%)"), _percent(data.get("belief_before"))),
        r.line("experiment", _("The experiment: what I will do, when and where"), data.get("experiment")),
        r.line("prediction", _("What I predicted would happen"), data.get("prediction")),
        r.line("safety_behaviours", _("Safety behaviours I dropped"), data.get("safety_behaviours")),
        r.line("outcome", _("What actually happened"), data.get("outcome")),
        r.line("learned", _("What I learned"), data.get("learned")),
        r.line("belief_after", _("How strongly I believe it now (0-100%)"), _percent(data.get("belief_after"))),
    )

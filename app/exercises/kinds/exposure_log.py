"""Exposure practice log: one practice of a fear-ladder step, and what it taught.

Follows graded exposure as in Craske & Barlow, *Mastery of Your Anxiety and Panic* (distress rated
0-100 before, at the peak and at the end of each practice; practices repeated until the step feels
manageable), with the inhibitory-learning guidance of Craske et al. (2014, *Behaviour Research and
Therapy* 58:10-23): write down what you predicted, then compare it with what happened (expectancy
violation), drop safety behaviours, and note what you learned. Distress does not have to fall during
a practice for it to be useful; what counts is learning that the feared outcome did not happen or
could be coped with. Lessons say so; the form asks about the prediction, not about "getting calm".

Data (all keys always present after ``normalize``)::

    ladder_id, step_id: str          (the fear-ladder entry and its step practised; both "" when the
                                      practice is not from a ladder)
    ladder: str                      (the ladder's name when the practice was written, kept so the log
    step: str                         reads sensibly after the ladder or the step is gone; step required)
    date: "yyyy-mm-dd"
    minutes: int 0-600 or None       (how long the practice lasted)
    before, peak, end: int 0-100 or None   (distress before, at its highest, and at the end)
    predicted, happened, safety_dropped, learned: str
"""

from __future__ import annotations

import datetime

from app.exercises import limits
from app.exercises import readable as r
from app.exercises.kinds import fear_ladder
from app.i18n import N_, _, format_date, isolate

KIND = "exposure-log"
TITLE = N_("Exposure practice")
DESCRIPTION = N_("Write down one practice of a step on your fear ladder: what you expected, how upsetting it "
                 "was before, at its worst and at the end, and what you found out.")

DATED = True  # the summary says the date of the practice
MAX_MINUTES = 600
RATINGS = ("before", "peak", "end")
TEXTS = ("predicted", "happened", "safety_dropped", "learned")


def _link(data: dict) -> tuple[str, str]:
    ladder, step = data.get("ladder_id") or "", data.get("step_id") or ""
    if bool(ladder) != bool(step):
        raise ValueError("a ladder step is linked by both the ladder's id and the step's id")
    return (fear_ladder.step_id(ladder), fear_ladder.step_id(step)) if ladder else ("", "")


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    ladder_id, step_id = _link(data)
    step = limits.short(data.get("step"))
    date = fear_ladder.day(data.get("date"))
    if not step:
        raise limits.Missing("step", N_("Choose the step you practised, or write what you practised, then save."))
    if date is None:
        raise limits.Missing("date", N_("Give the date of the practice, then save."))
    out = {"ladder_id": ladder_id, "step_id": step_id, "ladder": limits.short(data.get("ladder")), "step": step,
           "date": date, "minutes": limits.rating(data.get("minutes"), 0, MAX_MINUTES)}
    out.update({k: limits.rating(data.get(k)) for k in RATINGS})
    out.update({k: limits.text(data.get(k)) for k in TEXTS})
    return out


def when(data: dict) -> str:
    try:
        return format_date(datetime.date.fromisoformat(data.get("date") or ""))
    except (TypeError, ValueError):
        return str(data.get("date") or "")


def summary(data: dict) -> str:
    return f"{isolate(when(data))} \u00b7 {isolate(limits.first_line(data.get('step', '')))}"


RATING_LABELS = {
    # Translators: distress ratings of one exposure practice, each from 0 to 100.
    "before": N_("Distress just before"), "peak": N_("Distress at its highest"), "end": N_("Distress at the end"),
}
TEXT_LABELS = {
    "predicted": N_("What did you expect would happen?"),
    "happened": N_("What actually happened?"),
    "safety_dropped": N_("Safety behaviours you dropped"),
    "learned": N_("What did you learn?"),
}


def readable(data: dict, spec=None) -> list:
    step = data.get("step", "")
    if data.get("ladder"):
        # Translators: the step practised and the fear ladder it belongs to, e.g. "Ride two stops (Taking the bus)".
        step = _("{step} ({ladder})").format(step=step, ladder=data["ladder"])
    minutes = data.get("minutes")
    return r.kept(
        r.line(("ladder_id", "step_id", "ladder", "step"), _("Step practised"), step),
        r.line("date", _("Date"), when(data)),
        r.line("minutes", _("How long"), _("{minutes} min").format(minutes=r.number(minutes))
               if minutes is not None else ""),
        r.line("predicted", _(TEXT_LABELS["predicted"]), data.get("predicted")),
        r.line("safety_dropped", _(TEXT_LABELS["safety_dropped"]), data.get("safety_dropped")),
        *(r.line(k, _(RATING_LABELS[k]), r.rating(data.get(k), 100)) for k in RATINGS),
        r.line("happened", _(TEXT_LABELS["happened"]), data.get("happened")),
        r.line("learned", _(TEXT_LABELS["learned"]), data.get("learned")),
    )

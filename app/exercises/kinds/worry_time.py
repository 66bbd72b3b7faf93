"""Worry time: one daily slot for worrying; worries that come during the day are parked for it.

Follows Borkovec's stimulus control of worry (Borkovec, Wilkinson, Folensbee & Lerman 1983, "Stimulus
control applications to the treatment of worry", *Behaviour Research and Therapy* 21, 247-251): set a
fixed time and place to worry each day, postpone worries that come at other times to that slot, and in
the slot look at each one; a worry that is about a real problem goes on to problem solving, a "what if"
worry can be let go (as in Dugas & Robichaud 2007).

One entry is one worry-time session. Its data (all keys always present after ``normalize``)::

    worries: [{"text": str, "outcome": one of OUTCOMES ids or None}]   (None: not looked at yet)
    distress_before, distress_after: int 0-100 or None
    note: str

The daily slot and the worries parked during the day are not entries: they live in the kind's own
settings (``app/exercises/worry_time.py``).
"""

from __future__ import annotations

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _

KIND = "worry-time"
TITLE = N_("Worry time")
DESCRIPTION = N_("Choose a short time each day for worrying. When a worry comes at another time, park it "
                 "here in a few words; then, in your worry time, look at each parked worry in turn.")

MAX_WORRIES = 50
GONE, PRACTICAL, LET_GO = "gone", "practical", "let-go"
OUTCOMES = (
    # Translators: a parked worry looked at again in worry time that no longer bothers the person.
    (GONE, N_("No longer a worry")),
    # Translators: a parked worry about a real problem: the person will work on it with problem solving.
    (PRACTICAL, N_("Practical: I will work on it with problem solving")),
    # Translators: a parked "what if" worry that the person notices and lets go.
    (LET_GO, N_("A \u201cwhat if\u201d worry: I let it go")),
)
OUTCOME_IDS = tuple(o for o, _label in OUTCOMES)
NOT_YET = N_("Not looked at yet")


def _worry(value) -> dict:
    value = limits.mapping(value)
    outcome = value.get("outcome")
    if outcome in (None, ""):
        outcome = None
    elif outcome not in OUTCOME_IDS:
        raise ValueError("unknown outcome")
    return {"text": limits.short(value.get("text")), "outcome": outcome}


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    worries = [w for w in limits.items(data.get("worries"), _worry, MAX_WORRIES) if w["text"]]
    out = {"worries": worries, "distress_before": limits.rating(data.get("distress_before")),
           "distress_after": limits.rating(data.get("distress_after")), "note": limits.text(data.get("note"))}
    if not any(w["outcome"] for w in worries) and out["distress_before"] is None \
            and out["distress_after"] is None and not out["note"].strip():
        raise limits.Missing("worries", N_("Look at one of your worries and choose what to do with it, "
                                           "or rate your distress, then save."))
    return out


def summary(data: dict) -> str:
    """How many worries were looked at, and distress before -> after (numbers only; the list adds the date)."""
    worries = data.get("worries") or []
    done = sum(1 for w in worries if w.get("outcome"))
    line = f"{done}/{len(worries)}"
    before, after = data.get("distress_before"), data.get("distress_after")
    if before is not None or after is not None:
        line += f" \u00b7 {'' if before is None else r.number(before)}\u2192{'' if after is None else r.number(after)}"
    return line


def readable(data: dict, spec=None) -> list:
    labels = {None: NOT_YET, **dict(OUTCOMES)}
    worries = "\n".join(
        # Translators: one worry looked at in worry time, then what the person decided about it.
        _("{worry} ({outcome})").format(worry=w["text"],
                                       outcome=_(labels[w.get("outcome")]))
        for w in data.get("worries", []))
    return r.kept(
        r.line("worries", _("Worries looked at"), worries),
        r.line(("distress_before", "distress_after"), _("Distress before and after"),
               r.change(data.get("distress_before"), data.get("distress_after"), 100)),
        r.line("note", _("Note"), data.get("note")),
    )

"""Paced breathing: a practice log, and the pacer's timing (no Qt here).

The pacer walks through breathe in, hold (skipped when 0 seconds) and breathe
out, with lengths the user chooses; ``Pacer.advance`` moves it on by a number
of seconds, so the editor drives it from a timer and tests drive it directly.
"""

from __future__ import annotations

import math

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _

KIND = "breathing"
TITLE = N_("Paced breathing")
DESCRIPTION = N_("Slow your breathing down with a steady rhythm: breathe in gently, pause if you like, and "
                 "breathe out a little longer than you breathe in. A few minutes is enough.")

INHALE = (2, 8)
HOLD = (0, 7)
EXHALE = (2, 10)
DEFAULT = (4, 0, 6)
SESSION_MINUTES = (1, 10)
MAX_MINUTES = 600

IN, HOLDING, OUT = "in", "hold", "out"
# Translators: spoken-style cues of the breathing pacer; "Hold" means hold your breath.
CUES = {IN: N_("Breathe in"), HOLDING: N_("Hold"), OUT: N_("Breathe out")}


class Pacer:
    """Where in the breath we are: the phase, seconds into it, and the total running time."""

    def __init__(self, inhale: int = DEFAULT[0], hold: int = DEFAULT[1], exhale: int = DEFAULT[2]):
        self.set_rhythm(inhale, hold, exhale)
        self.reset()

    def set_rhythm(self, inhale: int, hold: int, exhale: int) -> None:
        self.lengths = {IN: max(1, inhale), HOLDING: max(0, hold), OUT: max(1, exhale)}

    def reset(self) -> None:
        self.phase, self.into, self.total = IN, 0.0, 0.0

    def _next(self, phase: str) -> str:
        order = [p for p in (IN, HOLDING, OUT) if self.lengths[p] > 0]
        return order[(order.index(phase) + 1) % len(order)] if phase in order else IN

    def advance(self, seconds: float) -> list[str]:
        """Move on by ``seconds``; returns the phases entered on the way (in order)."""
        entered = []
        self.total += seconds
        self.into += seconds
        while self.into >= self.lengths[self.phase]:
            self.into -= self.lengths[self.phase]
            self.phase = self._next(self.phase)
            entered.append(self.phase)
        return entered

    def remaining(self) -> float:
        return max(0.0, self.lengths[self.phase] - self.into)

    def level(self) -> float:
        """How full the lungs are, 0..1, eased: rises on the in-breath, stays on hold, falls on the out-breath."""
        length = self.lengths[self.phase]
        p = min(1.0, self.into / length) if length else 1.0
        eased = 0.5 - 0.5 * math.cos(math.pi * p)
        return {IN: eased, HOLDING: 1.0, OUT: 1.0 - eased}[self.phase]


def _seconds(value, bounds, default):
    v = limits.rating(value, *bounds)
    return default if v is None else v


def normalize(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValueError("object expected")
    minutes = limits.rating(data.get("minutes_practised"), 0, MAX_MINUTES) or 0
    calm = {k: limits.rating(data.get(k), 0, 10) for k in ("calm_before", "calm_after")}
    if minutes <= 0 and all(v is None for v in calm.values()):
        raise limits.Missing("minutes_practised", N_("Practise for a minute or two, or rate how calm you "
                                                     "feel, then save."))
    return {"minutes_practised": minutes,
            "inhale": _seconds(data.get("inhale"), INHALE, DEFAULT[0]),
            "hold": _seconds(data.get("hold"), HOLD, DEFAULT[1]),
            "exhale": _seconds(data.get("exhale"), EXHALE, DEFAULT[2]),
            **calm, "note": limits.text(data.get("note"))}


def summary(data: dict) -> str:
    # Numbers only (and the unit symbol "min"): the history list adds the date.
    return f"{data.get('inhale')}-{data.get('hold')}-{data.get('exhale')} \u00b7 {data.get('minutes_practised', 0)} min"


def readable(data: dict, spec=None) -> list:
    # Translators: the breathing rhythm, in seconds, e.g. "in 4 s, hold 0 s, out 6 s".
    rhythm = _("in {inhale} s, hold {hold} s, out {exhale} s").format(
        inhale=r.number(data.get("inhale")), hold=r.number(data.get("hold")), exhale=r.number(data.get("exhale")))
    return r.kept(
        r.line("minutes_practised", _("Minutes practised"), r.number(data.get("minutes_practised", 0))),
        r.line(("inhale", "hold", "exhale"), _("Rhythm"), rhythm),
        r.line(("calm_before", "calm_after"), _("Calm before and after"),
               r.change(data.get("calm_before"), data.get("calm_after"), 10)),
        r.line("note", _("Note"), data.get("note")),
    )

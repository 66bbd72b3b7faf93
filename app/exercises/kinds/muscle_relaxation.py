"""Progressive muscle relaxation: a practice log, and the guide's steps and
timing (no Qt here). ``Guide.advance`` moves the countdown on by seconds, so
the editor drives it from a timer and tests drive it directly."""

from __future__ import annotations

from dataclasses import dataclass

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _

KIND = "muscle-relaxation"
TITLE = N_("Muscle relaxation")
DESCRIPTION = N_("Tense and then relax one group of muscles at a time, and notice the difference between "
                 "tension and relaxation. It takes about five minutes.")

TENSE, RELAX = "tense", "relax"


@dataclass(frozen=True)
class Step:
    name: str            # N_ text
    how: str             # N_ text: how to tense this group
    tense: int = 5       # seconds
    relax: int = 15      # seconds


STEPS = (
    Step(N_("Hands and forearms"), N_("Make a fist with both hands and squeeze.")),
    Step(N_("Upper arms"), N_("Bend your elbows and tighten the muscles of your upper arms.")),
    Step(N_("Forehead"), N_("Raise your eyebrows as high as they will go.")),
    Step(N_("Eyes and cheeks"), N_("Screw your eyes shut and scrunch up your cheeks.")),
    Step(N_("Mouth and jaw"), N_("Press your lips together and gently bite down.")),
    Step(N_("Neck and shoulders"), N_("Lift your shoulders up towards your ears.")),
    Step(N_("Chest and back"), N_("Breathe in deeply and gently pull your shoulder blades together.")),
    Step(N_("Stomach"), N_("Pull your stomach in and make it firm.")),
    Step(N_("Thighs"), N_("Press your knees together and tighten your thighs.")),
    Step(N_("Calves and feet"), N_("Pull your toes up towards your shins.")),
)


class Guide:
    """Which step and phase we are in, seconds into it, and which groups were completed."""

    def __init__(self, steps=STEPS):
        self.steps = tuple(steps)
        self.reset()

    def reset(self) -> None:
        self.index, self.phase, self.into = 0, TENSE, 0.0
        self.completed: set[int] = set()
        self.finished = False

    @property
    def step(self) -> Step:
        return self.steps[self.index]

    def length(self) -> int:
        return self.step.tense if self.phase == TENSE else self.step.relax

    def remaining(self) -> float:
        return 0.0 if self.finished else max(0.0, self.length() - self.into)

    def advance(self, seconds: float) -> bool:
        """Count down; returns True when the phase or step changed."""
        moved = False
        self.into += seconds
        while not self.finished and self.into >= self.length():
            self.into -= self.length()
            if self.phase == TENSE:
                self.phase = RELAX
            else:
                left = self.into
                self._go(self.index + 1, count=True)
                self.into = left
            moved = True
        return moved

    def next(self) -> None:
        """Skip ahead; the group counts as completed if its letting-go had begun."""
        if not self.finished:
            self._go(self.index + 1, count=self.phase == RELAX)

    def back(self) -> None:
        """The previous group (from the end: the last group again), from its start."""
        self._go(self.index if self.finished else max(0, self.index - 1), count=False)

    def restart(self) -> None:
        """From the first group again, keeping the groups already completed."""
        self._go(0, count=False)

    def _go(self, index: int, *, count: bool) -> None:
        if count:
            self.completed.add(self.index)
        self.phase, self.into, self.finished = TENSE, 0.0, index >= len(self.steps)
        self.index = min(index, len(self.steps) - 1)


def normalize(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValueError("object expected")
    groups = limits.rating(data.get("groups_completed"), 0, len(STEPS)) or 0
    tension = {k: limits.rating(data.get(k), 0, 10) for k in ("tension_before", "tension_after")}
    if groups <= 0 and all(v is None for v in tension.values()):
        raise limits.Missing("groups_completed", N_("Go through a few muscle groups, or rate how tense you "
                                                    "feel, then save."))
    return {"groups_completed": groups, **tension, "note": limits.text(data.get("note"))}


def summary(data: dict) -> str:
    # Numbers only: groups completed out of all, and tension before -> after when rated.
    line = f"{data.get('groups_completed', 0)}/{len(STEPS)}"
    before, after = data.get("tension_before"), data.get("tension_after")
    if before is not None or after is not None:
        line += f" \u00b7 {'' if before is None else before}\u2192{'' if after is None else after}"
    return line


def readable(data: dict, spec=None) -> list:
    groups = _("{count} of {total}").format(count=r.number(data.get("groups_completed", 0)),
                                            total=r.number(len(STEPS)))
    return r.kept(
        r.line("groups_completed", _("Muscle groups completed"), groups),
        r.line(("tension_before", "tension_after"), _("Tension before and after"),
               r.change(data.get("tension_before"), data.get("tension_after"), 10)),
        r.line("note", _("Note"), data.get("note")),
    )

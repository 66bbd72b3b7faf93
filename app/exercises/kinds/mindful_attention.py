"""Mindful attention: a short, timed, guided practice with steps shown in turn (no Qt here).

Follows the brief attention practices of mindfulness-based cognitive therapy (Segal, Williams & Teasdale,
*Mindfulness-Based Cognitive Therapy for Depression*, 2nd ed., 2013: the breathing space and the
sitting practice) as used for worry and anxiety (Roemer & Orsillo's acceptance-based behavioural
therapy for GAD, 2009): settle, rest attention on the breath, notice thoughts as passing events and
let them go, widen attention to sounds and the whole body, and close. ``Guide`` splits the chosen
length between the steps; the editor moves it on from a timer and tests move it directly.

Data (all keys always present after ``normalize``)::

    length: 3, 5 or 10 (minutes chosen)     minutes_practised: int 0-600
    presence: int 0-10 or None (how present I felt)     note: str
"""

from __future__ import annotations

from dataclasses import dataclass

from app.exercises import limits
from app.exercises import readable as r
from app.exercises.countdown import Countdown
from app.i18n import N_, _, ngettext

KIND = "mindful-attention"
TITLE = N_("Mindful attention")
DESCRIPTION = N_("A few quiet minutes of noticing what is here right now: your breath, your thoughts, the "
                 "sounds around you. There is no right way to feel. Each time your mind wanders, gently "
                 "coming back is the practice.")

LENGTHS = (3, 5, 10)
DEFAULT_LENGTH = 5
MAX_MINUTES = 600
CHIME_KEY = ("mindful-attention", "chime")  # (kind, name) in kind_settings


@dataclass(frozen=True)
class Step:
    title: str   # N_ text
    text: str    # N_ text
    share: float  # part of the whole practice


STEPS = (
    Step(N_("Settling"),
         N_("Sit in a way that feels steady and comfortable, feet on the floor. Let your eyes close, or rest "
            "them on one spot. Notice the weight of your body on the chair."), 0.15),
    Step(N_("The breath"),
         N_("Bring your attention to your breathing: the air coming in and going out, your chest or belly "
            "rising and falling. There is no need to change it. When your mind wanders, notice where it went, "
            "and gently come back to the breath."), 0.30),
    Step(N_("Thoughts come and go"),
         N_("Notice any thoughts as they come, as if they were clouds passing across the sky or cars going "
            "by. You do not have to follow them or push them away. Name them softly, \u201cthinking\u201d, "
            "and let them pass."), 0.25),
    Step(N_("Sounds and the whole body"),
         N_("Now let your attention widen. Notice the sounds around you, near and far, without judging them. "
            "Then notice your whole body sitting here, breathing, with whatever feelings are present."), 0.20),
    Step(N_("Closing"),
         N_("Take one or two slightly deeper breaths. Notice how you feel now. When you are ready, open your "
            "eyes and move gently back into your day."), 0.10),
)


class Guide:
    """The practice's countdown and which step it is in."""

    def __init__(self, minutes: int = DEFAULT_LENGTH, steps=STEPS):
        self.steps = tuple(steps)
        self.countdown = Countdown(minutes * 60)

    def reset(self, minutes: int | None = None) -> None:
        self.countdown.reset(None if minutes is None else minutes * 60)

    @property
    def finished(self) -> bool:
        return self.countdown.finished

    def advance(self, seconds: float) -> bool:
        """Move on; True when this reached the end."""
        return self.countdown.advance(seconds)

    def bounds(self) -> list[float]:
        """The second at which each step ends."""
        ends, total = [], 0.0
        for step in self.steps:
            total += step.share * self.countdown.length
            ends.append(total)
        ends[-1] = self.countdown.length
        return ends

    def index(self) -> int:
        elapsed = self.countdown.elapsed
        return next((i for i, end in enumerate(self.bounds()) if elapsed < end), len(self.steps) - 1)

    @property
    def step(self) -> Step:
        return self.steps[self.index()]


def normalize(data: dict) -> dict:
    data = limits.mapping(data)
    length = data.get("length", DEFAULT_LENGTH)
    if length in (None, ""):
        length = DEFAULT_LENGTH
    if isinstance(length, bool) or length not in LENGTHS:
        raise ValueError("length must be 3, 5 or 10 minutes")
    minutes = limits.rating(data.get("minutes_practised"), 0, MAX_MINUTES) or 0
    presence = limits.rating(data.get("presence"), 0, 10)
    if minutes <= 0 and presence is None:
        raise limits.Missing("minutes_practised", N_("Practise for a minute or two, or rate how present you "
                                                     "felt, then save."))
    return {"length": int(length), "minutes_practised": minutes, "presence": presence,
            "note": limits.text(data.get("note"))}


def summary(data: dict) -> str:
    # Numbers only (and the unit symbol "min"): the history list adds the date.
    line = f"{data.get('minutes_practised', 0)}/{data.get('length', DEFAULT_LENGTH)} min"
    if data.get("presence") is not None:
        line += f" \u00b7 {data['presence']}/10"
    return line


def readable(data: dict, spec=None) -> list:
    length = data.get("length", DEFAULT_LENGTH)
    return r.kept(
        r.line("length", _("Practice chosen"),
               ngettext("{count} minute", "{count} minutes", length).format(count=r.number(length))),
        r.line("minutes_practised", _("Minutes practised"), r.number(data.get("minutes_practised", 0))),
        r.line("presence", _("How present I felt"), r.rating(data.get("presence"), 10)),
        r.line("note", _("Note"), data.get("note")),
    )

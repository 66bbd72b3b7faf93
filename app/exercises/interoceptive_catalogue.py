"""The interoceptive exercises, their cautions, and the health check asked before the first one (no Qt).

Interoceptive exposure (Craske & Barlow, *Mastery of Your Anxiety and Panic*, 4th ed., 2006; Barlow &
Craske's panic control treatment) brings on body sensations like those of panic on purpose, briefly and
safely, so that they become less frightening. Which exercise tends to bring on which sensations follows
Antony, Ledley, Liss & Swinson (2006), *Responses to symptom induction exercises in panic disorder*
(Behaviour Research and Therapy 44: 85-98). Lengths are those commonly used in these protocols.

An exercise is not offered when the person said "yes" to any health question in its ``avoid_with``:
the advice is then to ask a doctor first. The answers live in the encrypted store (``kind_settings``).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.i18n import N_

HEALTH_KEY = ("interoceptive", "health")  # (kind, name) in kind_settings

# The health check: (id, N_ question). A "yes" to one withholds the exercises that list it.
CONDITIONS = (
    ("heart", N_("A heart condition, or chest pain that a doctor has not checked yet")),
    ("lungs", N_("Asthma or another lung or breathing condition")),
    ("epilepsy", N_("Epilepsy, or seizures (fits) of any kind")),
    ("pregnancy", N_("Being pregnant, or maybe pregnant")),
    ("injury", N_("An injury or an operation (surgery) in the last few months")),
    ("blood-pressure", N_("High blood pressure")),
    ("fainting", N_("Fainting or blacking out, now or in the past")),
    ("back-neck", N_("Back or neck problems")),
    ("exertion", N_("Any condition a doctor told you to avoid hard exercise or effort with")),
)
CONDITION_IDS = tuple(c for c, _text in CONDITIONS)


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str                 # N_ text
    seconds: int
    brings_on: str            # N_ text: the sensations it usually brings on
    steps: tuple[str, ...]    # N_ texts, in order
    cautions: str             # N_ text: how to do it safely (who must not do it is avoid_with, shown from it)
    avoid_with: frozenset[str]


def _avoid(*ids: str) -> frozenset[str]:
    assert set(ids) <= set(CONDITION_IDS)
    return frozenset(ids)


EXERCISES = (
    Exercise(
        "straw", N_("Breathing through a thin straw"), 120,
        N_("Feeling short of breath, a racing heart, a feeling of not getting enough air."),
        (N_("Sit down. Hold a thin drinking straw (a coffee stirrer works well) in your mouth."),
         N_("Pinch your nose closed, so that all your air goes through the straw."),
         N_("Breathe in and out through the straw at your usual pace until the time is up."),
         N_("Then take the straw away, breathe normally and notice what you feel.")),
        N_("Stop at once and breathe normally if you feel real pain."),
        _avoid("heart", "lungs", "pregnancy", "exertion")),
    Exercise(
        "spin", N_("Spinning in a chair"), 60,
        N_("Dizziness, feeling light-headed, feeling that things are not real, feeling sick."),
        (N_("Sit in a chair that turns (an office chair), with nothing hard close by."),
         N_("Keep your eyes open and push yourself round, not too fast, until the time is up."),
         N_("Stay seated when you stop. Notice the feelings until they fade, before you stand up.")),
        N_("Always do this sitting down, never standing."),
        _avoid("heart", "epilepsy", "pregnancy", "injury", "blood-pressure", "fainting", "back-neck")),
    Exercise(
        "run", N_("Running on the spot"), 60,
        N_("A pounding or racing heart, being out of breath, feeling hot and sweaty."),
        (N_("Stand in a clear space in comfortable shoes."),
         N_("Run on the spot, lifting your knees, at a pace that makes your heart beat fast."),
         N_("Keep going until the time is up, then stand or sit still and notice your heart and breathing.")),
        N_("Stop if you feel real pain."),
        _avoid("heart", "lungs", "pregnancy", "injury", "blood-pressure", "fainting", "back-neck", "exertion")),
    Exercise(
        "head-shake", N_("Shaking your head from side to side"), 30,
        N_("Dizziness, feeling unsteady, blurred vision."),
        (N_("Sit down and let your head hang a little loose."),
         N_("Keep your eyes open and move your head gently from side to side, as if saying \u201cno\u201d."),
         N_("When the time is up, look straight ahead and notice the feelings until they fade.")),
        N_("Move gently; this is not about speed."),
        _avoid("injury", "fainting", "back-neck")),
    Exercise(
        "breath-hold", N_("Holding your breath"), 30,
        N_("Feeling short of breath, a racing heart, a feeling of pressure in the chest."),
        (N_("Sit down and breathe normally for a moment."),
         N_("Take a normal breath in and hold it for as long as you can, up to the end of the time."),
         N_("If you need to breathe before the time is up, breathe, then hold again. Afterwards, notice what "
            "you feel.")),
        N_("If you feel dizzy, stop and breathe normally."),
        _avoid("heart", "lungs", "epilepsy", "pregnancy", "blood-pressure", "fainting")),
    Exercise(
        "over-breathe", N_("Breathing fast and deep (over-breathing)"), 60,
        N_("Dizziness, tingling in the hands or face, feeling that things are not real, breathlessness."),
        (N_("Sit down in a comfortable chair."),
         N_("Breathe in and out fast and deeply through your mouth, about one full breath every two seconds, "
            "as if blowing up a balloon."),
         N_("Keep going until the time is up, then breathe slowly and normally and notice what you feel.")),
        N_("Always do this sitting down."),
        _avoid("heart", "lungs", "epilepsy", "pregnancy", "blood-pressure", "fainting")),
    Exercise(
        "tense", N_("Tensing every muscle"), 60,
        N_("Shaking or trembling, feeling weak, feeling tense and hot."),
        (N_("Sit or stand where you are steady."),
         N_("Tighten all your muscles at once, arms, legs, stomach and face, as firmly as you can without pain."),
         N_("Hold the tension until the time is up, then let go and notice what you feel.")),
        N_("Firm, never painful."),
        _avoid("heart", "injury", "blood-pressure", "back-neck", "exertion")),
    Exercise(
        "light-read", N_("Staring at a light, then reading"), 60,
        N_("Blurred or strange vision, feeling that things are not real."),
        (N_("Sit about a metre from an ordinary ceiling light or lamp (never the sun, and never a flashing "
            "light)."),
         N_("Look at the light until the time is up."),
         N_("Then straight away try to read a few lines of a book or page, and notice how your eyes feel.")),
        N_("Use an ordinary lamp only, never the sun, a laser or a flashing light."),
        _avoid("epilepsy")),
)
BY_ID = {e.id: e for e in EXERCISES}


def clean_answers(value) -> dict[str, bool] | None:
    """The stored health answers as {condition id: yes}, or None when they were never given (or unreadable)."""
    if not isinstance(value, dict):
        return None
    answers = {c: value.get(c) for c in CONDITION_IDS}
    if not all(isinstance(v, bool) for v in answers.values()):
        return None
    return answers


def said_yes(answers: dict[str, bool] | None) -> frozenset[str]:
    return frozenset(c for c, yes in (answers or {}).items() if yes is True)


def offered(answers: dict[str, bool] | None) -> tuple[Exercise, ...]:
    """The exercises offered after these answers (none before the health check is answered)."""
    if answers is None:
        return ()
    yes = said_yes(answers)
    return tuple(e for e in EXERCISES if not (e.avoid_with & yes))


def withheld(answers: dict[str, bool] | None) -> tuple[Exercise, ...]:
    if answers is None:
        return ()
    yes = said_yes(answers)
    return tuple(e for e in EXERCISES if e.avoid_with & yes)


def load_answers(store) -> dict[str, bool] | None:
    from app.exercises import kind_settings

    return clean_answers(kind_settings.get(store, *HEALTH_KEY))


def save_answers(store, answers: dict) -> dict[str, bool]:
    """Store the answers (every condition, yes or no); ValueError for anything else."""
    from app.exercises import kind_settings

    clean = {c: answers.get(c) for c in CONDITION_IDS} if isinstance(answers, dict) else None
    if clean is None or not all(isinstance(v, bool) for v in clean.values()) or set(answers) - set(CONDITION_IDS):
        raise ValueError("an answer (yes or no) to every health question is expected")
    kind_settings.put(store, *HEALTH_KEY, clean)
    return clean

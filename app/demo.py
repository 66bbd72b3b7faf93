"""A demo profile with a few months of realistic example entries.

Demo text is example *user* content, so it is not translated. Later features
(check-ins, measures, exercises) add their own demo data here.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta, timezone

from app import journal, preferences
from app.exercises import store as exercises
from app.programs import progress
from app.store import Store

DEMO_NAME = "Demo"
DEMO_PASSWORD = "demo-password"

_SITUATIONS = [
    ("Walk before work", "Went round the park before work even though I did not feel like it. "
     "Mood before: 3/10. After: 5/10. The cold air helped more than I expected."),
    ("Call with my sister", "Talked to Amira for twenty minutes. I nearly cancelled. Felt closer to her afterwards."),
    ("Difficult meeting", "My manager asked for the report again. I thought \u201cthey think I am useless\u201d. "
     "Later she thanked me for the figures, so maybe that was mind reading."),
    ("Bad night", "Slept badly and stayed in bed until eleven. Felt guilty all afternoon. Cooked a proper dinner, "
     "which helped a little."),
    ("Cooking", "Made the lentil soup from my grandmother's recipe. Small thing, but I enjoyed it (pleasure 6/10)."),
    ("Noticing the spiral", "Caught myself going over the argument from last week for an hour. "
     "Asked myself \u201cwhat can I do now?\u201d and sent a short message instead."),
    ("Football with my son", "Kicked a ball around with Jonah after school. Did not think about work for an hour."),
    ("Quiet Sunday", "Read in the garden and tidied one shelf. Mood steady around 5."),
    ("Appointment", "Went to the GP and said how I have really been feeling. Hard to say, but I am glad I did."),
    ("Plans for the week", "Wrote three small things to do: swim on Tuesday, call Leo, fix the bike light."),
]


PROGRAMS = ("low-mood", "worry", "panic")


def fill(store: Store, *, days: int = 100, seed: int = 7, now: datetime | None = None,
         program: str = "low-mood") -> int:
    """Add journal entries across ``days`` days, and a few weeks into ``program``; returns how many journal
    entries were added."""
    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    start = now - timedelta(days=days)
    added = 0
    day = start
    while day < now:
        day += timedelta(days=rng.choice([1, 2, 2, 3, 4]))
        if day >= now:
            break
        title, body = rng.choice(_SITUATIONS)
        when = datetime.combine(day.date(), time(rng.randint(7, 22), rng.randint(0, 59)), timezone.utc)
        journal.add(store, title, body, created_at=when.isoformat(timespec="seconds"), draft_key=None)
        added += 1
    preferences.save(store, autolock_minutes=30)
    if program == "low-mood":
        _program(store, now)
        _activity_diary(store, now, rng)
    else:
        _anxiety_program(store, now, program)
    history(store, days=21, now=now, seed=seed)
    return added


def history(store: Store, *, days: int, now: datetime | None = None, seed: int = 7) -> None:
    """Daily check-ins and weekly PHQ-9 and GAD-7 over ``days`` days, slowly improving.

    Used by the demo (three weeks), the Progress benchmark (five years) and chart tests.
    Answers are spread over the items so totals are realistic; item 9 stays 0.
    """
    from app import checkins
    from app.measures import engine, results

    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)
    measures = engine.shipped()
    for days_ago in range(days, -1, -1):
        when = now - timedelta(days=days_ago)
        progress_made = 1 - days_ago / max(days, 1)
        mood = max(0, min(10, round(3 + 3 * progress_made + rng.gauss(0, 1.3))))
        if rng.random() < 0.85:
            checkins.save(store, mood, day=when.date())
        if days_ago % 7 == 0:
            for mid, start, spread in (("phq9", 17, 11), ("gad7", 13, 8)):
                m = measures[mid]
                total = max(0, round(start - spread * progress_made + rng.gauss(0, 1.5)))
                answers = _spread(total, len(m.items), m.high, keep_zero=(8,) if mid == "phq9" else ())
                results.save(store, m, answers, taken_at=when.isoformat(timespec="seconds"))


def _spread(total: int, items: int, high: int, keep_zero=()) -> list[int]:
    answers = [0] * items
    slots = [i for i in range(items) if i not in keep_zero]
    total = min(total, high * len(slots))
    i = 0
    while total:
        if answers[slots[i % len(slots)]] < high:
            answers[slots[i % len(slots)]] += 1
            total -= 1
        i += 1
    return answers


_ACTIVITIES = [
    ("Walked to the shop", 4, 5, 3), ("Phoned my sister", 5, 4, 6), ("Cooked dinner", 5, 6, 5),
    ("Stayed in bed scrolling", 2, 1, 2), ("Swimming", 6, 7, 6), ("Tidied one shelf", 5, 6, 3),
    ("Watched TV alone", 3, 1, 3), ("Coffee with Leo", 6, 4, 7), ("Paid the gas bill", 4, 7, 2),
]


def _activity_diary(store: Store, now: datetime, rng: random.Random) -> None:
    """Two or three logged activities a day over the last two weeks."""
    for days_ago in range(14, 0, -1):
        day = (now - timedelta(days=days_ago)).date()
        for hour in sorted(rng.sample(range(8, 22), rng.randint(2, 3))):
            what, mood, mastery, pleasure = rng.choice(_ACTIVITIES)
            when = datetime.combine(day, time(hour), timezone.utc).isoformat(timespec="seconds")
            exercises.add(store, "activity-monitoring",
                          {"date": day.isoformat(), "hour": hour, "activity": what, "mood": mood,
                           "mastery": mastery, "pleasure": pleasure},
                          exercise_id="m2-activity-diary", program_id="low-mood",
                          module_id="m2-activity-monitoring", created_at=when)


def _program(store: Store, now: datetime) -> None:
    """Three weeks into Low mood: modules 1 and 2 finished, module 3 open."""
    def at(days: float) -> str:
        return (now - timedelta(days=days)).isoformat(timespec="seconds")

    progress.enrol(store, "low-mood", started_at=at(21))
    progress.set_lesson_done(store, "low-mood", "m1-understanding", at=at(19))
    progress.set_lesson_done(store, "low-mood", "m2-activity-monitoring", at=at(11))
    for hw in ("m1-hw1", "m1-hw2", "m2-hw1"):
        progress.set_homework_done(store, "low-mood", hw, True)
    progress.add_time(store, "low-mood", "m1-understanding", 34 * 60)
    progress.add_time(store, "low-mood", "m2-activity-monitoring", 41 * 60)
    exercises.add(store, "reflection", {"answers": [
        "Sunday evening, thinking about work on Monday.",
        "\u201cI can\u2019t cope with another week like the last one.\u201d",
        "Heavy and tired, a knot in my stomach.",
        "Cancelled dinner with Leo and went to bed early. Woke up feeling worse."]},
        exercise_id="m1-my-cycle", program_id="low-mood", module_id="m1-understanding", created_at=at(20))
    exercises.add(store, "quiz", {"chosen": [0, 1, 2, 1], "correct": 4},
                  exercise_id="m1-quiz", program_id="low-mood", module_id="m1-understanding", created_at=at(19))


def _anxiety_program(store: Store, now: datetime, program_id: str) -> None:
    """Some weeks into Worry and anxiety (a worry diary) or Panic and fears (a fear ladder and three
    practices of its first steps, for the exposure charts)."""
    def at(days: float) -> str:
        return (now - timedelta(days=days)).isoformat(timespec="seconds")

    done = {"worry": ("m1-worry-cycle", "m2-worry-diary"),
            "panic": ("m1-panic-cycle", "m2-panic-diary", "m3-misreadings", "m4-interoceptive")}[program_id]
    progress.enrol(store, program_id, started_at=at(7 * len(done) + 2))
    for n, module_id in enumerate(done):
        progress.set_lesson_done(store, program_id, module_id, at=at(7 * (len(done) - n)))
        progress.add_time(store, program_id, module_id, (28 + 5 * n) * 60)
    if program_id == "worry":
        for days, worry, kind, before, action, after in (
                (9, "What if I make a mistake in the report and lose my job?", "hypothetical", 70, "worry-time", 45),
                (6, "The boiler is making a noise and it is getting cold.", "practical", 55, "problem-solving", 30),
                (3, "What if Mum falls ill while I am away?", "hypothetical", 65, "let-go", 40)):
            exercises.add(store, "worry-diary", {
                "date": at(days)[:10], "time": "21:15", "worry": worry, "type": kind, "distress_before": before,
                "action": action, "distress_after": after}, exercise_id="m2-worry-diary", program_id=program_id,
                module_id="m2-worry-diary", created_at=at(days))
        return
    steps = [{"id": "s1", "text": "Stand at the bus stop for ten minutes", "distress": 30},
             {"id": "s2", "text": "Ride two stops with a friend", "distress": 50},
             {"id": "s3", "text": "Ride two stops alone", "distress": 65},
             {"id": "s4", "text": "Ride into town alone on a busy day", "distress": 90}]
    ladder = exercises.add(store, "fear-ladder", {"name": "Taking the bus", "goal": "Go into town by bus on my own",
                                                  "steps": steps}, exercise_id="m5-ladder", program_id=program_id,
                           module_id="m5-fear-ladder", created_at=at(8))
    for days, step, peak, end in ((6, 0, 55, 25), (4, 0, 40, 15), (2, 1, 60, 30)):
        exercises.add(store, "exposure-log", {
            "ladder_id": ladder.id, "step_id": steps[step]["id"], "ladder": "Taking the bus",
            "step": steps[step]["text"], "date": at(days)[:10], "minutes": 20, "before": peak - 15, "peak": peak,
            "end": end, "predicted": "I will panic and have to get off", "happened": "My heart raced, then it settled",
            "safety_dropped": "Left my water bottle at home", "learned": "The wave passes if I stay"},
            exercise_id="m5-practice", program_id=program_id, module_id="m5-fear-ladder", created_at=at(days))

"""Activity planner: one entry is one planned activity; afterwards, whether it
was done and how it went (mood before and after, mastery, pleasure, 0-10)."""

from __future__ import annotations

from app.exercises import limits
from app.exercises.kinds.activity_monitoring import activity, day, hour, ratings, when
from app.i18n import N_, isolate

KIND = "activity-scheduling"
TITLE = N_("Activity planner")
DESCRIPTION = N_("Plan small activities for the coming days: what, when, and which part of life it is for. "
                 "Afterwards, tick the ones you did and rate how they went.")

AFTER = ("mood_before", "mood", "mastery", "pleasure")  # "mood" is the mood afterwards
DATED = True  # the summary says when it is planned, so history lists show no other time


def normalize(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValueError("object expected")
    done = data.get("done", False)
    if not isinstance(done, bool):
        raise ValueError("done must be true or false")
    after = ratings(data, AFTER) if done else dict.fromkeys(AFTER)
    return {"date": day(data.get("date")), "hour": hour(data.get("hour"), optional=True),
            "activity": activity(data), "area": limits.text(data.get("area"), limits.MAX_SHORT).strip(),
            "done": done, **after}


def summary(data: dict) -> str:
    tick = " \u2713" if data.get("done") else ""
    return f"{isolate(when(data))} \u00b7 {isolate(limits.first_line(data.get('activity', '')))}{tick}"

"""Activity diary: one entry is one thing I did, at a date and hour, with ratings.

Mood, mastery (a sense of achievement) and pleasure are each rated 0-10; a
rating may be left out. The helpers here are shared with the activity planner.
"""

from __future__ import annotations

import datetime

from app.exercises import limits
from app.i18n import N_, isolate

KIND = "activity-monitoring"
TITLE = N_("Activity diary")
DESCRIPTION = N_("Write down what you did and rate your mood, your sense of achievement (mastery) and your "
                 "enjoyment (pleasure) from 0 to 10. Your first guess is fine.")

RATINGS = ("mood", "mastery", "pleasure")


def day(value) -> str:
    """An ISO date (yyyy-mm-dd); ValueError for anything else."""
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("date expected as yyyy-mm-dd")
    return datetime.date.fromisoformat(value).isoformat()


def hour(value, *, optional: bool):
    return limits.rating(value, 0, 23, optional=optional)


def ratings(data: dict, keys=RATINGS) -> dict:
    return {k: limits.rating(data.get(k), 0, 10) for k in keys}


def activity(data: dict) -> str:
    text = limits.text(data.get("activity"), limits.MAX_SHORT).strip()
    if not text:
        raise ValueError("what you did is missing")
    return text


def when(data: dict) -> str:
    """'2026-03-01 08:00' (or just the date): numbers only, the same in every language."""
    h = data.get("hour")
    return f"{data.get('date', '')} {h:02d}:00" if isinstance(h, int) else str(data.get("date", ""))


def normalize(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValueError("object expected")
    return {"date": day(data.get("date")), "hour": hour(data.get("hour"), optional=False),
            "activity": activity(data), **ratings(data), "note": limits.text(data.get("note"))}


def summary(data: dict) -> str:
    return f"{isolate(when(data))} \u00b7 {isolate(limits.first_line(data.get('activity', '')))}"

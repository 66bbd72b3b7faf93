"""Activity diary: one entry is one thing I did, at a date and hour, with ratings.

Mood, mastery (a sense of achievement) and pleasure are each rated 0-10; a
rating may be left out. The helpers here are shared with the activity planner.
"""

from __future__ import annotations

import datetime

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _, format_date, format_when, isolate

KIND = "activity-monitoring"
TITLE = N_("Activity diary")
DESCRIPTION = N_("Write down what you did and rate your mood, your sense of achievement (mastery) and your "
                 "enjoyment (pleasure) from 0 to 10. Your first guess is fine.")

RATINGS = ("mood", "mastery", "pleasure")
DATED = True  # the summary says when it happened, so history lists show no other time


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
        raise limits.Missing("activity", N_("Write a few words about the activity, then save."))
    return text


def when(data: dict) -> str:
    """When it happened (or is planned), in the style every list uses: the date and hour, or the date."""
    try:
        day_ = datetime.date.fromisoformat(data.get("date") or "")
    except (TypeError, ValueError):
        return str(data.get("date") or "")
    h = data.get("hour")
    if isinstance(h, int) and not isinstance(h, bool) and 0 <= h <= 23:
        return format_when(datetime.datetime.combine(day_, datetime.time(h)))
    return format_date(day_)


def normalize(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValueError("object expected")
    return {"date": day(data.get("date")), "hour": hour(data.get("hour"), optional=False),
            "activity": activity(data), **ratings(data), "note": limits.text(data.get("note"))}


def summary(data: dict) -> str:
    return f"{isolate(when(data))} \u00b7 {isolate(limits.first_line(data.get('activity', '')))}"


RATING_LABELS = {
    # Translators: the three ratings of the activity diary, each from 0 to 10.
    "mood": N_("Mood"), "mastery": N_("Mastery: sense of achievement"), "pleasure": N_("Pleasure: enjoyment"),
}


def readable(data: dict, spec=None) -> list:
    return r.kept(
        r.line(("date", "hour"), _("When"), when(data)),
        r.line("activity", _("What I did"), data.get("activity")),
        *(r.line(k, _(RATING_LABELS[k]), r.rating(data.get(k), 10)) for k in RATINGS),
        r.line("note", _("Note"), data.get("note")),
    )

"""Activity planner: one entry is one planned activity; afterwards, whether it
was done and how it went (mood before and after, mastery, pleasure, 0-10)."""

from __future__ import annotations

from app.exercises import limits
from app.exercises import readable as r
from app.exercises.kinds.activity_monitoring import (RATING_LABELS, activity, day, hour, ratings,
                                                      when)
from app.i18n import N_, _, isolate

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


def readable(data: dict, spec=None) -> list:
    done = data.get("done")
    return r.kept(
        r.line(("date", "hour"), _("When"), when(data)),
        r.line("activity", _("What I plan to do"), data.get("activity")),
        r.line("area", _("Life area or value"), data.get("area")),
        # Translators: whether a planned activity was done.
        r.line("done", _("Done"), _("Yes") if done else _("Not yet")),
        r.line(("mood_before", "mood"), _("Mood before and after"),
               r.change(data.get("mood_before"), data.get("mood"), 10)),
        *(r.line(k, _(RATING_LABELS[k]), r.rating(data.get(k), 10)) for k in ("mastery", "pleasure")),
    )

"""Values and activities: for one life area, what matters to me and small activities that fit it.

Data (all keys always present after ``normalize``)::

    area: a built-in area id (see AREAS), or "" when the person names their own
    own_area: the person's own name for the area ("" when a built-in is chosen)
    value: str
    activities: [{"text": str, "difficulty": "easy" | "medium" | "hard"}]
"""

from __future__ import annotations

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _

KIND = "values-activities"
TITLE = N_("Values and activities")
DESCRIPTION = N_("Choose a part of your life that matters to you, say what matters about it, "
                 "and list small things you could do that fit.")

AREAS = (
    ("relationships", N_("Relationships")),
    ("family", N_("Family")),
    ("work-study", N_("Work or study")),
    ("health", N_("Health and body")),
    ("leisure", N_("Leisure and fun")),
    ("community", N_("Community")),
    ("spirituality", N_("Spirituality or meaning")),
    ("daily-tasks", N_("Daily tasks")),
)
AREA_IDS = tuple(area_id for area_id, _label in AREAS)
DIFFICULTIES = (("easy", N_("Easy")), ("medium", N_("Medium")), ("hard", N_("Hard")))
DIFFICULTY_IDS = tuple(d for d, _label in DIFFICULTIES)
MAX_ACTIVITIES = 50


def _activity(value) -> dict:
    difficulty = limits.mapping(value).get("difficulty") or "easy"
    if difficulty not in DIFFICULTY_IDS:
        raise ValueError("unknown difficulty")
    return {"text": limits.short(value.get("text")), "difficulty": difficulty}


def normalize(data: dict) -> dict:
    area = limits.mapping(data).get("area") or ""
    if area and area not in AREA_IDS:
        raise ValueError("unknown life area")
    own_area = "" if area else limits.short(data.get("own_area"))
    if not (area or own_area):
        raise limits.Missing("area", N_("Choose a part of your life first."))
    value = limits.text(data.get("value"))
    activities = [a for a in limits.items(data.get("activities"), _activity, MAX_ACTIVITIES) if a["text"]]
    if not (value.strip() or activities):
        raise limits.Missing("value", N_("Write what matters to you, or one small activity, then save."))
    return {"area": area, "own_area": own_area, "value": value, "activities": activities}


def summary(data: dict) -> str:
    activities = [a.get("text", "") for a in data.get("activities", [])]
    return limits.first_line(data.get("value", ""), data.get("own_area", ""), *activities)


def readable(data: dict, spec=None) -> list:
    areas, levels = dict(AREAS), dict(DIFFICULTIES)
    area = _(areas[data["area"]]) if data.get("area") in areas else data.get("own_area", "")
    # Translators: a small activity and how hard it feels, e.g. "Call Ravi on Sunday (easy)".
    activities = [_("{activity} ({difficulty})").format(activity=a["text"], difficulty=_(levels[a["difficulty"]]))
                  for a in data.get("activities", []) if a.get("difficulty") in levels]
    return r.kept(
        r.line(("area", "own_area"), _("Which part of your life is this about?"), area),
        r.line("value", _("What matters to you here?"), data.get("value")),
        r.line("activities", _("Small things you could do"), "\n".join(activities)),
    )

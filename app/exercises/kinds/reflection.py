"""Free-text reflection: answers to a lesson's prompts (or free writing)."""

from __future__ import annotations

from app.exercises import limits
from app.i18n import N_

KIND = "reflection"
TITLE = N_("Reflection")
DESCRIPTION = N_("Write your answers to a few questions about what you have learned.")
PER_EXERCISE = True  # each program reflection has its own prompts, so its own list (store.listed)


def normalize(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValueError("object expected")
    answers = limits.items(data.get("answers"), limits.text, limit=20)
    if not any(a.strip() for a in answers) and not limits.text(data.get("text")).strip():
        raise limits.Missing("answers", N_("Write something in at least one box, then save."))
    return {"answers": answers, "text": limits.text(data.get("text"))}


def summary(data: dict) -> str:
    return limits.first_line(*data.get("answers", []), data.get("text", ""))

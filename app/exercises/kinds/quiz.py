"""Lesson quiz: the chosen option for each question and the score."""

from __future__ import annotations

from app.exercises import limits
from app.i18n import N_, format_number, ngettext

KIND = "quiz"
TITLE = N_("Quiz")
DESCRIPTION = N_("A few questions to check what you have learned.")
PER_EXERCISE = True  # answers only make sense with their own questions (store.listed)


def normalize(data: dict) -> dict:
    if not isinstance(data, dict):
        raise ValueError("object expected")

    def choice(v):
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v < 20:
            raise ValueError("bad choice")
        return v

    chosen = limits.items(data.get("chosen"), choice, limit=50)
    if all(c is None for c in chosen):
        raise limits.Missing("chosen", N_("Choose an answer to at least one question, then save."))
    correct = limits.rating(data.get("correct"), 0, len(chosen), optional=False)
    return {"chosen": chosen, "correct": correct, "total": len(chosen)}


def score_text(correct: int, total: int) -> str:
    """E.g. "3 of 4 answers right" (the plural follows the number of questions)."""
    return ngettext("{count} of {total} answer right", "{count} of {total} answers right", total).format(
        count=format_number(correct), total=format_number(total))


def summary(data: dict) -> str:
    return score_text(data.get("correct", 0), data.get("total", 0))

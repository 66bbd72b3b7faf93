"""Lesson quiz: the chosen option for each question and the score."""

from __future__ import annotations

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _, content, format_number, ngettext

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


def readable(data: dict, spec=None) -> list:
    """Each question with the answer chosen and, when it was not right, the expected one; then the score."""
    questions = list((spec or {}).get("questions") or [])
    found = []
    for number, chosen in enumerate(data.get("chosen", []), 1):
        q = questions[number - 1] if number <= len(questions) else None
        options = list(q.get("options") or []) if q else []

        def option(i):
            if isinstance(i, int) and 0 <= i < len(options):
                return content(options[i])
            # Translators: an answer of a quiz whose questions this computer does not have.
            return _("option {number}").format(number=r.number(i + 1))

        label = content(q["text"]) if q else _("Question {number}").format(number=r.number(number))
        expected = q.get("correct") if q else None
        if chosen is None:
            value = (_("Not answered. Expected: {expected}").format(expected=option(expected))
                     if expected is not None else _("Not answered"))
        elif expected is None:
            value = _("Chosen: {chosen}").format(chosen=option(chosen))
        elif chosen == expected:
            # Translators: a quiz answer that was right.
            value = _("Chosen: {chosen} (right)").format(chosen=option(chosen))
        else:
            value = _("Chosen: {chosen} (not right). Expected: {expected}").format(
                chosen=option(chosen), expected=option(expected))
        found.append(r.line("chosen", label, value))
    found.append(r.line(("correct", "total"), _("Score"), score_text(data.get("correct", 0), data.get("total", 0))))
    return r.kept(*found)

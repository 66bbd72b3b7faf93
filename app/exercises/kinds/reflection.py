"""Free-text reflection: answers to a lesson's prompts (or free writing)."""

from __future__ import annotations

from app.exercises import limits
from app.exercises import readable as r
from app.i18n import N_, _, content

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


def readable(data: dict, spec=None) -> list:
    """Each answer under its prompt (the lesson's question), or numbered when the prompts are unknown."""
    prompts = list((spec or {}).get("prompts") or [])
    found = []
    for number, answer in enumerate(data.get("answers", []), 1):
        label = (content(prompts[number - 1]) if number <= len(prompts)
                 else _("Answer {number}").format(number=r.number(number)))
        found.append(r.line("answers", label, answer))
    # Translators: a reflection written without questions.
    found.append(r.line("text", _("Free writing"), data.get("text")))
    return r.kept(*found)

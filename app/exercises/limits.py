"""Shared bounds and helpers for normalising exercise data."""

from __future__ import annotations

MAX_TEXT = 20_000       # one free-text field
MAX_SHORT = 300         # a title, a name, one list item
MAX_ITEMS = 100         # items in any list


class Missing(ValueError):
    """Something the person must still fill in: ``field`` is the data key of the input to fix,
    ``message`` a short, kind ``N_`` message saying what to do (the form shows it beside that input)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def text(value, limit: int = MAX_TEXT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError("text expected")
    return value[:limit]


def rating(value, lo: int = 0, hi: int = 100, *, optional: bool = True):
    """An integer rating clamped to [lo, hi]; None when optional and missing."""
    if value is None or value == "":
        if optional:
            return None
        raise ValueError("rating required")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("number expected")
    return max(lo, min(hi, int(round(value))))


def items(value, clean, limit: int = MAX_ITEMS) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError("list expected")
    return [clean(v) for v in value[:limit]]


def first_line(*values: str, width: int = 80) -> str:
    for v in values:
        v = (v or "").strip()
        if v:
            line = v.splitlines()[0]
            return line if len(line) <= width else line[: width - 1] + "\u2026"
    return ""


def mapping(value) -> dict:
    """``value`` if it is a dict; ValueError otherwise."""
    if not isinstance(value, dict):
        raise ValueError("object expected")
    return value


def short(value) -> str:
    """One trimmed line of short text (a name, a list item)."""
    return text(value, MAX_SHORT).strip()

"""An exercise entry in words: the one readable form every reader of an entry uses.

Each kind module has ``readable(data, spec) -> list[Line]``: its fields with their labels, in the
kind's own order, ratings with their scale, before -> after changes, quiz answers with the expected
ones. ``lines`` finds the program's exercise (the spec: a reflection's prompts, a quiz's questions)
and asks the kind; ``as_text`` and ``as_html`` only lay the lines out. The patient's send preview and
history, the clinician's patient page and the printed report all come through here, so a field a
kind stores is said the same way everywhere (tests/test_exercises.py checks every kind shows every
field it stores).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from app.i18n import _, format_number, isolate


@dataclass(frozen=True)
class Line:
    fields: tuple[str, ...]  # the stored keys this line shows
    label: str               # translated
    value: str               # translated; may hold line breaks


def line(fields, label: str, value) -> Line | None:
    """A line, or None when there is nothing to say (empty text, no rating)."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    return Line((fields,) if isinstance(fields, str) else tuple(fields), label, text)


def kept(*found) -> list[Line]:
    return [x for x in found if x is not None]


def number(value) -> str:
    return format_number(value)


def rating(value, top: int) -> str:
    """E.g. "7 out of 10"; '' when not rated."""
    if value is None:
        return ""
    # Translators: a rating on a scale, e.g. "7 out of 10".
    return _("{value} out of {top}").format(value=number(value), top=number(top))


def change(before, after, top: int) -> str:
    """E.g. "80 -> 40 out of 100"; one side alone when the other was not rated; '' for neither."""
    if before is None and after is None:
        return ""
    if before is None:
        # Translators: a rating made only afterwards, e.g. "after: 4 out of 10".
        return _("after: {rating}").format(rating=rating(after, top))
    if after is None:
        # Translators: a rating made only before, e.g. "before: 8 out of 10".
        return _("before: {rating}").format(rating=rating(before, top))
    # Translators: a rating before and after, e.g. "80 -> 40 out of 100". Keep the arrow pointing from the
    # first value to the second in your script's direction (use \u2190 in right-to-left languages if clearer).
    return _("{before} \u2192 {after} out of {top}").format(before=number(before), after=number(after),
                                                           top=number(top))


def lines(kind: str, data: dict, *, program_id: str | None = None, exercise_id: str | None = None) -> list[Line]:
    """The entry's readable form (of the entry as the kind's ``normalize`` keeps it); a record no kind can
    read (from another version of Hearth) as its bare text."""
    from app.exercises import registry

    try:
        module = registry.get(kind)
        return module.readable(module.normalize(data), _spec(program_id, exercise_id))
    except Exception:  # noqa: BLE001 - a record from another version of Hearth: say what it holds
        return _fallback(data)


def entry_lines(entry: dict) -> list[Line]:
    """``lines`` for a stored or shared entry record (a dict with kind, data, program_id, exercise_id)."""
    return lines(entry.get("kind", ""), entry.get("data") or {}, program_id=entry.get("program_id"),
                 exercise_id=entry.get("exercise_id"))


def as_text(found: list[Line], limit: int | None = None) -> str:
    """One block per line: the label, then the value on the next line(s)."""
    text = "\n".join(f"{x.label}\n{x.value}" for x in found)
    return text if limit is None else as_text_limit(text, limit)


def value_lines(value: str) -> list[str]:
    """A value's lines for rich text (this card, the clinician's PDF report), each keeping its own direction: an
    English sentence in an Arabic window ended with its full stop at the left."""
    return [isolate(part) for part in value.split("\n")]


def as_html(found: list[Line]) -> str:
    """The same blocks for a rich-text label: the label in bold, every piece escaped, each line in its own
    direction (``value_lines``)."""
    def value(v: str) -> str:
        return "<br>".join(html.escape(part) for part in value_lines(v))

    return "".join(f"<p><b>{html.escape(x.label)}</b><br>{value(x.value)}</p>" for x in found)


def _spec(program_id: str | None, exercise_id: str | None) -> dict | None:
    if not (program_id and exercise_id):
        return None
    from app.programs import loader

    program = loader.cached(program_id)
    return program.all_exercises().get(exercise_id) if program else None


def bare_text(data, limit: int = 2000) -> str:
    """Every piece of text in a record, one per line (for records no kind can read)."""
    found = _fallback(data)
    return as_text_limit(found[0].value, limit) if found else ""


def _fallback(data) -> list[Line]:
    texts: list[str] = []

    def walk(value, depth=0):
        if depth > 6 or len(texts) > 200:
            return
        if isinstance(value, dict):
            for v in value.values():
                walk(v, depth + 1)
        elif isinstance(value, list):
            for v in value:
                walk(v, depth + 1)
        elif isinstance(value, str) and value.strip():
            texts.append(value.strip())

    walk(data)
    # Translators: the heading of an exercise entry this version of Hearth cannot lay out field by field.
    return [Line((), _("What was written"), as_text_limit("\n".join(texts), 4000))] if texts else []


def as_text_limit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "\u2026"

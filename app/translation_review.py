"""How each language's translation was made and whether a clinician fluent in it has reviewed it.

``locales/<code>/review.json`` (shipped with the catalogs; no code change to add or update one)::

    {"programs": {"clinician_reviewed": false, "how": "...", "checked": "2026-12-01"},
     "interface": {"clinician_reviewed": false, "how": "...", "checked": "2026-12-01"}}

``programs`` is the clinical content (lessons, quizzes, exercise prompts of the programs); ``interface``
the app's own texts. A language without the file, or with an unreadable one, counts as not reviewed.
Settings and the Program page say so in plain words; ``docs/translating.md`` lists every catalog's state.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app import paths

FILE = "review.json"
MAX_BYTES = 20_000


@dataclass(frozen=True)
class Review:
    clinician_reviewed: bool
    how: str = ""
    checked: str = ""


def _read(code: str) -> dict:
    path = paths.locales_dir() / code / FILE
    try:
        if path.stat().st_size > MAX_BYTES:
            return {}
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return obj if isinstance(obj, dict) else {}


def review(code: str, part: str) -> Review:
    """The state of ``part`` ("programs" or "interface") in language ``code``."""
    raw = _read(code).get(part)
    if not isinstance(raw, dict):
        return Review(False)
    how, checked = raw.get("how"), raw.get("checked")
    return Review(raw.get("clinician_reviewed") is True, how if isinstance(how, str) else "",
                  checked if isinstance(checked, str) else "")


def has_program_translation(code: str) -> bool:
    return (paths.locales_dir() / code / "LC_MESSAGES" / "programs.po").exists() \
        or (paths.locales_dir() / code / "LC_MESSAGES" / "programs.mo").exists()


def programs_unreviewed(code: str) -> bool:
    """True when the programs are translated into ``code`` but no fluent clinician has reviewed them yet."""
    from app import i18n

    if code == i18n.SOURCE_LANGUAGE or code in i18n.PSEUDO_LOCALES or not has_program_translation(code):
        return False
    return not review(code, "programs").clinician_reviewed

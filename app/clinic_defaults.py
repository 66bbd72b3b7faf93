"""A clinic's defaults for the profiles made on one computer (a lent laptop): ``clinic.json`` in the data folder.

Clinic IT writes it once; Hearth only reads it. It holds no patient data: the language and the country (for
crisis lines) the start pages use until someone chooses otherwise, the auto-lock time of every new profile,
and the clinic's clinician card, which every new personal profile is paired with at once (the card was put
on the laptop by the clinic, so its fingerprint is taken as checked). The clinic's own crisis contacts go
in ``<data folder>/crisis/<COUNTRY>.json`` (see docs/clinic-setup.md). A value that is not valid is left out
and reported by ``hearth clinic check``; the rest still applies.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from app import fsutil
from app.i18n import _

FILE = "clinic.json"
MAX_BYTES = 16 * 1024
_KNOWN = ("language", "country", "autolock_minutes", "clinician_card")


@dataclass(frozen=True)
class ClinicDefaults:
    language: str = ""
    country: str = ""
    autolock_minutes: int | None = None
    clinician_card: str = ""  # a file name in the data folder
    problems: tuple[str, ...] = field(default=(), compare=False)

    @property
    def present(self) -> bool:
        return bool(self.language or self.country or self.autolock_minutes is not None or self.clinician_card)


def load(data_dir: Path) -> ClinicDefaults:
    """The clinic's defaults, or none (no file, or a file that cannot be read at all)."""
    from app import preferences

    path = Path(data_dir) / FILE
    if not path.exists():
        return ClinicDefaults()
    try:
        obj = json.loads(fsutil.read_regular_file(path, MAX_BYTES).decode("utf-8"))
    except (OSError, fsutil.FileTooBig, UnicodeDecodeError, ValueError):
        return ClinicDefaults(problems=(_("{file}: not a readable JSON file of at most {size} bytes").format(
            file=FILE, size=MAX_BYTES),))
    if not isinstance(obj, dict):
        return ClinicDefaults(problems=(_("{file}: must hold one JSON object").format(file=FILE),))
    problems = [_("{file}: unknown setting \u201c{key}\u201d").format(file=FILE, key=k) for k in obj if k not in _KNOWN]
    found = {}
    language = obj.get("language", "")
    if isinstance(language, str) and re.fullmatch(r"([a-z]{2,3}(_[A-Za-z]{2,4})?)?", language):
        found["language"] = language
    else:
        problems.append(_("{file}: language must be a code such as \u201cde\u201d or \u201cpt_BR\u201d").format(file=FILE))
    country = obj.get("country", "")
    if isinstance(country, str) and re.fullmatch(r"([A-Za-z]{2})?", country):
        found["country"] = country.upper()
    else:
        problems.append(_("{file}: country must be a two-letter code such as \u201cCH\u201d").format(file=FILE))
    minutes = obj.get("autolock_minutes")
    if minutes is None or (type(minutes) is int and minutes in preferences.AUTOLOCK_CHOICES):
        found["autolock_minutes"] = minutes
    else:
        problems.append(_("{file}: autolock_minutes must be one of {choices}").format(
            file=FILE, choices=", ".join(str(c) for c in preferences.AUTOLOCK_CHOICES)))
    card = obj.get("clinician_card", "")
    named = isinstance(card, str) and re.fullmatch(r"[\w.-]{1,100}", card)
    if card == "" or (named and (Path(data_dir) / card).is_file()):
        found["clinician_card"] = card
    else:
        problems.append(_("{file}: clinician_card must name a card file in the data folder").format(file=FILE))
    return ClinicDefaults(**found, problems=tuple(problems))


def apply_to_new_profile(data_dir: Path, session) -> list[str]:
    """Give a new profile the clinic's auto-lock time, and pair a personal profile with the clinic's
    clinician card. Returns what could not be done (a damaged card, for example); nothing is half done."""
    from app import preferences
    from app.errors import HearthError
    from app.exchange import card as cards

    clinic = load(data_dir)
    problems = list(clinic.problems)
    if clinic.autolock_minutes is not None:
        preferences.save(session.store, autolock_minutes=clinic.autolock_minutes)
    if clinic.clinician_card and session.kind == "patient":
        try:
            cards.pair(session, cards.read_card(Path(data_dir) / clinic.clinician_card), confirmed=True)
        except HearthError as e:
            problems.append(_("{file}: clinician_card: {problem}").format(file=FILE, problem=e.message()))
    return problems

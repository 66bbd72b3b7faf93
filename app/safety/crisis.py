"""Crisis resources per country, from shipped data files a clinic can override.

A shipped file is used only when every number in it has a cited source (``emergency_source``, each
line's ``source``) and it says when it was checked (``reviewed``, year-month): a line without a source
is left out, and a file whose emergency number has none is not used at all (the generic advice shows
instead). A clinic's own file (``<data>/crisis/``) needs no sources: the clinic is the source.
``stale()`` lists files checked more than a year ago (``python -m app crisis check``, run by ``make test``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app import paths
from app.i18n import _, babel_locale, format_list, localize_digits

_CODE = re.compile(r"^[A-Z]{2}$")
_PHONE = re.compile(r"^[0-9 +\-()]{2,24}$")
_MONTH = re.compile(r"^(20[0-9]{2})-(0[1-9]|1[0-2])$")
STALE_AFTER_MONTHS = 12
MAX_FILE = 32 * 1024


@dataclass(frozen=True)
class Line:
    name: str
    phone: str | None
    sms: str | None
    always_open: bool
    free: bool


@dataclass(frozen=True)
class Resources:
    country: str | None  # None: the generic fallback
    emergency: str | None
    lines: tuple[Line, ...]
    reviewed: str | None = None   # "2026-12": when the numbers were last checked
    from_clinic: bool = False     # the clinic's own file


GENERIC = Resources(None, None, ())


def _sourced(value) -> bool:
    return isinstance(value, str) and 8 <= len(value.strip()) <= 2000


def _parse(obj: object, code: str, *, shipped: bool = True) -> Resources | None:
    if not isinstance(obj, dict) or obj.get("country") != code:
        return None
    emergency = obj.get("emergency")
    if not (isinstance(emergency, str) and _PHONE.match(emergency)):
        return None
    reviewed = obj.get("reviewed") if isinstance(obj.get("reviewed"), str) and _MONTH.match(obj["reviewed"]) \
        else None
    if shipped and (reviewed is None or not _sourced(obj.get("emergency_source"))):
        return None  # a shipped number nobody can trace is not shown
    lines = []
    for item in obj.get("lines", [])[:10] if isinstance(obj.get("lines"), list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        if shipped and not _sourced(item.get("source")):
            continue
        phone, sms = item.get("phone"), item.get("sms")
        phone = phone if isinstance(phone, str) and _PHONE.match(phone) else None
        sms = sms if isinstance(sms, str) and _PHONE.match(sms) else None
        if phone or sms:
            lines.append(Line(item["name"][:80], phone, sms, item.get("always_open") is True,
                              item.get("free") is True))
    return Resources(code, emergency, tuple(lines), reviewed, not shipped)


def load(country: str | None, override_dir: Path | None = None) -> Resources:
    """Resources for ``country`` (ISO code); the clinic's override first, then shipped."""
    code = (country or "").upper()
    if not _CODE.match(code):
        return GENERIC
    for folder, shipped in ((override_dir, False), (paths.resources_dir() / "crisis", True)):
        if folder is None:
            continue
        f = Path(folder) / f"{code}.json"
        try:
            if f.stat().st_size > MAX_FILE:
                continue
            parsed = _parse(json.loads(f.read_text(encoding="utf-8")), code, shipped=shipped)
        except (OSError, ValueError):
            continue
        if parsed is not None:
            return parsed
    return GENERIC


def months_old(reviewed: str, today=None) -> int:
    """Whole months from ``reviewed`` ("2026-12") to ``today``."""
    import datetime

    today = today or datetime.date.today()
    year, month = (int(x) for x in reviewed.split("-"))
    return (today.year - year) * 12 + today.month - month


UNREADABLE, UNSOURCED, LINES_LEFT_OUT, STALE = "unreadable", "unsourced", "lines-left-out", "stale"


def problems(folder: Path | None = None, today=None) -> list[tuple[str, str, str]]:
    """(file name, problem, detail) for every shipped file that cannot be used as it is or is due a check:
    UNREADABLE, UNSOURCED (not used at all), LINES_LEFT_OUT (detail: how many), STALE (detail: the month)."""
    out = []
    for f in sorted((folder or paths.resources_dir() / "crisis").glob("*.json")):
        try:
            obj = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            out.append((f.name, UNREADABLE, ""))
            continue
        parsed = _parse(obj, f.stem)
        if parsed is None:
            out.append((f.name, UNSOURCED, ""))
            continue
        raw_lines = obj.get("lines", []) if isinstance(obj.get("lines"), list) else []
        if len(parsed.lines) < len(raw_lines):
            out.append((f.name, LINES_LEFT_OUT, str(len(raw_lines) - len(parsed.lines))))
        if months_old(parsed.reviewed, today) > STALE_AFTER_MONTHS:
            out.append((f.name, STALE, parsed.reviewed))
    return out


def shipped_countries() -> list[str]:
    return sorted(p.stem for p in (paths.resources_dir() / "crisis").glob("*.json"))


def country_name(code: str, locale: str | None = None) -> str:
    """The country's name in ``locale`` (the current language by default), from Babel's data."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(babel_locale(locale)).territories.get(code, code)
    except (UnknownLocaleError, ValueError, TypeError):
        return code


def plain_sort_key(text: str) -> str:
    """A rough alphabetical key without a collation library: accents and case ignored ("Österreich" by O)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def countries_by_name(locale: str | None = None, sort_key: Callable[[str], object] | None = None,
                      codes: list[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) for every shipped country, in alphabetical order of the names in ``locale``.

    Pass the interface's collation (``sort_key``, e.g. Qt's ``QCollator.sortKey``) for the
    language's own alphabetical order; without one, accents and case are ignored.
    """
    key = sort_key or plain_sort_key
    named = [(code, country_name(code, locale)) for code in (shipped_countries() if codes is None else codes)]
    return sorted(named, key=lambda pair: (key(pair[1]), pair[0]))


# --- the words shown with the numbers (one place for Get help now and the result page) ---

def emergency_text(res: Resources) -> str:
    if res.country is None:
        return _("Call your local emergency number now (in many countries 112 or 911), "
                 "or go to the nearest emergency department.")
    return _("Emergency: call {number}").format(number=res.emergency)


def reviewed_text(res: Resources) -> str:
    """When the numbers shown were checked, in words ("" for the generic advice)."""
    if res.country is None or res.reviewed is None:
        return ""
    import datetime

    from babel.dates import format_date

    year, month = (int(x) for x in res.reviewed.split("-"))
    when = localize_digits(format_date(datetime.date(year, month, 1), "MMMM y", locale=babel_locale()))
    if res.from_clinic:
        return _("Numbers from your clinic, checked in {month}.").format(month=when)
    return _("Numbers checked in {month} against each service's own published information.").format(month=when)


def line_texts(res: Resources) -> list[str]:
    """One sentence per crisis line, or the generic advice when the country has no file."""
    if res.country is None:
        return [_("A doctor, a local crisis line, or someone you trust can also help. "
                  "Your clinic can add the numbers for your country to Hearth.")]
    rows = []
    for line in res.lines:
        how = []
        if line.phone:
            how.append(_("call {number}").format(number=line.phone))
        if line.sms:
            how.append(_("text {number}").format(number=line.sms))
        notes = []
        if line.always_open:
            notes.append(_("open day and night"))
        if line.free:
            notes.append(_("free"))
        if notes:
            rows.append(_("{service}: {how} ({notes})").format(
                service=line.name, how=format_list(how), notes=format_list(notes)))
        else:
            rows.append(_("{service}: {how}").format(service=line.name, how=format_list(how)))
    return rows


def country_from_locale(code: str) -> str | None:
    """'en_GB' -> 'GB'; None when the locale names no territory."""
    parts = code.replace("-", "_").split(".")[0].split("_")
    if len(parts) >= 2 and _CODE.match(parts[1].upper()) and parts[1].upper() not in ("XA", "XB"):
        return parts[1].upper()
    return None

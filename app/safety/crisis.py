"""Crisis resources per country, from shipped data files a clinic can override."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from app import paths

_CODE = re.compile(r"^[A-Z]{2}$")
_PHONE = re.compile(r"^[0-9 +\-()]{2,24}$")
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


GENERIC = Resources(None, None, ())


def _parse(obj: object, code: str) -> Resources | None:
    if not isinstance(obj, dict) or obj.get("country") != code:
        return None
    emergency = obj.get("emergency")
    if not (isinstance(emergency, str) and _PHONE.match(emergency)):
        return None
    lines = []
    for item in obj.get("lines", [])[:10] if isinstance(obj.get("lines"), list) else []:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        phone, sms = item.get("phone"), item.get("sms")
        phone = phone if isinstance(phone, str) and _PHONE.match(phone) else None
        sms = sms if isinstance(sms, str) and _PHONE.match(sms) else None
        if phone or sms:
            lines.append(Line(item["name"][:80], phone, sms, item.get("always_open") is True,
                              item.get("free") is True))
    return Resources(code, emergency, tuple(lines))


def load(country: str | None, override_dir: Path | None = None) -> Resources:
    """Resources for ``country`` (ISO code); the clinic's override first, then shipped."""
    code = (country or "").upper()
    if not _CODE.match(code):
        return GENERIC
    for folder in (override_dir, paths.resources_dir() / "crisis"):
        if folder is None:
            continue
        f = Path(folder) / f"{code}.json"
        try:
            if f.stat().st_size > MAX_FILE:
                continue
            parsed = _parse(json.loads(f.read_text(encoding="utf-8")), code)
        except (OSError, ValueError):
            continue
        if parsed is not None:
            return parsed
    return GENERIC


def shipped_countries() -> list[str]:
    return sorted(p.stem for p in (paths.resources_dir() / "crisis").glob("*.json"))


def country_from_locale(code: str) -> str | None:
    """'en_GB' -> 'GB'; None when the locale names no territory."""
    parts = code.replace("-", "_").split(".")[0].split("_")
    if len(parts) >= 2 and _CODE.match(parts[1].upper()) and parts[1].upper() not in ("XA", "XB"):
        return parts[1].upper()
    return None

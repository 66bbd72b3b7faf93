"""Device settings (``settings.json`` in the data folder).

Only what is needed before a profile is unlocked: the language and theme of
the welcome and unlock pages. Never patient data, never profile names.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from app import fsutil

FILE = "settings.json"


@dataclass
class DeviceSettings:
    language: str = ""
    theme: str = "system"
    country: str = ""  # for crisis resources; "" = from the system locale


def load(data_dir: Path) -> DeviceSettings:
    """The device settings; the language and country a clinic set in ``clinic.json`` until someone here
    chooses otherwise."""
    s = _load(data_dir)
    if not s.language or not s.country:
        from app import clinic_defaults

        clinic = clinic_defaults.load(data_dir)
        s.language = s.language or clinic.language
        s.country = s.country or clinic.country
    return s


def _load(data_dir: Path) -> DeviceSettings:
    try:
        obj = json.loads((Path(data_dir) / FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DeviceSettings()
    if not isinstance(obj, dict):
        return DeviceSettings()
    s = DeviceSettings()
    for key in ("language", "theme", "country"):
        if isinstance(obj.get(key), str) and len(obj[key]) <= 20:
            setattr(s, key, obj[key])
    return s


def save(data_dir: Path, settings: DeviceSettings) -> None:
    fsutil.make_private_dir(Path(data_dir))
    fsutil.atomic_write_bytes(Path(data_dir) / FILE, json.dumps(asdict(settings)).encode("utf-8"))

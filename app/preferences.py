"""Per-profile preferences, kept inside the encrypted store."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the store is imported when a profile is opened, not at start-up
    from app.store import Store

THEMES = ("system", "light", "dark")
TEXT_SCALES = (100, 115, 130, 150, 175)
AUTOLOCK_CHOICES = (0, 1, 2, 5, 10, 15, 30, 60)  # minutes; 0 = never


@dataclass
class Preferences:
    language: str = ""
    theme: str = "system"
    text_scale: int = 100
    autolock_minutes: int = 10
    sync_folder: str = ""        # exchange: a folder a sync tool keeps in step (never in plain settings)
    progress_reminder: int = 1   # exchange: remind the patient weekly to send progress

    def sanitized(self) -> "Preferences":
        return Preferences(
            language=self.language if len(self.language) <= 20 else "",
            theme=self.theme if self.theme in THEMES else "system",
            text_scale=self.text_scale if self.text_scale in TEXT_SCALES else 100,
            autolock_minutes=self.autolock_minutes if self.autolock_minutes in AUTOLOCK_CHOICES else 10,
            sync_folder=self.sync_folder if len(self.sync_folder) <= 4096 and "\x00" not in self.sync_folder else "",
            progress_reminder=1 if self.progress_reminder else 0,
        )


def load(store: Store) -> Preferences:
    raw = dict(store.query("SELECT key, value FROM preferences"))
    prefs = Preferences()
    for f in fields(Preferences):
        if f.name in raw:
            try:
                setattr(prefs, f.name, int(raw[f.name]) if f.type == "int" else raw[f.name])
            except ValueError:
                pass
    return prefs.sanitized()


def save(store: Store, **changes) -> Preferences:
    current = load(store)
    for k, v in changes.items():
        if not hasattr(current, k):
            raise KeyError(k)
        setattr(current, k, v)
    clean = current.sanitized()
    with store.transaction() as c:
        c.executemany("INSERT OR REPLACE INTO preferences(key, value) VALUES (?, ?)",
                      [(k, str(getattr(clean, k))) for k in changes])
    return clean

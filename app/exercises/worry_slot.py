"""Worry time's daily slot and the worries parked for it (the worry-time kind's own settings).

The slot (time of day and length) and the parked worries are kept in the encrypted store with
``kind_settings``. A future reminder (issue 14) reads the slot with ``slot()`` or ``next_start()``;
Home asks ``due()`` whether to show its worry-time card.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import asdict, dataclass

from app.exercises import kind_settings, limits
from app.exercises.kinds.worry_time import KIND, MAX_WORRIES
from app.i18n import N_
from app.store import Store
from app.store.db import utcnow

LENGTH = (5, 60)        # minutes a slot may last
DEFAULT_LENGTH = 20  # the worry lesson says 20 to 30 minutes (Borkovec et al. 1983 used 30)
DEFAULT_START = (18, 0)
NEAR_MINUTES = 30       # Home shows its card from this long before the slot
MAX_PARKED = MAX_WORRIES


@dataclass(frozen=True)
class Slot:
    hour: int
    minute: int
    minutes: int            # how long it lasts
    chosen: bool = False    # False: the default, never chosen by the person

    def start(self, day: datetime.date) -> datetime.datetime:
        """The slot's start on ``day``, in local time."""
        return datetime.datetime.combine(day, datetime.time(self.hour, self.minute)).astimezone()


@dataclass(frozen=True)
class Parked:
    id: str
    text: str
    parked_at: str          # ISO time (UTC)


def _whole(value, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError("whole number out of range")
    return value


def slot(store: Store) -> Slot:
    """The person's daily slot (the default, 18:00 for 20 minutes, until they choose one)."""
    raw = kind_settings.get(store, KIND, "slot")
    try:
        raw = limits.mapping(raw)
        return Slot(_whole(raw.get("hour"), 0, 23), _whole(raw.get("minute"), 0, 59),
                    _whole(raw.get("minutes"), *LENGTH), True)
    except ValueError:
        return Slot(*DEFAULT_START, DEFAULT_LENGTH)


def set_slot(store: Store, hour: int, minute: int, minutes: int = DEFAULT_LENGTH) -> Slot:
    """Choose the daily slot; ValueError for a time or length out of range."""
    chosen = Slot(_whole(hour, 0, 23), _whole(minute, 0, 59), _whole(minutes, *LENGTH), True)
    kind_settings.put(store, KIND, "slot", {k: v for k, v in asdict(chosen).items() if k != "chosen"})
    return chosen


def next_start(store: Store, now: datetime.datetime | None = None) -> datetime.datetime:
    """When the next slot starts (today's if it has not started yet, else tomorrow's), in local time."""
    now = (now or datetime.datetime.now()).astimezone()
    s = slot(store)
    start = s.start(now.date())
    return start if start >= now else s.start(now.date() + datetime.timedelta(days=1))


def parked(store: Store) -> list[Parked]:
    """The worries waiting for worry time, oldest first (anything unreadable is left out)."""
    raw, found = kind_settings.get(store, KIND, "parked", []), []
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("id", "text", "parked_at")):
            found.append(Parked(item["id"], item["text"][:limits.MAX_SHORT], item["parked_at"]))
    return found[:MAX_PARKED]


def _save(store: Store, items: list[Parked]) -> None:
    kind_settings.put(store, KIND, "parked", [asdict(p) for p in items])


def park(store: Store, text: str, *, at: str | None = None) -> Parked:
    """Park one worry for worry time, saved at once. ``limits.Missing`` for empty text or a full list."""
    if not isinstance(text, str):
        raise ValueError("text expected")
    text = " ".join(limits.short(text).split())
    if not text:
        raise limits.Missing("park", N_("Write the worry in a few words first."))
    items = parked(store)
    if len(items) >= MAX_PARKED:
        raise limits.Missing("park", N_("Your parking list is full. Look at the worries in it during worry "
                                        "time first."))
    item = Parked(uuid.uuid4().hex, text, at or utcnow())
    _save(store, [*items, item])
    return item


def unpark(store: Store, ids) -> None:
    """Take these worries off the parking list (looked at in worry time, or removed by the person)."""
    ids = set(ids)
    items = parked(store)
    kept = [p for p in items if p.id not in ids]
    if len(kept) != len(items):
        _save(store, kept)


def parked_on(items: list[Parked], day: datetime.date) -> list[Parked]:
    """The worries parked on ``day`` (local time)."""
    out = []
    for p in items:
        try:
            when = datetime.datetime.fromisoformat(p.parked_at).astimezone()
        except ValueError:
            continue
        if when.date() == day:
            out.append(p)
    return out


def due(store: Store, now: datetime.datetime | None = None) -> int:
    """How many worries were parked today, when today's slot is near or past; 0 otherwise (Home's card)."""
    now = (now or datetime.datetime.now()).astimezone()
    today = parked_on(parked(store), now.date())
    if not today:
        return 0
    near = slot(store).start(now.date()) - datetime.timedelta(minutes=NEAR_MINUTES)
    return len(today) if now >= near else 0


def start_text(s: Slot) -> str:
    """The slot's start as the language writes a time of day (e.g. "6:00 PM", "18:00")."""
    from babel.dates import format_time

    from app.i18n import babel_locale, localize_digits

    return localize_digits(format_time(datetime.time(s.hour, s.minute), "short", locale=babel_locale()))

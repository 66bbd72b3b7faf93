"""Which reminders a person chose, kept in the encrypted store (the ``preferences`` table, key ``reminders``).

Every reminder is off until the person turns it on. Each has a time of day and the days of the week
it may show on (0 = Monday ... 6 = Sunday). Worry time has no time of its own: it follows the daily
slot the person chose in worry time. A value that cannot be read reads as the defaults, so a damaged
or newer setting never stops Hearth.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the store is imported when a profile is opened
    from app.store import Store

KEY = "reminders"
MAX_BYTES = 10_000

CHECKIN = "checkin"
HOMEWORK = "homework"
QUESTIONNAIRES = "questionnaires"
PROGRESS = "progress"
WORRY_TIME = "worry-time"
SYNC_FILE = "sync-file"          # not timed: a file from the clinician arrived in the sync folder
TIMED = (CHECKIN, HOMEWORK, QUESTIONNAIRES, PROGRESS, WORRY_TIME)
KINDS = (*TIMED, SYNC_FILE)
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)
SNOOZE_CHOICES = (5, 10, 15, 30, 60)  # minutes

_DEFAULT_TIMES = {CHECKIN: (20, 0), HOMEWORK: (18, 0), QUESTIONNAIRES: (19, 0), PROGRESS: (19, 0),
                  WORRY_TIME: (18, 0), SYNC_FILE: (0, 0)}
_DEFAULT_DAYS = {HOMEWORK: (0, 2, 4), PROGRESS: (6,)}


@dataclass(frozen=True)
class Reminder:
    kind: str
    on: bool = False
    hour: int = 20
    minute: int = 0
    days: tuple[int, ...] = EVERY_DAY


@dataclass(frozen=True)
class Quiet:
    """Quiet hours: from ``start`` to ``end`` (across midnight when end is earlier), nothing is shown."""
    on: bool = True
    start: tuple[int, int] = (22, 0)
    end: tuple[int, int] = (7, 0)

    def covers(self, hour: int, minute: int) -> bool:
        if not self.on or self.start == self.end:
            return False
        t = (hour, minute)
        if self.start < self.end:
            return self.start <= t < self.end
        return t >= self.start or t < self.end


@dataclass(frozen=True)
class ReminderSettings:
    reminders: dict = field(default_factory=dict)  # kind -> Reminder
    quiet: Quiet = Quiet()
    specific_words: bool = False   # False: "Hearth: a reminder you set"; True: says what it is for
    snooze_minutes: int = 10

    def get(self, kind: str) -> Reminder:
        if kind in self.reminders:
            return self.reminders[kind]
        hour, minute = _DEFAULT_TIMES[kind]
        return Reminder(kind, False, hour, minute, _DEFAULT_DAYS.get(kind, EVERY_DAY))

    def with_reminder(self, reminder: Reminder) -> "ReminderSettings":
        return replace(self, reminders={**self.reminders, reminder.kind: reminder})

    def any_on(self) -> bool:
        return any(self.get(k).on for k in KINDS)


def _int(value, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError("out of range")
    return value


def parse_time(value) -> tuple[int, int]:
    if not isinstance(value, list) or len(value) != 2:
        raise ValueError("not a time")
    return _int(value[0], 0, 23), _int(value[1], 0, 59)


def _days(value) -> tuple[int, ...]:
    if not isinstance(value, list) or len(value) > 7:
        raise ValueError("not days")
    return tuple(sorted({_int(d, 0, 6) for d in value}))


def from_json(obj) -> ReminderSettings:
    """Settings from their stored form; anything unreadable falls back to its default, one part at a time."""
    s = ReminderSettings()
    if not isinstance(obj, dict):
        return s
    items = obj.get("reminders")
    for kind, raw in (items.items() if isinstance(items, dict) else ()):
        if kind not in KINDS or not isinstance(raw, dict):
            continue
        try:
            hour, minute = parse_time(raw.get("time"))
            s = s.with_reminder(Reminder(kind, raw.get("on") is True, hour, minute, _days(raw.get("days"))))
        except ValueError:
            continue
    quiet = obj.get("quiet")
    if isinstance(quiet, dict):
        try:
            s = replace(s, quiet=Quiet(quiet.get("on") is True, parse_time(quiet.get("start")),
                                       parse_time(quiet.get("end"))))
        except ValueError:
            pass
    if obj.get("specific_words") is True:
        s = replace(s, specific_words=True)
    if obj.get("snooze_minutes") in SNOOZE_CHOICES:
        s = replace(s, snooze_minutes=obj["snooze_minutes"])
    return s


def to_json(s: ReminderSettings) -> dict:
    return {
        "reminders": {k: {"on": r.on, "time": [r.hour, r.minute], "days": list(r.days)}
                      for k, r in sorted(s.reminders.items())},
        "quiet": {"on": s.quiet.on, "start": list(s.quiet.start), "end": list(s.quiet.end)},
        "specific_words": s.specific_words,
        "snooze_minutes": s.snooze_minutes,
    }


def load(store: Store) -> ReminderSettings:
    row = store.query_one("SELECT value FROM preferences WHERE key = ?", (KEY,))
    if row is None or len(row[0]) > MAX_BYTES:
        return ReminderSettings()
    try:
        return from_json(json.loads(row[0]))
    except ValueError:
        return ReminderSettings()


def save(store: Store, s: ReminderSettings) -> ReminderSettings:
    """Store ``s`` (validated by a round trip, so what is stored is what ``load`` reads back)."""
    clean = from_json(json.loads(json.dumps(to_json(s))))
    with store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO preferences(key, value) VALUES (?, ?)",
                  (KEY, json.dumps(to_json(clean), separators=(",", ":"))))
    return clean


"""The reminder clock: which reminders to show now, for every profile on this computer.

It holds each profile's plan (from ``plan.plan`` while unlocked, from its mirror otherwise), the
snoozed reminders, and what was shown, so nothing shows twice. It knows no Qt and no time of its own:
the tray asks ``take(now)`` every few seconds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from app.reminders.plan import Firing
from app.reminders.settings import Quiet

LATE = dt.timedelta(minutes=5)   # a reminder missed by more (asleep, suspended) is not shown late
DEFAULT_QUIET = Quiet()


class Clock:
    def __init__(self):
        self._plans: dict[str, list[Firing]] = {}
        self._quiet: dict[str, Quiet] = {}
        self._held: list[Firing] = []       # snoozes and arrivals: shown when due and outside quiet hours
        self._shown: dict[tuple, dt.datetime] = {}

    def set_plan(self, profile_id: str, firings: list[Firing], quiet: Quiet | None) -> None:
        self._plans[profile_id] = sorted(firings, key=lambda f: f.at)
        if quiet is not None:
            self._quiet[profile_id] = quiet

    def forget(self, profile_id: str) -> None:
        """Drop everything of a profile (it was erased, or moved away)."""
        self._plans.pop(profile_id, None)
        self._quiet.pop(profile_id, None)
        self._held = [f for f in self._held if f.profile_id != profile_id]

    def profiles(self) -> set[str]:
        return set(self._plans)

    def has_any(self) -> bool:
        """Whether anything is planned or waiting (so Hearth has a reason to stay in the tray)."""
        return bool(self._held) or any(self._plans.values())

    def quiet(self, profile_id: str) -> Quiet:
        return self._quiet.get(profile_id, DEFAULT_QUIET)

    def snooze(self, firing: Firing, minutes: int, now: dt.datetime) -> Firing:
        again = replace(firing, at=now.astimezone() + dt.timedelta(minutes=minutes), held=True)
        self._held.append(again)
        return again

    def arrived(self, profile_id: str, kind: str, now: dt.datetime) -> Firing:
        """Something happened that a reminder is about (a file arrived): shown now, or when quiet hours end."""
        firing = Firing(now.astimezone(), kind, profile_id, held=True)
        self._held.append(firing)
        return firing

    def next_at(self) -> dt.datetime | None:
        """When the next reminder is planned (for the tray's tooltip and tests)."""
        times = [f.at for plan in self._plans.values() for f in plan if f.key not in self._shown]
        times += [f.at for f in self._held]
        return min(times, default=None)

    def take(self, now: dt.datetime, only_profile: str | None = None) -> list[Firing]:
        """The reminders to show now, marked shown. While a profile is unlocked (``only_profile``), only its
        own show: another person's reminder must not appear over their work."""
        now = now.astimezone()
        out = []
        for profile_id, plan in self._plans.items():
            if only_profile is not None and profile_id != only_profile:
                continue
            for f in plan:
                if f.at > now:
                    break
                if f.key not in self._shown and now - f.at <= LATE:
                    out.append(f)
        waiting = []
        for f in self._held:
            if only_profile is not None and f.profile_id != only_profile:
                waiting.append(f)
            elif f.at <= now and not self.quiet(f.profile_id).covers(now.hour, now.minute):
                out.append(f)
            else:
                waiting.append(f)
        self._held = waiting
        for f in out:
            self._shown[f.key] = now
        self._shown = {k: t for k, t in self._shown.items() if now - t < dt.timedelta(days=2)}
        return sorted(out, key=lambda f: f.at)

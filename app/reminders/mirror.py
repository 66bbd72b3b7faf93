"""``reminders.json`` in a profile's folder: the times of its coming reminders, so that a Hearth started
at login (still locked) can show them.

It holds clock times only: never what a reminder is for, never a word the person wrote, never the
profile's name. What a reminder is for stays in the encrypted store; a reminder read from here says
"a reminder you set". Written atomically; anything unreadable reads as no reminders.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from app import fsutil
from app.reminders.plan import Firing
from app.reminders.settings import Quiet, parse_time

FILE = "reminders.json"
MAX_BYTES = 64_000
MAX_TIMES = 200


def _iso_utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="minutes")


def content(firings: list[Firing], quiet: Quiet) -> bytes:
    times = sorted({_iso_utc(f.at) for f in firings if not f.held})[:MAX_TIMES]
    quiet_part = [list(quiet.start), list(quiet.end)] if quiet.on else None
    return json.dumps({"version": 1, "times": times, "quiet": quiet_part}, separators=(",", ":")).encode()


def write(folder: Path, firings: list[Firing], quiet: Quiet) -> bool:
    """Write the mirror when it changed (or remove it when there is nothing to remind of); True if written."""
    path = Path(folder) / FILE
    if not firings:
        try:
            path.unlink()
            return True
        except FileNotFoundError:
            return False
    data = content(firings, quiet)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    fsutil.atomic_write_bytes(path, data)
    return True


def read(folder: Path, profile_id: str) -> tuple[list[Firing], Quiet | None]:
    """The firings and quiet hours a profile's mirror holds ([] and None if there is none or it is unreadable;
    quiet hours off read as ``Quiet(on=False)``)."""
    path = Path(folder) / FILE
    try:
        if path.stat().st_size > MAX_BYTES:
            return [], None
        obj = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return [], None
    if not isinstance(obj, dict) or obj.get("version") != 1 or not isinstance(obj.get("times"), list):
        return [], None
    firings = []
    for raw in obj["times"][:MAX_TIMES]:
        try:
            at = dt.datetime.fromisoformat(raw)
        except (TypeError, ValueError):
            continue
        if at.tzinfo is not None:
            firings.append(Firing(at.astimezone(), None, profile_id))
    quiet = Quiet(on=False)
    q = obj.get("quiet")
    if isinstance(q, list) and len(q) == 2:
        try:
            quiet = Quiet(True, parse_time(q[0]), parse_time(q[1]))
        except ValueError:
            quiet = None  # damaged: the clock's default quiet hours apply
    return firings, quiet

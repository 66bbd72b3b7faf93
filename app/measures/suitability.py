"""Is a self-guided program a good fit right now? Checked when a program is started.

A recent PHQ-9 of 20 or more (severe), or any answer above 0 to its item 9
(thoughts of being better off dead or of self-harm), leads to a clear
recommendation to talk to a professional first or alongside. The person may
still start: this is advice, never a gate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.measures import engine
from app.store import Store

RECENT = timedelta(days=14)
SEVERE = "severe"
SELF_HARM = engine.SUICIDAL_IDEATION


@dataclass(frozen=True)
class Concern:
    reasons: tuple[str, ...]  # SEVERE and/or SELF_HARM
    taken_at: datetime
    total: float | None


def check(store: Store, now: datetime | None = None) -> Concern | None:
    """The concern raised by the latest PHQ-9 of the last two weeks, if any."""
    now = now or datetime.now(timezone.utc)
    row = store.query_one("SELECT taken_at, total, flags FROM measure_results WHERE measure_id = 'phq9'"
                          " AND taken_at >= ? ORDER BY taken_at DESC LIMIT 1",
                          ((now - RECENT).isoformat(timespec="seconds"),))
    if row is None:
        return None
    taken_at, total, flags = row
    reasons = []
    if total is not None and total >= 20:
        reasons.append(SEVERE)
    if SELF_HARM in json.loads(flags):
        reasons.append(SELF_HARM)
    return Concern(tuple(reasons), datetime.fromisoformat(taken_at), total) if reasons else None

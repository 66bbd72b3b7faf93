"""The clinician workspace's helpers for one patient's page and report (no Qt)."""

from __future__ import annotations

from app import trends
from app.exchange import outbox
from app.exchange.contacts import Contact
from app.measures import engine
from app.store import Store


def measure_series(results: list[dict], measure: engine.Measure) -> trends.MeasureSeries:
    """The same series the patient's Progress page draws, from the records a package carried."""
    ordered = sorted(results, key=lambda r: (r["taken_at"], r["id"]))
    return trends.series_of(measure, ((r["taken_at"], r["total"], r["band"]) for r in ordered))


def active_program(progress: list[dict]) -> dict | None:
    active = [p for p in progress if p.get("active")]
    return active[0] if active else (progress[-1] if progress else None)


def lockable_modules(progress: dict | None) -> list[tuple[str, str]]:
    """(module id, title) of the modules after the patient's current one not yet open for them, in order."""
    from app.exchange.readable import module_title
    from app.programs import loader

    if not progress:
        return []
    program = loader.cached(progress["program_id"])
    if program is None:
        return []
    opened = {m["module_id"] for m in progress.get("modules", []) if m.get("unlocked_at")}
    opened |= set(progress.get("clinician_unlocks", []))
    ids = [m.id for m in program.modules]
    current = progress.get("current_module")
    after = ids.index(current) + 1 if current in ids else 1  # the first module is always open
    return [(mid, module_title(program.id, mid)) for mid in ids[after:] if mid not in opened]


def pending_counts(store: Store, contact: Contact) -> dict[str, int]:
    """What the next feedback package would carry (besides the acknowledgement)."""
    payload = outbox.feedback_payload(store, contact)
    return {k: len(v) for k, v in payload.items() if isinstance(v, list) and v}


def checkin_summary(checkins: list[dict], days: int = 28) -> dict:
    """Count, average mood and range over the last ``days`` days of check-ins received."""
    recent = sorted(checkins, key=lambda c: c["day"])[-days:]
    moods = [c["mood"] for c in recent if c.get("mood") is not None]
    return {"count": len(recent), "average": round(sum(moods) / len(moods), 1) if moods else None,
            "low": min(moods) if moods else None, "high": max(moods) if moods else None,
            "first": recent[0]["day"] if recent else None, "last": recent[-1]["day"] if recent else None}


WORSE, BETTER, SAME = "worse", "better", "same"


def direction(latest, previous) -> str | None:
    """How a score moved, for measures where lower is better: worse, better, same, or None."""
    if latest is None or previous is None:
        return None
    return WORSE if latest > previous else BETTER if latest < previous else SAME


def trend(latest, previous) -> str:
    """An arrow for the list: up (worse), down (better) or level, for measures where lower is better."""
    if latest is None or previous is None:
        return ""
    return "\u2191" if latest > previous else "\u2193" if latest < previous else "\u2192"

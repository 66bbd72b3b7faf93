"""Why a patient's treatment ended, as the clinician records it (clinician workspace).

NICE's early value assessments of digitally enabled therapies (HTE8, HTE9) ask services to report
"rates and reasons for stopping treatment"; the reasons are a fixed list so they can be counted.
One ending per patient, kept in the clinician's own store (never sent to the patient); reopening a
patient's treatment removes it. See docs/outcomes.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.exchange.errors import ContactNotFound
from app.i18n import N_
from app.store import Store
from app.store.db import utcnow

FINISHED, BY_CHOICE, UNEXPLAINED, REFERRED, OTHER = (
    "finished", "stopped_by_choice", "stopped_unexplained", "referred", "other")
REASONS = (FINISHED, BY_CHOICE, UNEXPLAINED, REFERRED, OTHER)

REASON_LABELS = {
    FINISHED: N_("Finished the program"),
    # Translators: a reason a patient's treatment ended: they chose to stop before the end.
    BY_CHOICE: N_("Stopped early by choice"),
    # Translators: a reason a patient's treatment ended: they stopped and did not say why (stopped responding).
    UNEXPLAINED: N_("Stopped without saying why"),
    REFERRED: N_("Referred to another service"),
    OTHER: N_("Other reason"),
}


@dataclass(frozen=True)
class Ending:
    contact_id: str
    reason: str
    ended_on: str | None  # YYYY-MM-DD, or None when the clinician gave no date
    recorded_at: str


def record(store: Store, contact_id: str, reason: str, ended_on: date | str | None = None) -> Ending:
    """Record (or change) why and when a patient's treatment ended.

    Raises ``ValueError`` for a reason not in :data:`REASONS` or a date that is not a real
    ``YYYY-MM-DD`` date, and :class:`ContactNotFound` for someone who is not a paired patient.
    """
    if reason not in REASONS:
        raise ValueError(f"unknown reason for ending treatment: {reason!r}")
    day = _day(ended_on)
    _check_patient(store, contact_id)
    now = utcnow()
    with store.transaction() as c:
        c.execute("INSERT INTO treatment_endings (contact_id, reason, ended_on, recorded_at) VALUES (?, ?, ?, ?)"
                  " ON CONFLICT(contact_id) DO UPDATE SET reason = excluded.reason, ended_on = excluded.ended_on,"
                  " recorded_at = excluded.recorded_at", (contact_id, reason, day, now))
    return Ending(contact_id, reason, day, now)


def reopen(store: Store, contact_id: str) -> bool:
    """The patient's treatment goes on again; True if an ending was removed."""
    with store.transaction() as c:
        return c.execute("DELETE FROM treatment_endings WHERE contact_id = ?", (contact_id,)).rowcount > 0


def get(store: Store, contact_id: str) -> Ending | None:
    r = store.query_one("SELECT contact_id, reason, ended_on, recorded_at FROM treatment_endings"
                        " WHERE contact_id = ?", (contact_id,))
    return Ending(*r) if r else None


def all_endings(store: Store) -> dict[str, Ending]:
    """contact id -> ending, for every patient whose treatment is recorded as ended."""
    rows = store.query("SELECT contact_id, reason, ended_on, recorded_at FROM treatment_endings")
    return {r[0]: Ending(*r) for r in rows}


def _day(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError(f"not a date written YYYY-MM-DD: {value!r}")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"not a date written YYYY-MM-DD: {value!r}") from None


def _check_patient(store: Store, contact_id: str) -> None:
    if store.query_one("SELECT 1 FROM exchange_contacts WHERE id = ? AND role = 'patient'", (contact_id,)) is None:
        raise ContactNotFound(contact_id)

"""The patient's side of the exchange, as the pages ask about it.

Hearth's format carries no "expected every week" field: a patient who works
with a clinician is reminded when no progress was sent for a week (and they
can turn that off on the Clinician page, preference ``progress_reminder``).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.exchange import contacts
from app.exchange.contacts import Contact
from app.store import Store

WEEK = timedelta(days=7)


def clinician(store: Store) -> Contact | None:
    """The clinician this profile is paired with (the most recently paired one)."""
    found = contacts.all_contacts(store, role="clinician")
    return max(found, key=lambda c: c.paired_at) if found else None


def _parse(iso: str | None) -> datetime | None:
    if not iso:
        return None
    value = datetime.fromisoformat(iso)
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def last_sent_at(store: Store, contact_id: str) -> datetime | None:
    row = store.query_one("SELECT max(at) FROM exchange_packages WHERE contact_id = ? AND direction = 'out'",
                          (contact_id,))
    return _parse(row[0]) if row else None


def reminder_due(store: Store, now: datetime | None = None) -> bool:
    """Paired, reminders on, and nothing sent in the last 7 days (counted from pairing at first)."""
    from app import preferences

    contact = clinician(store)
    if contact is None or not preferences.load(store).progress_reminder:
        return False
    since = last_sent_at(store, contact.id) or _parse(contact.paired_at)
    return (now or datetime.now(timezone.utc)) - since >= WEEK


def open_assignments(store: Store) -> list[tuple[str, str | None]]:
    """(measure id, due date) the clinician asked for and not answered since the request arrived."""
    rows = store.query("SELECT a.measure_id, a.due, coalesce(p.at, a.created_at) FROM exchange_assignments a"
                       " LEFT JOIN exchange_packages p ON p.uuid = a.package_uuid"
                       " WHERE a.direction = 'in' ORDER BY a.created_at DESC")
    out: dict[str, str | None] = {}
    for measure_id, due, arrived in rows:
        if measure_id in out:
            continue
        last = store.query_one("SELECT max(taken_at) FROM measure_results WHERE measure_id = ?", (measure_id,))
        answered = _parse(last[0]) if last and last[0] else None
        if answered is None or answered <= _parse(arrived):  # times have whole seconds: a tie is not an answer
            out[measure_id] = due
    return list(out.items())


def unlocked_modules(store: Store) -> list[tuple[str, str, str]]:
    """(program id, module id, when) the clinician unlocked, newest first."""
    return [tuple(r) for r in store.query("SELECT program_id, module_id, unlocked_at FROM clinician_unlocks"
                                          " ORDER BY unlocked_at DESC")]


def has_clinician(store: Store | None) -> bool:
    return store is not None and contacts.has_clinician(store)


def received_comments(store: Store, entry_id: str) -> list[tuple[str, str, str]]:
    """(clinician's name, when, text) of the comments a clinician sent on one entry, oldest first."""
    rows = store.query("SELECT c.display_name, m.created_at, m.body FROM exchange_comments m"
                       " JOIN exchange_contacts c ON c.id = m.contact_id WHERE m.entry_id = ?"
                       " AND m.direction = 'in' ORDER BY m.created_at, m.id", (entry_id,))
    return [tuple(r) for r in rows]

"""The patient's side of the exchange, as the pages ask about it.

Hearth's format carries no "expected every week" field: a patient who works
with a clinician is reminded when no progress was sent for a week (and they
can turn that off on the Clinician page, preference ``progress_reminder``).

What is new from the clinician (Home's "From your clinician" card, :func:`news`)
is recorded per item in the store, beside the item itself: ``read_at`` of an
incoming message, ``seen_at`` of a received comment, of a questionnaire asked
for and of a module unlocked (schema 6). NULL means new. An item is seen when
the person opens it from Home, or meets it where it lives: every message once
the Clinician page is shown, the comments on an entry once that entry is open
beside them; a questionnaire that has been answered is no longer news, and
"Mark as seen" on the card settles everything listed. A comment or message the
clinician edits arrives as new again (the import clears its mark).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from app.exchange import contacts
from app.exchange.contacts import Contact
from app.store import Store

WEEK = timedelta(days=7)
MESSAGE, COMMENT, UNLOCK, ASSIGNMENT = "message", "comment", "unlock", "assignment"
_ORDER = (MESSAGE, COMMENT, UNLOCK, ASSIGNMENT)  # how news is listed: what the clinician said first


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


# --- what is new from the clinician ---------------------------------------------

@dataclass(frozen=True)
class News:
    """One new thing from the clinician. ``key`` identifies it for :func:`mark_seen`."""

    kind: str                   # MESSAGE | COMMENT | UNLOCK | ASSIGNMENT
    key: str                    # message id, comment id, "program/module", assignment id
    at: str                     # when the clinician wrote it (ISO)
    sender: str                 # the clinician's name
    body: str = ""              # a message's or comment's text
    entry_id: str = ""          # the entry a comment is about
    program_id: str = ""        # an unlocked module's program
    module_id: str = ""
    measure_id: str = ""        # a questionnaire asked for
    due: str | None = None      # its due date (YYYY-MM-DD), if any


def news(store: Store) -> list[News]:
    """Everything the clinician sent that the person has not seen yet: messages, comments, modules
    unlocked, questionnaires asked for, each newest first.

    Comments on entries deleted since, and questionnaires answered since they were asked for,
    are left out."""
    found: list[News] = []
    for mid, at, body, name in store.query(
            "SELECT m.id, m.created_at, m.body, c.display_name FROM exchange_messages m"
            " JOIN exchange_contacts c ON c.id = m.contact_id WHERE m.direction = 'in' AND m.read_at IS NULL"):
        found.append(News(MESSAGE, mid, at, name, body=body))
    for cid, at, body, name, entry_id in store.query(
            "SELECT m.id, m.created_at, m.body, c.display_name, m.entry_id FROM exchange_comments m"
            " JOIN exchange_contacts c ON c.id = m.contact_id"
            " JOIN exercise_entries e ON e.id = m.entry_id"
            " WHERE m.direction = 'in' AND m.seen_at IS NULL"):
        found.append(News(COMMENT, cid, at, name, body=body, entry_id=entry_id))
    contact = clinician(store)
    for program_id, module_id, at, name in store.query(
            "SELECT u.program_id, u.module_id, u.unlocked_at, c.display_name FROM clinician_unlocks u"
            " LEFT JOIN exchange_contacts c ON c.id = u.contact_id WHERE u.seen_at IS NULL"):
        # The clinician who sent the unlock (schema 7 records it); older unlocks name the paired clinician.
        found.append(News(UNLOCK, f"{program_id}/{module_id}", at, name or (contact.display_name if contact else ""),
                          program_id=program_id, module_id=module_id))
    still_open = dict(open_assignments(store))
    for aid, at, name, measure_id, due in store.query(
            "SELECT a.id, a.created_at, c.display_name, a.measure_id, a.due FROM exchange_assignments a"
            " JOIN exchange_contacts c ON c.id = a.contact_id WHERE a.direction = 'in' AND a.seen_at IS NULL"
            " ORDER BY a.created_at DESC"):
        if measure_id in still_open and not any(n.kind == ASSIGNMENT and n.measure_id == measure_id for n in found):
            found.append(News(ASSIGNMENT, aid, at, name, measure_id=measure_id, due=due))
    found.sort(key=lambda n: _parse(n.at) or datetime.min.replace(tzinfo=timezone.utc), reverse=True)
    found.sort(key=lambda n: _ORDER.index(n.kind))  # stable: newest first within each kind
    return found


def mark_seen(store: Store, items) -> None:
    """Record these :class:`News` items as seen (an assignment: every request for the same questionnaire)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.transaction() as c:
        for n in items:
            if n.kind == MESSAGE:
                c.execute("UPDATE exchange_messages SET read_at = ? WHERE id = ? AND read_at IS NULL", (now, n.key))
            elif n.kind == COMMENT:
                c.execute("UPDATE exchange_comments SET seen_at = ? WHERE id = ? AND seen_at IS NULL", (now, n.key))
            elif n.kind == UNLOCK:
                c.execute("UPDATE clinician_unlocks SET seen_at = ? WHERE program_id = ? AND module_id = ?"
                          " AND seen_at IS NULL", (now, n.program_id, n.module_id))
            elif n.kind == ASSIGNMENT:
                c.execute("UPDATE exchange_assignments SET seen_at = ? WHERE direction = 'in' AND measure_id = ?"
                          " AND seen_at IS NULL", (now, n.measure_id))


def mark_messages_read(store: Store) -> None:
    """The Clinician page, where every message is shown, was opened."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.transaction() as c:
        c.execute("UPDATE exchange_messages SET read_at = ? WHERE direction = 'in' AND read_at IS NULL", (now,))


def mark_comments_seen(store: Store, entry_id: str) -> None:
    """The entry was opened with its comments beside it."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with store.transaction() as c:
        c.execute("UPDATE exchange_comments SET seen_at = ? WHERE direction = 'in' AND entry_id = ?"
                  " AND seen_at IS NULL", (now, entry_id))

"""Things written for the other side, waiting for the next package, and what arrived.

Both sides write messages. A clinician also writes comments on entries,
unlocks modules and assigns questionnaires. Items written here wait
(``package_uuid`` NULL) until the next export carries them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

from app.exchange.contacts import Contact
from app.store import Store

MAX_MESSAGE = 10_000


@dataclass(frozen=True)
class Message:
    id: str
    direction: str  # 'in' | 'out'
    body: str
    created_at: str
    sent: bool


@dataclass(frozen=True)
class Comment:
    id: str
    entry_id: str
    entry_kind: str
    body: str
    created_at: str


def utcnow() -> str:
    """Microseconds, so two messages written in the same second keep their order."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _text(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValueError("empty text")
    return body[:MAX_MESSAGE]


def add_message(store: Store, contact: Contact, body: str) -> str:
    mid = uuid.uuid4().hex
    with store.transaction() as c:
        c.execute("INSERT INTO exchange_messages(id, contact_id, direction, body, created_at)"
                  " VALUES (?, ?, 'out', ?, ?)", (mid, contact.id, _text(body), utcnow()))
    return mid


def add_comment(store: Store, contact: Contact, entry_id: str, body: str, entry_kind: str = "") -> str:
    """A clinician's comment on one of the patient's entries (by the entry's id)."""
    cid = uuid.uuid4().hex
    with store.transaction() as c:
        c.execute("INSERT INTO exchange_comments(id, contact_id, direction, entry_id, entry_kind, body, created_at)"
                  " VALUES (?, ?, 'out', ?, ?, ?, ?)", (cid, contact.id, entry_id, entry_kind, _text(body), utcnow()))
    return cid


def add_unlock(store: Store, contact: Contact, program_id: str, module_id: str) -> None:
    with store.transaction() as c:
        c.execute("INSERT OR IGNORE INTO exchange_unlocks(contact_id, program_id, module_id, created_at)"
                  " VALUES (?, ?, ?, ?)", (contact.id, program_id, module_id, utcnow()))


def add_assignment(store: Store, contact: Contact, measure_id: str, due: str | None = None) -> str:
    aid = uuid.uuid4().hex
    with store.transaction() as c:
        c.execute("INSERT INTO exchange_assignments(id, contact_id, direction, measure_id, due, created_at)"
                  " VALUES (?, ?, 'out', ?, ?, ?)", (aid, contact.id, measure_id, due, utcnow()))
    return aid


def feedback_payload(store: Store, contact: Contact, everything: bool = False) -> dict:
    """A clinician's pending items (or all of them) for ``contact``, and the acknowledgement."""
    pending = "" if everything else " AND package_uuid IS NULL"

    def q(sql: str) -> list:
        return store.query(sql + pending + " ORDER BY created_at", (contact.id,))

    return {
        "messages": [{"id": i, "created_at": t, "body": b} for i, t, b in q(
            "SELECT id, created_at, body FROM exchange_messages WHERE contact_id = ? AND direction = 'out'")],
        "comments": [{"id": i, "entry_id": e, "entry_kind": k, "created_at": t, "body": b} for i, e, k, t, b in q(
            "SELECT id, entry_id, entry_kind, created_at, body FROM exchange_comments"
            " WHERE contact_id = ? AND direction = 'out'")],
        "unlocks": [{"program_id": p, "module_id": m, "created_at": t} for p, m, t in q(
            "SELECT program_id, module_id, created_at FROM exchange_unlocks WHERE contact_id = ?")],
        "assignments": [{"id": i, "measure_id": m, "due": d, "created_at": t} for i, m, d, t in q(
            "SELECT id, measure_id, due, created_at FROM exchange_assignments WHERE contact_id = ?"
            " AND direction = 'out'")],
        "ack": {"uuid": contact.in_uuid, "sequence": contact.in_sequence} if contact.in_uuid else None,
    }


def payload_items(payload: dict) -> dict[str, tuple]:
    """The outbox items a feedback payload carries, by table (unlocks by program and module)."""
    return {"exchange_messages": tuple(m["id"] for m in payload["messages"]),
            "exchange_comments": tuple(m["id"] for m in payload["comments"]),
            "exchange_unlocks": tuple((u["program_id"], u["module_id"]) for u in payload["unlocks"]),
            "exchange_assignments": tuple(a["id"] for a in payload["assignments"])}


def mark_sent(cursor, contact: Contact, package_uuid: str, items: dict[str, tuple]) -> None:
    """Inside the transaction that records a written package: the items it carried now belong to it.

    Only those items: one written after the package was sealed still waits for the next.
    Items already marked (re-sent with ``everything``) keep their first package.
    """
    for table, keys in items.items():
        if table == "exchange_unlocks":
            cursor.executemany("UPDATE exchange_unlocks SET package_uuid = ? WHERE contact_id = ?"
                               " AND program_id = ? AND module_id = ? AND package_uuid IS NULL",
                               [(package_uuid, contact.id, p, m) for p, m in keys])
        elif table in ("exchange_messages", "exchange_comments", "exchange_assignments"):
            cursor.executemany(f"UPDATE {table} SET package_uuid = ? WHERE id = ? AND contact_id = ?"
                               " AND direction = 'out' AND package_uuid IS NULL",
                               [(package_uuid, i, contact.id) for i in keys])
        else:
            raise ValueError(f"not an outbox table: {table}")


# --- reading what arrived (either side) -----------------------------------------

def messages(store: Store, contact: Contact) -> list[Message]:
    rows = store.query("SELECT id, direction, body, created_at, package_uuid FROM exchange_messages"
                       " WHERE contact_id = ? ORDER BY created_at, id", (contact.id,))
    return [Message(i, d, b, t, p is not None or d == "in") for i, d, b, t, p in rows]


def comments_for_entry(store: Store, entry_id: str, contact_id: str | None = None) -> list[Comment]:
    """Comments on one exercise entry (patient: received; clinician: written), oldest first."""
    sql, params = "SELECT id, entry_id, entry_kind, body, created_at FROM exchange_comments WHERE entry_id = ?", (
        entry_id,)
    if contact_id is not None:
        sql, params = sql + " AND contact_id = ?", params + (contact_id,)
    rows = store.query(sql + " ORDER BY created_at, id", params)
    return [Comment(*r) for r in rows]


def assigned_measures(store: Store) -> list[tuple[str, str | None]]:
    """(measure id, due date) a clinician asked this patient to fill in, newest first."""
    return [(m, d) for m, d in store.query("SELECT measure_id, due FROM exchange_assignments"
                                           " WHERE direction = 'in' ORDER BY created_at DESC")]

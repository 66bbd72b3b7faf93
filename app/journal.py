"""Journal entries: dated free-text notes owned by the patient."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.store import Store
from app.store.db import utcnow

MAX_TITLE = 200
MAX_BODY = 100_000
NEW_ENTRY_DRAFT = "journal:new"


@dataclass(frozen=True)
class Entry:
    id: str
    created_at: str
    updated_at: str
    title: str
    body: str


def _clip(title: str, body: str) -> tuple[str, str]:
    return title.strip()[:MAX_TITLE], body[:MAX_BODY]


def add(store: Store, title: str, body: str, *, created_at: str | None = None,
        draft_key: str | None = NEW_ENTRY_DRAFT) -> Entry:
    """Save a new entry and clear its draft in the same transaction."""
    title, body = _clip(title, body)
    now = utcnow()
    entry = Entry(uuid.uuid4().hex, created_at or now, now, title, body)
    with store.transaction() as c:
        c.execute("INSERT INTO journal_entries(id, owner, created_at, updated_at, title, body)"
                  " VALUES (?, 'patient', ?, ?, ?, ?)",
                  (entry.id, entry.created_at, entry.updated_at, entry.title, entry.body))
        if draft_key:
            c.execute("DELETE FROM drafts WHERE key = ?", (draft_key,))
    return entry


def update(store: Store, entry_id: str, title: str, body: str) -> None:
    title, body = _clip(title, body)
    with store.transaction() as c:
        c.execute("UPDATE journal_entries SET title = ?, body = ?, updated_at = ? WHERE id = ?",
                  (title, body, utcnow(), entry_id))
        c.execute("DELETE FROM drafts WHERE key = ?", (draft_key_for(entry_id),))


def delete(store: Store, entry_id: str) -> Entry | None:
    """Delete for good (secure_delete is on); returns the entry so the UI can undo."""
    row = store.query_one("SELECT id, created_at, updated_at, title, body FROM journal_entries"
                          " WHERE id = ?", (entry_id,))
    with store.transaction() as c:
        c.execute("DELETE FROM journal_entries WHERE id = ?", (entry_id,))
    return Entry(*row) if row else None


def restore(store: Store, entry: Entry) -> None:
    """Undo :func:`delete`."""
    with store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO journal_entries(id, owner, created_at, updated_at, title, body)"
                  " VALUES (?, 'patient', ?, ?, ?, ?)",
                  (entry.id, entry.created_at, entry.updated_at, entry.title, entry.body))


def entries(store: Store, limit: int = 500) -> list[Entry]:
    rows = store.query("SELECT id, created_at, updated_at, title, body FROM journal_entries"
                       " ORDER BY created_at DESC LIMIT ?", (limit,))
    return [Entry(*r) for r in rows]


def by_ids(store: Store, ids: list[str]) -> list[Entry]:
    """The entries with these ids, in the order given (a search's order); ids not found are left out."""
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT id, created_at, updated_at, title, body FROM journal_entries"  # noqa: S608
                             f" WHERE id IN ({marks})", tuple(chunk)):
            found[r[0]] = Entry(*r)
    return [found[i] for i in ids if i in found]


def count(store: Store) -> int:
    return store.query_one("SELECT count(*) FROM journal_entries")[0]


def draft_key_for(entry_id: str) -> str:
    return f"journal:{entry_id}"


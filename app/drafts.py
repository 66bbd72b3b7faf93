"""Autosaved drafts: what the user is typing, kept in the store within a second."""

from __future__ import annotations

from app.store import Store
from app.store.db import utcnow


def save(store: Store, key: str, body: str) -> None:
    with store.transaction() as c:
        if body:
            c.execute("INSERT OR REPLACE INTO drafts(key, body, updated_at) VALUES (?, ?, ?)",
                      (key, body, utcnow()))
        else:
            c.execute("DELETE FROM drafts WHERE key = ?", (key,))


def load(store: Store, key: str) -> str | None:
    row = store.query_one("SELECT body FROM drafts WHERE key = ?", (key,))
    return row[0] if row else None


def discard(store: Store, key: str) -> None:
    with store.transaction() as c:
        c.execute("DELETE FROM drafts WHERE key = ?", (key,))

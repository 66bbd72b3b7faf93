"""The exchange's entries in the profile's audit log (the ``audit_log`` table of schema 1).

Events: ``exchange.paired``, ``exchange.export``, ``exchange.import`` and
``exchange.rejected``. Exports, imports and pairings are written in the same
transaction as the change they record; a rejected import is appended in its
own small transaction that touches nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from app.store import Store
from app.store.db import utcnow

PAIRED, EXPORT, IMPORT, REJECTED = "exchange.paired", "exchange.export", "exchange.import", "exchange.rejected"
EVENTS = (PAIRED, EXPORT, IMPORT, REJECTED)


@dataclass(frozen=True)
class Entry:
    at: str
    event: str
    detail: dict

    @property
    def direction(self) -> str:
        return {EXPORT: "out", PAIRED: "-"}.get(self.event, "in")


def record(cursor, event: str, detail: dict) -> None:
    """Append inside the caller's transaction."""
    cursor.execute("INSERT INTO audit_log(at, event, detail) VALUES (?, ?, ?)",
                   (utcnow(), event, json.dumps(detail, sort_keys=True)))


def record_rejection(store: Store, reason: str, *, sha256: str | None, size: int | None,
                     sender: str | None = None, uuid: str | None = None) -> None:
    """Append one row for a refused import; nothing else in the store changes."""
    detail = {"reason": reason, "sha256": sha256, "size": size}
    if sender:
        detail["sender"] = sender
    if uuid:
        detail["uuid"] = uuid
    with store.transaction() as c:
        record(c, REJECTED, detail)


def entries(store: Store, limit: int = 100_000) -> list[Entry]:
    """Exchange events, oldest first."""
    marks = ",".join("?" * len(EVENTS))
    rows = store.query(f"SELECT at, event, detail FROM audit_log WHERE event IN ({marks})"
                       " ORDER BY id LIMIT ?", (*EVENTS, limit))
    return [Entry(at, event, json.loads(detail)) for at, event, detail in rows]


def seen_file(store: Store, sha256: str) -> bool:
    """Was a file with this hash imported or refused before (the sync folder skips it quietly)?"""
    row = store.query_one("SELECT 1 FROM exchange_packages WHERE file_sha256 = ? LIMIT 1", (sha256,))
    if row:
        return True
    return store.query_one("SELECT 1 FROM audit_log WHERE event = ? AND json_extract(detail, '$.sha256') = ?"
                           " LIMIT 1", (REJECTED, sha256)) is not None

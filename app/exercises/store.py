"""Saving, listing, editing and deleting exercise entries."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass

from app.exercises import registry
from app.store import Store
from app.store.db import utcnow

_COLUMNS = "id, kind, exercise_id, program_id, module_id, created_at, updated_at, data"


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    exercise_id: str | None
    program_id: str | None
    module_id: str | None
    created_at: str
    updated_at: str
    data: dict

    @property
    def summary(self) -> str:
        return registry.get(self.kind).summary(self.data)


def _row(r) -> Entry:
    return Entry(*r[:7], json.loads(r[7]))


def add(store: Store, kind: str, data: dict, *, exercise_id: str | None = None,
        program_id: str | None = None, module_id: str | None = None,
        created_at: str | None = None, draft_key: str | None = None) -> Entry:
    """Check ``data`` with the kind's ``normalize`` and save it (clearing its draft)."""
    clean = registry.get(kind).normalize(data)
    now = utcnow()
    entry = Entry(uuid.uuid4().hex, kind, exercise_id, program_id, module_id, created_at or now, now, clean)
    with store.transaction() as c:
        c.execute(f"INSERT INTO exercise_entries({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  (entry.id, kind, exercise_id, program_id, module_id, entry.created_at, now,
                   json.dumps(clean, ensure_ascii=False)))
        if draft_key:
            c.execute("DELETE FROM drafts WHERE key = ?", (draft_key,))
    return entry


def update(store: Store, entry_id: str, data: dict, *, draft_key: str | None = None) -> Entry:
    old = get(store, entry_id)
    if old is None:
        raise KeyError(entry_id)
    clean = registry.get(old.kind).normalize(data)
    now = utcnow()
    with store.transaction() as c:
        c.execute("UPDATE exercise_entries SET data = ?, updated_at = ? WHERE id = ?",
                  (json.dumps(clean, ensure_ascii=False), now, entry_id))
        if draft_key:
            c.execute("DELETE FROM drafts WHERE key = ?", (draft_key,))
    return Entry(old.id, old.kind, old.exercise_id, old.program_id, old.module_id, old.created_at, now, clean)


def get(store: Store, entry_id: str) -> Entry | None:
    r = store.query_one(f"SELECT {_COLUMNS} FROM exercise_entries WHERE id = ?", (entry_id,))
    return _row(r) if r else None


def delete(store: Store, entry_id: str) -> Entry | None:
    """Delete for good; returns the entry so the UI can offer undo."""
    entry = get(store, entry_id)
    with store.transaction() as c:
        c.execute("DELETE FROM exercise_entries WHERE id = ?", (entry_id,))
    return entry


def restore(store: Store, entry: Entry) -> None:
    with store.transaction() as c:
        # an upsert, not INSERT OR REPLACE: a replaced row would fire no delete trigger (search index, totals)
        c.execute(f"INSERT INTO exercise_entries({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE"
                  " SET kind = excluded.kind, exercise_id = excluded.exercise_id, program_id = excluded.program_id,"
                  " module_id = excluded.module_id, created_at = excluded.created_at,"
                  " updated_at = excluded.updated_at, data = excluded.data",
                  (entry.id, entry.kind, entry.exercise_id, entry.program_id, entry.module_id,
                   entry.created_at, entry.updated_at, json.dumps(entry.data, ensure_ascii=False)))


def entries(store: Store, *, kind: str | None = None, exercise_id: str | None = None,
            since: str | None = None, limit: int = 1000) -> list[Entry]:
    where, params = [], []
    for col, value in (("kind", kind), ("exercise_id", exercise_id)):
        if value is not None:
            where.append(f"{col} = ?")
            params.append(value)
    if since is not None:
        where.append("created_at >= ?")
        params.append(since)
    sql = f"SELECT {_COLUMNS} FROM exercise_entries"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = store.query(sql + " ORDER BY created_at DESC LIMIT ?", (*params, limit))
    return [_row(r) for r in rows]


def by_ids(store: Store, ids: list[str]) -> list[Entry]:
    """The entries with these ids, in the order given (a search's order); ids not found are left out."""
    found = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for r in store.query(f"SELECT {_COLUMNS} FROM exercise_entries WHERE id IN ({marks})", tuple(chunk)):  # noqa: S608
            e = _row(r)
            found[e.id] = e
    return [found[i] for i in ids if i in found]


def shown_in(entry: Entry, kind: str, exercise_id: str | None) -> bool:
    """Whether ``entry`` belongs in the history list that :func:`listed` makes for this kind and exercise."""
    if entry.kind != kind:
        return False
    if not getattr(registry.get(kind), "PER_EXERCISE", False):
        return True
    return entry.exercise_id == exercise_id


def listed(store: Store, kind: str, exercise_id: str | None = None, *, limit: int = 1000) -> list[Entry]:
    """The entries shown in one exercise's history list, newest first.

    A kind whose form is made from the program's text (a reflection's prompts, a quiz's questions:
    ``PER_EXERCISE = True`` in its module) keeps each program exercise's entries to that exercise,
    and its stand-alone tool lists only entries written in the tool: answers to "My vicious cycle"
    make no sense under another reflection's prompts. Every other kind has the same form wherever
    it is opened (one activity diary, one set of thought records), so its lists show all its entries.
    """
    if not getattr(registry.get(kind), "PER_EXERCISE", False):
        return entries(store, kind=kind, limit=limit)
    if exercise_id is not None:
        return entries(store, kind=kind, exercise_id=exercise_id, limit=limit)
    rows = store.query(f"SELECT {_COLUMNS} FROM exercise_entries WHERE kind = ? AND exercise_id IS NULL"
                       " ORDER BY created_at DESC LIMIT ?", (kind, limit))
    return [_row(r) for r in rows]


def count(store: Store, *, kind: str | None = None, since: str | None = None) -> int:
    """How many entries (of ``kind``, written since ``since``): counted by SQLite, no row is read into Python."""
    where, params = [], []
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if since is not None:
        where.append("created_at >= ?")
        params.append(since)
    sql = "SELECT count(*) FROM exercise_entries" + (" WHERE " + " AND ".join(where) if where else "")
    return store.query_one(sql, tuple(params))[0]

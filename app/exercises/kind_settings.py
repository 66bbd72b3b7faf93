"""An exercise kind's own settings, kept in the encrypted store (never in a plain file).

Each value is JSON in the profile's ``preferences`` table under ``kind:<kind>:<name>``; the
``preferences`` module reads only its own keys, so these stay apart from the app's preferences.
A value that cannot be read (damaged, or from another version) reads as the default.
"""

from __future__ import annotations

import json

from app.store import Store

MAX_BYTES = 100_000


def _key(kind: str, name: str) -> str:
    return f"kind:{kind}:{name}"


def get(store: Store, kind: str, name: str, default=None):
    row = store.query_one("SELECT value FROM preferences WHERE key = ?", (_key(kind, name),))
    if row is None or len(row[0]) > MAX_BYTES:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def put(store: Store, kind: str, name: str, value) -> None:
    """Save ``value`` (JSON-able); None removes the setting."""
    with store.transaction() as c:
        if value is None:
            c.execute("DELETE FROM preferences WHERE key = ?", (_key(kind, name),))
            return
        text = json.dumps(value, ensure_ascii=False)
        if len(text) > MAX_BYTES:
            raise ValueError("setting too large")
        c.execute("INSERT OR REPLACE INTO preferences(key, value) VALUES (?, ?)", (_key(kind, name), text))

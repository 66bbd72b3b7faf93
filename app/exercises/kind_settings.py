"""Small per-profile settings of exercise kinds (the interoceptive health check, the mindfulness chime).

Kept in the encrypted store's ``preferences`` table under a ``kind.`` key, as JSON; a value that cannot
be read is treated as never set. Plain preferences (``app/preferences.py``) ignore these keys.
"""

from __future__ import annotations

import json

from app.store import Store

PREFIX = "kind."
MAX_BYTES = 4096


def load(store: Store, key: str, default=None):
    row = store.query_one("SELECT value FROM preferences WHERE key = ?", (PREFIX + key,))
    if row is None or len(row[0]) > MAX_BYTES:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def save(store: Store, key: str, value) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if len(text) > MAX_BYTES:
        raise ValueError("setting too large")
    with store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO preferences(key, value) VALUES (?, ?)", (PREFIX + key, text))

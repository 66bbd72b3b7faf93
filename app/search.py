"""Finding what you wrote: words typed in a search box, matched in the encrypted store's full-text index
(``entry_search``, schema 9), with an optional date range. No index or copy of the text exists outside the
store, and a search reads the index, not every entry (fast at 100,000 entries: bench/search.py)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from app.store import Store

MAX_TERMS = 12
LIMIT = 500  # entries a search lists at most (the newest first)
JOURNAL = "journal"
# The date ranges offered next to the search box: (id, days back; None = any time)
RANGES = (("any", None), ("week", 7), ("month", 31), ("year", 366))
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(text: str) -> list[str]:
    """The words of a search, as the index splits them (punctuation and FTS syntax are never passed on)."""
    return _WORD.findall(text)[:MAX_TERMS]


def source_tag(source: str) -> str:
    """The one word the index keeps for where an entry lives ('journal' or an exercise kind)."""
    return "src" + re.sub(r"[^0-9a-z]", "", source.lower())


def match_expression(text: str, source: str | None = None) -> str | None:
    """Every word must appear, the last one also as the start of a longer word (typing "wor" finds "worry");
    with ``source``, only in that list's entries."""
    words = terms(text)
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    found = "text : (" + " AND ".join(quoted) + ")"
    return f"source : {source_tag(source)} AND {found}" if source else found


def since(range_id: str, today: date | None = None) -> str | None:
    """The ISO time a date range starts at (None: any time)."""
    days = dict(RANGES).get(range_id)
    if days is None:
        return None
    start = datetime.combine((today or date.today()) - timedelta(days=days), datetime.min.time(), timezone.utc)
    return start.isoformat(timespec="seconds")


def find(store: Store, text: str, source: str, *, exercise_id: str | None = None, range_id: str = "any",
         limit: int = LIMIT) -> list[str] | None:
    """The ids of ``source``'s entries (the journal, or an exercise kind) matching ``text`` and the date
    range, newest first; None when there are no words to search for (the caller lists everything)."""
    expression = match_expression(text, source)
    start = since(range_id)
    if expression is None and start is None:
        return None
    table, owner_kind = ("journal_entries", "") if source == JOURNAL else ("exercise_entries", " AND t.kind = ?")
    params: list = []
    if expression is not None:
        if start is None:
            # The matches' rowids first, oldest first (FTS5 reads a word's list forwards fast; backwards with a
            # prefix it took 1.6 s for two common words among 100,000 entries), then only the newest ``limit``
            # are looked up (the index is in the order entries were written) and sorted by when written.
            rowids = [r[0] for r in store.query("SELECT rowid FROM entry_search WHERE entry_search MATCH ?",
                                                (expression,))][-limit:]
            if not rowids:
                return []
            marks = ",".join("?" * len(rowids))
            sql = (f"SELECT t.id FROM entry_search s JOIN {table} t ON t.id = s.entry_id"  # noqa: S608
                   f" WHERE s.rowid IN ({marks}) AND t.owner = 'patient'{owner_kind}")
            params += rowids
        else:  # every match, filtered by the range
            sql = (f"SELECT t.id FROM entry_search s JOIN {table} t ON t.id = s.entry_id"  # noqa: S608
                   f" WHERE entry_search MATCH ? AND t.owner = 'patient'{owner_kind}")
            params.append(expression)
    else:
        sql = f"SELECT t.id FROM {table} t WHERE t.owner = 'patient'{owner_kind}"  # noqa: S608 - fixed names
    if owner_kind:
        params.append(source)
    if exercise_id is not None:
        sql += " AND t.exercise_id = ?"
        params.append(exercise_id)
    if start is not None:
        sql += " AND t.created_at >= ?"
        params.append(start)
    sql += " ORDER BY t.created_at DESC LIMIT ?"
    params.append(limit)
    return [r[0] for r in store.query(sql, tuple(params))]

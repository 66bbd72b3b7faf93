-- Hearth schema 4: the quick daily check-in (mood 0-10 and an optional note).

-- One row per local calendar day; checking in again the same day updates it.
CREATE TABLE checkins (
    id         TEXT PRIMARY KEY,             -- UUID, stable across edits (for the exchange)
    day        TEXT NOT NULL UNIQUE,         -- local date, YYYY-MM-DD
    mood       INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

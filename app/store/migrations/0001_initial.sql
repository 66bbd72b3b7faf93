-- Hearth schema 1: the foundation.
-- Records that can later travel between patient and clinician carry a UUID,
-- created/updated times (UTC ISO 8601) and an owner side.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Per-profile preferences: language, theme, text size, auto-lock minutes...
CREATE TABLE preferences (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Autosaved text being typed, keyed by the form it belongs to.
CREATE TABLE drafts (
    key        TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Free-text journal entries (the first user content; exercises build on it).
CREATE TABLE journal_entries (
    id         TEXT PRIMARY KEY,            -- UUID
    owner      TEXT NOT NULL CHECK (owner IN ('patient', 'clinician')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_entries_by_time ON journal_entries (created_at DESC);

-- What happened to this profile that the user may want to review later.
CREATE TABLE audit_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    event  TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}'
);

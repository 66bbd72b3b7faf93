-- Hearth schema 5: the clinician exchange (issue #5). See docs/exchange-format.md.
-- Exports and imports are recorded in the existing audit_log (event 'exchange.*').

-- This profile's own keys; they never leave the encrypted store (except
-- `exchange identity`, which the user asks for). One row.
CREATE TABLE exchange_identity (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    age_identity TEXT NOT NULL,                 -- AGE-SECRET-KEY-1... (X25519)
    sign_private TEXT NOT NULL,                 -- Ed25519 private key, raw 32 bytes as hex
    created_at   TEXT NOT NULL,
    clinic       TEXT NOT NULL DEFAULT '',      -- clinician cards only
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    about        TEXT NOT NULL DEFAULT ''
);

-- Paired counterparts: a patient's clinicians, or a clinician's patients.
CREATE TABLE exchange_contacts (
    id             TEXT PRIMARY KEY,            -- UUID (hex), ours
    role           TEXT NOT NULL CHECK (role IN ('patient', 'clinician')),
    display_name   TEXT NOT NULL,
    clinic         TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    about          TEXT NOT NULL DEFAULT '',
    age_recipient  TEXT NOT NULL UNIQUE,        -- age1...
    sign_public    TEXT NOT NULL UNIQUE,        -- Ed25519 public key, raw 32 bytes as hex
    key_id         TEXT NOT NULL UNIQUE,        -- sender id in their manifests
    fingerprint    TEXT NOT NULL,               -- 6 groups of 5 digits, compared when pairing
    paired_at      TEXT NOT NULL,
    in_sequence    INTEGER NOT NULL DEFAULT 0,  -- highest sequence imported from them
    in_uuid        TEXT,                        -- their last package imported
    in_at          TEXT,                        -- when we imported it
    out_sequence   INTEGER NOT NULL DEFAULT 0,  -- our last sequence sent to them
    acked_sequence INTEGER NOT NULL DEFAULT 0,  -- our highest package they acknowledged
    acked_uuid     TEXT
);

-- Every package imported (replay detection) and exported (acknowledgements).
CREATE TABLE exchange_packages (
    uuid       TEXT PRIMARY KEY,
    contact_id TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    direction  TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    sequence   INTEGER NOT NULL,
    created_at TEXT NOT NULL,                   -- the manifest's creation time
    file_sha256 TEXT NOT NULL,
    at         TEXT NOT NULL                    -- when imported or exported here
);
CREATE INDEX exchange_packages_by_contact ON exchange_packages (contact_id, direction, sequence);

-- What a patient's packages carried, per record, so "since the last acknowledged
-- package" compares content (digest), not clocks.
CREATE TABLE exchange_sent (
    contact_id TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    section    TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    sequence   INTEGER NOT NULL,
    digest     TEXT NOT NULL,
    PRIMARY KEY (contact_id, section, record_id, sequence)
) WITHOUT ROWID;

-- Messages in both directions. package_uuid: the package that carried it
-- (NULL for an outgoing message not yet sent).
CREATE TABLE exchange_messages (
    id           TEXT PRIMARY KEY,
    contact_id   TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    package_uuid TEXT,
    read_at      TEXT
);
CREATE INDEX exchange_messages_by_contact ON exchange_messages (contact_id, created_at);

-- A clinician's comments on a patient's exercise entries (written by the
-- clinician, received by the patient).
CREATE TABLE exchange_comments (
    id           TEXT PRIMARY KEY,
    contact_id   TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    entry_id     TEXT NOT NULL,
    entry_kind   TEXT NOT NULL DEFAULT '',
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    package_uuid TEXT
);
CREATE INDEX exchange_comments_by_entry ON exchange_comments (entry_id, created_at);

-- Questionnaires a clinician asked for.
CREATE TABLE exchange_assignments (
    id           TEXT PRIMARY KEY,
    contact_id   TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    measure_id   TEXT NOT NULL,
    due          TEXT,                          -- YYYY-MM-DD or NULL
    created_at   TEXT NOT NULL,
    package_uuid TEXT
);

-- Module unlocks a clinician sent (clinician side; the patient side writes
-- clinician_unlocks from schema 2).
CREATE TABLE exchange_unlocks (
    contact_id   TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    program_id   TEXT NOT NULL,
    module_id    TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    package_uuid TEXT,
    PRIMARY KEY (contact_id, program_id, module_id)
) WITHOUT ROWID;

-- Clinician workspace: each patient's shared records, kept apart from the
-- clinician's own tables. data is JSON already checked against the schema.
CREATE TABLE exchange_records (
    contact_id  TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    section     TEXT NOT NULL,                  -- measures | flags | checkins | homework | homework_done | progress
    record_id   TEXT NOT NULL,
    data        TEXT NOT NULL,
    sort_key    TEXT NOT NULL DEFAULT '',       -- a time, for listing in order
    first_seq   INTEGER NOT NULL,               -- the package that first carried it
    changed_seq INTEGER NOT NULL,               -- the package that last changed it
    PRIMARY KEY (contact_id, section, record_id)
) WITHOUT ROWID;
CREATE INDEX exchange_records_by_time ON exchange_records (contact_id, section, sort_key);

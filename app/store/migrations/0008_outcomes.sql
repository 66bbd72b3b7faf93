-- Hearth schema 8: the clinician workspace's outcomes (issue 11): why a patient's treatment ended, and the
-- minutes the clinician spent guiding each patient. Clinician side only; nothing here travels in packages.
-- See app/exchange/endings.py, app/exchange/guidance.py and docs/outcomes.md.

-- One row while a patient's treatment is recorded as ended; reopening deletes it.
CREATE TABLE treatment_endings (
    contact_id  TEXT PRIMARY KEY REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    reason      TEXT NOT NULL CHECK (reason IN ('finished', 'stopped_by_choice', 'stopped_unexplained',
                                                'referred', 'other')),
    ended_on    TEXT,                           -- YYYY-MM-DD, or NULL when not given
    recorded_at TEXT NOT NULL
) WITHOUT ROWID;

-- Guidance time, one row per entry; a patient's total is the sum of seconds.
-- page: time the patient's page was open and active (the workspace updates the row as time passes);
-- manual: time the clinician entered (a call, a letter); correction: a signed difference the clinician
-- entered so the total says what they know it to be (the entries it corrects stay).
CREATE TABLE guidance_entries (
    id          TEXT PRIMARY KEY,
    contact_id  TEXT NOT NULL REFERENCES exchange_contacts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('page', 'manual', 'correction')),
    started_at  TEXT NOT NULL,                  -- UTC ISO 8601
    seconds     INTEGER NOT NULL CHECK (seconds >= 0 OR kind = 'correction'),
    recorded_at TEXT NOT NULL
);
CREATE INDEX guidance_entries_by_contact ON guidance_entries (contact_id, started_at);

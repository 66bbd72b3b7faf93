-- Hearth schema 3: questionnaire results, safety flags and the safety plan.

CREATE TABLE measure_results (
    id          TEXT PRIMARY KEY,            -- UUID
    owner       TEXT NOT NULL DEFAULT 'patient' CHECK (owner IN ('patient', 'clinician')),
    measure_id  TEXT NOT NULL,
    taken_at    TEXT NOT NULL,
    answers     TEXT NOT NULL,               -- JSON list, null for unanswered
    extra       TEXT NOT NULL DEFAULT '{}',  -- JSON: unscored items (e.g. difficulty)
    total       REAL,                        -- null when not scored
    band        TEXT,
    flags       TEXT NOT NULL DEFAULT '[]',  -- JSON list
    prorated    INTEGER NOT NULL DEFAULT 0 CHECK (prorated IN (0, 1)),
    language    TEXT NOT NULL DEFAULT 'en',  -- the wording the person saw
    validated   INTEGER NOT NULL DEFAULT 1 CHECK (validated IN (0, 1))  -- 0: unvalidated translation
);
CREATE INDEX measure_results_by_measure ON measure_results (measure_id, taken_at DESC);

-- Safety flags to carry prominently to the clinician (exchange, issue #5).
CREATE TABLE safety_flags (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,                -- suicidal_ideation | reliable_deterioration
    raised_at  TEXT NOT NULL,
    result_id  TEXT REFERENCES measure_results(id) ON DELETE SET NULL,
    detail     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX safety_flags_by_time ON safety_flags (raised_at DESC);

-- The person's own safety plan: one text per section.
CREATE TABLE safety_plan (
    section    TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

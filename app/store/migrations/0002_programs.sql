-- Hearth schema 2: programs, progress and exercise entries.

-- One row per program the person has started; at most one is active.
CREATE TABLE enrolments (
    program_id  TEXT PRIMARY KEY,
    started_at  TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    finished_at TEXT
);
CREATE UNIQUE INDEX one_active_enrolment ON enrolments (active) WHERE active = 1;

-- Per module: when it opened, when its lesson was finished, time spent.
CREATE TABLE module_progress (
    program_id     TEXT NOT NULL,
    module_id      TEXT NOT NULL,
    unlocked_at    TEXT,
    lesson_done_at TEXT,
    seconds_spent  INTEGER NOT NULL DEFAULT 0 CHECK (seconds_spent >= 0),
    PRIMARY KEY (program_id, module_id)
) WITHOUT ROWID;

-- Unlocks sent by a clinician (carried by the exchange, issue #5): clinician-owned.
CREATE TABLE clinician_unlocks (
    program_id  TEXT NOT NULL,
    module_id   TEXT NOT NULL,
    unlocked_at TEXT NOT NULL,
    PRIMARY KEY (program_id, module_id)
) WITHOUT ROWID;

CREATE TABLE homework_done (
    program_id  TEXT NOT NULL,
    homework_id TEXT NOT NULL,
    done_at     TEXT NOT NULL,
    PRIMARY KEY (program_id, homework_id)
) WITHOUT ROWID;

-- Every exercise entry (thought records, activities, quizzes...); data is JSON
-- checked by the kind's normalize() before it is stored.
CREATE TABLE exercise_entries (
    id          TEXT PRIMARY KEY,            -- UUID
    owner       TEXT NOT NULL DEFAULT 'patient' CHECK (owner IN ('patient', 'clinician')),
    kind        TEXT NOT NULL,
    exercise_id TEXT,                        -- the program's exercise id, if from a program
    program_id  TEXT,
    module_id   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX exercise_entries_by_kind ON exercise_entries (kind, created_at DESC);
CREATE INDEX exercise_entries_by_exercise ON exercise_entries (exercise_id, created_at DESC);

-- Hearth schema 10: the Progress page with years of entries (issue 15). At 100,000 exercise entries the page read
-- every entry on the GUI thread to learn whether a chart had changed (count and latest edit of a kind), to add up
-- mood per activity and to find the weeks of homework. These totals are kept by triggers in the same transaction
-- as the entries, so those questions read a few rows (see app/trends.py).

-- The weeks a homework chart shows are read by time, and its first week from the earliest entry.
CREATE INDEX exercise_entries_by_time ON exercise_entries (created_at);

-- Per exercise kind: how many entries there are, and a number that grows with every insert, edit and delete
-- (a chart is redrawn when the number it last drew with has changed).
CREATE TABLE entry_totals (
    kind    TEXT PRIMARY KEY,
    entries INTEGER NOT NULL DEFAULT 0,
    changes INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

INSERT INTO entry_totals(kind, entries, changes) SELECT kind, count(*), count(*) FROM exercise_entries GROUP BY kind;

CREATE TRIGGER entry_totals_insert AFTER INSERT ON exercise_entries BEGIN
    INSERT INTO entry_totals(kind, entries, changes) VALUES (NEW.kind, 1, 1)
        ON CONFLICT(kind) DO UPDATE SET entries = entries + 1, changes = changes + 1;
END;
CREATE TRIGGER entry_totals_update AFTER UPDATE ON exercise_entries BEGIN
    UPDATE entry_totals SET entries = entries - 1, changes = changes + 1 WHERE kind = OLD.kind;
    INSERT INTO entry_totals(kind, entries, changes) VALUES (NEW.kind, 1, 1)
        ON CONFLICT(kind) DO UPDATE SET entries = entries + 1, changes = changes + 1;
END;
CREATE TRIGGER entry_totals_delete AFTER DELETE ON exercise_entries BEGIN
    UPDATE entry_totals SET entries = entries - 1, changes = changes + 1 WHERE kind = OLD.kind;
END;

-- Activity diary: per activity name as written (trimmed), how many entries rated a mood and the sum of those
-- ratings. ``first_at`` is the earliest such entry ever written (it is not moved later when that one is
-- deleted; it only orders spellings that differ in case). A row whose entries reach 0 is removed.
CREATE TABLE activity_mood_totals (
    name       TEXT PRIMARY KEY,
    entries    INTEGER NOT NULL,
    mood_total INTEGER NOT NULL,
    first_at   TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO activity_mood_totals(name, entries, mood_total, first_at)
    SELECT trim(json_extract(data, '$.activity')) AS name, count(*), sum(json_extract(data, '$.mood')), min(created_at)
    FROM exercise_entries
    WHERE kind = 'activity-monitoring' AND json_valid(data) AND json_type(data, '$.activity') = 'text'
      AND json_type(data, '$.mood') = 'integer'
    GROUP BY name HAVING name <> '';

CREATE TRIGGER activity_mood_totals_insert AFTER INSERT ON exercise_entries
        WHEN NEW.kind = 'activity-monitoring' AND json_valid(NEW.data) AND json_type(NEW.data, '$.activity') = 'text'
             AND json_type(NEW.data, '$.mood') = 'integer' AND trim(json_extract(NEW.data, '$.activity')) <> '' BEGIN
    INSERT INTO activity_mood_totals(name, entries, mood_total, first_at)
        VALUES (trim(json_extract(NEW.data, '$.activity')), 1, json_extract(NEW.data, '$.mood'), NEW.created_at)
        ON CONFLICT(name) DO UPDATE SET entries = entries + 1, mood_total = mood_total + excluded.mood_total,
                                        first_at = min(first_at, excluded.first_at);
END;
CREATE TRIGGER activity_mood_totals_delete AFTER DELETE ON exercise_entries
        WHEN OLD.kind = 'activity-monitoring' AND json_valid(OLD.data) AND json_type(OLD.data, '$.activity') = 'text'
             AND json_type(OLD.data, '$.mood') = 'integer' AND trim(json_extract(OLD.data, '$.activity')) <> '' BEGIN
    UPDATE activity_mood_totals SET entries = entries - 1, mood_total = mood_total - json_extract(OLD.data, '$.mood')
        WHERE name = trim(json_extract(OLD.data, '$.activity'));
    DELETE FROM activity_mood_totals WHERE name = trim(json_extract(OLD.data, '$.activity')) AND entries <= 0;
END;
-- An edit is the old entry taken out and the new one put in (two triggers, each only when its side counts).
CREATE TRIGGER activity_mood_totals_update_out AFTER UPDATE ON exercise_entries
        WHEN OLD.kind = 'activity-monitoring' AND json_valid(OLD.data) AND json_type(OLD.data, '$.activity') = 'text'
             AND json_type(OLD.data, '$.mood') = 'integer' AND trim(json_extract(OLD.data, '$.activity')) <> '' BEGIN
    UPDATE activity_mood_totals SET entries = entries - 1, mood_total = mood_total - json_extract(OLD.data, '$.mood')
        WHERE name = trim(json_extract(OLD.data, '$.activity'));
    DELETE FROM activity_mood_totals WHERE name = trim(json_extract(OLD.data, '$.activity')) AND entries <= 0;
END;
CREATE TRIGGER activity_mood_totals_update_in AFTER UPDATE ON exercise_entries
        WHEN NEW.kind = 'activity-monitoring' AND json_valid(NEW.data) AND json_type(NEW.data, '$.activity') = 'text'
             AND json_type(NEW.data, '$.mood') = 'integer' AND trim(json_extract(NEW.data, '$.activity')) <> '' BEGIN
    INSERT INTO activity_mood_totals(name, entries, mood_total, first_at)
        VALUES (trim(json_extract(NEW.data, '$.activity')), 1, json_extract(NEW.data, '$.mood'), NEW.created_at)
        ON CONFLICT(name) DO UPDATE SET entries = entries + 1, mood_total = mood_total + excluded.mood_total,
                                        first_at = min(first_at, excluded.first_at);
END;

-- Hearth schema 9: finding what you wrote (issue 14). A full-text index of the person's journal and exercise
-- entries, inside the encrypted store (never a plaintext index anywhere else), kept in step by triggers, so
-- a search among 100,000 entries reads the index, not every entry. See app/search.py.
-- ``source`` is one word naming where the entry lives: 'srcjournal', or 'src' and the exercise kind without its
-- dashes ('srcthoughtrecord'), indexed so a search of one list reads only that list's matches; ``text`` is the
-- journal's title and body, or every string value of an exercise entry's data (not its keys or numbers).
CREATE VIRTUAL TABLE entry_search USING fts5(
    entry_id UNINDEXED, source, text, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO entry_search(entry_id, source, text)
    SELECT id, 'srcjournal', title || ' ' || body FROM journal_entries WHERE owner = 'patient';
INSERT INTO entry_search(entry_id, source, text)
    SELECT e.id, 'src' || replace(e.kind, '-', ''), (SELECT group_concat(value, ' ') FROM json_tree(e.data) WHERE type = 'text')
    FROM exercise_entries e WHERE e.owner = 'patient' AND json_valid(e.data);

CREATE TRIGGER journal_search_insert AFTER INSERT ON journal_entries WHEN NEW.owner = 'patient' BEGIN
    INSERT INTO entry_search(entry_id, source, text) VALUES (NEW.id, 'srcjournal', NEW.title || ' ' || NEW.body);
END;
CREATE TRIGGER journal_search_update AFTER UPDATE OF title, body ON journal_entries BEGIN
    DELETE FROM entry_search WHERE entry_id = OLD.id;
    INSERT INTO entry_search(entry_id, source, text)
        SELECT NEW.id, 'srcjournal', NEW.title || ' ' || NEW.body WHERE NEW.owner = 'patient';
END;
CREATE TRIGGER journal_search_delete AFTER DELETE ON journal_entries BEGIN
    DELETE FROM entry_search WHERE entry_id = OLD.id;
END;

CREATE TRIGGER exercise_search_insert AFTER INSERT ON exercise_entries
        WHEN NEW.owner = 'patient' AND json_valid(NEW.data) BEGIN
    INSERT INTO entry_search(entry_id, source, text)
        VALUES (NEW.id, 'src' || replace(NEW.kind, '-', ''), (SELECT group_concat(value, ' ') FROM json_tree(NEW.data) WHERE type = 'text'));
END;
CREATE TRIGGER exercise_search_update AFTER UPDATE OF data, kind ON exercise_entries BEGIN
    DELETE FROM entry_search WHERE entry_id = OLD.id;
    INSERT INTO entry_search(entry_id, source, text)
        SELECT NEW.id, 'src' || replace(NEW.kind, '-', ''), (SELECT group_concat(value, ' ') FROM json_tree(NEW.data) WHERE type = 'text')
        WHERE NEW.owner = 'patient' AND json_valid(NEW.data);
END;
CREATE TRIGGER exercise_search_delete AFTER DELETE ON exercise_entries BEGIN
    DELETE FROM entry_search WHERE entry_id = OLD.id;
END;

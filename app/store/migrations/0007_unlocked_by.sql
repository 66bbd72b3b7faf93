-- Hearth schema 7: which clinician unlocked a module (the contact whose feedback file carried it).
-- NULL for unlocks recorded before this version.
ALTER TABLE clinician_unlocks ADD COLUMN contact_id TEXT;

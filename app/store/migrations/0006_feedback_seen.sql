-- Hearth schema 6: which of the clinician's feedback the patient has seen (Home's "From your
-- clinician" card lists the rest). NULL = new; see app/exchange/patient.py for what counts as seen.
-- Messages already have read_at (schema 5).
ALTER TABLE exchange_comments ADD COLUMN seen_at TEXT;
ALTER TABLE exchange_assignments ADD COLUMN seen_at TEXT;
ALTER TABLE clinician_unlocks ADD COLUMN seen_at TEXT;

-- What arrived before this version was already shown where it lives (the Clinician page, beside
-- its entry, on the Program and Measures pages): it is not news any more.
UPDATE exchange_messages SET read_at = created_at WHERE direction = 'in' AND read_at IS NULL;
UPDATE exchange_comments SET seen_at = created_at WHERE direction = 'in';
UPDATE exchange_assignments SET seen_at = created_at WHERE direction = 'in';
UPDATE clinician_unlocks SET seen_at = unlocked_at;

"""The person's own data, theirs to keep: an open archive (ZIP of JSON and CSV, optionally sealed with an age
passphrase) written from a profile and read back into a new one. Format: ``docs/archive-format.md``."""

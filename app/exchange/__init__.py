"""Encrypted, signed files between a patient's profile and a clinician's workspace.

Modules: ``keys`` (own keys, fingerprints), ``card`` (cards and pairing),
``contacts``, ``package`` (seal/open), ``collect`` (what a patient shares, preview),
``outbox`` (messages and feedback waiting to be sent, and what arrived),
``export``, ``importer`` (the checked import pipeline), ``merge``, ``workspace``
(the clinician's queries), ``audit``, ``syncfolder``, ``commands`` (CLI).
Format: docs/exchange-format.md. No Qt here, and no network code.
"""

"""Importing a package: every check, in the documented order, then one transaction.

regular file, size cap -> age header (one X25519 stanza; no passphrase) -> decrypt
in memory -> bounded JSON and manifest shape -> signature by a paired sender ->
recipient is me -> UUID not seen (replay) -> sequence newer (rollback) -> kind,
payload counts within the limits, payload schema (all before the write lock) ->
in one transaction: replay and rollback again, merge, audit entry.

A refused file changes nothing but one ``exchange.rejected`` row appended to
the audit log in its own transaction.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from app.exchange import audit, contacts, keys, limits, merge, package, validate
from app.exchange.contacts import Contact
from app.exchange.errors import (AlreadyImported, ExchangeError, FileTooLarge, FileUnreadable, OlderPackage, PayloadInvalid,
                                 UnknownSender, WrongRecipient)
from app.profiles.session import Session
from app.store.db import utcnow


@dataclass(frozen=True)
class Imported:
    contact: Contact
    uuid: str
    sequence: int
    kind: str
    counts: dict
    sha256: str


def import_file(session: Session, path: Path) -> Imported:
    try:
        data = package.read_file(path)
    except (FileTooLarge, FileUnreadable) as e:
        audit.record_rejection(session.store, e.audit_reason, sha256=None, size=_size(path))
        raise
    return import_bytes(session, data)


def _size(path: Path) -> int | None:
    try:
        return os.stat(path).st_size
    except OSError:
        return None


def import_bytes(session: Session, data: bytes) -> Imported:
    sha256 = hashlib.sha256(data).hexdigest()
    seen: dict = {}
    try:
        return _pipeline(session, data, sha256, seen)
    except ExchangeError as e:
        audit.record_rejection(session.store, e.audit_reason, sha256=sha256, size=len(data), **seen)
        raise


def _pipeline(session: Session, data: bytes, sha256: str, seen: dict) -> Imported:
    store = session.store
    package.check_size(data)
    package.check_header(data)
    own = keys.load(store)
    opened = package.parse(package.decrypt(data, own))
    manifest = opened.manifest
    seen.update(sender=manifest["sender"], uuid=manifest["uuid"])
    contact = contacts.by_key_id(store, manifest["sender"])
    if contact is None:
        raise UnknownSender()
    package.verify(opened, contact.sign_public)
    if manifest["recipient"] != own.age_recipient:
        raise WrongRecipient()
    # A cheap first look, so that a replay is not read for nothing (checked again under the lock).
    _check_new(store.query_one(_SEEN, (manifest["uuid"],)) is not None, contact, manifest)
    # The payload is checked before the write transaction: a large package holds no lock while it
    # is read (a query from the window waited 24 s behind a 5 MB package's schema check).
    from_patient = contact.role == "patient"
    expected = package.PATIENT_PROGRESS if from_patient else package.CLINICIAN_FEEDBACK
    if manifest["kind"] != expected:
        raise PayloadInvalid()
    name = "patient" if from_patient else "clinician"
    limits.check(name, opened.payload)  # counts only: a hostile size is refused at once
    if not validate.is_valid(name, opened.payload):
        raise PayloadInvalid()
    prepared = merge.prepare(opened.payload) if from_patient else None
    with store.transaction() as c:
        contact = contacts.get(store, contact.id)  # fresh, under the write lock
        _check_new(c.execute(_SEEN, (manifest["uuid"],)).fetchone() is not None, contact, manifest)
        if from_patient:
            counts = merge.patient_progress(c, contact, manifest["sequence"], manifest["uuid"], opened.payload,
                                            prepared)
        else:
            counts = merge.clinician_feedback(c, contact, manifest["uuid"], opened.payload)
        now = utcnow()
        c.execute("UPDATE exchange_contacts SET in_sequence = ?, in_uuid = ?, in_at = ? WHERE id = ?",
                  (manifest["sequence"], manifest["uuid"], now, contact.id))
        c.execute("INSERT INTO exchange_packages(uuid, contact_id, direction, sequence, created_at, file_sha256, at)"
                  " VALUES (?, ?, 'in', ?, ?, ?, ?)",
                  (manifest["uuid"], contact.id, manifest["sequence"], manifest["created"], sha256, now))
        audit.record(c, audit.IMPORT, {"contact_id": contact.id, "name": contact.display_name,
                                       "fingerprint": contact.fingerprint, "sha256": sha256,
                                       "uuid": manifest["uuid"], "sequence": manifest["sequence"],
                                       "kind": manifest["kind"], "counts": counts,
                                       # what the patient chose to share (so a left-out category is seen as such)
                                       **({"shared": list(opened.payload.get("sections", []))} if from_patient
                                          else {})})
    return Imported(contact, manifest["uuid"], manifest["sequence"], manifest["kind"], counts, sha256)


_SEEN = "SELECT 1 FROM exchange_packages WHERE uuid = ?"


def _check_new(seen: bool, contact: Contact, manifest: dict) -> None:
    """Not imported before (replay), and newer than the last one from this sender (rollback)."""
    if seen:
        raise AlreadyImported()
    if manifest["sequence"] <= contact.in_sequence:
        raise OlderPackage()

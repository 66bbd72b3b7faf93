"""Importing a package: every check, in the documented order, then one transaction.

regular file, size cap -> age header (one X25519 stanza; no passphrase) -> decrypt
in memory -> bounded JSON and manifest shape -> signature by a paired sender ->
recipient is me -> UUID not seen (replay) -> sequence newer (rollback) -> kind,
payload counts within the limits, payload schema (all before the write lock) ->
in one transaction: replay and rollback again, merge, audit entry.

A refused file changes nothing but one ``exchange.rejected`` row appended to
the audit log in its own transaction. :func:`import_many` (the sync folder) applies a
few checked files in one transaction, each in its own savepoint.
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
        checked = _check(session, data, sha256, seen)
        with session.store.transaction() as c:
            return _apply(session.store, c, checked)
    except ExchangeError as e:
        audit.record_rejection(session.store, e.audit_reason, sha256=sha256, size=len(data), **seen)
        raise


# A sync folder often holds many files (a clinic's week of patients). They are checked one by one,
# outside the write lock as always, and applied a few at a time, each inside its own savepoint of one
# transaction: one durable commit for the few instead of one each. The few are bounded so that the
# store's lock is not held much longer than for one large file (the window's queries wait for it).
BATCH_FILES = 4
BATCH_RECORDS = 2_000


def import_many(session: Session, files) -> list[tuple[object, Imported | ExchangeError]]:
    """Import ``files`` ((key, bytes) pairs, in order); returns (key, Imported or the error) for each.

    Every file passes every check of :func:`import_bytes` and is all or nothing on its own (a savepoint);
    nothing counts as imported before its transaction is committed. A refused file is audited as with
    :func:`import_bytes`. An error that is not the file's fault (a full disk) is raised: the files of the
    unfinished transaction are then not imported, and the next scan finds them again.
    """
    results: list = []
    pending: list = []

    def flush():
        if pending:
            results.extend(_apply_batch(session, pending))
            pending.clear()

    for key, data in files:
        sha256 = hashlib.sha256(data).hexdigest()
        seen: dict = {}
        try:
            checked = _check(session, data, sha256, seen)
        except ExchangeError as e:
            audit.record_rejection(session.store, e.audit_reason, sha256=sha256, size=len(data), **seen)
            flush()  # keep the results in the files' order
            results.append((key, e))
            continue
        if pending and (len(pending) >= BATCH_FILES
                        or sum(p[1].records for p in pending) + checked.records > BATCH_RECORDS):
            flush()
        pending.append((key, checked, len(data), seen))
    flush()
    return results


def _apply_batch(session: Session, pending: list) -> list:
    store = session.store
    done, refused = [], []
    with store.transaction() as c:
        for key, checked, size, seen in pending:
            c.execute("SAVEPOINT hearth_import")
            try:
                done.append((key, _apply(store, c, checked)))
            except ExchangeError as e:  # a replay or rollback found under the lock
                c.execute("ROLLBACK TO hearth_import")
                refused.append((key, e, checked.sha256, size, seen))
                done.append((key, e))
            c.execute("RELEASE hearth_import")
    for _key, e, sha256, size, seen in refused:
        audit.record_rejection(store, e.audit_reason, sha256=sha256, size=size, **seen)
    return done


@dataclass(frozen=True)
class _Checked:
    """A file that passed every check that needs no write lock."""

    contact: Contact
    opened: package.Opened
    sha256: str
    from_patient: bool
    prepared: dict | None
    records: int


def _check(session: Session, data: bytes, sha256: str, seen: dict) -> _Checked:
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
    records = sum(len(v) for v in opened.payload.values() if isinstance(v, list))
    return _Checked(contact, opened, sha256, from_patient, prepared, records)


def _apply(store, c, checked: _Checked) -> Imported:
    """Inside the write transaction: replay and rollback again, merge, audit entry."""
    manifest, payload = checked.opened.manifest, checked.opened.payload
    contact = contacts.get(store, checked.contact.id)  # fresh, under the write lock
    _check_new(c.execute(_SEEN, (manifest["uuid"],)).fetchone() is not None, contact, manifest)
    if checked.from_patient:
        counts = merge.patient_progress(c, contact, manifest["sequence"], manifest["uuid"], payload, checked.prepared)
    else:
        counts = merge.clinician_feedback(c, contact, manifest["uuid"], payload)
    now = utcnow()
    c.execute("UPDATE exchange_contacts SET in_sequence = ?, in_uuid = ?, in_at = ? WHERE id = ?",
              (manifest["sequence"], manifest["uuid"], now, contact.id))
    c.execute("INSERT INTO exchange_packages(uuid, contact_id, direction, sequence, created_at, file_sha256, at)"
              " VALUES (?, ?, 'in', ?, ?, ?, ?)",
              (manifest["uuid"], contact.id, manifest["sequence"], manifest["created"], checked.sha256, now))
    audit.record(c, audit.IMPORT, {"contact_id": contact.id, "name": contact.display_name,
                                   "fingerprint": contact.fingerprint, "sha256": checked.sha256,
                                   "uuid": manifest["uuid"], "sequence": manifest["sequence"],
                                   "kind": manifest["kind"], "counts": counts,
                                   # what the patient chose to share (so a left-out category is seen as such)
                                   **({"shared": list(payload.get("sections", []))} if checked.from_patient
                                      else {})})
    return Imported(contact, manifest["uuid"], manifest["sequence"], manifest["kind"], counts, checked.sha256)


_SEEN = "SELECT 1 FROM exchange_packages WHERE uuid = ?"


def _check_new(seen: bool, contact: Contact, manifest: dict) -> None:
    """Not imported before (replay), and newer than the last one from this sender (rollback)."""
    if seen:
        raise AlreadyImported()
    if manifest["sequence"] <= contact.in_sequence:
        raise OlderPackage()

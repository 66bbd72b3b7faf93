"""Writing a package for a paired contact (either side): file first, then the record of it.

Order, so that nothing is ever marked as sent that is not in a file on the disk:

1. :func:`export_package` reserves the next sequence number (its own small
   transaction: a number reserved for a file that is never written is only a
   gap, which the format allows) and seals the package in memory. Nothing is
   marked as sent.
2. :func:`commit_export` writes the file atomically (temp file, fsync, rename,
   fsync of the folder) and only then, in **one** transaction, records the
   package, marks exactly the items it carries as sent and appends the audit
   entry.

If the write fails, nothing is marked: the next package carries everything
again (:class:`PackageNotWritten`). If the file was written but recording it
fails, the next package carries the same items again under a higher sequence
number (:class:`ExportNotRecorded`); the receiver keeps one copy of each item
(by id), so the repeat is harmless.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from app import fsutil
from app.errors import HearthError
from app.exchange import audit, collect, contacts, keys, outbox, package, validate
from app.exchange.contacts import Contact
from app.exchange.errors import ExportNotRecorded, PackageNotWritten, PayloadInvalid
from app.profiles.session import Session
from app.store.db import utcnow


@dataclass(frozen=True)
class Exported:
    """A sealed package not yet recorded as sent; :func:`commit_export` writes and records it."""

    data: bytes  # the encrypted file; plaintext never leaves memory
    uuid: str
    sequence: int
    kind: str
    counts: dict
    sha256: str
    contact_id: str = ""
    created: str = ""
    # What the package carries, marked as sent only once the file is on the disk:
    # patient: (section, record id, digest) per record; both: the ids of outbox items per table
    # (unlocks by (program id, module id)).
    records: tuple = field(default=(), repr=False)
    items: dict = field(default_factory=dict, repr=False)


def export_package(session: Session, contact: Contact, *, categories=tuple(collect.CATEGORIES),
                   everything: bool = False) -> Exported:
    """Seal a package for ``contact``: a patient's chosen progress, or a clinician's pending feedback.

    Only the sequence number is taken here; nothing is marked as sent until
    :func:`commit_export` has written the file.
    """
    store = session.store
    own = keys.ensure(store)
    from_patient = session.kind != "clinician"
    records: tuple = ()
    encoded = None
    if from_patient:
        shown = collect.preview(session, contact, categories, everything)
        payload, counts, kind = shown.payload(), shown.counts, package.PATIENT_PROGRESS
        records = tuple((section, r["id"], d) for section in shown.sections
                        for r, d in zip(shown.sections[section], shown.digests[section]))
        items = {"exchange_messages": tuple(m["id"] for m in payload.get("messages", []))}
        encoded = shown.encoded_payload()
    else:
        payload = outbox.feedback_payload(store, contact, everything)
        counts = {k: len(v) for k, v in payload.items() if isinstance(v, list)}
        counts["acknowledged"] = int(payload["ack"] is not None)
        kind = package.CLINICIAN_FEEDBACK
        items = outbox.payload_items(payload)
    if not validate.is_valid("patient" if from_patient else "clinician", payload):
        raise PayloadInvalid()
    with store.transaction() as c:
        sequence = contacts.get(store, contact.id).out_sequence + 1
        c.execute("UPDATE exchange_contacts SET out_sequence = ? WHERE id = ?", (sequence, contact.id))
    data, manifest = package.seal(own, contact.age_recipient, kind, payload, sequence=sequence,
                                  encoded_payload=encoded)
    return Exported(data, manifest["uuid"], sequence, kind, counts, hashlib.sha256(data).hexdigest(),
                    contact.id, manifest["created"], records, items)


def write(exported: Exported, path: Path) -> None:
    """Atomic, durable write of the (encrypted) package; readable by the owner only.

    Records nothing: use :func:`commit_export` for the file that is sent, and this
    only for extra copies of a package already recorded.
    """
    try:
        fsutil.atomic_write_bytes(Path(path), exported.data)
    except OSError as e:
        raise PackageNotWritten(e.strerror or type(e).__name__) from e


def commit_export(session: Session, exported: Exported, path: Path) -> None:
    """Write the file (durably), then record the package as sent in one transaction."""
    write(exported, path)
    try:
        _record(session, exported)
    except (HearthError, OSError) as e:  # DiskProblem, a locked store...: the file is fine
        raise ExportNotRecorded() from e


def export_to(session: Session, contact: Contact, path: Path, **options) -> Exported:
    """Seal a package for ``contact``, write it to ``path`` and record it; the usual way to export."""
    done = export_package(session, contact, **options)
    commit_export(session, done, path)
    return done


def _new_versions(c, contact_id: str, exported: Exported):
    """The records of ``exported`` whose digest differs from the newest one recorded for them.

    ``acknowledged`` takes, per record, the digest of the newest package at or before the
    acknowledged one that recorded it; a row repeating the digest of the record's newest row
    changes none of those answers, so it is left out (a record re-sent unchanged in 20 packages
    the clinician never acknowledges keeps one row, not 20). This holds when packages are recorded in
    the order of their sequence numbers, as the app does; a package recorded after a newer one
    keeps all its rows.
    """
    newest = {}
    for section, rid, seq, digest in c.execute(  # in key order: the last row of a record is its newest
            "SELECT section, record_id, sequence, digest FROM exchange_sent WHERE contact_id = ?"
            " ORDER BY section, record_id, sequence", (contact_id,)):
        newest[section, rid] = (seq, digest)
    for section, rid, digest in exported.records:
        seq, known = newest.get((section, rid), (0, None))
        if known != digest or seq > exported.sequence:
            yield section, rid, digest


def _record(session: Session, exported: Exported) -> None:
    store = session.store
    contact = contacts.get(store, exported.contact_id)
    with store.transaction() as c:
        c.execute("INSERT INTO exchange_packages(uuid, contact_id, direction, sequence, created_at, file_sha256, at)"
                  " VALUES (?, ?, 'out', ?, ?, ?, ?)", (exported.uuid, contact.id, exported.sequence,
                                                        exported.created, exported.sha256, utcnow()))
        c.executemany("INSERT OR IGNORE INTO exchange_sent(contact_id, section, record_id, sequence, digest)"
                      " VALUES (?, ?, ?, ?, ?)",
                      [(contact.id, section, rid, exported.sequence, digest)
                       for section, rid, digest in _new_versions(c, contact.id, exported)])
        outbox.mark_sent(c, contact, exported.uuid, exported.items)
        audit.record(c, audit.EXPORT, {"contact_id": contact.id, "name": contact.display_name,
                                       "fingerprint": contact.fingerprint, "sha256": exported.sha256,
                                       "uuid": exported.uuid, "sequence": exported.sequence,
                                       "kind": exported.kind, "counts": exported.counts})

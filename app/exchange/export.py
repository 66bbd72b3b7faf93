"""Writing a package for a paired contact (either side), recorded in one transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app import fsutil
from app.exchange import audit, collect, contacts, keys, outbox, package, validate
from app.exchange.contacts import Contact
from app.exchange.errors import PayloadInvalid
from app.profiles.session import Session
from app.store.db import utcnow


@dataclass(frozen=True)
class Exported:
    data: bytes  # the encrypted file; plaintext never leaves memory
    uuid: str
    sequence: int
    kind: str
    counts: dict
    sha256: str


def export_package(session: Session, contact: Contact, *, categories=tuple(collect.CATEGORIES),
                   everything: bool = False) -> Exported:
    """Seal a package for ``contact``: a patient's chosen progress, or a clinician's pending feedback.

    The sequence number, the package's UUID, what it carried and the audit
    entry are committed together before the caller writes the file.
    """
    store = session.store
    own = keys.ensure(store)
    from_patient = session.kind != "clinician"
    if from_patient:
        shown = collect.preview(session, contact, categories, everything)
        payload, counts, kind = shown.payload(), shown.counts, package.PATIENT_PROGRESS
    else:
        payload = outbox.feedback_payload(store, contact, everything)
        counts = {k: len(v) for k, v in payload.items() if isinstance(v, list)}
        counts["acknowledged"] = int(payload["ack"] is not None)
        kind = package.CLINICIAN_FEEDBACK
    if not validate.is_valid("patient" if from_patient else "clinician", payload):
        raise PayloadInvalid()
    with store.transaction() as c:
        contact = contacts.get(store, contact.id)
        sequence = contact.out_sequence + 1
        data, manifest = package.seal(own, contact.age_recipient, kind, payload, sequence=sequence)
        sha256 = hashlib.sha256(data).hexdigest()
        uuid = manifest["uuid"]
        c.execute("UPDATE exchange_contacts SET out_sequence = ? WHERE id = ?", (sequence, contact.id))
        c.execute("INSERT INTO exchange_packages(uuid, contact_id, direction, sequence, created_at, file_sha256, at)"
                  " VALUES (?, ?, 'out', ?, ?, ?, ?)", (uuid, contact.id, sequence, manifest["created"], sha256,
                                                        utcnow()))
        if from_patient:
            c.executemany("INSERT INTO exchange_sent(contact_id, section, record_id, sequence, digest)"
                          " VALUES (?, ?, ?, ?, ?)",
                          [(contact.id, section, r["id"], sequence, collect.digest(r))
                           for section in shown.sections for r in shown.sections[section]])
            c.executemany("UPDATE exchange_messages SET package_uuid = ? WHERE id = ? AND package_uuid IS NULL",
                          [(uuid, m["id"]) for m in payload.get("messages", [])])
        else:
            outbox.mark_sent(c, contact, uuid)
        audit.record(c, audit.EXPORT, {"contact_id": contact.id, "name": contact.display_name,
                                       "fingerprint": contact.fingerprint, "sha256": sha256, "uuid": uuid,
                                       "sequence": sequence, "kind": kind, "counts": counts})
    return Exported(data, uuid, sequence, kind, counts, sha256)


def write(exported: Exported, path: Path) -> None:
    """Atomic write of the (encrypted) package; readable by the owner only."""
    fsutil.atomic_write_bytes(Path(path), exported.data)

"""A sync folder (Syncthing, Nextcloud, a USB stick...): outgoing packages in, incoming ones read.

File names: ``hearth-<sender key id, 12 hex>-to-<recipient key id, 12 hex>-<sequence>.age``.
:func:`scan` reads only names that match and are addressed to this profile by
a paired contact, in sequence order; it never deletes, renames or changes a
file. A file whose hash was imported (or refused) before is skipped quietly. The files
are imported a few per transaction (:func:`importer.import_many`), each one all or nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from app.exchange import audit, contacts, export, importer, keys, package
from app.exchange.contacts import Contact
from app.exchange.errors import ExchangeError
from app.exchange.sync_names import NAME  # noqa: F401 - also this module's public name
from app.profiles.session import Session



@dataclass
class ScanResult:
    imported: list = field(default_factory=list)  # importer.Imported
    refused: list = field(default_factory=list)   # (file name, ExchangeError)
    skipped: int = 0


def file_name(sender_key_id: str, recipient_key_id: str, sequence: int) -> str:
    return f"hearth-{sender_key_id[:12]}-to-{recipient_key_id[:12]}-{sequence:06d}.age"


def write_outgoing(session: Session, contact: Contact, folder: Path, **options) -> Path:
    """Export for ``contact`` into ``folder`` (atomic: a hidden temp file, then a rename), then record it."""
    done = export.export_package(session, contact, **options)
    path = Path(folder) / file_name(keys.ensure(session.store).key_id, contact.key_id, done.sequence)
    export.commit_export(session, done, path)
    return path


def scan(session: Session, folder: Path) -> ScanResult:
    result = ScanResult()
    own = keys.load(session.store)
    if own is None or not Path(folder).is_dir():
        return result
    senders = {c.key_id[:12] for c in contacts.all_contacts(session.store)}
    wanted = []
    for p in Path(folder).iterdir():
        m = NAME.match(p.name)
        if m and m.group(2) == own.key_id[:12] and m.group(1) in senders and p.is_file() and not p.is_symlink():
            wanted.append((m.group(1), int(m.group(3)), p))
    hashes = set()

    def files():  # read one at a time, as the import gets to them (up to 20 MiB each)
        for _sender, _seq, path in sorted(wanted):
            try:
                data = package.read_file(path)
            except (OSError, ExchangeError):
                result.skipped += 1  # still being synced, or too large: left alone
                continue
            sha256 = hashlib.sha256(data).hexdigest()
            if sha256 in hashes or audit.seen_file(session.store, sha256):
                result.skipped += 1  # the same file twice in this scan is skipped too
                continue
            hashes.add(sha256)
            yield path.name, data

    # a few files per durable commit (see importer.import_many); each is still all or nothing
    for name, outcome in importer.import_many(session, files()):
        if isinstance(outcome, ExchangeError):
            result.refused.append((name, outcome))
        else:
            result.imported.append(outcome)
    return result

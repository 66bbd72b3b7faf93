"""Package files: sealing (sign, then encrypt) and opening (the checks before the store).

A package is an age v1 file for one X25519 recipient; its plaintext is the
canonical JSON ``{"manifest": {...}, "signature": "<hex>", "payload": {...}}``.
See docs/exchange-format.md. Nothing here touches the store, and plaintext
only ever exists in memory.
"""

from __future__ import annotations

import hashlib
import uuid as uuidlib
from dataclasses import dataclass
from pathlib import Path

import pyrage

from app import fsutil
from app.exchange import keys, validate
from app.exchange.errors import (FileTooLarge, FileUnreadable, NotAFile, NotAPackage, NotForYou, PackageDamaged,
                                 PackageMalformed, PassphraseFile, SignatureInvalid)
from app.exchange.jsonsafe import Limits, Refused, canonical, loads
from app.store.db import utcnow

FORMAT, VERSION = "hearth-package", 1
PATIENT_PROGRESS, CLINICIAN_FEEDBACK = "patient-progress", "clinician-feedback"
MAX_PACKAGE_MIB = 20
MAX_PACKAGE_BYTES = MAX_PACKAGE_MIB * 1024 * 1024
AGE_MAGIC = b"age-encryption.org/v1\n"
MAX_HEADER_BYTES = 4096
MAX_GREASE = 4
LIMITS = Limits(max_depth=16, max_string=100_000, max_items=20_000, max_nodes=2_000_000)


@dataclass(frozen=True)
class Opened:
    """A decrypted package whose envelope and manifest are well formed (not yet verified)."""

    manifest: dict
    signature: bytes
    payload: dict


def seal(own: keys.OwnKeys, recipient: str, kind: str, payload: dict, *, sequence: int,
         package_uuid: str | None = None, created: str | None = None,
         manifest_recipient: str | None = None, encoded_payload: bytes | None = None) -> tuple[bytes, dict]:
    """Sign and encrypt; returns the file's bytes and the manifest.

    ``manifest_recipient`` differs from ``recipient`` only in tests (a package
    signed for someone else but encrypted to us). ``encoded_payload``, when given, is
    ``canonical(payload)`` made already (the payload is then encoded once, not twice).
    """
    body = canonical(payload) if encoded_payload is None else encoded_payload
    manifest = {"format": FORMAT, "version": VERSION, "kind": kind, "sender": own.key_id,
                "recipient": manifest_recipient or recipient, "uuid": package_uuid or uuidlib.uuid4().hex,
                "sequence": sequence, "created": created or utcnow(),
                "payload_sha256": hashlib.sha256(body).hexdigest()}
    signature = own.sign(canonical(manifest)).hex()
    # canonical({"manifest": ..., "payload": ..., "signature": ...}): keys in sorted order, as canonical() writes
    plaintext = b"".join((b'{"manifest":', canonical(manifest), b',"payload":', body, b',"signature":',
                          canonical(signature), b"}"))
    return pyrage.encrypt(plaintext, [pyrage.x25519.Recipient.from_str(recipient)]), manifest


def read_file(path: Path) -> bytes:
    """Only a regular file (a pipe or device could block forever); size cap first (from the file
    system), then read at most the cap."""
    try:
        return fsutil.read_regular_file(Path(path), MAX_PACKAGE_BYTES)
    except fsutil.FileTooBig:
        raise FileTooLarge(MAX_PACKAGE_MIB) from None
    except fsutil.NotRegularFile:
        raise NotAFile() from None
    except OSError:
        raise FileUnreadable() from None


def check_size(data: bytes) -> None:
    if len(data) > MAX_PACKAGE_BYTES:
        raise FileTooLarge(MAX_PACKAGE_MIB)


def check_header(data: bytes) -> None:
    """Binary age v1 with exactly one X25519 stanza (plus rage's "-grease" stanzas)."""
    if not data.startswith(AGE_MAGIC):
        raise NotAPackage()
    end = data.find(b"\n--- ", 0, MAX_HEADER_BYTES)
    if end < 0:
        raise NotAPackage()
    types = [line[3:].split(b" ", 1)[0] for line in data[len(AGE_MAGIC):end].split(b"\n")
             if line.startswith(b"-> ")]
    if b"scrypt" in types:
        raise PassphraseFile()
    grease = [t for t in types if t.endswith(b"-grease")]
    if types.count(b"X25519") != 1 or len(grease) > MAX_GREASE or len(types) != 1 + len(grease):
        raise NotAPackage()


def decrypt(data: bytes, own: keys.OwnKeys | None) -> bytes:
    """Decrypt in memory; a file for another key is :class:`NotForYou`."""
    if own is None:
        raise NotForYou()
    try:
        return pyrage.decrypt(data, [own.identity])
    except pyrage.DecryptError as e:
        if "no matching keys" in str(e).lower():
            raise NotForYou() from None
        raise PackageDamaged() from None
    except (OSError, ValueError, TypeError, RuntimeError):
        raise PackageDamaged() from None


def parse(plaintext: bytes) -> Opened:
    """Bounded JSON, then the envelope and manifest schema."""
    try:
        body = loads(plaintext, LIMITS)
    except Refused:
        raise PackageMalformed() from None
    if not validate.is_valid("manifest", body):
        raise PackageMalformed()
    return Opened(body["manifest"], bytes.fromhex(body["signature"]), body["payload"])


def verify(opened: Opened, sign_public: bytes) -> None:
    """The manifest's signature by ``sign_public``, and the payload's hash in it."""
    if not keys.verify(sign_public, opened.signature, canonical(opened.manifest)):
        raise SignatureInvalid()
    if hashlib.sha256(canonical(opened.payload)).hexdigest() != opened.manifest["payload_sha256"]:
        raise SignatureInvalid()

"""A profile's own exchange keys, fingerprints and key ids.

* age X25519 identity (``AGE-SECRET-KEY-1...``): packages are encrypted to it.
* Ed25519 signing key: cards and package manifests are signed with it.

Both are created on first use and live only inside the SQLCipher store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.store import Store
from app.store.db import utcnow

FINGERPRINT_GROUPS = 6
FINGERPRINT_DIGITS = 5


@dataclass(frozen=True)
class OwnKeys:
    age_identity: str
    sign_private: bytes = b""

    @property
    def identity(self) -> pyrage.x25519.Identity:
        return pyrage.x25519.Identity.from_str(self.age_identity)

    @property
    def age_recipient(self) -> str:
        return str(self.identity.to_public())

    @property
    def sign_public(self) -> bytes:
        return _private(self.sign_private).public_key().public_bytes_raw()

    @property
    def key_id(self) -> str:
        return key_id(self.sign_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public, self.age_recipient)

    def sign(self, message: bytes) -> bytes:
        return _private(self.sign_private).sign(message)

    def __repr__(self) -> str:  # never show the secrets
        return f"OwnKeys(key_id={self.key_id})"


def _private(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def load(store: Store) -> OwnKeys | None:
    """The profile's keys, or ``None`` if it has never used the exchange (nothing is written)."""
    row = store.query_one("SELECT age_identity, sign_private FROM exchange_identity WHERE id = 1")
    return OwnKeys(row[0], bytes.fromhex(row[1])) if row else None


def ensure(store: Store) -> OwnKeys:
    """The profile's keys, created (once) if missing."""
    keys = load(store)
    if keys is not None:
        return keys
    identity = str(pyrage.x25519.Identity.generate())
    signing = Ed25519PrivateKey.generate().private_bytes_raw()
    with store.transaction() as c:
        c.execute("INSERT OR IGNORE INTO exchange_identity(id, age_identity, sign_private, created_at)"
                  " VALUES (1, ?, ?, ?)", (identity, signing.hex(), utcnow()))
    return load(store)


def key_id(sign_public: bytes) -> str:
    """The sender id written in manifests: the first 128 bits of SHA-256 of the Ed25519 key, hex."""
    return hashlib.sha256(b"hearth-key-id-v1\0" + sign_public).hexdigest()[:32]


def fingerprint(sign_public: bytes, age_recipient: str) -> str:
    """Six groups of five digits from SHA-256 of both public keys (about 100 bits)."""
    digest = hashlib.sha256(b"hearth-fingerprint-v1\0" + sign_public + b"\0"
                            + age_recipient.encode("ascii")).digest()
    number = int.from_bytes(digest, "big") % 10 ** (FINGERPRINT_GROUPS * FINGERPRINT_DIGITS)
    text = str(number).zfill(FINGERPRINT_GROUPS * FINGERPRINT_DIGITS)
    return " ".join(text[i:i + FINGERPRINT_DIGITS] for i in range(0, len(text), FINGERPRINT_DIGITS))


def verify(sign_public: bytes, signature: bytes, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def valid_recipient(text: str) -> bool:
    try:
        pyrage.x25519.Recipient.from_str(text)
    except Exception:  # noqa: BLE001 - pyrage.RecipientError, or anything odd
        return False
    return True

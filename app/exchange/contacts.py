"""Paired contacts: a patient's clinicians, or a clinician workspace's patients."""

from __future__ import annotations

from dataclasses import dataclass

from app.exchange.errors import ContactNotFound
from app.store import Store

_COLUMNS = ("id, role, display_name, clinic, phone, email, about, age_recipient, sign_public, key_id,"
            " fingerprint, paired_at, in_sequence, in_uuid, in_at, out_sequence, acked_sequence, acked_uuid")


@dataclass(frozen=True)
class Contact:
    id: str
    role: str
    display_name: str
    clinic: str
    phone: str
    email: str
    about: str
    age_recipient: str
    sign_public: bytes
    key_id: str
    fingerprint: str
    paired_at: str
    in_sequence: int
    in_uuid: str | None
    in_at: str | None
    out_sequence: int
    acked_sequence: int
    acked_uuid: str | None


def _row(r) -> Contact:
    r = list(r)
    r[8] = bytes.fromhex(r[8])
    return Contact(*r)


def all_contacts(store: Store, role: str | None = None) -> list[Contact]:
    sql = f"SELECT {_COLUMNS} FROM exchange_contacts"
    params: tuple = ()
    if role:
        sql, params = sql + " WHERE role = ?", (role,)
    rows = store.query(sql + " ORDER BY display_name COLLATE NOCASE, paired_at", params)
    return [_row(r) for r in rows]


def get(store: Store, contact_id: str) -> Contact | None:
    r = store.query_one(f"SELECT {_COLUMNS} FROM exchange_contacts WHERE id = ?", (contact_id,))
    return _row(r) if r else None


def by_key_id(store: Store, key_id: str) -> Contact | None:
    r = store.query_one(f"SELECT {_COLUMNS} FROM exchange_contacts WHERE key_id = ?", (key_id,))
    return _row(r) if r else None


def find(store: Store, wanted: str) -> Contact:
    """A contact by id, fingerprint or display name (case-insensitive); one match or ContactNotFound."""
    norm = " ".join(wanted.split()).casefold()
    digits = "".join(wanted.split())
    hits = [c for c in all_contacts(store)
            if wanted == c.id or c.display_name.casefold() == norm
            or (digits.isdigit() and c.fingerprint.replace(" ", "") == digits)]
    if len(hits) != 1:
        raise ContactNotFound(wanted)
    return hits[0]


def has_clinician(store: Store) -> bool:
    """For ``progress.states(..., has_clinician=...)``: is a clinician paired with this profile?"""
    return store.query_one("SELECT 1 FROM exchange_contacts WHERE role = 'clinician' LIMIT 1") is not None

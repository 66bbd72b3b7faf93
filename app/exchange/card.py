"""Cards: a profile's public keys and name, signed by its own key; and pairing.

Pairing is two steps so a person can compare fingerprints in between:
``read_card(path)`` parses and verifies (nothing is stored), then
``pair(session, card, confirmed=True)`` stores the contact.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from app import fsutil
from app.errors import InvalidName
from app.exchange import audit, keys, validate
from app.exchange.contacts import by_key_id
from app.exchange.errors import CardInvalid, CardIsYours, CardWrongRole, KeyConflict, NotAFile, PairingDeclined
from app.exchange.jsonsafe import Limits, Refused, canonical, loads
from app.profiles.manager import clean_name
from app.profiles.session import Session
from app.store.db import utcnow

FORMAT, VERSION = "hearth-card", 1
MAX_CARD_BYTES = 16 * 1024
_LIMITS = Limits(max_depth=2, max_string=2_000, max_items=32, max_nodes=64)
DETAILS = ("clinic", "phone", "email", "about")


@dataclass(frozen=True)
class Card:
    role: str
    name: str
    age_recipient: str
    sign_public: bytes
    created: str
    clinic: str = ""
    phone: str = ""
    email: str = ""
    about: str = ""

    @property
    def fingerprint(self) -> str:
        return keys.fingerprint(self.sign_public, self.age_recipient)

    @property
    def key_id(self) -> str:
        return keys.key_id(self.sign_public)


@dataclass(frozen=True)
class Paired:
    contact_id: str
    already: bool  # True: this key was paired before; nothing changed


def details(session: Session) -> dict[str, str]:
    row = session.store.query_one("SELECT clinic, phone, email, about FROM exchange_identity WHERE id = 1")
    return dict(zip(DETAILS, row)) if row else dict.fromkeys(DETAILS, "")


def set_details(session: Session, **values: str) -> None:
    """Save the clinic and contact details shown on a clinician's card."""
    keys.ensure(session.store)
    wanted = {k: v.strip() for k, v in values.items() if k in DETAILS and v is not None}
    if wanted:
        with session.store.transaction() as c:
            c.execute("UPDATE exchange_identity SET " + ", ".join(f"{k} = ?" for k in wanted) + " WHERE id = 1",
                      tuple(wanted.values()))


def make_card(session: Session) -> bytes:
    """This profile's card (creates its keys on first use)."""
    own = keys.ensure(session.store)
    body = {"format": FORMAT, "version": VERSION, "role": session.kind, "name": session.display_name,
            "age_recipient": own.age_recipient, "sign_key": own.sign_public.hex(), "created": utcnow()}
    if session.kind == "clinician":
        body.update({k: v for k, v in details(session).items() if v})
    if not validate.is_valid("card", {**body, "signature": "0" * 128}):
        raise CardInvalid()  # e.g. clinic details over the bounds
    body["signature"] = own.sign(canonical(body)).hex()
    return canonical(body) + b"\n"


def write_card(session: Session, path: Path) -> Card:
    data = make_card(session)
    fsutil.atomic_write_bytes(Path(path), data, mode=0o644)
    return parse_card(data)


def read_card(path: Path) -> Card:
    try:
        data = fsutil.read_regular_file(Path(path), MAX_CARD_BYTES)
    except fsutil.NotRegularFile:
        raise NotAFile() from None  # a pipe or device: refused before reading, which could block
    except (OSError, ValueError, fsutil.FileTooBig):
        raise CardInvalid() from None
    return parse_card(data)


def parse_card(data: bytes) -> Card:
    """Check size, JSON bounds, schema, name and signature; raise CardInvalid on anything else."""
    if len(data) > MAX_CARD_BYTES:
        raise CardInvalid()
    try:
        body = loads(data, _LIMITS)
    except Refused:
        raise CardInvalid() from None
    if not validate.is_valid("card", body) or not keys.valid_recipient(body["age_recipient"]):
        raise CardInvalid()
    try:
        if clean_name(body["name"]) != body["name"]:
            raise CardInvalid()
    except InvalidName:
        raise CardInvalid() from None
    signature = bytes.fromhex(body.pop("signature"))
    sign_public = bytes.fromhex(body["sign_key"])
    if not keys.verify(sign_public, signature, canonical(body)):
        raise CardInvalid()
    extra = {k: body.get(k, "") for k in DETAILS} if body["role"] == "clinician" else {}
    return Card(body["role"], body["name"], body["age_recipient"], sign_public, body["created"], **extra)


def pair(session: Session, card: Card, *, confirmed: bool) -> Paired:
    """Store ``card`` as a contact, only after the person confirmed its fingerprint."""
    store = session.store
    own = keys.ensure(store)
    if card.sign_public == own.sign_public or card.age_recipient == own.age_recipient:
        raise CardIsYours()
    want = "clinician" if session.kind == "patient" else "patient"
    if card.role != want:
        raise CardWrongRole(want_clinician=want == "clinician")
    existing = by_key_id(store, card.key_id)
    if existing is not None:
        if existing.age_recipient != card.age_recipient:
            raise KeyConflict()
        return Paired(existing.id, already=True)
    if store.query_one("SELECT 1 FROM exchange_contacts WHERE age_recipient = ?", (card.age_recipient,)):
        raise KeyConflict()
    if not confirmed:
        raise PairingDeclined()
    contact_id = uuid.uuid4().hex
    with store.transaction() as c:
        c.execute("INSERT INTO exchange_contacts(id, role, display_name, clinic, phone, email, about,"
                  " age_recipient, sign_public, key_id, fingerprint, paired_at)"
                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                  (contact_id, card.role, card.name, card.clinic, card.phone, card.email, card.about,
                   card.age_recipient, card.sign_public.hex(), card.key_id, card.fingerprint, utcnow()))
        audit.record(c, audit.PAIRED, {"contact_id": contact_id, "name": card.name,
                                       "fingerprint": card.fingerprint})
    return Paired(contact_id, already=False)


"""Cards and pairing: signatures, roles, self, repeats, confirmation."""

import json

import pytest

from app.exchange import card, contacts, keys
from app.exchange.errors import CardInvalid, CardIsYours, CardWrongRole, KeyConflict, PairingDeclined
from tests.conftest import PASSWORD


@pytest.fixture
def two(manager):
    doc, _ = manager.create("Doc", PASSWORD, kind="clinician")
    pat, _ = manager.create("Pat", PASSWORD)
    return doc, pat


def test_card_carries_clinic_details_and_verifies(two, tmp_path):
    doc, _pat = two
    card.set_details(doc, clinic="Riverside Clinic", phone="+44 1234", email="doc@example.org", about="Tuesdays")
    made = card.write_card(doc, tmp_path / "doc.card")
    read = card.read_card(tmp_path / "doc.card")
    assert read == made and read.clinic == "Riverside Clinic" and read.role == "clinician"
    groups = read.fingerprint.split(" ")
    assert len(groups) == 6 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert read.fingerprint == keys.ensure(doc.store).fingerprint


def test_pairing_needs_confirmation(two):
    doc, pat = two
    doc_card = card.parse_card(card.make_card(doc))
    with pytest.raises(PairingDeclined):
        card.pair(pat, doc_card, confirmed=False)
    assert contacts.all_contacts(pat.store) == []
    done = card.pair(pat, doc_card, confirmed=True)
    assert not done.already and contacts.has_clinician(pat.store)
    again = card.pair(pat, doc_card, confirmed=True)
    assert again.already and again.contact_id == done.contact_id
    assert len(contacts.all_contacts(pat.store)) == 1
    assert contacts.find(pat.store, doc_card.fingerprint.replace(" ", "")).id == done.contact_id


def test_roles_and_self(two, manager):
    doc, pat = two
    with pytest.raises(CardIsYours):
        card.pair(pat, card.parse_card(card.make_card(pat)), confirmed=True)
    other, _ = manager.create("Other", PASSWORD)
    with pytest.raises(CardWrongRole):
        card.pair(pat, card.parse_card(card.make_card(other)), confirmed=True)
    with pytest.raises(CardWrongRole):
        card.pair(doc, card.parse_card(card.make_card(manager.create("Doc2", PASSWORD, kind="clinician")[0])),
                  confirmed=True)


def _tampered(data: bytes, **changes) -> bytes:
    body = json.loads(data)
    body.update(changes)
    return json.dumps(body).encode()


def test_tampered_cards_are_refused(two, manager):
    doc, pat = two
    good = card.make_card(doc)
    for bad in (_tampered(good, name="Mallory"), _tampered(good, role="patient"), good[:-30], b"", b"[]",
                _tampered(good, extra="x"), _tampered(good, name="A\u0000B"), good + b" " * 20_000,
                _tampered(good, about="x" * 5000)):
        with pytest.raises(CardInvalid):
            card.parse_card(bad)
    # A card whose age key belongs to an existing contact but with another signing key.
    card.pair(pat, card.parse_card(good), confirmed=True)
    imposter, _ = manager.create("Imposter", PASSWORD, kind="clinician")
    own = keys.ensure(imposter.store)
    body = json.loads(card.make_card(imposter))
    body.pop("signature")
    body["age_recipient"] = card.parse_card(good).age_recipient
    from app.exchange.jsonsafe import canonical

    body["signature"] = own.sign(canonical(body)).hex()
    with pytest.raises(KeyConflict):
        card.pair(pat, card.parse_card(canonical(body)), confirmed=True)


def test_package_contents_are_described_in_words_with_plurals():
    from app.exchange.readable import counts_text

    text = counts_text({"measures": 3, "checkins": 1, "flags": 0, "acknowledged": 1})
    assert text == "3 questionnaires, 1 check-in, and 1 acknowledgement"  # Babel's English list
    assert counts_text({"measures": 0}) == "nothing new"

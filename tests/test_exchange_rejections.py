"""Every refused file: its own error and message, nothing changed but one audit row."""

import pyrage
import pytest

from app.exchange import audit, importer, keys, package
from app.exchange.errors import (AlreadyImported, FileTooLarge, FileUnreadable, NotAPackage, NotForYou, OlderPackage,
                                 PackageDamaged, PackageMalformed, PassphraseFile, PayloadInvalid,
                                 SignatureInvalid, UnknownSender, WrongRecipient)
from app.exchange.jsonsafe import canonical
from tests.conftest import PASSWORD
from tests.exchange_util import card, contact, dump, exported, fill, workspace


@pytest.fixture(scope="module")
def passphrase_file():
    return pyrage.passphrase.encrypt(b'{"manifest": {}}', "a passphrase")


@pytest.fixture
def world(manager):
    """Doc paired with Pat, who has data; Eve knows Doc's card but Doc never paired Eve."""
    doc, (pat,) = workspace(manager)
    fill(pat)
    eve, _key = manager.create("Eve", PASSWORD)
    card.pair(eve, card.parse_card(card.make_card(doc)), confirmed=True)
    return doc, pat, eve


def _refused(session, data, error, reason=None):
    """Import ``data``: expect ``error``, no change but one 'rejected' audit row."""
    before = dump(session.store, skip_audit=True)
    logged = len(audit.entries(session.store))
    with pytest.raises(error) as e:
        importer.import_bytes(session, data)
    message = e.value.message()
    assert "Nothing" in message
    assert dump(session.store, skip_audit=True) == before
    rows = audit.entries(session.store)[logged:]
    assert [r.event for r in rows] == [audit.REJECTED]
    assert rows[0].detail["reason"] == error.audit_reason
    return e.value


def _package(pat, doc):
    return exported(pat, contact(pat, "Doc")).data


def _sealed(sender, recipient_session, payload=None, *, kind=package.PATIENT_PROGRESS, sequence=100, **kw):
    own = keys.load(sender.store)
    recipient = keys.load(recipient_session.store).age_recipient
    payload = {"sections": [], "everything": False} if payload is None else payload
    return package.seal(own, recipient, kind, payload, sequence=sequence, **kw)[0]


def _raw(recipient_session, body: dict) -> bytes:
    """Encrypt any plaintext to the recipient (for envelopes no Hearth would write)."""
    recipient = pyrage.x25519.Recipient.from_str(keys.load(recipient_session.store).age_recipient)
    return pyrage.encrypt(canonical(body), [recipient])


def test_exit_codes_are_distinct():
    from app.exchange.errors import ExportNotRecorded, PackageNotWritten, TooManyRecords

    classes = [FileTooLarge, NotAPackage, PassphraseFile, NotForYou, PackageDamaged, PackageMalformed, UnknownSender,
               SignatureInvalid, WrongRecipient, AlreadyImported, OlderPackage, PayloadInvalid, FileUnreadable,
               TooManyRecords, PackageNotWritten, ExportNotRecorded]
    codes = [c.exit_code for c in classes]
    assert len(set(codes)) == len(codes) and min(codes) >= 10


def test_truncated(world):
    doc, pat, _eve = world
    data = _package(pat, doc)
    _refused(doc, data[:-20], PackageDamaged)
    _refused(doc, data[:60], NotAPackage)  # cut inside the header


@pytest.mark.parametrize("where", ["last", "body", "mac"])
def test_bit_flipped(world, where):
    doc, pat, _eve = world
    data = bytearray(_package(pat, doc))
    mac = data.index(b"\n--- ") + 10  # the header's MAC (the header's length varies)
    data[{"last": -1, "body": -40, "mac": mac}[where]] ^= 0x04
    _refused(doc, bytes(data), PackageDamaged)


def test_oversized(world, tmp_path):
    doc, _pat, _eve = world
    big = tmp_path / "big.age"
    with open(big, "wb") as fh:
        fh.write(package.AGE_MAGIC)
        fh.truncate(package.MAX_PACKAGE_BYTES + 1)
    before = dump(doc.store, skip_audit=True)
    with pytest.raises(FileTooLarge):
        importer.import_file(doc, big)
    assert dump(doc.store, skip_audit=True) == before
    assert audit.entries(doc.store)[-1].detail["reason"] == "too_large"


def test_passphrase_file(world, passphrase_file):
    _refused(world[0], passphrase_file, PassphraseFile)


@pytest.mark.parametrize("data", [
    b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n",
    b'{"manifest": {}}', b"", b"age-encryption.org/v1\n-> ssh-ed25519 abc def\nxyz\n--- mac\n",
    b"age-encryption.org/v1\n-> X25519 a\nb\n-> X25519 c\nd\n--- mac\n"])
def test_not_an_age_file_for_one_key(world, data):
    _refused(world[0], data, NotAPackage)


def test_unknown_sender(world):
    doc, _pat, eve = world
    data = exported(eve, contact(eve, "Doc")).data  # valid, from an unpaired key
    _refused(doc, data, UnknownSender)


def test_signed_for_another_recipient(world):
    doc, pat, eve = world
    other = keys.ensure(eve.store).age_recipient
    _refused(doc, _sealed(pat, doc, manifest_recipient=other), WrongRecipient)


def test_not_for_me(world):
    doc, pat, eve = world
    keys.ensure(eve.store)
    data = _sealed(pat, eve)  # encrypted to Eve
    _refused(doc, data, NotForYou)


def test_older_sequence(world):
    doc, pat, _eve = world
    first, second = _package(pat, doc), _package(pat, doc)
    importer.import_bytes(doc, second)
    _refused(doc, first, OlderPackage)
    _refused(doc, second, AlreadyImported)


def test_signature_invalid(world):
    doc, pat, eve = world
    good = package.parse(package.decrypt(_sealed(pat, doc), keys.load(doc.store)))
    forged = keys.ensure(eve.store).sign(canonical(good.manifest)).hex()
    envelope = {"manifest": good.manifest, "signature": forged, "payload": good.payload}
    _refused(doc, _raw(doc, envelope), SignatureInvalid)
    changed = {**envelope, "signature": good.signature.hex(), "payload": {**good.payload, "everything": True}}
    _refused(doc, _raw(doc, changed), SignatureInvalid)  # payload swapped after signing


def _checkin(**over):
    return {"id": "c1", "day": "2026-01-01", "mood": 5, "note": "", "created_at": "2026-01-01T10:00:00+00:00",
            "updated_at": "2026-01-01T10:00:00+00:00", **over}


@pytest.mark.parametrize("payload,kind", [
    ({"sections": ["checkins"], "everything": False, "checkins": [_checkin(mood="5")]}, None),
    ({"sections": ["checkins"], "everything": False, "checkins": [_checkin(mood=11)]}, None),
    ({"sections": ["checkins"], "everything": False, "checkins": [_checkin(note="x" * 2001)]}, None),
    ({"sections": ["checkins"], "everything": False, "checkins": [_checkin(id="../../etc")]}, None),
    ({"sections": ["checkins"], "everything": False, "checkins": [_checkin(extra=1)]}, None),
    ({"sections": [], "everything": False, "checkins": [_checkin(id=f"c{i}") for i in range(20_001)]}, "items"),
    ({"sections": [], "everything": "yes"}, None),
    ({"sections": [], "everything": False, "unexpected": []}, None),
    ({"sections": [], "everything": False, "sql": "'; DROP TABLE exchange_contacts; --"}, None),
    ({"messages": [], "comments": [], "unlocks": [], "assignments": [], "ack": None}, None),
    ({"sections": [], "everything": False}, package.CLINICIAN_FEEDBACK),
])
def test_signed_but_invalid_payload(world, payload, kind):
    doc, pat, _eve = world
    if kind == "items":  # more items than the parser takes at all: refused before the schema
        _refused(doc, _sealed(pat, doc, payload), PackageMalformed)
        return
    _refused(doc, _sealed(pat, doc, payload, kind=kind or package.PATIENT_PROGRESS), PayloadInvalid)


def test_hostile_payloads_refused_by_the_parser(world):
    doc, pat, _eve = world
    deep: object = {}
    for _ in range(30):
        deep = {"a": deep}
    entry = {"id": "e1", "kind": "reflection", "exercise_id": None, "program_id": None, "module_id": None,
             "created_at": "2026-01-01", "updated_at": "2026-01-01", "data": deep}
    _refused(doc, _sealed(pat, doc, {"sections": [], "everything": False, "homework": [entry]}), PackageMalformed)
    huge = {"sections": [], "everything": False, "messages": [{"id": "m", "created_at": "2026-01-01",
                                                               "body": "x" * 100_001}]}
    _refused(doc, _sealed(pat, doc, huge), PackageMalformed)
    manifest = package.parse(package.decrypt(_sealed(pat, doc), keys.load(doc.store))).manifest
    very_deep = b'{"manifest": ' + canonical(manifest) + b', "payload": ' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    recipient = pyrage.x25519.Recipient.from_str(keys.load(doc.store).age_recipient)
    _refused(doc, pyrage.encrypt(very_deep, [recipient]), PackageMalformed)
    _refused(doc, _raw(doc, {"manifest": manifest, "signature": "00", "payload": {}}), PackageMalformed)
    _refused(doc, pyrage.encrypt(b'{"a": NaN}', [recipient]), PackageMalformed)
    _refused(doc, pyrage.encrypt(b'{"a": 1, "a": 2}', [recipient]), PackageMalformed)
    _refused(doc, pyrage.encrypt(b"\xff\xfe", [recipient]), PackageMalformed)
    # Half a surrogate pair, escaped: valid JSON, but no UTF-8 text (re-encoding it raised an unexplained error).
    lone = b'{"manifest": ' + canonical(manifest) + b', "signature": "00", "payload": {"x": "a\\ud800b"}}'
    _refused(doc, pyrage.encrypt(lone, [recipient]), PackageMalformed)


def test_profile_without_keys_is_not_the_recipient(manager, world):
    doc, pat, _eve = world
    fresh, _key = manager.create("Fresh", PASSWORD, kind="clinician")
    data = _package(pat, doc)
    before = dump(fresh.store, skip_audit=True)
    with pytest.raises(NotForYou):
        importer.import_bytes(fresh, data)
    assert dump(fresh.store, skip_audit=True) == before
    assert keys.load(fresh.store) is None


def test_missing_file_is_unreadable_not_a_disk_problem(world, tmp_path):
    doc, _pat, _eve = world
    before = dump(doc.store, skip_audit=True)
    with pytest.raises(FileUnreadable) as e:
        importer.import_file(doc, tmp_path / "gone.age")
    assert e.value.exit_code == 28 and "could not be read" in e.value.message()
    assert dump(doc.store, skip_audit=True) == before

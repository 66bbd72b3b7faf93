"""Fuzz the card and package parsers: only HearthError subclasses may come out."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import HearthError
from app.exchange import card, importer, package
from app.exchange.jsonsafe import Limits, Refused, loads
from tests.exchange_util import contact, exported, fill, workspace

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _mutate(data: bytes, edits) -> bytes:
    out = bytearray(data)
    for kind, where, value in edits:
        if not out:
            break
        i = where % len(out)
        if kind == 0:
            out[i] ^= 1 << (value % 8)
        elif kind == 1:
            del out[i:]
        elif kind == 2:
            out.insert(i, value % 256)
        else:
            del out[i]
    return bytes(out)


_edits = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=4)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from app.crypto.keyfile import TEST_KDF
    from app.profiles import ProfileManager

    manager = ProfileManager(tmp_path_factory.mktemp("fuzz") / "data", TEST_KDF)
    doc, (pat,) = workspace(manager)
    fill(pat)
    data = exported(pat, contact(pat, "Doc")).data
    yield doc, card.make_card(doc), data
    doc.lock()
    pat.lock()


@FUZZ
@given(raw=st.binary(max_size=400), edits=_edits)
def test_card_parser(sample, raw, edits):
    _doc, good, _data = sample
    for candidate in (raw, _mutate(good, edits)):
        try:
            card.parse_card(candidate)
        except HearthError:
            pass


@FUZZ
@given(raw=st.binary(max_size=400), edits=_edits)
def test_package_pipeline(sample, raw, edits):
    doc, _card, good = sample
    for candidate in (package.AGE_MAGIC + raw, raw, _mutate(good, edits)):
        try:
            importer.import_bytes(doc, candidate)
        except HearthError:
            pass


_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                     max_leaves=30)


def test_lone_surrogate_escapes_are_refused_and_pairs_kept():
    for raw in (b'{"a": "x\\ud800y"}', b'{"\\udc00": 1}', b'["\\uDBFF"]'):
        with pytest.raises(Refused):
            loads(raw)
    assert loads(b'{"a": "\\ud83d\\ude00"}') == {"a": "\U0001f600"}


@FUZZ
@given(value=_json, text=st.text(alphabet='[]{}",:\\0123456789.eE+-tfnaulrs ', max_size=200))
def test_bounded_json_and_envelope(value, text):
    import json

    for raw in (json.dumps(value).encode(), text.encode()):
        try:
            loads(raw, Limits(max_depth=4, max_string=10, max_items=3))
        except Refused:
            pass
        try:
            package.parse(raw)
        except HearthError:
            pass

"""Merging a patient's payload: how each record is stored (the import's speed is measured in bench/exchange.py)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from app.exchange import merge
from app.exchange.jsonsafe import canonical

_scalars = (st.none() | st.booleans() | st.integers(-2 ** 70, 2 ** 70)
            | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12))
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(extra=st.dictionaries(st.text(max_size=6), _json, max_size=4), note=st.text())
def test_prepared_records_are_the_canonical_json(extra, note):
    record = {**extra, "id": "c1", "day": "2026-01-02", "note": note}
    prepared = merge.prepare({"checkins": [record]})
    assert prepared == {"checkins": [("c1", canonical(record).decode("utf-8"), "2026-01-02")]}


def test_prepared_records_keep_every_character_as_canonical_does():
    record = {"id": "h1", "created_at": "2026-01-02T10:00:00+00:00", "b": 1.5, "a": ["é", "\u202e", "\x00", "\"\\"],
              "z": {"y": None, "x": True}}
    ((_rid, text, key),) = merge.prepare({"homework": [record]})["homework"]
    assert text.encode("utf-8") == canonical(record)
    assert key == "2026-01-02T10:00:00+00:00"

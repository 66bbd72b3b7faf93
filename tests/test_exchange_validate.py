"""The compiled schema check answers exactly as the generic jsonschema validator does.

validate.py compiles each schema into small functions (tens of times faster). These tests keep it
honest: every shipped schema is valid against the JSON Schema meta-schema and uses only keywords the
compiler knows, and on real payloads and thousands of mutated ones both checks give the same answer.
"""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.exchange import validate
from tests.test_exchange_limits import NOW, feedback_payload, patient_payload

NAMES = sorted(p.name.removesuffix(".schema.json") for p in validate.SCHEMAS.glob("*.schema.json"))


@pytest.mark.parametrize("name", NAMES)
def test_every_schema_is_valid_and_compiles(name):
    import jsonschema

    schema = validate.schema(name)
    jsonschema.validators.validator_for(schema).check_schema(schema)
    validate._compiled(name)  # refuses any keyword it does not implement


def test_an_unknown_keyword_is_refused_not_skipped():
    with pytest.raises(ValueError, match="not supported"):
        validate._Compiler({}).compile({"type": "string", "format": "date"})
    with pytest.raises(ValueError, match="only local"):
        validate._Compiler({}).compile({"$ref": "https://example.org/s.json"})


def _card():
    return {"format": "hearth-card", "version": 1, "role": "clinician", "name": "Dr Rivera",
            "age_recipient": "age1" + "q" * 58, "sign_key": "a" * 64, "created": "2026-01-01T00:00:00+00:00",
            "signature": "b" * 128, "clinic": "Riverside"}


def _manifest():
    return {"manifest": {"format": "hearth-package", "version": 1, "kind": "patient-progress", "sender": "c" * 32,
                         "recipient": "age1" + "q" * 58, "uuid": "d" * 32, "sequence": 3,
                         "created": "2026-01-01T00:00:00+00:00", "payload_sha256": "e" * 64},
            "signature": "f" * 128, "payload": {}}


def _full_patient():
    """One record of each section, with the optional fields filled."""
    from tests.test_exchange_limits import _PATIENT_RECORD

    payload = patient_payload()
    for section, make in _PATIENT_RECORD.items():
        payload[section] = [make(1)]
    payload["sections"] = sorted(_PATIENT_RECORD)
    payload["measures"][0].update(flags=["suicidal_ideation"], total=4.5)
    payload["progress"][0]["modules"] = payload["progress"][0]["modules"][:1]
    payload["progress"][0].update(current_module="m0", clinician_unlocks=["m2"], finished_at=NOW)
    payload["homework"][0].update(program_id="low-mood", module_id="m1-understanding", exercise_id="m1-hopes",
                                  data={"answers": ["x"], "nested": {"a": [1, {"b": None}]}})
    return payload


def _full_feedback():
    payload = feedback_payload()
    for section in ("messages", "comments", "unlocks", "assignments"):
        payload[section] = feedback_payload(section, 2)[section]
    payload["assignments"][0]["due"] = "2026-02-01"
    payload["ack"] = {"uuid": "a" * 32, "sequence": 4}
    return payload


SAMPLES = {"card": _card(), "manifest": _manifest(), "patient": _full_patient(), "clinician": _full_feedback()}


def _agree(name, value):
    expected = validate.reference_is_valid(name, value)
    assert validate.is_valid(name, value) is expected, (name, json.dumps(value)[:400])
    return expected


@pytest.mark.parametrize("name", NAMES)
def test_the_samples_are_valid(name):
    assert _agree(name, SAMPLES[name])


# Values chosen to sit on every edge the schemas draw: bool vs int, 1.0 vs 1, bounds, newlines, lengths.
_EDGES = [None, True, False, 0, 1, -1, 1.0, 1.5, 10, 11, -1000, -1001, 1000, 1001, 100000, 100001, 1e300,
          9007199254740991, 9007199254740992, "", "a", "low-mood", "low-mood\n", "Low-Mood", "x/../../etc",
          "../etc", "2026-01-01", "2026-01-01\n", "2026-01-01T10:00:00+00:00", "age1" + "q" * 58, "a" * 32,
          "a" * 33, "0" * 128, "x" * 2001, "x" * 10001, "suicidal_ideation", "hearth-card", "hearth-package",
          "patient-progress", "clinician", [], [1], ["a", "a"], ["measures", "measures"], {}, {"a": 1}]

_json = st.recursive(st.none() | st.booleans() | st.integers(-2000, 2000) | st.floats(allow_nan=False,
                                                                                      allow_infinity=False)
                     | st.sampled_from(_EDGES[:40]) | st.text(max_size=8),
                     lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner,
                                                                                   max_size=3), max_leaves=8)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, prefix + (i,))


def _mutate(value, path, kind, new, key):
    value = copy.deepcopy(value)
    if not path:
        return new if kind == "replace" else value
    parent = value
    for p in path[:-1]:
        parent = parent[p]
    last = path[-1]
    if kind == "replace":
        parent[last] = new
    elif kind == "delete":
        del parent[last]
    elif kind == "add" and isinstance(parent[last], dict):
        parent[last][key] = new
    elif kind == "add" and isinstance(parent[last], list):
        parent[last].append(new)
    return value


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(NAMES), data=st.data())
def test_compiled_and_generic_agree_on_mutated_payloads(name, data):
    value = SAMPLES[name]
    for _ in range(data.draw(st.integers(1, 3))):
        paths = list(_paths(value))
        path = data.draw(st.sampled_from(paths))
        kind = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        new = data.draw(st.sampled_from(_EDGES) | _json)
        key = data.draw(st.sampled_from(["id", "extra", "body", "x", "ack", "flags"]))
        if kind == "delete" and not path:
            continue
        value = _mutate(value, path, kind, new, key)
    _agree(name, value)


@pytest.mark.parametrize("name", NAMES)
def test_compiled_and_generic_agree_on_every_edge_value_everywhere(name):
    sample = SAMPLES[name]
    for path in _paths(sample):
        for edge in _EDGES:
            _agree(name, _mutate(sample, path, "replace", edge, None))


@pytest.mark.parametrize("schema", [{"type": "integer", "minimum": 0, "maximum": 10}, {"type": "integer"},
                                    {"type": "number", "minimum": -1.5}, {"type": "number", "maximum": 100000},
                                    {"type": "number"}])
def test_a_number_schema_is_one_check_that_agrees_with_the_generic_one(schema):
    import jsonschema

    check = validate._Compiler(schema).compile(schema)
    assert check.__qualname__.startswith("_fused_number")
    reference = jsonschema.Draft202012Validator(schema)
    for value in [*_EDGES, 0.0, -0.0, 10.0, 10.5, -1.5, -1.6, 2 ** 70, float("inf"), float("-inf"), "1", [1],
                  {"a": 1}]:
        assert check(value) is reference.is_valid(value), (schema, value)
    # NaN never gets here (the JSON parser refuses it); a bound refuses it too, as the unfused checks did
    bounded = "minimum" in schema or "maximum" in schema
    assert check(float("nan")) is (schema["type"] == "number" and not bounded)

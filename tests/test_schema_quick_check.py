"""The compiled first check of program and questionnaire files (app.exchange.validate.quick_check): it must never
accept what the standard validator (jsonschema) refuses, it accepts every shipped file, and loading the shipped
files no longer needs jsonschema (issue 15)."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from app.exchange.validate import quick_check
from tests.test_exchange_validate import _paths  # every path into a document

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = {"program": ROOT / "app" / "programs" / "program.schema.json",
           "measure": ROOT / "app" / "measures" / "measure.schema.json",
           "translation": ROOT / "app" / "measures" / "translation.schema.json"}
DOCUMENTS = {"program": sorted((ROOT / "programs").glob("*/program.yaml")),
             "measure": sorted((ROOT / "resources" / "measures").glob("*.yaml")),
             "translation": sorted((ROOT / "resources" / "measures" / "translations").glob("*.yaml"))}


def _load(kind):
    schema = json.loads(SCHEMAS[kind].read_text(encoding="utf-8"))
    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in DOCUMENTS[kind]]
    return schema, docs


def _mutations(doc, rng, count):
    """Copies of ``doc`` with one change each: a key removed, a value of another type, a string emptied or given a
    final newline, a number made negative or zero, an unknown key added, a list emptied or doubled."""
    paths = [p for p in _paths(doc) if p]
    replacements = [None, "", "x\n", 0, -1, 0.5, True, [], {}, "safety-plan", "criteria", "../x", "/abs"]
    for _ in range(count):
        mutant = copy.deepcopy(doc)
        path = rng.choice(paths)
        parent = mutant
        for step in path[:-1]:
            parent = parent[step]
        key = path[-1]
        action = rng.randrange(4)
        if action == 0 and isinstance(parent, dict):
            del parent[key]
        elif action == 1 and isinstance(parent, dict):
            parent[f"unknown_{rng.randrange(9)}"] = rng.choice(replacements)
        elif action == 2 and isinstance(parent[key], list):
            parent[key] = [] if rng.random() < 0.5 else parent[key] + parent[key]
        else:
            parent[key] = rng.choice(replacements)
        yield mutant


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_every_shipped_file_passes_both(kind):
    schema, docs = _load(kind)
    check = quick_check(schema)
    assert check is not None, "the compiled check no longer covers this schema: loading would import jsonschema"
    assert docs
    for doc in docs:
        assert check(doc) and Draft202012Validator(schema).is_valid(doc)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_the_quick_check_never_accepts_what_jsonschema_refuses(kind):
    schema, docs = _load(kind)
    check, standard = quick_check(schema), Draft202012Validator(schema)
    rng = random.Random(kind)
    refused = 0
    for doc in docs:
        for mutant in _mutations(doc, rng, 150):
            ok = standard.is_valid(mutant)
            assert not check(mutant) or ok, json.dumps(mutant)[:300]
            refused += not ok
    assert refused > 50  # the mutations do reach invalid documents


def test_the_added_keywords_answer_as_the_standard():
    schema = {"type": "object", "properties": {
        "n": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 10},
        "o": {"type": "object", "minProperties": 2, "propertyNames": {"pattern": "^[a-z]+$"}},
        "one": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 5}]},
        "neither": {"not": {"const": "safety-plan"}},
        "both": {"allOf": [{"type": "string"}, {"minLength": 2}]},
        "branch": {"if": {"properties": {"kind": {"const": "a"}}}, "then": {"required": ["a"]},
                   "else": {"required": ["b"]}}}}
    check, standard = quick_check(schema), Draft202012Validator(schema)
    cases = [{"n": 0}, {"n": 10}, {"n": 5}, {"o": {"a": 1}}, {"o": {"a": 1, "b": 2}}, {"o": {"a": 1, "B": 2}},
             {"one": 3}, {"one": 7}, {"one": 6.5}, {"neither": "safety-plan"}, {"neither": "other"},
             {"both": "x"}, {"both": "xy"}, {"both": 12}, {"branch": {"kind": "a", "a": 1}},
             {"branch": {"kind": "a", "b": 1}}, {"branch": {"kind": "c", "b": 1}}, {"branch": {"kind": "c"}}]
    for case in cases:
        assert check(case) == standard.is_valid(case), case


def test_a_pattern_ending_in_dollar_under_not_is_left_to_the_standard_validator():
    # this validator's patterns refuse a final newline; under `not` that would accept what the standard refuses
    assert quick_check({"not": {"type": "string", "pattern": "^a$"}}) is None


def test_loading_the_shipped_programs_and_questionnaires_imports_no_jsonschema():
    code = ("import sys\nfrom app.programs import loader\nfrom app.measures import engine\n"
            "assert all(loader.cached(p) for p in loader.program_ids())\nengine.shipped()\n"
            "print(sorted(m for m in ('jsonschema', 'referencing') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"

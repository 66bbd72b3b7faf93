"""JSON Schema checks for cards, package envelopes and payloads (schemas/ beside this file), and the quick first
check of program and questionnaire files (``quick_check``; their loaders ask ``jsonschema`` only about a file
it finds invalid, to say what is wrong).

Each schema is compiled, once, into a tree of small Python functions that answer only "valid or not". The
generic validator spent about 40 µs per value (22 s on a 5 MB package); the compiled one is
tens of times faster, and ``tests/test_exchange_validate.py`` checks that both always agree.

Supported keywords (draft 2020-12, with its meaning): ``type``, ``const``, ``enum``,
``properties``, ``required``, ``additionalProperties`` (false or a schema), ``maxProperties``,
``items``, ``minItems``, ``maxItems``, ``uniqueItems``, ``pattern``, ``minLength``,
``maxLength``, ``minimum``, ``maximum``, ``exclusiveMinimum``, ``exclusiveMaximum``, ``minProperties``,
``propertyNames``, ``anyOf``, ``allOf``, ``oneOf``, ``not``, ``if``/``then``/``else`` and local ``$ref``
(``#/$defs/...``); annotations (``$schema``, ``$id``, ``title``, ``description``, ``$comment``, ``$defs``) are
ignored.
Any other keyword is refused when the schema is compiled, so a constraint is never skipped.

``pattern`` is applied strictly: Python's ``$`` also matches before a final newline, so a
value ending in a newline never satisfies a pattern ending in ``$``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

SCHEMAS = Path(__file__).parent / "schemas"

Check = Callable[[object], bool]
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "$comment", "$defs"})


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_TYPES: dict[str, Check] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def _equal(a, b) -> bool:
    """JSON equality: true is not 1, 1.0 is 1 (as jsonschema compares ``const``, ``enum``, ``uniqueItems``)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, (list, dict)) or isinstance(b, (list, dict)):
        return False
    return a == b


class _Compiler:
    def __init__(self, root: dict):
        self.root = root
        self.refs: dict[str, Check] = {}

    def ref(self, ref: str) -> Check:
        if not ref.startswith("#/$defs/") or "/" in ref[len("#/$defs/"):]:
            raise ValueError(f"only local $defs references are supported: {ref}")
        if ref not in self.refs:
            cell: list[Check] = []
            self.refs[ref] = lambda v: cell[0](v)  # filled below; allows a definition to refer to itself
            cell.append(self.compile(self.root["$defs"][ref[len("#/$defs/"):]]))
            self.refs[ref] = cell[0]
        return self.refs[ref]

    def compile(self, schema) -> Check:
        if schema is True:
            return lambda v: True
        if schema is False:
            return lambda v: False
        unknown = set(schema) - _ANNOTATIONS - set(_KEYWORDS)
        if unknown:
            raise ValueError(f"keywords not supported by the compiled validator: {sorted(unknown)}")
        fused = _fused(self, schema)
        if fused is not None:
            return fused
        checks = [_KEYWORDS[k](self, schema[k], schema) for k in schema if k in _KEYWORDS]
        return _all_of([c for c in checks if c is not None])


# --- fused checks: the common shapes as one function each (the same answers, a fraction of the calls) --------

_FUSED_STRING = frozenset({"type", "pattern", "minLength", "maxLength"})
_FUSED_OBJECT = frozenset({"type", "properties", "additionalProperties", "required", "maxProperties"})
_FUSED_ARRAY = frozenset({"type", "items", "minItems", "maxItems"})
_FUSED_NUMBER = frozenset({"type", "minimum", "maximum"})


def _fused(c: "_Compiler", schema: dict) -> Check | None:
    """One function for a string, object or array schema of the usual keywords; None for any other."""
    keys = set(schema) - _ANNOTATIONS
    kind = schema.get("type")
    if kind == "string" and keys <= _FUSED_STRING:
        return _fused_string(schema)
    if kind == "object" and keys <= _FUSED_OBJECT:
        return _fused_object(c, schema)
    if kind == "array" and keys <= _FUSED_ARRAY:
        return _fused_array(c, schema)
    if kind in ("integer", "number") and keys <= _FUSED_NUMBER:
        return _fused_number(schema)
    return None


def _fused_string(schema: dict) -> Check:
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    pattern = schema.get("pattern")
    if pattern is None:
        if high is None:
            return lambda v: isinstance(v, str) and len(v) >= low
        return lambda v: isinstance(v, str) and low <= len(v) <= high
    search = re.compile(pattern).search
    anchored = pattern.endswith("$")
    high = float("inf") if high is None else high

    def check(v):
        return (isinstance(v, str) and low <= len(v) <= high and search(v) is not None
                and not (anchored and v.endswith("\n")))
    return check


def _fused_object(c: "_Compiler", schema: dict) -> Check:
    compiled = {k: c.compile(s) for k, s in schema.get("properties", {}).items()}
    extra = schema.get("additionalProperties", True)
    other = None if extra is True else c.compile(extra)
    required = tuple(schema.get("required", ()))
    most = schema.get("maxProperties")

    def check(v):
        if not isinstance(v, dict):
            return False
        if most is not None and len(v) > most:
            return False
        for name in required:
            if name not in v:
                return False
        if other is None:
            for k, sub in compiled.items():
                if k in v and not sub(v[k]):
                    return False
            return True
        for k, item in v.items():
            sub = compiled.get(k, other)
            if not sub(item):
                return False
        return True
    return check


def _fused_number(schema: dict) -> Check:
    """``type`` integer or number with optional bounds: one call per answer of a questionnaire, not five."""
    whole = schema["type"] == "integer"
    low, high = schema.get("minimum"), schema.get("maximum")

    def check(v):
        t = type(v)
        if t is not int and t is not float:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                return False  # true/false are not numbers; subclasses of int and float are
        if whole and isinstance(v, float) and not v.is_integer():
            return False
        return (low is None or v >= low) and (high is None or v <= high)
    return check


def _fused_array(c: "_Compiler", schema: dict) -> Check:
    item = c.compile(schema["items"]) if "items" in schema else None
    low, high = schema.get("minItems", 0), schema.get("maxItems", float("inf"))

    def check(v):
        if not isinstance(v, list) or not low <= len(v) <= high:
            return False
        if item is not None:
            for x in v:
                if not item(x):
                    return False
        return True
    return check


def _all_of(checks: list[Check]) -> Check:
    if not checks:
        return lambda v: True
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda v: a(v) and b(v)
    if len(checks) == 3:
        a, b, d = checks
        return lambda v: a(v) and b(v) and d(v)

    def check(v):
        for c in checks:
            if not c(v):
                return False
        return True
    return check


def _one_of_these(checks: list[Check]) -> Check:
    """Valid when any of ``checks`` passes (``anyOf``, a list of types)."""
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        a, b = checks
        return lambda v: a(v) or b(v)

    def check(v):
        for c in checks:
            if c(v):
                return True
        return False
    return check


def _type(_c, value, _schema) -> Check:
    names = [value] if isinstance(value, str) else list(value)
    return _one_of_these([_TYPES[n] for n in names])


def _const(_c, value, _schema) -> Check:
    return lambda v: _equal(v, value)


def _enum(_c, values, _schema) -> Check:
    if all(isinstance(x, str) for x in values):
        allowed = frozenset(values)
        return lambda v: isinstance(v, str) and v in allowed
    return lambda v: any(_equal(v, x) for x in values)


def _properties(c, props, schema) -> Check:
    compiled = {k: c.compile(s) for k, s in props.items()}
    extra = schema.get("additionalProperties", True)
    if extra is True:
        def check(v):
            if not isinstance(v, dict):
                return True
            for k, sub in compiled.items():
                if k in v and not sub(v[k]):
                    return False
            return True
        return check
    other = c.compile(extra)

    def check_all(v):
        if not isinstance(v, dict):
            return True
        for k, item in v.items():
            sub = compiled.get(k)
            if not (sub(item) if sub is not None else other(item)):
                return False
        return True
    return check_all


def _additional(c, extra, schema) -> Check | None:
    if "properties" in schema:
        return None  # handled together with "properties"
    other = c.compile(extra)
    return lambda v: not isinstance(v, dict) or all(other(x) for x in v.values())


def _required(_c, names, _schema) -> Check:
    names = tuple(names)
    return lambda v: not isinstance(v, dict) or all(n in v for n in names)


def _max_properties(_c, n, _schema) -> Check:
    return lambda v: not isinstance(v, dict) or len(v) <= n


def _items(c, sub, _schema) -> Check:
    item = c.compile(sub)

    def check(v):
        if not isinstance(v, list):
            return True
        for x in v:
            if not item(x):
                return False
        return True
    return check


def _min_items(_c, n, _schema) -> Check:
    return lambda v: not isinstance(v, list) or len(v) >= n


def _max_items(_c, n, _schema) -> Check:
    return lambda v: not isinstance(v, list) or len(v) <= n


def _unique(_c, on, _schema) -> Check | None:
    if not on:
        return None

    def check(v):
        if not isinstance(v, list):
            return True
        if all(isinstance(x, str) for x in v):
            return len(set(v)) == len(v)
        return not any(_equal(v[i], v[j]) for i in range(len(v)) for j in range(i + 1, len(v)))
    return check


def _pattern(_c, pattern, _schema) -> Check:
    rx = re.compile(pattern)
    anchored = pattern.endswith("$")
    return lambda v: not isinstance(v, str) or (rx.search(v) is not None and not (anchored and v.endswith("\n")))


def _min_length(_c, n, _schema) -> Check:
    return lambda v: not isinstance(v, str) or len(v) >= n


def _max_length(_c, n, _schema) -> Check:
    return lambda v: not isinstance(v, str) or len(v) <= n


def _minimum(_c, n, _schema) -> Check:
    return lambda v: not _is_number(v) or v >= n


def _maximum(_c, n, _schema) -> Check:
    return lambda v: not _is_number(v) or v <= n


def _any_of(c, subs, _schema) -> Check:
    return _one_of_these([c.compile(s) for s in subs])


def _ref(c, ref, _schema) -> Check:
    return c.ref(ref)


def _exclusive_minimum(_c, n, _schema) -> Check:
    return lambda v: not _is_number(v) or v > n


def _exclusive_maximum(_c, n, _schema) -> Check:
    return lambda v: not _is_number(v) or v < n


def _min_properties(_c, n, _schema) -> Check:
    return lambda v: not isinstance(v, dict) or len(v) >= n


def _property_names(c, sub, _schema) -> Check:
    check = c.compile(sub)
    return lambda v: not isinstance(v, dict) or all(check(k) for k in v)


def _all_of_keyword(c, subs, _schema) -> Check:
    return _all_of([c.compile(s) for s in subs])


# The keywords below turn a sub-schema's "invalid" into "valid" (not; oneOf when one more sub-schema fails; an
# `if` that fails takes `else`). This validator's `pattern` is stricter than the standard one at a final newline,
# so under them it could accept what the standard refuses: such a sub-schema is refused when compiled, and the
# caller uses the generic validator instead. Every answer stays at least as strict as the standard's.
def _no_anchored_pattern(schema, keyword: str) -> None:
    if isinstance(schema, dict):
        pattern = schema.get("pattern")
        if isinstance(pattern, str) and pattern.endswith("$"):
            raise ValueError(f"a pattern ending in $ under {keyword} is not supported by the compiled validator")
        for value in schema.values():
            _no_anchored_pattern(value, keyword)
    elif isinstance(schema, list):
        for value in schema:
            _no_anchored_pattern(value, keyword)


def _not(c, sub, _schema) -> Check:
    _no_anchored_pattern(sub, "not")
    check = c.compile(sub)
    return lambda v: not check(v)


def _one_of(c, subs, _schema) -> Check:
    _no_anchored_pattern(subs, "oneOf")
    checks = [c.compile(s) for s in subs]
    return lambda v: sum(1 for check in checks if check(v)) == 1


def _if(c, sub, schema) -> Check | None:
    _no_anchored_pattern(sub, "if")
    condition = c.compile(sub)
    then = c.compile(schema["then"]) if "then" in schema else None
    otherwise = c.compile(schema["else"]) if "else" in schema else None
    if then is None and otherwise is None:
        return None
    return lambda v: (then is None or then(v)) if condition(v) else (otherwise is None or otherwise(v))


def _with_if(_c, _sub, _schema) -> None:
    return None  # `then` and `else` take effect through `if` (alone they do nothing)


_KEYWORDS = {"type": _type, "const": _const, "enum": _enum, "properties": _properties,
             "additionalProperties": _additional, "required": _required, "maxProperties": _max_properties,
             "items": _items, "minItems": _min_items, "maxItems": _max_items, "uniqueItems": _unique,
             "pattern": _pattern, "minLength": _min_length, "maxLength": _max_length, "minimum": _minimum,
             "maximum": _maximum, "anyOf": _any_of, "$ref": _ref, "exclusiveMinimum": _exclusive_minimum,
             "exclusiveMaximum": _exclusive_maximum, "minProperties": _min_properties,
             "propertyNames": _property_names, "allOf": _all_of_keyword, "not": _not, "oneOf": _one_of, "if": _if,
             "then": _with_if, "else": _with_if}


@lru_cache(maxsize=None)
def schema(name: str) -> dict:
    """``schemas/<name>.schema.json`` (the tests check each against the JSON Schema meta-schema)."""
    path = _ELSEWHERE.get(name, SCHEMAS / f"{name}.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


# Schemas kept beside the code that writes their documents.
_ELSEWHERE = {"archive": Path(__file__).resolve().parents[1] / "archive" / "archive.schema.json"}


@lru_cache(maxsize=None)
def _compiled(name: str) -> Check:
    return _Compiler(schema(name)).compile(schema(name))


def quick_check(schema_dict: dict) -> Check | None:
    """The compiled check of a schema held elsewhere (programs, questionnaires), or None when it uses a keyword this
    validator does not support. A True answer is final (never more lenient than the standard validator); on False,
    ask the standard validator, which also says what is wrong. Loading the shipped files then needs no
    ``jsonschema`` at all: about 4 MiB of memory and its import time (issue 15)."""
    key = json.dumps(schema_dict, sort_keys=True)
    if key not in _QUICK:
        try:
            _QUICK[key] = _Compiler(schema_dict).compile(schema_dict)
        except (ValueError, KeyError, TypeError, re.error):
            _QUICK[key] = None
    return _QUICK[key]


_QUICK: dict[str, Check | None] = {}


def schema_errors(schema_dict: dict, value) -> list:
    """What ``jsonschema`` finds wrong with ``value`` (its ValidationErrors), asked only when ``quick_check`` does
    not already answer "valid": loading valid files then never imports jsonschema."""
    check = quick_check(schema_dict)
    if check is not None and check(value):
        return []
    from jsonschema import Draft202012Validator

    return list(Draft202012Validator(schema_dict).iter_errors(value))


def is_valid(name: str, value) -> bool:
    """True when ``value`` satisfies ``schemas/<name>.schema.json``."""
    return _compiled(name)(value)


def record_is_valid(name: str, definition: str, value) -> bool:
    """True when ``value`` satisfies the definition ``$defs/<definition>`` of ``schemas/<name>.schema.json``
    (one record checked on its own, e.g. in a person's data archive, which has no package's limits)."""
    return _compiled_definition(name, definition)(value)


@lru_cache(maxsize=None)
def _compiled_definition(name: str, definition: str) -> Check:
    return _Compiler(schema(name)).ref(f"#/$defs/{definition}")


def reference_is_valid(name: str, value) -> bool:
    """The same answer from the generic ``jsonschema`` validator (slow; for tests that compare the two)."""
    return _reference(name).is_valid(value)


@lru_cache(maxsize=None)
def _reference(name: str):
    import jsonschema

    def strict_pattern(validator, pattern, instance, _schema):
        if not validator.is_type(instance, "string"):
            return
        if not re.search(pattern, instance) or (pattern.endswith("$") and instance.endswith("\n")):
            from jsonschema.exceptions import ValidationError

            yield ValidationError(f"does not match {pattern!r}")

    base = jsonschema.validators.validator_for(schema(name))
    return jsonschema.validators.extend(base, {"pattern": strict_pattern})(schema(name))

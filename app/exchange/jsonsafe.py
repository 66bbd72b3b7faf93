"""Canonical JSON for signing, and a bounded parser for untrusted JSON.

Canonical form: keys sorted, no whitespace, UTF-8 (not ASCII-escaped), no NaN
or infinity. Both sides are Hearth, so Python's float formatting is the same.

The parser refuses, before anything recursive runs: nesting deeper than
``max_depth`` (a scan of the raw text with strings blanked out), and after
parsing: strings longer than ``max_string``, lists or objects with more than
``max_items`` entries, more than ``max_nodes`` values in all, duplicate keys,
NaN/Infinity and absurdly long numbers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass


class Refused(ValueError):
    """The text is not JSON within the limits (callers turn this into their own error)."""


@dataclass(frozen=True)
class Limits:
    max_depth: int = 16
    max_string: int = 100_000
    max_items: int = 20_000
    max_nodes: int = 1_000_000


# Canonical JSON as text, from one encoder made once: ``json.dumps`` with options builds a new encoder per
# call, and exports and imports encode thousands of records each.
canonical_text = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                                  allow_nan=False).encode


def canonical(value) -> bytes:
    """Sorted keys, no spaces, UTF-8, no NaN: the bytes signatures and digests are made over."""
    return canonical_text(value).encode("utf-8")


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _check_depth(text: str, max_depth: int) -> None:
    brackets = _NOT_BRACKET.sub("", _STRING.sub('""', text))
    depth = 0
    for ch in brackets:
        if ch in "[{":
            depth += 1
            if depth > max_depth:
                raise Refused("too deep")
        else:
            depth -= 1


def _no_constant(name):
    raise Refused("NaN or infinity")


def _pairs(pairs):
    out = dict(pairs)
    if len(out) != len(pairs):
        raise Refused("duplicate key")
    return out


def loads(data: bytes, limits: Limits = Limits()):
    """Parse UTF-8 JSON within ``limits``; raise :class:`Refused` otherwise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("not UTF-8") from None
    _check_depth(text, limits.max_depth)
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_no_constant)
    except Refused:
        raise
    except (ValueError, RecursionError):  # JSONDecodeError, too many digits
        raise Refused("not JSON") from None
    _check_sizes(value, limits)
    if _SURROGATE_ESCAPE.search(text):
        _check_no_lone_surrogates(value)
    return value


# A \uD800-\uDFFF escape: half of a pair, or alone. Alone it decodes to text no UTF-8 file can hold (it
# broke re-encoding the payload later with a UnicodeEncodeError that no message explained).
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _check_no_lone_surrogates(value) -> None:
    stack = [value]
    while stack:
        v = stack.pop()
        if type(v) is str:
            texts = (v,)
        elif type(v) is dict:
            texts = v.keys()
            stack.extend(v.values())
        elif type(v) is list:
            stack.extend(v)
            continue
        else:
            continue
        for t in texts:
            try:
                t.encode("utf-8")
            except UnicodeEncodeError:
                raise Refused("not UTF-8") from None


_SCALARS = frozenset({int, float, bool, type(None)})


def _check_sizes(value, limits: Limits) -> None:
    """Every value counted, every list and object and every string measured, without a Python step
    per number: a list of scalars is checked by the set of its element types (a 5 MB package of
    numbers took a second here)."""
    if type(value) is not list and type(value) is not dict:
        if type(value) is str and len(value) > limits.max_string:
            raise Refused("string too long")
        return
    stack, nodes = [value], 1
    while stack:
        v = stack.pop()
        if len(v) > limits.max_items:
            raise Refused("too many items")
        if type(v) is dict:
            if v and max(map(len, v)) > limits.max_string:
                raise Refused("key too long")
            children = v.values()
        else:
            children = v
        nodes += len(v)
        if nodes > limits.max_nodes:
            raise Refused("too many values")
        if set(map(type, children)) <= _SCALARS:
            continue
        for x in children:
            t = type(x)
            if t is str:
                if len(x) > limits.max_string:
                    raise Refused("string too long")
            elif t is list or t is dict:
                stack.append(x)

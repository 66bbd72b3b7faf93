"""JSON Schema checks for cards, package envelopes and payloads (schemas/ beside this file).

``pattern`` is applied strictly: Python's ``$`` also matches before a final
newline, so a value ending in a newline never satisfies a pattern ending in ``$``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

SCHEMAS = Path(__file__).parent / "schemas"


def _strict_pattern(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    if not re.search(pattern, instance) or (pattern.endswith("$") and instance.endswith("\n")):
        from jsonschema.exceptions import ValidationError

        yield ValidationError(f"does not match {pattern!r}")


@lru_cache(maxsize=None)
def _validator(name: str):
    import jsonschema

    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    base = jsonschema.validators.validator_for(schema)
    base.check_schema(schema)
    cls = jsonschema.validators.extend(base, {"pattern": _strict_pattern})
    return cls(schema)


def is_valid(name: str, value) -> bool:
    """True when ``value`` satisfies ``schemas/<name>.schema.json``."""
    return _validator(name).is_valid(value)

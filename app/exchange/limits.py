"""How much one package may carry, counted before anything else reads its payload.

A validly signed package from a paired person can still hold far more than any real use of
Hearth produces (9,000 questionnaire results of 200 answers froze a clinician's app for 24 s).
:func:`check` counts the lists that can grow (records per section, answers per result, modules
per program) with ``len()`` only, so a package over the limits is refused at once, before the
full schema check. The limits are the schemas' own ``maxItems`` (``schemas/patient.schema.json``,
``schemas/clinician.schema.json``), so the count and the schema never disagree; the numbers and
why they were chosen are in docs/exchange-format.md.
"""

from __future__ import annotations

from functools import lru_cache

from app.exchange import validate
from app.exchange.errors import TooManyRecords

# (schema, path to a list inside one record of a section) -> name of the limit
_NESTED = {"patient": {("measures", "answers"): "answers", ("measures", "flags"): "flags_per_result",
                       ("progress", "modules"): "modules", ("progress", "clinician_unlocks"): "clinician_unlocks"},
           "clinician": {}}
_RECORD_DEF = {"measures": "measure", "progress": "progress"}


@lru_cache(maxsize=None)
def caps(name: str) -> dict[str, int]:
    """The limits of ``patient`` or ``clinician`` payloads: section -> records, and the nested lists."""
    schema = validate.schema(name)
    out = {section: spec["maxItems"] for section, spec in schema["properties"].items()
           if section != "sections" and isinstance(spec, dict) and "maxItems" in spec}
    for (section, field), limit in _NESTED[name].items():
        out[limit] = schema["$defs"][_RECORD_DEF[section]]["properties"][field]["maxItems"]
    return out


@lru_cache(maxsize=None)
def _sections(name: str) -> frozenset[str]:
    return frozenset(caps(name)) - frozenset(_NESTED[name].values())


def check(name: str, payload) -> None:
    """Raise :class:`TooManyRecords` when ``payload`` holds more than the limits allow.

    Only counts: anything of the wrong shape is left to the schema check that follows."""
    if not isinstance(payload, dict):
        return
    limit = caps(name)
    for section in payload.keys() & _sections(name):
        if isinstance(payload[section], list) and len(payload[section]) > limit[section]:
            raise TooManyRecords()
    for (section, field), key in _NESTED[name].items():
        records = payload.get(section)
        if not isinstance(records, list):
            continue
        most = limit[key]
        for r in records:
            if isinstance(r, dict) and isinstance(r.get(field), list) and len(r[field]) > most:
                raise TooManyRecords()

"""Translated wording of a questionnaire, and whether it is the published translation.

A questionnaire's wording is part of the instrument: a score means what the
published validation says only with the published wording. So a translation
file says whether it *is* the published translation (``published: true`` with
its source) or not. The measures page shows a published translation in the
person's language; otherwise the English original with a note, and an
unofficial translation only if the person asks for it, in which case the result
is stored as an unvalidated translation and marked so for the clinician.

Files: ``<id>.<language>.yaml`` in ``resources/measures/translations/`` (shipped)
or ``<data>/measures/translations/`` (a clinic's own); checked against
``translation.schema.json`` and against the instrument (every item and option).
Shipped: German PHQ-9, GAD-7 and the short forms, as unpublished (``published: false``) until every
line is checked against the published form (``resources/measures/translations/de-notes.md``).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import paths
from app.measures.engine import Measure, MeasureInvalid, read_checked


@dataclass(frozen=True)
class Translation:
    measure_id: str
    language: str
    published: bool
    source: str
    title: str
    instructions: str
    options: dict          # option value -> label
    items: dict            # item id -> text
    unscored_items: dict   # id -> {"text": ..., "options": [...]}
    path: Path


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads((Path(__file__).parent / "translation.schema.json").read_text(encoding="utf-8"))


def parse(path: Path, measure: Measure) -> Translation:
    """Read one translation and check it covers exactly the instrument's items and options."""
    raw = read_checked(path, _schema())
    if raw["measure"] != measure.id or path.name != f"{measure.id}.{raw['language']}.yaml":
        raise MeasureInvalid(f"{path.name}: must be named {raw['measure']}.{raw['language']}.yaml for that measure")
    options = {int(k): v for k, v in raw["options"].items()}
    if set(options) != {v for v, _l in measure.options}:
        raise MeasureInvalid(f"{path.name}: options must be translated for exactly the values of {measure.name}")
    items = {str(k): v for k, v in raw["items"].items()}
    if set(items) != {i.id for i in measure.items}:
        raise MeasureInvalid(f"{path.name}: items must be translated for exactly the items of {measure.name}")
    unscored = raw.get("unscored_items", {})
    for u in measure.unscored_items:
        t = unscored.get(u["id"])
        if t is None or len(t.get("options", [])) != len(u["options"]):
            raise MeasureInvalid(f"{path.name}: unscored item '{u['id']}' needs its text and every option")
    return Translation(measure.id, raw["language"], raw["published"], raw["source"], raw["title"],
                       raw["instructions"], options, items, unscored, path)


def find(measure: Measure, language: str, clinic_dir: Path | None = None) -> Translation | None:
    """The translation of ``measure`` for ``language`` (or its base language), if a valid one exists.

    A clinic's file wins over a shipped one. An invalid file is ignored (``problems`` lists it).
    """
    return _find(measure, language, clinic_dir)[0]


def problems(measure: Measure, language: str, clinic_dir: Path | None = None) -> list[str]:
    return _find(measure, language, clinic_dir)[1]


def shipped_folder() -> Path:
    return paths.resources_dir() / "measures" / "translations"


def _find(measure: Measure, language: str, clinic_dir: Path | None) -> tuple[Translation | None, list[str]]:
    folders = ([Path(clinic_dir) / "translations"] if clinic_dir else []) + [shipped_folder()]
    codes = [language] + ([language.split("_")[0]] if "_" in language else [])
    found: list[str] = []
    for code in codes:
        if code == measure.language:
            return None, found
        for folder in folders:
            path = folder / f"{measure.id}.{code}.yaml"
            if path.is_file():
                try:
                    return parse(path, measure), found
                except MeasureInvalid as e:
                    found.append(str(e))
    return None, found


def apply(measure: Measure, t: Translation) -> Measure:
    """The same instrument (scoring, bands, flags) with the translated wording."""
    items = tuple(dataclasses.replace(i, text=t.items[i.id]) for i in measure.items)
    unscored = tuple({**u, "text": t.unscored_items[u["id"]]["text"],
                      "options": list(t.unscored_items[u["id"]]["options"])} for u in measure.unscored_items)
    return dataclasses.replace(measure, title=t.title, language=t.language, instructions=t.instructions,
                               options=tuple((v, t.options[v]) for v, _l in measure.options),
                               items=items, unscored_items=unscored)


__all__ = ["Translation", "parse", "find", "problems", "apply"]

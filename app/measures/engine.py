"""Load questionnaire definitions and score them exactly as published.

Definitions are YAML files: shipped ones in ``resources/measures/``, and a
clinic's own (for example a licensed instrument) in ``<data>/measures/``,
checked against ``measure.schema.json`` and for consistent bands.

Scoring rules:
* sum of item values (reversed items count ``max + min - value``);
* missing items: ``none`` gives no total if any item is unanswered;
  ``prorate_one`` (WSAS) allows one: total = mean of the rest x item count;
* an item with ``flag: suicidal_ideation`` is checked on its own, whatever
  the total and even when there is none: any answer above 0 raises the flag;
* bands use inclusive ``min``/``max`` and exclusive ``above``/``below``;
* reliable change (Jacobson & Truax 1991): a change of at least
  1.96 x sqrt(2) x SD x sqrt(1 - r) points, with SD and r from the
  definition's cited source, or the criterion in ``points`` that a cited
  source derived that way; no such values, no reliable-change verdict.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import fsutil, paths

SUICIDAL_IDEATION = "suicidal_ideation"
RELIABLE_DETERIORATION = "reliable_deterioration"
IMPROVEMENT, DETERIORATION = "improvement", "deterioration"
MAX_FILE = 128 * 1024


class MeasureInvalid(Exception):
    pass


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    reverse: bool = False
    flag: str | None = None
    optional_reason: str | None = None


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    title: str
    language: str
    citation: str
    licence: str
    instructions: str
    options: tuple[tuple[int, str], ...]
    items: tuple[Item, ...]
    unscored_items: tuple[dict, ...]
    missing_rule: str
    bands: tuple[dict, ...]
    screen_threshold: float | None
    reliable_change: dict | None
    source: Path

    @property
    def low(self) -> int:
        return min(v for v, _l in self.options)

    @property
    def high(self) -> int:
        return max(v for v, _l in self.options)

    @property
    def max_total(self) -> int:
        return self.high * len(self.items)

    def band_of(self, total: float) -> str | None:
        return next((band["id"] for band in self.bands if _in(band, total)), None)

    def reliable_change_points(self) -> float | None:
        rc = self.reliable_change
        if not rc:
            return None
        if "points" in rc:
            return float(rc["points"])
        return 1.96 * math.sqrt(2) * rc["sd"] * math.sqrt(1 - rc["reliability"])


@dataclass(frozen=True)
class Result:
    measure_id: str
    answers: tuple[int | None, ...]
    total: float | None
    band: str | None
    flags: tuple[str, ...]
    missing: int
    prorated: bool
    screen_positive: bool | None

    @property
    def scored(self) -> bool:
        return self.total is not None


@lru_cache(maxsize=1)
def _schema() -> dict:
    return json.loads((Path(__file__).parent / "measure.schema.json").read_text(encoding="utf-8"))


def read_checked(path: Path, schema: dict):
    """A bounded YAML file, checked against ``schema``; :class:`MeasureInvalid` names the first problem."""
    import yaml
    from jsonschema import Draft202012Validator

    try:
        data = fsutil.read_regular_file(path, MAX_FILE)  # never blocks on a pipe
        raw = yaml.safe_load(data.decode("utf-8"))
    except fsutil.FileTooBig:
        raise MeasureInvalid(f"{path.name}: file is too large") from None
    except fsutil.NotRegularFile:
        raise MeasureInvalid(f"{path.name}: not a regular file") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise MeasureInvalid(f"{path.name}: cannot be read ({type(e).__name__})") from None
    errors = list(Draft202012Validator(schema).iter_errors(raw))
    if errors:
        first = min(errors, key=lambda e: list(map(str, e.path)))
        raise MeasureInvalid(f"{path.name}: {'/'.join(map(str, first.path)) or '(top)'}: {first.message}")
    return raw


def parse(path: Path) -> Measure:
    """Read and check one definition; :class:`MeasureInvalid` says what is wrong."""
    raw = read_checked(path, _schema())
    values = sorted(o["value"] for o in raw["options"])
    if values != list(range(values[0], values[0] + len(values))):
        raise MeasureInvalid(f"{path.name}: option values must be consecutive whole numbers")
    ids = [i["id"] for i in raw["items"]]
    if len(set(ids)) != len(ids):
        raise MeasureInvalid(f"{path.name}: item ids must be unique")
    if path.stem != raw["id"]:
        raise MeasureInvalid(f"{path.name}: id '{raw['id']}' must match the file name")
    m = Measure(
        raw["id"], raw["name"], raw["title"], raw["language"], raw["citation"], raw["licence"], raw["instructions"],
        tuple((o["value"], o["label"]) for o in sorted(raw["options"], key=lambda o: o["value"])),
        tuple(Item(i["id"], i["text"], i.get("reverse", False), i.get("flag"), i.get("optional_reason"))
              for i in raw["items"]),
        tuple(raw.get("unscored_items", [])), raw["scoring"]["missing"], tuple(raw.get("bands", [])),
        (raw.get("screen") or {}).get("threshold"), raw.get("reliable_change"), path)
    _check_bands(m)
    return m


def _check_bands(m: Measure) -> None:
    """Every possible total falls in exactly one band (fine steps when totals can be fractional)."""
    if not m.bands:
        return
    step = 0.05 if m.missing_rule == "prorate_one" else 1
    lowest = m.low * len(m.items)
    for k in range(int(round((m.max_total - lowest) / step)) + 1):
        total = round(lowest + k * step, 2)
        hits = [b["id"] for b in m.bands if _in(b, total)]
        if len(hits) != 1:
            raise MeasureInvalid(f"{m.source.name}: a total of {total} falls in {len(hits)} bands")


def _in(band: dict, total: float) -> bool:
    return (("min" not in band or total >= band["min"]) and ("max" not in band or total <= band["max"])
            and ("above" not in band or total > band["above"]) and ("below" not in band or total < band["below"]))


def load_all(extra_dir: Path | None = None) -> tuple[dict[str, Measure], list[str]]:
    """Shipped definitions plus a clinic's own; returns (measures by id, problems)."""
    found, problems = {}, []
    folders = [paths.resources_dir() / "measures"] + ([Path(extra_dir)] if extra_dir else [])
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            try:
                m = parse(path)
            except MeasureInvalid as e:
                problems.append(str(e))
                continue
            if m.id in found and folder != folders[0]:
                problems.append(f"{path.name}: '{m.id}' is already a shipped measure; rename it")
                continue
            found[m.id] = m
    return found, problems


@lru_cache(maxsize=1)
def shipped() -> dict[str, Measure]:
    return load_all()[0]


def score(measure: Measure, answers: list[int | None]) -> Result:
    """Score one administration. ``answers`` has one entry per item, ``None`` when unanswered."""
    if len(answers) != len(measure.items):
        raise ValueError(f"{measure.name} has {len(measure.items)} items, {len(answers)} answers were given")
    allowed = {v for v, _l in measure.options}
    for a in answers:
        if a is not None and (isinstance(a, bool) or a not in allowed):
            raise ValueError(f"{a!r} is not an answer of {measure.name}")
    flags = tuple(sorted({item.flag for item, a in zip(measure.items, answers) if item.flag and a and a > 0}))
    values = [measure.high + measure.low - a if item.reverse else a
              for item, a in zip(measure.items, answers) if a is not None]
    missing = len(answers) - len(values)
    total: float | None
    prorated = False
    if missing == 0:
        total = float(sum(values))
    elif measure.missing_rule == "prorate_one" and missing == 1:
        total = round(sum(values) / len(values) * len(measure.items), 2)
        prorated = True
    else:
        total = None
    band = measure.band_of(total) if total is not None else None
    screen = None if measure.screen_threshold is None or total is None else total >= measure.screen_threshold
    return Result(measure.id, tuple(answers), total, band, flags, missing, prorated, screen)


def reliable_change(measure: Measure, before: float, after: float) -> str | None:
    """``improvement`` / ``deterioration`` when the change is reliable, else ``None``.

    Lower scores are better for every shipped measure.
    """
    points = measure.reliable_change_points()
    if points is None or before is None or after is None:
        return None
    if before - after >= points:
        return IMPROVEMENT
    if after - before >= points:
        return DETERIORATION
    return None

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
* ``method: criteria`` (the PHQ panic questions): the answers meet a published
  algorithm or not (every item of ``all`` and at least N of ``count`` answered
  with the highest option); the total is 1 (met) or 0 (not met), and a ``gate``
  item answered "no" means not met, the other items being skipped as on the form;
* every definition carries a licence record (holder, the statement that allows
  its use and where it is published, the source of the wording); a definition
  with ``text_included: false`` has no wording and is not offered until a
  clinic completes it with a file of the same id holding its licensed wording;
* reliable change (Jacobson & Truax 1991): a change of at least
  1.96 x sqrt(2) x SD x sqrt(1 - r) points, with SD and r from the
  definition's cited source, or the criterion in ``points`` that a cited
  source derived that way; no such values, no reliable-change verdict.
"""

from __future__ import annotations

import dataclasses
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
    text: str | None
    reverse: bool = False
    flag: str | None = None
    optional_reason: str | None = None
    heading: str | None = None


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    title: str
    language: str
    citation: str
    licence: dict
    instructions: str | None
    options: tuple[tuple[int, str], ...]
    items: tuple[Item, ...]
    unscored_items: tuple[dict, ...]
    missing_rule: str
    bands: tuple[dict, ...]
    screen_threshold: float | None
    reliable_change: dict | None
    source: Path
    method: str = "sum"
    criteria: dict | None = None
    gate: dict | None = None
    completed_by: Path | None = None  # the clinic file that supplied the wording of a text-free definition

    @property
    def low(self) -> int:
        return min(v for v, _l in self.options)

    @property
    def high(self) -> int:
        return max(v for v, _l in self.options)

    @property
    def max_total(self) -> int:
        return 1 if self.method == "criteria" else self.high * len(self.items)

    @property
    def min_total(self) -> int:
        return 0 if self.method == "criteria" else self.low * len(self.items)

    @property
    def has_text(self) -> bool:
        """The wording is here (shipped, or completed by a clinic): the questionnaire can be given."""
        return bool(self.instructions) and all(i.text for i in self.items)

    @property
    def categorical(self) -> bool:
        """Scored as met / not met by a published algorithm, not as a severity total."""
        return self.method == "criteria"

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

    from app.exchange.validate import schema_errors

    try:
        data = fsutil.read_regular_file(path, MAX_FILE)  # never blocks on a pipe
        raw = yaml.load(data.decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except fsutil.FileTooBig:
        raise MeasureInvalid(f"{path.name}: file is too large") from None
    except fsutil.NotRegularFile:
        raise MeasureInvalid(f"{path.name}: not a regular file") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        raise MeasureInvalid(f"{path.name}: cannot be read ({type(e).__name__})") from None
    errors = schema_errors(schema, raw)
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
    scoring = raw["scoring"]
    named = {*(scoring.get("criteria") or {}).get("all", []), *(scoring.get("criteria") or {}).get("count", {}).get(
        "items", []), *([scoring["gate"]["item"]] if "gate" in scoring else [])}
    if named - set(ids):
        raise MeasureInvalid(f"{path.name}: scoring names items that do not exist: {', '.join(sorted(named - set(ids)))}")
    m = Measure(
        raw["id"], raw["name"], raw["title"], raw["language"], raw["citation"], raw["licence"],
        raw.get("instructions"),
        tuple((o["value"], o["label"]) for o in sorted(raw["options"], key=lambda o: o["value"])),
        tuple(Item(i["id"], i.get("text"), i.get("reverse", False), i.get("flag"), i.get("optional_reason"),
                   i.get("heading")) for i in raw["items"]),
        tuple(raw.get("unscored_items", [])), scoring["missing"], tuple(raw.get("bands", [])),
        (raw.get("screen") or {}).get("threshold"), raw.get("reliable_change"), path,
        scoring["method"], scoring.get("criteria"), scoring.get("gate"))
    if m.gate is not None and m.gate["value"] not in {v for v, _l in m.options}:
        raise MeasureInvalid(f"{path.name}: the gate value is not one of the options")
    _check_bands(m)
    return m


def complete(shipped: Measure, clinic: Measure) -> Measure:
    """A text-free shipped definition with the wording of a clinic's licensed copy.

    Scoring, bands, flags and reliable change stay the shipped definition's; the clinic's
    file must describe the same instrument (item ids, option values, scoring) and bring
    the wording, option labels and its own licence record.
    """
    same = ([i.id for i in shipped.items] == [i.id for i in clinic.items]
            and [v for v, _l in shipped.options] == [v for v, _l in clinic.options]
            and (shipped.method, shipped.missing_rule) == (clinic.method, clinic.missing_rule))
    if not same:
        raise MeasureInvalid(f"{clinic.source.name}: its items, options or scoring differ from the shipped "
                             f"'{shipped.id}', so it cannot complete it")
    if not clinic.has_text:
        raise MeasureInvalid(f"{clinic.source.name}: it has no wording to complete '{shipped.id}' with")
    items = tuple(dataclasses.replace(i, text=c.text, heading=c.heading, optional_reason=c.optional_reason)
                  for i, c in zip(shipped.items, clinic.items))
    return dataclasses.replace(shipped, title=clinic.title, language=clinic.language, instructions=clinic.instructions,
                               options=clinic.options, items=items, unscored_items=clinic.unscored_items,
                               licence=clinic.licence, completed_by=clinic.source)


def _check_bands(m: Measure) -> None:
    """Every possible total falls in exactly one band (fine steps when totals can be fractional)."""
    if not m.bands:
        return
    step = 0.05 if m.missing_rule == "prorate_one" else 1
    lowest = m.min_total
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
                if found[m.id].has_text:
                    problems.append(f"{path.name}: '{m.id}' is already a shipped measure; rename it")
                    continue
                try:
                    m = complete(found[m.id], m)
                except MeasureInvalid as e:
                    problems.append(str(e))
                    continue
            found[m.id] = m
    return found, problems


@lru_cache(maxsize=1)
def shipped() -> dict[str, Measure]:
    return load_all()[0]


def available(clinic_dir: Path | None) -> dict[str, Measure]:
    """Shipped definitions with a clinic's own and its completions, re-read only when its files change."""
    if clinic_dir is None or not Path(clinic_dir).is_dir():
        return shipped()
    try:
        stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in Path(clinic_dir).glob("*.yaml")))
    except OSError:
        stamp = ()
    return _available(str(clinic_dir), stamp)


@lru_cache(maxsize=4)
def _available(clinic_dir: str, _stamp: tuple) -> dict[str, Measure]:
    return load_all(Path(clinic_dir))[0]


def score(measure: Measure, answers: list[int | None]) -> Result:
    """Score one administration. ``answers`` has one entry per item, ``None`` when unanswered."""
    if len(answers) != len(measure.items):
        raise ValueError(f"{measure.name} has {len(measure.items)} items, {len(answers)} answers were given")
    allowed = {v for v, _l in measure.options}
    for a in answers:
        if a is not None and (isinstance(a, bool) or a not in allowed):
            raise ValueError(f"{a!r} is not an answer of {measure.name}")
    flags = tuple(sorted({item.flag for item, a in zip(measure.items, answers) if item.flag and a and a > 0}))
    if measure.method == "criteria":
        return _score_criteria(measure, answers, flags)
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


def _score_criteria(measure: Measure, answers: list[int | None], flags: tuple[str, ...]) -> Result:
    """Met (1) or not met (0) by the published algorithm; unanswered items mean no result, unless gated out."""
    given = {item.id: a for item, a in zip(measure.items, answers)}
    missing = sum(a is None for a in answers)
    gate = measure.gate
    if gate is not None and given[gate["item"]] == gate["value"]:
        total: float | None = 0.0  # "No" to the first question: the rest is skipped, the criteria are not met
    elif missing:
        total = None
    else:
        yes = measure.high
        crit = measure.criteria
        met = (all(given[i] == yes for i in crit["all"])
               and sum(given[i] == yes for i in crit["count"]["items"]) >= crit["count"]["at_least"])
        total = 1.0 if met else 0.0
    band = measure.band_of(total) if total is not None else None
    return Result(measure.id, tuple(answers), total, band, flags, missing, False, None)


def skipped(measure: Measure, answers: list[int | None]) -> bool:
    """The gate question's answer means the other questions are not asked."""
    gate = measure.gate
    if gate is None:
        return False
    index = next(k for k, i in enumerate(measure.items) if i.id == gate["item"])
    return answers[index] == gate["value"]


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

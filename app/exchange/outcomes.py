"""Treatment outcomes the way NHS Talking Therapies reports them, per patient and for the clinic.

Computed from what patients shared with this clinician workspace (``exchange_records``), the
treatment endings the clinician recorded (:mod:`app.exchange.endings`) and guidance time
(:mod:`app.exchange.guidance`). Every figure comes with the numbers behind it. Sources and the
reasoning behind each choice: ``docs/outcomes.md``.

Definitions
-----------
* Scores: the PHQ-9 (depression) and GAD-7 (anxiety) results that have a total, oldest first
  (by ``taken_at``). *First* and *last* are the oldest and newest of them; a questionnaire with
  fewer than two scores has no last score ("not enough data", never a zero).
* Paired questionnaires: those with at least two scores. Every outcome below uses the paired
  questionnaires only; with one paired questionnaire, that one alone. A patient with none has
  "not enough data" (no scores at all, or one score only) and is left out of every rate, counted
  among the excluded with that reason.
* Caseness (NHS Talking Therapies clinical cut-offs): PHQ-9 >= 10, GAD-7 >= 8. A patient is a case
  at the first score when either paired questionnaire's first score is at or above its cut-off,
  and a case at the last score likewise.
* Reliable change (Jacobson & Truax): first-to-last change of at least the questionnaire's
  criterion, read from its definition (``reliable_change``: PHQ-9 6 points, GAD-7 4 points).
* Reliable improvement (paired rule): at least one paired questionnaire reliably improved and
  none reliably deteriorated. Reliable deterioration: at least one reliably deteriorated and none
  reliably improved. One better and one worse is neither.
* Recovery: a case at the first score and not a case at the last (on every paired questionnaire).
  Only patients who were a case at the first score are in its denominator; the others are
  excluded as "not a case at the first score".
* Reliable recovery: recovered and reliably improved (same denominator as recovery).
* Modules completed: modules of the patient's current (or last) program whose lesson was
  finished, from the progress the patient shared; unknown (None) when no progress was shared.
* Weeks in treatment: from the first to the last dated record the patient shared (scores,
  check-ins, exercise entries, homework, program start and lessons); None with fewer than two.

Sources (what each says, and what we could not read): Gyani, Shafran, Layard & Clark (2013), Behaviour
Research and Therapy 51:597-606; NHS Digital's reports on the use of IAPT services ("Outcomes": recovery,
reliable improvement, reliable recovery and their denominators); the PHE Fingertips glossary (caseness);
NICE HTE8 and HTE9 recommendations (the outcomes to report). The 10/8 cut-offs, the 6/4 criteria and the
deterioration half of the paired rule were checked against secondary sources only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from app.exchange import contacts, endings, guidance
from app.exchange.endings import Ending
from app.exchange.errors import ContactNotFound
from app.exchange.guidance import GuidanceTotal
from app.i18n import N_, _, babel_locale, format_number, localize_digits, ngettext
from app.measures import engine
from app.store import Store

DEPRESSION, ANXIETY = "phq9", "gad7"
TRACKED = (DEPRESSION, ANXIETY)
# NHS Talking Therapies clinical cut-offs: a score at or above is a case.
CASENESS = {DEPRESSION: 10, ANXIETY: 8}

# How much score data a patient has.
PAIRED, ONE_SCORE, NO_SCORES = "paired", "one_score", "no_scores"

# The outcomes, in the order services report them.
CASE_AT_START, CASE_AT_END = "case_at_start", "case_at_end"
RELIABLE_IMPROVEMENT, RELIABLE_DETERIORATION = "reliable_improvement", "reliable_deterioration"
RECOVERY, RELIABLE_RECOVERY = "recovery", "reliable_recovery"
OUTCOMES = (CASE_AT_START, CASE_AT_END, RELIABLE_IMPROVEMENT, RELIABLE_DETERIORATION, RECOVERY, RELIABLE_RECOVERY)

# Why a patient is not in an outcome's denominator.
NOT_A_CASE, ONGOING = "not_a_case", "ongoing"
EXCLUSIONS = (ONGOING, NO_SCORES, ONE_SCORE, NOT_A_CASE)

OUTCOME_LABELS = {
    CASE_AT_START: N_("Case at the first score"),
    CASE_AT_END: N_("Case at the last score"),
    RELIABLE_IMPROVEMENT: N_("Reliable improvement"),
    RELIABLE_DETERIORATION: N_("Reliable deterioration"),
    # Translators: NHS Talking Therapies "recovery": a clinical case at the first score, not at the last.
    RECOVERY: N_("Recovery"),
    # Translators: NHS Talking Therapies "reliable recovery": recovered and reliably improved.
    RELIABLE_RECOVERY: N_("Reliable recovery"),
}
EXCLUSION_LABELS = {
    ONGOING: N_("treatment not recorded as ended"),
    NO_SCORES: N_("no PHQ-9 or GAD-7 scores"),
    ONE_SCORE: N_("not enough data: fewer than two scores on each questionnaire"),
    NOT_A_CASE: N_("not a case at the first score"),
}
DATA_LABELS = {
    PAIRED: N_("First and last scores"),
    ONE_SCORE: N_("Not enough data: only one score"),
    NO_SCORES: N_("Not enough data: no scores"),
}

# Records whose time tells when treatment went on (their sort_key is a date or an ISO time).
_DATED_SECTIONS = ("measures", "checkins", "homework", "homework_done", "progress")


@dataclass(frozen=True)
class Score:
    total: float
    taken_at: str  # ISO 8601, as the patient's Hearth recorded it
    band: str | None

    @property
    def day(self) -> str:
        return self.taken_at[:10]


@dataclass(frozen=True)
class MeasureOutcome:
    """One questionnaire's first and last scores for one patient."""

    measure_id: str
    scores: int                 # how many results have a total
    first: Score | None
    last: Score | None          # None with fewer than two scores
    cutoff: float               # caseness: a score at or above
    criterion: float | None     # reliable change: a change of at least this many points
    reliable: str | None        # engine.IMPROVEMENT, engine.DETERIORATION, or None (no reliable change / unpaired)

    @property
    def paired(self) -> bool:
        return self.last is not None

    @property
    def change(self) -> float | None:
        """Last minus first (negative: fewer symptoms), None when not paired."""
        return self.last.total - self.first.total if self.paired else None

    @property
    def case_at_first(self) -> bool | None:
        return self.first.total >= self.cutoff if self.first else None

    @property
    def case_at_last(self) -> bool | None:
        return self.last.total >= self.cutoff if self.last else None


@dataclass(frozen=True)
class PatientOutcome:
    contact_id: str
    name: str
    measures: dict[str, MeasureOutcome]    # phq9 and gad7, always both
    data: str                              # PAIRED, ONE_SCORE or NO_SCORES
    case_at_start: bool | None             # None: not enough data
    case_at_end: bool | None
    reliable_improvement: bool | None
    reliable_deterioration: bool | None
    recovery: bool | None                  # None: not enough data, or not a case at the first score
    reliable_recovery: bool | None
    program_id: str | None
    modules_completed: int | None          # None: no program progress shared
    modules_in_program: int | None         # None: the program is not one this Hearth has
    first_record: str | None               # YYYY-MM-DD
    last_record: str | None
    days_in_treatment: int | None          # None: fewer than two dated records
    ending: Ending | None
    guidance: GuidanceTotal

    @property
    def used(self) -> tuple[str, ...]:
        """The questionnaires the outcomes use (the paired ones)."""
        return tuple(m for m in TRACKED if self.measures[m].paired)

    @property
    def weeks_in_treatment(self) -> float | None:
        return None if self.days_in_treatment is None else round(self.days_in_treatment / 7, 1)

    @property
    def ended(self) -> bool:
        return self.ending is not None

    def value(self, outcome: str) -> bool | None:
        return getattr(self, outcome)

    def excluded_from(self, outcome: str) -> str | None:
        """Why this patient is not in ``outcome``'s denominator (an EXCLUSIONS code), or None if counted."""
        if outcome not in OUTCOMES:
            raise ValueError(outcome)
        if self.data != PAIRED:
            return self.data
        if outcome in (RECOVERY, RELIABLE_RECOVERY) and not self.case_at_start:
            return NOT_A_CASE
        return None


@dataclass(frozen=True)
class Rate:
    """``numerator`` of ``denominator`` patients; ``excluded``: (reason, count) of the patients left out."""

    outcome: str
    numerator: int
    denominator: int
    excluded: tuple[tuple[str, int], ...] = ()

    @property
    def percent(self) -> float | None:
        return 100 * self.numerator / self.denominator if self.denominator else None

    @property
    def excluded_total(self) -> int:
        return sum(n for _r, n in self.excluded)


@dataclass(frozen=True)
class Mean:
    """An average with what it is made of: ``total`` over ``count`` patients."""

    total: float
    count: int

    @property
    def value(self) -> float | None:
        return self.total / self.count if self.count else None


@dataclass(frozen=True)
class ClinicSummary:
    patients: int                              # every paired patient
    counted: int                               # those the rates look at (all, or the ended ones)
    ended_only: bool
    rates: dict[str, Rate]                     # OUTCOMES order
    endings: dict[str, int]                    # reason -> patients, every reason listed
    still_in_treatment: int
    guidance_minutes: Mean                     # total minutes over every patient counted
    weeks_in_treatment: Mean                   # over the counted patients with two dated records
    modules_completed: Mean                    # over the counted patients who shared progress
    rows: tuple[PatientOutcome, ...] = field(default=())


# --- per patient -------------------------------------------------------------------------------

def patient_outcome(store: Store, contact_id: str) -> PatientOutcome:
    c = contacts.get(store, contact_id)
    if c is None or c.role != "patient":
        raise ContactNotFound(contact_id)
    return _outcomes(store, [c])[0]


def patient_outcomes(store: Store) -> list[PatientOutcome]:
    """Every paired patient, in the order of their names."""
    return _outcomes(store, contacts.all_contacts(store, role="patient"))


def _outcomes(store: Store, people) -> list[PatientOutcome]:
    ids = [c.id for c in people]
    if not ids:
        return []
    # One patient: their rows only; the clinic: every row (a workspace holds patients only), no sorting in SQL.
    where, params = ("contact_id = ?", [ids[0]]) if len(ids) == 1 else ("1", [])
    measures: dict[str, list[dict]] = {i: [] for i in ids}
    progress: dict[str, list[dict]] = {i: [] for i in ids}
    for cid, section, data in store.query(f"SELECT contact_id, section, data FROM exchange_records WHERE {where}"
                                          " AND section IN ('measures', 'progress')", params):
        if cid in measures:
            (measures if section == "measures" else progress)[cid].append(json.loads(data))
    spans = _spans(store, ids)
    ended = endings.all_endings(store)
    minutes = guidance.totals(store)
    out = []
    for c in people:
        out.append(_patient(c.id, c.display_name, measures[c.id], progress[c.id], spans.get(c.id),
                            ended.get(c.id), minutes.get(c.id, GuidanceTotal(0, 0))))
    return out


def _spans(store: Store, ids: list[str]) -> dict[str, tuple[str, str, int]]:
    """contact id -> (first, last, records up to 2): the first and last dated record of each patient, read
    from the (contact, section, sort_key) index rather than every row."""
    sections = " UNION ALL ".join(["SELECT ? AS name"] + ["SELECT ?"] * (len(_DATED_SECTIONS) - 1))
    marks = ",".join("?" * len(ids))
    found: dict[str, tuple[str, str, int]] = {}
    for cid, first, last, n in store.query(
            "SELECT c.id, (SELECT min(sort_key) FROM exchange_records r WHERE r.contact_id = c.id"
            "  AND r.section = s.name AND r.sort_key > ''),"
            " (SELECT max(sort_key) FROM exchange_records r WHERE r.contact_id = c.id AND r.section = s.name),"
            " (SELECT count(*) FROM (SELECT 1 FROM exchange_records r WHERE r.contact_id = c.id"
            "  AND r.section = s.name AND r.sort_key > '' LIMIT 2))"
            f" FROM exchange_contacts c, ({sections}) s WHERE c.id IN ({marks})",
            list(_DATED_SECTIONS) + ids):
        if not n:
            continue
        first, last = first[:10], last[:10]
        if cid in found:
            old = found[cid]
            first, last, n = min(first, old[0]), max(last, old[1]), n + old[2]
        found[cid] = (first, last, n)
    return found


def measure_outcome(measure_id: str, results: list[dict]) -> MeasureOutcome:
    """First and last scores of one questionnaire from its results (records as shared), with reliable change."""
    scored = sorted((r for r in results if r.get("measure_id") == measure_id and _number(r.get("total"))),
                    key=lambda r: (r["taken_at"], r.get("id", "")))
    measure = engine.shipped().get(measure_id)
    criterion = measure.reliable_change_points() if measure else None
    first = _score(scored[0]) if scored else None
    last = _score(scored[-1]) if len(scored) > 1 else None
    reliable = engine.reliable_change(measure, first.total, last.total) if measure and last else None
    return MeasureOutcome(measure_id, len(scored), first, last, float(CASENESS[measure_id]), criterion, reliable)


def _patient(contact_id, name, results, progress, span, ending, minutes) -> PatientOutcome:
    per = {m: measure_outcome(m, results) for m in TRACKED}
    used = [per[m] for m in TRACKED if per[m].paired]
    if used:
        data = PAIRED
        start = any(m.case_at_first for m in used)
        end = any(m.case_at_last for m in used)
        changes = {m.reliable for m in used}
        improved = engine.IMPROVEMENT in changes and engine.DETERIORATION not in changes
        worse = engine.DETERIORATION in changes and engine.IMPROVEMENT not in changes
        recovered = (not end) if start else None
        reliably = (recovered and improved) if start else None
    else:
        data = ONE_SCORE if any(m.scores for m in per.values()) else NO_SCORES
        start = end = improved = worse = recovered = reliably = None
    program_id, done, total, lesson_days = _modules(progress)
    first_day, last_day, days = _span(span, lesson_days)
    return PatientOutcome(contact_id, name, per, data, start, end, improved, worse, recovered, reliably,
                          program_id, done, total, first_day, last_day, days, ending, minutes)


def _modules(progress: list[dict]) -> tuple[str | None, int | None, int | None, list[str]]:
    from app.exchange.clinic import active_program
    from app.programs import loader

    chosen = active_program(sorted(progress, key=lambda p: (str(p.get("started_at") or ""), str(p.get("id") or ""))))
    if not chosen:
        return None, None, None, []
    modules = chosen.get("modules") or []
    lessons = [m["lesson_done_at"] for m in modules if isinstance(m, dict) and m.get("lesson_done_at")]
    program = loader.cached(chosen.get("program_id", ""))
    return chosen.get("program_id"), len(lessons), (len(program.modules) if program else None), lessons


def _span(span, extra_times: list[str]) -> tuple[str | None, str | None, int | None]:
    days = sorted({t[:10] for t in extra_times if _is_day(t[:10])}
                  | ({span[0], span[1]} if span and _is_day(span[0]) and _is_day(span[1]) else set()))
    records = (span[2] if span else 0) + len(extra_times)
    if not days:
        return None, None, None
    if records < 2:
        return days[0], days[-1], None
    return days[0], days[-1], (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days


def _is_day(text) -> bool:
    try:
        date.fromisoformat(text)
        return True
    except (TypeError, ValueError):
        return False


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _score(record: dict) -> Score:
    return Score(float(record["total"]), record["taken_at"], record.get("band"))


# --- the clinic --------------------------------------------------------------------------------

def clinic_summary(store: Store, *, ended_only: bool = False,
                   rows: list[PatientOutcome] | None = None) -> ClinicSummary:
    """Counts and rates for every paired patient (``ended_only``: the rates look only at patients whose
    treatment is recorded as ended; the others are listed as excluded, "treatment not recorded as ended")."""
    everyone = patient_outcomes(store) if rows is None else rows
    counted = [p for p in everyone if p.ended or not ended_only]
    rates = {}
    for outcome in OUTCOMES:
        numerator = denominator = 0
        excluded = dict.fromkeys(EXCLUSIONS, 0)
        for p in everyone:
            reason = ONGOING if ended_only and not p.ended else p.excluded_from(outcome)
            if reason:
                excluded[reason] += 1
                continue
            denominator += 1
            numerator += bool(p.value(outcome))
        rates[outcome] = Rate(outcome, numerator, denominator, tuple((r, n) for r, n in excluded.items() if n))
    by_reason = dict.fromkeys(endings.REASONS, 0)
    for p in everyone:
        if p.ending:
            by_reason[p.ending.reason] += 1
    weeks = [p.weeks_in_treatment for p in counted if p.weeks_in_treatment is not None]
    modules = [p.modules_completed for p in counted if p.modules_completed is not None]
    return ClinicSummary(
        patients=len(everyone), counted=len(counted), ended_only=ended_only, rates=rates, endings=by_reason,
        still_in_treatment=sum(1 for p in everyone if not p.ended),
        guidance_minutes=Mean(round(sum(p.guidance.seconds for p in counted) / 60, 1), len(counted)),
        weeks_in_treatment=Mean(sum(weeks), len(weeks)), modules_completed=Mean(sum(modules), len(modules)),
        rows=tuple(everyone))


# --- words, for the command line and the pages ---------------------------------------------

def percent_text(value: float | None) -> str:
    """A percentage the language's way, without decimals ("67%"); "-" when there is no denominator."""
    if value is None:
        return "-"
    from babel.numbers import format_percent

    return localize_digits(format_percent(value / 100, format="#,##0%", locale=babel_locale()))


def rate_text(rate: Rate) -> str:
    """ "Reliable improvement: 2 of 3 patients (67%); not counted: 1 (no PHQ-9 or GAD-7 scores)"."""
    line = ngettext("{outcome}: {numerator} of {denominator} patient ({percent})",
                    "{outcome}: {numerator} of {denominator} patients ({percent})", rate.denominator).format(
        outcome=_(OUTCOME_LABELS[rate.outcome]), numerator=format_number(rate.numerator),
        denominator=format_number(rate.denominator), percent=percent_text(rate.percent))
    if rate.excluded:
        reasons = "; ".join(_("{count} {reason}").format(count=format_number(n), reason=_(EXCLUSION_LABELS[r]))
                            for r, n in rate.excluded)
        # Translators: after a rate: the patients left out of its denominator and why.
        line += " " + _("(not counted: {reasons})").format(reasons=reasons)
    return line


def summary_lines(summary: ClinicSummary) -> list[str]:
    """The clinic summary in sentences, one figure a line (the command line prints these)."""
    lines = [patients_line(summary)]
    if summary.ended_only:
        lines.append(ngettext("Rates over the {count} patient whose treatment is recorded as ended.",
                              "Rates over the {count} patients whose treatment is recorded as ended.",
                              summary.counted).format(count=format_number(summary.counted)))
    return lines + [rate_text(summary.rates[o]) for o in OUTCOMES] + other_lines(summary)


def patients_line(summary: ClinicSummary) -> str:
    return ngettext("{count} patient", "{count} patients", summary.patients).format(
        count=format_number(summary.patients))


def other_lines(summary: ClinicSummary, *, every_reason: bool = True) -> list[str]:
    """The figures besides the rates: treatment status and endings, guidance time, weeks, modules (the
    Outcomes page shows the rates as a table and leaves out reasons no patient has, ``every_reason=False``)."""
    lines = [_("Still in treatment: {count}").format(count=format_number(summary.still_in_treatment))]
    for reason, n in summary.endings.items():
        if not (n or every_reason):
            continue
        lines.append(_("Ended, {reason}: {count}").format(reason=_(endings.REASON_LABELS[reason]),
                                                          count=format_number(n)))
    lines.append(_mean_line(_("Guidance time per patient"), summary.guidance_minutes,
                            _("{value} minutes (total {total} minutes, {count} patients)")))
    lines.append(_mean_line(_("Weeks in treatment"), summary.weeks_in_treatment,
                            _("{value} on average ({count} patients with two or more dated records)")))
    lines.append(_mean_line(_("Modules completed"), summary.modules_completed,
                            _("{value} on average ({count} patients who shared their progress)")))
    return lines


def _mean_line(label: str, mean: Mean, template: str) -> str:
    if mean.value is None:
        # Translators: a figure that cannot be computed yet, e.g. "Weeks in treatment: not enough data".
        return _("{label}: not enough data").format(label=label)
    return _("{label}: {figure}").format(label=label, figure=template.format(
        value=format_number(round(mean.value, 1)), total=format_number(round(mean.total, 1)),
        count=format_number(mean.count)))

"""The clinician workspace's questions: the patient list and one patient's page.

Flags describe the current state, so an old answer does not keep a patient at
the top for ever: ``suicidal_ideation`` when the newest result of a measure
carries it (PHQ-9 item 9 above 0), or a flag of that kind belongs to a newest
result or (if it belongs to no result) was raised after the newest result; ``reliable_deterioration`` when PHQ-9 or GAD-7 got reliably
worse from the first result to the newest (or such a flag was raised after
the newest result). ``past_flags`` lists every other kind ever received.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import datetime

from app.exchange import contacts, outbox
from app.exchange.contacts import Contact
from app.exchange.errors import ContactNotFound
from app.store import Store

SUICIDAL, DETERIORATION = "suicidal_ideation", "reliable_deterioration"
TRACKED = ("phq9", "gad7")
ITEM9 = 8  # the place of PHQ-9 item 9 in a result's answers


@dataclass(frozen=True)
class PatientRow:
    contact_id: str
    name: str
    fingerprint: str
    program_id: str | None
    module_id: str | None
    last_package_at: str | None
    totals: dict[str, tuple[float | None, float | None]]  # measure id -> (latest, previous)
    flags: tuple[str, ...]
    past_flags: tuple[str, ...]
    item9: tuple[tuple[str, int], ...] = ()  # every PHQ-9 item-9 answer above 0: (taken_at, value), newest first
    withheld: tuple[str, ...] = ()  # categories (collect.CATEGORIES) the newest package left out
    # the active program's own questionnaires besides PHQ-9 and GAD-7 (the PSWQ, the PHQ panic questions):
    # (measure id, latest total, previous total, latest band), in the program's order
    program_scores: tuple[tuple[str, float | None, float | None, str | None], ...] = ()

    @property
    def priority(self) -> int:
        """0: thoughts of self-harm, 1: reliable deterioration, 2: the rest."""
        return 0 if SUICIDAL in self.flags else 1 if DETERIORATION in self.flags else 2


@dataclass(frozen=True)
class PatientDetail:
    contact: Contact
    changed: dict[str, list[dict]]   # records the newest package added or changed, per section
    measures: dict[str, list[dict]]  # measure id -> results, oldest first
    flags: list[dict]
    checkins: list[dict]
    homework: list[dict]             # each with "comments": the clinician's comments on it
    homework_done: list[dict]
    progress: list[dict]
    messages: list[outbox.Message]
    withheld: tuple[str, ...] = ()  # categories the newest package left out (see ``withheld``)
    safety_plan: list[dict] = dataclasses.field(default_factory=list)  # the plan's sections as last shared


def withheld(store: Store, contact_id: str | None = None) -> dict[str, tuple[str, ...]]:
    """Contact id -> the categories a patient left out of their newest package, in the sharing list's order.

    A package says which sections the patient chose; one that leaves out questionnaires or safety
    flags must not read as "no risk". Packages imported before this was recorded say nothing (no entry)."""
    from app.exchange import audit, collect

    sql = ("SELECT json_extract(detail, '$.contact_id'), json_extract(detail, '$.shared') FROM audit_log"
           " WHERE rowid IN (SELECT max(rowid) FROM audit_log WHERE event = ?"
           + (" AND json_extract(detail, '$.contact_id') = ?" if contact_id else "")
           + " GROUP BY json_extract(detail, '$.contact_id'))")
    params = (audit.IMPORT, contact_id) if contact_id else (audit.IMPORT,)
    out = {}
    for cid, shared in store.query(sql, params):
        if shared is None:
            continue
        sections = set(json.loads(shared))
        out[cid] = tuple(k for k, parts in collect.CATEGORIES.items() if not sections & set(parts))
    return out


def records(store: Store, contact_id: str, section: str, *, changed_seq: int | None = None) -> list[dict]:
    """One patient's shared records of a section, oldest first."""
    sql = "SELECT data FROM exchange_records WHERE contact_id = ? AND section = ?"
    params: tuple = (contact_id, section)
    if changed_seq is not None:
        sql, params = sql + " AND changed_seq = ?", params + (changed_seq,)
    return [json.loads(r[0]) for r in store.query(sql + " ORDER BY sort_key, record_id", params)]


def by_measure(results: list[dict]) -> dict[str, list[dict]]:
    """Questionnaire result records grouped by questionnaire, each oldest first."""
    out: dict[str, list[dict]] = {}
    for r in sorted(results, key=lambda r: (r["taken_at"], r["id"])):
        out.setdefault(r["measure_id"], []).append(r)
    return out


def item9_answers(measures: dict[str, list[dict]]) -> tuple[tuple[str, int], ...]:
    """Every answer above 0 to PHQ-9 item 9 (thoughts of being better off dead or of hurting oneself),
    as (taken_at, value), newest first: how often and how recently, not only the newest result."""
    found = []
    for r in measures.get("phq9", []):
        answers = r.get("answers") or []
        value = answers[ITEM9] if len(answers) > ITEM9 else None
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            found.append((r["taken_at"], value))
    return tuple(reversed(found))


def _flags(measures: dict[str, list[dict]], flag_records: list[dict]) -> tuple[set[str], set[str]]:
    from app.measures import engine

    current: set[str] = set()
    newest = max((h[-1]["taken_at"] for h in measures.values()), default="")
    for history in measures.values():
        current |= set(history[-1]["flags"])
    for mid in TRACKED:
        history = [r for r in measures.get(mid, []) if r["total"] is not None]
        measure = engine.shipped().get(mid)
        if measure and len(history) >= 2 and engine.reliable_change(
                measure, history[0]["total"], history[-1]["total"]) == engine.DETERIORATION:
            current.add(DETERIORATION)
    newest_ids = {h[-1]["id"] for h in measures.values()}
    current |= {f["kind"] for f in flag_records
                if (f["result_id"] in newest_ids if f["result_id"] else f["raised_at"] >= newest)}
    ever = {f for h in measures.values() for r in h for f in r["flags"]} | {f["kind"] for f in flag_records}
    return current, ever - current


def patient_rows(store: Store) -> list[PatientRow]:
    """Every paired patient: self-harm flags first, then reliable deterioration, then the rest."""
    left_out = withheld(store)
    rows = [_row(store, c, left_out.get(c.id, ())) for c in contacts.all_contacts(store, role="patient")]
    rows.sort(key=sort_key)
    return rows


def patient_row(store: Store, contact_id: str) -> PatientRow | None:
    """One patient's row of :func:`patient_rows` (after an import from them: the other rows are unchanged)."""
    c = contacts.get(store, contact_id)
    if c is None or c.role != "patient":
        return None
    return _row(store, c, withheld(store, contact_id).get(contact_id, ()))


def sort_key(row: PatientRow):
    """The list's order: priority, then the newest file first, then the name."""
    return row.priority, -_stamp(row.last_package_at), row.name.casefold()


def _row(store: Store, c: Contact, left_out: tuple[str, ...] = ()) -> PatientRow:
    return _make_row(c, by_measure(records(store, c.id, "measures")), records(store, c.id, "flags"),
                     records(store, c.id, "progress"), left_out)


def row_of(detail: PatientDetail) -> PatientRow:
    """The patient's list row from the records their page has already read (nothing read again)."""
    return _make_row(detail.contact, detail.measures, detail.flags, detail.progress, detail.withheld)


def _make_row(c: Contact, measures: dict[str, list[dict]], flag_records: list[dict], progress: list[dict],
              left_out: tuple[str, ...]) -> PatientRow:
    current, past = _flags(measures, flag_records)
    totals = {}
    for mid in TRACKED:
        scored = [r["total"] for r in measures.get(mid, []) if r["total"] is not None]
        totals[mid] = (scored[-1] if scored else None, scored[-2] if len(scored) > 1 else None)
    progress = [p for p in progress if p["active"]]
    program_id = progress[0]["program_id"] if progress else None
    return PatientRow(c.id, c.display_name, c.fingerprint, program_id,
                      progress[0]["current_module"] if progress else None,
                      c.in_at, totals, tuple(sorted(current)), tuple(sorted(past)), item9_answers(measures),
                      left_out, _program_scores(program_id, measures))


def _program_scores(program_id: str | None, measures: dict[str, list[dict]]) -> tuple:
    """The latest and previous totals of the program's own questionnaires other than PHQ-9 and GAD-7."""
    from app.programs import loader

    program = loader.cached(program_id) if program_id else None
    found = []
    for mid in dict.fromkeys(m["id"] for m in (program.measures if program else ())):
        if mid in TRACKED:
            continue
        scored = [r for r in measures.get(mid, []) if r["total"] is not None]
        found.append((mid, scored[-1]["total"] if scored else None, scored[-2]["total"] if len(scored) > 1 else None,
                      scored[-1]["band"] if scored else None))
    return tuple(found)


def _stamp(iso: str | None) -> float:
    return datetime.fromisoformat(iso).timestamp() if iso else 0.0


def patient_detail(store: Store, contact_id: str) -> PatientDetail:
    c = contacts.get(store, contact_id)
    if c is None:
        raise ContactNotFound(contact_id)
    changed = {}
    if c.in_sequence:
        for section in ("measures", "flags", "checkins", "homework", "homework_done", "progress", "safety_plan"):
            found = records(store, c.id, section, changed_seq=c.in_sequence)
            if found:
                changed[section] = found
    homework = [{**e, "comments": outbox.comments_for_entry(store, e["id"], contact_id=c.id)}
                for e in records(store, c.id, "homework")]
    return PatientDetail(c, changed, by_measure(records(store, c.id, "measures")), records(store, c.id, "flags"),
                         records(store, c.id, "checkins"), homework, records(store, c.id, "homework_done"),
                         records(store, c.id, "progress"), outbox.messages(store, c),
                         withheld(store, c.id).get(c.id, ()), records(store, c.id, "safety_plan"))

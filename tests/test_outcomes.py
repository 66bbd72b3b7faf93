"""Outcomes as services report them (app/exchange/outcomes.py), the clinic CSV, treatment endings and
guidance time, on records made by hand and on records that went through a real export and import."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest

from app import fsutil
from app.exchange import contacts, endings, guidance, outcomes, outcomes_csv
from app.exchange.errors import ContactNotFound
from app.store import db as dbmod
from tests.conftest import PASSWORD, schema_up_to
from tests.exchange_util import workspace

START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


@pytest.fixture
def clinic(manager):
    """A clinician workspace with three paired patients (Ann, Ben, Cy); yields (doc session, {name: contact id})."""
    doc, pats = workspace(manager, ("Ann", "Ben", "Cy"))
    for p in pats:
        p.lock()
    ids = {name: contacts.find(doc.store, name).id for name in ("Ann", "Ben", "Cy")}
    yield doc, ids
    if not doc.locked:
        doc.lock()


def put(store, contact_id, section, records, key):
    with store.transaction() as c:
        c.executemany("INSERT INTO exchange_records(contact_id, section, record_id, data, sort_key, first_seq,"
                      " changed_seq) VALUES (?, ?, ?, ?, ?, 1, 1)",
                      [(contact_id, section, r["id"], json.dumps(r), r[key]) for r in records])


def scores(store, contact_id, measure_id, *totals, weeks_apart=1):
    """Results of one questionnaire, one a week from START (None: answered but not scored)."""
    put(store, contact_id, "measures", [
        {"id": uuid.uuid4().hex, "measure_id": measure_id,
         "taken_at": (START + timedelta(weeks=i * weeks_apart)).isoformat(), "answers": [], "extra": {},
         "total": t, "band": None, "flags": [], "prorated": False, "language": "en", "validated": True}
        for i, t in enumerate(totals)], "taken_at")


def outcome(doc, contact_id):
    return outcomes.patient_outcome(doc.store, contact_id)


# --- caseness ----------------------------------------------------------------------------------

@pytest.mark.parametrize("measure, first, last, case_first, case_last", [
    ("phq9", 10, 9, True, False), ("phq9", 9, 10, False, True),
    ("gad7", 8, 7, True, False), ("gad7", 7, 8, False, True)])
def test_caseness_at_the_cut_off(clinic, measure, first, last, case_first, case_last):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], measure, first, last)
    p = outcome(doc, ids["Ann"])
    assert p.data == outcomes.PAIRED and p.used == (measure,)
    assert (p.case_at_start, p.case_at_end) == (case_first, case_last)
    assert (p.measures[measure].case_at_first, p.measures[measure].case_at_last) == (case_first, case_last)


def test_a_case_on_either_questionnaire_is_a_case(clinic):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], "phq9", 4, 4)   # never a case on depression
    scores(doc.store, ids["Ann"], "gad7", 8, 3)   # a case on anxiety at the start only
    p = outcome(doc, ids["Ann"])
    assert p.case_at_start is True and p.case_at_end is False and p.recovery is True


# --- reliable change and the paired rule -------------------------------------------------------

@pytest.mark.parametrize("measure, first, last, expected", [
    ("phq9", 16, 10, "improvement"), ("phq9", 16, 11, None), ("phq9", 10, 16, "deterioration"),
    ("phq9", 11, 16, None), ("gad7", 12, 8, "improvement"), ("gad7", 12, 9, None),
    ("gad7", 8, 12, "deterioration"), ("gad7", 9, 12, None)])
def test_reliable_change_at_the_criterion(clinic, measure, first, last, expected):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], measure, first, 13, last)  # the middle score plays no part
    p = outcome(doc, ids["Ann"])
    assert p.measures[measure].reliable == expected
    assert p.measures[measure].change == last - first
    assert p.measures[measure].criterion == {"phq9": 6, "gad7": 4}[measure]
    assert p.reliable_improvement is (expected == "improvement")
    assert p.reliable_deterioration is (expected == "deterioration")


@pytest.mark.parametrize("phq, gad, improved, worse", [
    ((16, 10), (10, 14), False, False),   # one better, one worse: neither
    ((16, 10), (10, 9), True, False),     # better on one, no reliable change on the other
    ((10, 16), (10, 9), False, True),     # worse on one, no reliable change on the other
    ((16, 10), (12, 8), True, False),     # better on both
    ((10, 16), (8, 12), False, True),     # worse on both
    ((12, 11), (9, 8), False, False),     # no reliable change
])
def test_paired_rule_across_both_questionnaires(clinic, phq, gad, improved, worse):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], "phq9", *phq)
    scores(doc.store, ids["Ann"], "gad7", *gad)
    p = outcome(doc, ids["Ann"])
    assert (p.reliable_improvement, p.reliable_deterioration) == (improved, worse)


def test_one_questionnaire_alone_is_used_when_the_other_has_too_few_scores(clinic):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], "gad7", 12, 7)
    scores(doc.store, ids["Ann"], "phq9", 20)  # one score only: shown, but not used
    p = outcome(doc, ids["Ann"])
    assert p.used == ("gad7",)
    assert p.measures["phq9"].first.total == 20 and p.measures["phq9"].last is None
    assert p.measures["phq9"].change is None and p.measures["phq9"].case_at_last is None
    assert p.reliable_improvement and p.recovery and p.reliable_recovery


# --- recovery and reliable recovery ------------------------------------------------------------

@pytest.mark.parametrize("phq, gad, recovery, reliable_recovery", [
    ((15, 5), (10, 3), True, True),      # from case to not, reliably better
    ((10, 9), (7, 7), True, False),      # from case to not, but a change of 1 is not reliable
    ((15, 5), (10, 9), False, False),    # depression recovered, still a case on anxiety
    ((15, 12), (10, 9), False, False),   # still a case on both
])
def test_recovery_and_reliable_recovery(clinic, phq, gad, recovery, reliable_recovery):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], "phq9", *phq)
    scores(doc.store, ids["Ann"], "gad7", *gad)
    p = outcome(doc, ids["Ann"])
    assert p.case_at_start is True
    assert (p.recovery, p.reliable_recovery) == (recovery, reliable_recovery)
    assert p.excluded_from(outcomes.RECOVERY) is None


def test_not_a_case_at_the_start_is_left_out_of_recovery(clinic):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], "phq9", 9, 2)
    scores(doc.store, ids["Ann"], "gad7", 7, 1)
    p = outcome(doc, ids["Ann"])
    assert p.case_at_start is False and p.reliable_improvement is True
    assert p.recovery is None and p.reliable_recovery is None
    assert p.excluded_from(outcomes.RECOVERY) == outcomes.NOT_A_CASE
    assert p.excluded_from(outcomes.RELIABLE_IMPROVEMENT) is None


# --- not enough data ---------------------------------------------------------------------------

def test_no_scores_and_one_score_are_not_enough_data_never_zero(clinic):
    doc, ids = clinic
    scores(doc.store, ids["Ben"], "phq9", 14)
    scores(doc.store, ids["Ben"], "gad7", 9)
    scores(doc.store, ids["Cy"], "phq9", None, None)  # answered, never scored
    ann, ben, cy = (outcome(doc, ids[n]) for n in ("Ann", "Ben", "Cy"))
    assert ann.data == cy.data == outcomes.NO_SCORES and ben.data == outcomes.ONE_SCORE
    for p in (ann, ben, cy):
        assert p.used == ()
        assert all(p.value(o) is None for o in outcomes.OUTCOMES)
        assert all(p.excluded_from(o) == p.data for o in outcomes.OUTCOMES)
    assert ben.measures["phq9"].first.total == 14 and ben.measures["phq9"].last is None
    assert cy.measures["phq9"].scores == 0 and cy.measures["phq9"].first is None
    assert ann.modules_completed is None and ann.days_in_treatment is None and ann.weeks_in_treatment is None
    with pytest.raises(ValueError):
        ann.excluded_from("happiness")


def test_unknown_patient_is_refused(clinic):
    doc, _ids = clinic
    with pytest.raises(ContactNotFound):
        outcomes.patient_outcome(doc.store, "no-such-contact")


# --- modules and weeks -------------------------------------------------------------------------

def test_modules_completed_and_weeks_in_treatment(clinic):
    doc, ids = clinic
    modules = [{"module_id": m, "unlocked_at": START.isoformat(), "lesson_done_at": done, "seconds_spent": 60}
               for m, done in (("m1-understanding", (START + timedelta(days=2)).isoformat()),
                               ("m2-activity-monitoring", (START + timedelta(days=60)).isoformat()),
                               ("m3-planning", None))]
    put(doc.store, ids["Ann"], "progress", [{
        "id": "low-mood", "program_id": "low-mood", "started_at": START.isoformat(), "active": True,
        "finished_at": None, "current_module": "m3-planning", "modules": modules, "clinician_unlocks": []}],
        "started_at")
    scores(doc.store, ids["Ann"], "phq9", 12, 11, 10)   # the last at START + 2 weeks
    put(doc.store, ids["Ann"], "checkins", [{"id": "c1", "day": "2026-01-20", "mood": 5, "note": "",
                                             "created_at": "x", "updated_at": "x"}], "day")
    p = outcome(doc, ids["Ann"])
    assert p.program_id == "low-mood" and p.modules_completed == 2 and p.modules_in_program == 8
    assert (p.first_record, p.last_record) == ("2026-01-05", "2026-03-06")  # the second lesson, 60 days on
    assert p.days_in_treatment == 60 and p.weeks_in_treatment == 8.6
    # One dated record alone is no span of time.
    scores(doc.store, ids["Ben"], "phq9", 12)
    ben = outcome(doc, ids["Ben"])
    assert ben.first_record == "2026-01-05" and ben.days_in_treatment is None and ben.weeks_in_treatment is None


# --- the clinic --------------------------------------------------------------------------------

def test_clinic_summary_counts_with_numerators_denominators_and_exclusions(clinic):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], "phq9", 15, 5)        # case, recovered, reliably improved
    scores(doc.store, ids["Ben"], "phq9", 6, 13)        # not a case at start, reliably worse
    scores(doc.store, ids["Cy"], "gad7", 12)            # one score only
    endings.record(doc.store, ids["Ann"], endings.FINISHED, "2026-02-01")
    guidance.add_manual(doc.store, ids["Ann"], 20)
    guidance.add_manual(doc.store, ids["Ben"], 10)
    s = outcomes.clinic_summary(doc.store)
    assert s.patients == s.counted == 3 and s.still_in_treatment == 2
    r = s.rates
    assert (r["case_at_start"].numerator, r["case_at_start"].denominator) == (1, 2)
    assert (r["reliable_improvement"].numerator, r["reliable_improvement"].denominator) == (1, 2)
    assert (r["reliable_deterioration"].numerator, r["reliable_deterioration"].denominator) == (1, 2)
    assert r["reliable_improvement"].excluded == (("one_score", 1),)
    assert (r["recovery"].numerator, r["recovery"].denominator) == (1, 1)
    assert r["recovery"].excluded == (("one_score", 1), ("not_a_case", 1)) and r["recovery"].excluded_total == 2
    assert r["recovery"].percent == 100 and r["reliable_improvement"].percent == 50
    assert s.endings["finished"] == 1 and sum(s.endings.values()) == 1 and set(s.endings) == set(endings.REASONS)
    assert (s.guidance_minutes.total, s.guidance_minutes.count, s.guidance_minutes.value) == (30, 3, 10)
    # Only the patients whose treatment ended: the rest are excluded as still in treatment.
    e = outcomes.clinic_summary(doc.store, ended_only=True)
    assert e.counted == 1 and e.patients == 3
    assert (e.rates["recovery"].numerator, e.rates["recovery"].denominator) == (1, 1)
    assert e.rates["recovery"].excluded == (("ongoing", 2),)
    assert e.guidance_minutes.total == 20 and e.guidance_minutes.count == 1
    lines = outcomes.summary_lines(s)
    assert "Recovery: 1 of 1 patient (100%) (not counted: 1 not enough data: fewer than two scores on each " \
           "questionnaire; 1 not a case at the first score)" in lines
    assert "Reliable improvement: 1 of 2 patients (50%) (not counted: 1 not enough data: fewer than two scores " \
           "on each questionnaire)" in lines


def test_an_empty_clinic_has_no_rates_rather_than_zero_percent(clinic):
    doc, _ids = clinic
    s = outcomes.clinic_summary(doc.store)
    assert all(rate.denominator == 0 and rate.percent is None for rate in s.rates.values())
    assert s.weeks_in_treatment.value is None and s.modules_completed.value is None
    lines = outcomes.summary_lines(s)
    assert "Recovery: 0 of 0 patients (-) (not counted: 3 no PHQ-9 or GAD-7 scores)" in lines
    assert "Weeks in treatment: not enough data" in lines


def test_records_from_a_real_export_and_import(tmp_path):
    """The demo workspace's patients went through the real export and import."""
    from app.crypto.keyfile import TEST_KDF
    from app.profiles import ProfileManager
    from tests import workspace_demo

    workspace_demo.build(tmp_path / "d", PASSWORD, TEST_KDF)
    mgr = ProfileManager(tmp_path / "d", TEST_KDF)
    doc = mgr.unlock(mgr.find("Dr Rivera"), PASSWORD)
    try:
        by_name = {p.name: p for p in outcomes.patient_outcomes(doc.store)}
        alex, robin, kim = by_name["Alex Moreau"], by_name["Robin Okafor"], by_name["Kim Nakamura"]
        assert (alex.measures["phq9"].first.total, alex.measures["phq9"].last.total) == (15, 7)
        assert alex.reliable_improvement and alex.recovery and alex.reliable_recovery
        assert robin.reliable_deterioration and robin.recovery is None
        assert kim.data == outcomes.NO_SCORES
        assert alex.modules_completed == 1 and alex.modules_in_program == 8 and alex.days_in_treatment == 21
    finally:
        doc.lock()


# --- the CSV -----------------------------------------------------------------------------------

def _rows(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_is_pseudonymous_by_default_and_stable(clinic, tmp_path):
    doc, ids = clinic
    scores(doc.store, ids["Ann"], "phq9", 15, 5)
    scores(doc.store, ids["Ann"], "gad7", 9, 3)
    endings.record(doc.store, ids["Ann"], endings.REFERRED, "2026-02-01")
    guidance.add_manual(doc.store, ids["Ann"], 25)
    done = outcomes_csv.write(doc.store, tmp_path / "out.csv")
    data = (tmp_path / "out.csv").read_bytes()
    assert done.rows == 3 and not done.names
    assert b"Ann" not in data and b"Ben" not in data and ids["Ann"].encode() not in data
    rows = _rows(data)
    assert list(rows[0]) == outcomes_csv.columns(False)
    pids = {r["patient_id"] for r in rows}
    assert len(pids) == 3 and all(p.startswith("P-") and len(p) == 12 for p in pids)
    ann = next(r for r in rows if r["patient_id"] == outcomes_csv.pseudonym(doc.store, ids["Ann"]))
    assert ann["phq9_first"] == "15" and ann["phq9_last"] == "5" and ann["phq9_first_date"] == "2026-01-05"
    assert ann["phq9_reliable_change"] == "improvement" and ann["gad7_reliable_change"] == "improvement"
    assert (ann["case_at_start"], ann["case_at_end"], ann["recovery"], ann["reliable_recovery"]) == (
        "yes", "no", "yes", "yes")
    assert (ann["treatment_status"], ann["ending_reason"], ann["ending_date"]) == ("ended", "referred", "2026-02-01")
    assert ann["guidance_minutes"] == "25" and ann["guidance_entries"] == "1"
    others = [r for r in rows if r is not ann]
    assert all(r["recovery"] == "not_enough_data" and r["phq9_first"] == "not_enough_data" for r in others)
    assert all(r["weeks_in_treatment"] == "not_enough_data" for r in others)
    # Same pseudonyms in the next export; owner-only file.
    again = outcomes_csv.render(doc.store)
    assert {r["patient_id"] for r in _rows(again)} == pids
    if os.name == "posix":
        assert stat.S_IMODE(os.stat(tmp_path / "out.csv").st_mode) == 0o600


def test_pseudonyms_differ_between_workspaces(manager, clinic):
    doc, ids = clinic
    other, _pats = workspace(manager.__class__(manager.data_dir.parent / "other", manager.kdf), ("Ann",))
    try:
        theirs = outcomes_csv.pseudonym(other.store, contacts.find(other.store, "Ann").id)
        # Same contact id in two workspaces (impossible in practice) still gets different pseudonyms.
        assert outcomes_csv.pseudonym(other.store, ids["Ann"]) != outcomes_csv.pseudonym(doc.store, ids["Ann"])
        assert theirs.startswith("P-")
    finally:
        other.lock()


def test_csv_names_only_when_asked_and_formulas_neutralised(clinic, tmp_path):
    doc, ids = clinic
    evil = {"Ann": "=HYPERLINK(\"http://x\")", "Ben": "+1-2", "Cy": "  @SUM(A1)"}
    with doc.store.transaction() as c:
        for name, new in evil.items():
            c.execute("UPDATE exchange_contacts SET display_name = ? WHERE id = ?", (new, ids[name]))
        c.execute("UPDATE exchange_contacts SET display_name = ? WHERE id = ?", ("-Dee", ids["Cy"]))
    done = outcomes_csv.write(doc.store, tmp_path / "named.csv", names=True)
    assert done.names
    rows = _rows((tmp_path / "named.csv").read_bytes())
    assert list(rows[0]) == outcomes_csv.columns(True)
    assert sorted(r["name"] for r in rows) == sorted(["'=HYPERLINK(\"http://x\")", "'+1-2", "'-Dee"])
    for text in ("@x", "\tx", "\rx", "\uff1dx", " =x"):
        assert outcomes_csv._cell(text).startswith("'")
    assert outcomes_csv._cell("Ann-Marie") == "Ann-Marie" and outcomes_csv._cell(-3) == "-3"
    assert "names" in outcomes_csv.warning(True) and "not encrypted" in outcomes_csv.warning(False)


def test_csv_write_is_atomic(clinic, tmp_path, monkeypatch):
    doc, _ids = clinic
    folder = fsutil.make_private_dir(tmp_path / "exports")
    target = folder / "out.csv"
    target.write_bytes(b"the old file")

    def broken(_src, _dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil, "_replace", broken)
    with pytest.raises(outcomes_csv.CsvNotWritten) as e:
        outcomes_csv.write(doc.store, target)
    assert "No space left" in e.value.message() and e.value.exit_code == 8
    assert target.read_bytes() == b"the old file"
    assert sorted(p.name for p in folder.iterdir()) == ["out.csv"]  # no temp file left
    monkeypatch.undo()
    with pytest.raises(outcomes_csv.CsvNotWritten):
        outcomes_csv.write(doc.store, tmp_path / "no-such-folder" / "out.csv")


# --- treatment endings -------------------------------------------------------------------------

def test_endings_round_trip_change_and_reopen(clinic):
    doc, ids = clinic
    assert endings.get(doc.store, ids["Ann"]) is None
    e = endings.record(doc.store, ids["Ann"], endings.BY_CHOICE, date(2026, 3, 1))
    assert (e.reason, e.ended_on) == ("stopped_by_choice", "2026-03-01")
    endings.record(doc.store, ids["Ann"], endings.OTHER)  # changed: no date given
    got = endings.get(doc.store, ids["Ann"])
    assert (got.reason, got.ended_on) == ("other", None)
    endings.record(doc.store, ids["Ben"], endings.UNEXPLAINED, datetime(2026, 3, 2, 23, 0, tzinfo=timezone.utc))
    assert set(endings.all_endings(doc.store)) == {ids["Ann"], ids["Ben"]}
    assert outcome(doc, ids["Ann"]).ended
    assert endings.reopen(doc.store, ids["Ann"]) is True
    assert endings.reopen(doc.store, ids["Ann"]) is False
    assert endings.get(doc.store, ids["Ann"]) is None and not outcome(doc, ids["Ann"]).ended
    assert all(endings.REASON_LABELS[r] for r in endings.REASONS)


@pytest.mark.parametrize("reason, day", [("bored", None), ("", None), ("finished", "2026-13-01"),
                                         ("finished", "1 March"), ("finished", "2026-3-1"), ("finished", 20260301)])
def test_endings_refuse_bad_input(clinic, reason, day):
    doc, ids = clinic
    with pytest.raises(ValueError):
        endings.record(doc.store, ids["Ann"], reason, day)
    assert endings.get(doc.store, ids["Ann"]) is None


def test_endings_only_for_paired_patients(clinic):
    doc, _ids = clinic
    with pytest.raises(ContactNotFound):
        endings.record(doc.store, "no-such-contact", endings.FINISHED)


# --- guidance time -----------------------------------------------------------------------------

def test_guidance_page_visits_manual_entries_edits_and_corrections(clinic):
    doc, ids = clinic
    store, ann = doc.store, ids["Ann"]
    visit = START.isoformat()
    first = guidance.record_page_time(store, ann, visit, 30)
    assert guidance.record_page_time(store, ann, visit, 290) == first  # the same visit, grown
    assert guidance.total(store, ann) == guidance.GuidanceTotal(290, 1) and guidance.total(store, ann).minutes == 5
    manual = guidance.add_manual(store, ann, 10, on=date(2026, 1, 7))
    assert manual.kind == "manual" and manual.started_at == "2026-01-07T12:00:00+00:00" and manual.seconds == 600
    assert guidance.total(store, ann).seconds == 890
    assert guidance.edit_entry(store, manual.id, 15).seconds == 900
    correction = guidance.set_total(store, ann, 60)  # the clinician knows it was an hour in all
    assert correction.kind == "correction" and correction.seconds == 3600 - 1190
    assert guidance.total(store, ann).minutes == 60 and guidance.set_total(store, ann, 60) is None
    assert [e.kind for e in guidance.entries(store, ann)][:2] == ["page", "manual"]
    with pytest.raises(KeyError):
        guidance.edit_entry(store, correction.id, 5)  # corrections are deleted, not edited
    assert guidance.delete_entry(store, correction.id) and not guidance.delete_entry(store, correction.id)
    assert guidance.set_total(store, ann, 0).seconds == -1190 and guidance.total(store, ann).seconds == 0
    guidance.delete_entry(store, first)  # a correction below the remaining entries: never a negative total
    assert guidance.total(store, ann).seconds == 0
    assert guidance.totals(store) == {ann: guidance.GuidanceTotal(0, 2)}
    assert guidance.total(store, ids["Ben"]) == guidance.GuidanceTotal(0, 0)


@pytest.mark.parametrize("call", [
    lambda s, c: guidance.record_page_time(s, c, START.isoformat(), -1),
    lambda s, c: guidance.record_page_time(s, c, START.isoformat(), guidance.MAX_VISIT_SECONDS + 1),
    lambda s, c: guidance.record_page_time(s, c, START.isoformat(), True),
    lambda s, c: guidance.record_page_time(s, c, START.isoformat(), float("nan")),
    lambda s, c: guidance.record_page_time(s, c, "2026-01-05T09:00:00", 10),  # no UTC offset
    lambda s, c: guidance.record_page_time(s, c, "yesterday", 10),
    lambda s, c: guidance.add_manual(s, c, 0),
    lambda s, c: guidance.add_manual(s, c, -5),
    lambda s, c: guidance.add_manual(s, c, "10"),
    lambda s, c: guidance.add_manual(s, c, guidance.MAX_ENTRY_MINUTES + 1),
    lambda s, c: guidance.add_manual(s, c, float("inf")),
    lambda s, c: guidance.add_manual(s, c, 5, on=42),
    lambda s, c: guidance.set_total(s, c, -1),
    lambda s, c: guidance.set_total(s, c, guidance.MAX_TOTAL_MINUTES + 1),
])
def test_guidance_refuses_bad_input(clinic, call):
    doc, ids = clinic
    with pytest.raises(ValueError):
        call(doc.store, ids["Ann"])
    assert guidance.entries(doc.store, ids["Ann"]) == []


def test_guidance_only_for_paired_patients(clinic):
    doc, _ids = clinic
    with pytest.raises(ContactNotFound):
        guidance.add_manual(doc.store, "no-such-contact", 5)
    with pytest.raises(ContactNotFound):
        guidance.record_page_time(doc.store, "no-such-contact", START.isoformat(), 5)
    with pytest.raises(KeyError):
        guidance.edit_entry(doc.store, "no-such-entry", 5)


def test_active_timer_counts_use_and_caps_time_away():
    t = guidance.ActiveTimer(idle_after=120)
    t.activity(1000.0)
    t.activity(1030.0)          # 30 s of use
    t.activity(2030.0)          # away 1,000 s: counts 120
    t.pause(2040.0)             # 10 s more, then hidden
    t.activity(5000.0)          # shown again: the hidden time does not count
    t.activity(4990.0)          # a clock that went back adds nothing
    t.pause(5005.0)
    assert t.seconds == 30 + 120 + 10 + 5
    with pytest.raises(ValueError):
        guidance.ActiveTimer(idle_after=0)


# --- the migration -----------------------------------------------------------------------------

def test_migration_from_a_version_7_workspace(manager, tmp_path, monkeypatch):
    """A workspace made by schema 7 opens as schema 8 with its data kept, a backup first, and the new tables."""
    schema_up_to(7, tmp_path, monkeypatch)
    doc, pats = workspace(manager, ("Ann",))
    pats[0].lock()
    ann = contacts.find(doc.store, "Ann").id
    scores(doc.store, ann, "phq9", 15, 5)
    assert doc.store.schema_version() == 7
    assert doc.store.query("SELECT name FROM sqlite_master WHERE name = 'guidance_entries'") == []
    doc.lock()
    monkeypatch.undo()
    info = manager.find("Doc")
    doc = manager.unlock(info, PASSWORD)
    try:
        assert doc.store.schema_version() == dbmod.SCHEMA_VERSION >= 8
        assert any("before-v8" in p.name for p in manager.backups(info))
        assert outcome(doc, ann).reliable_recovery is True  # the records survived
        endings.record(doc.store, ann, endings.FINISHED)
        guidance.add_manual(doc.store, ann, 5)
        assert outcome(doc, ann).ended and outcome(doc, ann).guidance.minutes == 5
        with pytest.raises(Exception):  # the table's own check, below the API's
            with doc.store.transaction() as c:
                c.execute("INSERT INTO treatment_endings VALUES (?, 'bored', NULL, 'x')", (ann,))
    finally:
        doc.lock()

"""A validly signed but huge package: refused by counting, before anything slow, and never under the lock.

9,000 questionnaire results of 200 answers froze a clinician's app for 24 s, 22.5 s of it in the
schema check inside the write transaction. Each section has a limit far above real use
(docs/exchange-format.md); a package over one is refused with its own message, nothing changed,
audited; the schema check runs before the write lock is taken. (The times are measured by
bench/import_big.py, not asserted here.)
"""

from __future__ import annotations

import threading
import uuid

import pytest

from app.exchange import audit, importer, keys, limits, package, validate
from app.exchange.errors import PayloadInvalid, TooManyRecords
from tests.exchange_util import dump, workspace

NOW = "2026-01-05T09:00:00+00:00"


def _measure(i, answers=9):
    return {"id": uuid.UUID(int=i).hex, "measure_id": "phq9", "taken_at": NOW, "answers": [1] * answers, "extra": {},
            "total": answers, "band": "mild", "flags": [], "prorated": False, "language": "en", "validated": True}


def _checkin(i):
    return {"id": f"c{i}", "day": "2026-01-01", "mood": 5, "note": "", "created_at": NOW, "updated_at": NOW}


def _entry(i):
    return {"id": f"e{i}", "kind": "reflection", "exercise_id": None, "program_id": None, "module_id": None,
            "created_at": NOW, "updated_at": NOW, "data": {}}


def _progress(modules=8, unlocks=0):
    return {"id": "low-mood", "program_id": "low-mood", "started_at": NOW, "active": True, "finished_at": None,
            "current_module": None, "modules": [{"module_id": f"m{k}", "unlocked_at": NOW, "lesson_done_at": None,
                                                 "seconds_spent": 0} for k in range(modules)],
            "clinician_unlocks": [f"u{k}" for k in range(unlocks)]}


_PATIENT_RECORD = {
    "measures": _measure, "flags": lambda i: {"id": f"f{i}", "kind": "suicidal_ideation", "raised_at": NOW,
                                              "result_id": None, "detail": {}},
    "checkins": _checkin, "homework": _entry,
    "homework_done": lambda i: {"id": f"low-mood/h{i}", "program_id": "low-mood", "homework_id": f"h{i}",
                                "done_at": NOW},
    "progress": lambda i: {**_progress(), "id": f"p{i}", "program_id": f"p{i}"},
    "messages": lambda i: {"id": f"m{i}", "created_at": NOW, "body": "hi"},
}


def patient_payload(section=None, n=0, **records):
    payload = {"sections": [], "everything": False, **records}
    if section:
        payload[section] = [_PATIENT_RECORD[section](i) for i in range(n)]
    return payload


def feedback_payload(section=None, n=0):
    payload = {"messages": [], "comments": [], "unlocks": [], "assignments": [], "ack": None}
    make = {"messages": lambda i: {"id": f"m{i}", "created_at": NOW, "body": "hi"},
            "comments": lambda i: {"id": f"c{i}", "entry_id": "e1", "entry_kind": "reflection", "created_at": NOW,
                                   "body": "hi"},
            "unlocks": lambda i: {"program_id": "low-mood", "module_id": f"m{i}", "created_at": NOW},
            "assignments": lambda i: {"id": f"a{i}", "measure_id": "gad7", "due": None, "created_at": NOW}}
    if section:
        payload[section] = [make[section](i) for i in range(n)]
    return payload


@pytest.fixture
def pair(manager):
    doc, (pat,) = workspace(manager)
    return doc, pat


def _seal(sender, receiver, payload, kind=package.PATIENT_PROGRESS, sequence=7):
    return package.seal(keys.ensure(sender.store), keys.ensure(receiver.store).age_recipient, kind, payload,
                        sequence=sequence)[0]


def _refused(session, data, error=TooManyRecords):
    before = dump(session.store, skip_audit=True)
    logged = len(audit.entries(session.store))
    with pytest.raises(error) as e:
        importer.import_bytes(session, data)
    assert dump(session.store, skip_audit=True) == before
    assert [r.detail["reason"] for r in audit.entries(session.store)[logged:]] == [error.audit_reason]
    return e.value


def test_the_limits_are_documented_and_far_above_real_use():
    caps = limits.caps("patient")
    # Ten years of daily check-ins, weekly questionnaires for decades, the longest questionnaire.
    assert caps["checkins"] >= 3650 and caps["measures"] >= 1500 and caps["answers"] >= 60
    assert caps == {"measures": 5000, "flags": 2000, "checkins": 10000, "homework": 5000, "homework_done": 2000,
                    "progress": 50, "messages": 5000, "answers": 60, "flags_per_result": 20, "modules": 60,
                    "clinician_unlocks": 60, "safety_plan": 20}
    assert limits.caps("clinician") == {"messages": 1000, "comments": 5000, "unlocks": 200, "assignments": 200}
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    for name in ("patient", "clinician"):
        for key, value in limits.caps(name).items():
            assert f"| `{key}` | {value:,} |" in doc, (name, key)


@pytest.mark.parametrize("section", sorted(_PATIENT_RECORD))
def test_one_record_over_a_section_limit_is_refused_with_its_own_message(pair, section):
    doc, pat = pair
    cap = limits.caps("patient")[section]
    error = _refused(doc, _seal(pat, doc, patient_payload(section, cap + 1)))
    message = error.message()
    assert "far more records" in message and "Nothing was imported" in message
    assert error.exit_code == 29


@pytest.mark.parametrize("what", ["answers", "modules", "clinician_unlocks", "flags_per_result"])
def test_too_much_inside_one_record_is_refused(pair, what):
    doc, pat = pair
    cap = limits.caps("patient")[what]
    if what == "answers":
        payload = patient_payload(measures=[_measure(1, answers=cap + 1)])
    elif what == "flags_per_result":
        payload = patient_payload(measures=[{**_measure(1), "flags": ["suicidal_ideation"] * (cap + 1)}])
    else:
        payload = patient_payload(progress=[_progress(**{"modules" if what == "modules" else "unlocks": cap + 1})])
    _refused(doc, _seal(pat, doc, payload))


@pytest.mark.parametrize("section", ["messages", "comments", "unlocks", "assignments"])
def test_feedback_over_a_limit_is_refused(pair, section):
    doc, pat = pair
    cap = limits.caps("clinician")[section]
    _refused(pat, _seal(doc, pat, feedback_payload(section, cap + 1), package.CLINICIAN_FEEDBACK))


def test_the_reported_package_is_refused_before_the_schema_check(pair, monkeypatch):
    """9,000 results of 200 answers (the 5 MB package): counted and refused; the schema check never runs."""
    doc, pat = pair
    payload = patient_payload(measures=[_measure(i, answers=200) for i in range(9000)])
    data = _seal(pat, doc, payload)
    checked = []
    real = validate.is_valid
    monkeypatch.setattr(validate, "is_valid", lambda name, value: checked.append(name) or real(name, value))
    _refused(doc, data)
    assert "patient" not in checked


def test_at_the_limits_is_accepted(pair):
    doc, pat = pair
    payload = patient_payload(measures=[_measure(1, answers=limits.caps("patient")["answers"])],
                              progress=[_progress(modules=60, unlocks=60)])
    payload["checkins"] = [_checkin(i) for i in range(limits.caps("patient")["checkins"])]
    done = importer.import_bytes(doc, _seal(pat, doc, payload))
    assert done.counts["checkins"] == 10000 and done.counts["measures"] == 1


def test_the_payload_is_checked_without_holding_the_store(pair, monkeypatch):
    """While a (large) payload is checked, the window can still read the store."""
    doc, pat = pair
    data = _seal(pat, doc, patient_payload("checkins", 50))
    answered = []
    real = validate.is_valid

    def slow_check(name, value):
        if name == "patient":
            other = threading.Thread(target=lambda: answered.append(doc.store.query_one("SELECT count(*) FROM"
                                                                                         " exchange_contacts")[0]))
            other.start()
            other.join(5)  # the window's query must not wait for the import to finish
            answered.append("checked")
        return real(name, value)

    monkeypatch.setattr(validate, "is_valid", slow_check)
    importer.import_bytes(doc, data)
    assert answered[:2] == [1, "checked"], answered


def test_a_replay_is_refused_before_its_payload_is_read_again(pair, monkeypatch):
    doc, pat = pair
    data = _seal(pat, doc, patient_payload("checkins", 3))
    importer.import_bytes(doc, data)
    real = validate.is_valid

    def only_the_envelope(name, value):
        assert name == "manifest", "a replay's payload was checked again"
        return real(name, value)

    monkeypatch.setattr(validate, "is_valid", only_the_envelope)
    from app.exchange.errors import AlreadyImported

    _refused(doc, data, AlreadyImported)


def test_an_invalid_payload_is_still_payload_invalid(pair):
    doc, pat = pair
    payload = patient_payload("checkins", 2)
    payload["checkins"][0]["mood"] = 11
    _refused(doc, _seal(pat, doc, payload), PayloadInvalid)

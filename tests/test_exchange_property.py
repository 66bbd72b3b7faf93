"""Properties of the exchange, both ways, with real keys and real files:

- patient -> clinician: export (everything) -> import reproduces every shared record exactly,
  program progress and homework ticks included; after an acknowledgement, a default package
  carries what changed and the workspace again equals the patient's records;
- clinician -> patient: every message, comment, unlock and assignment arrives exactly once and
  as written, the clinician's side then has nothing pending, and sending everything again
  changes nothing on the patient's side.
"""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import checkins
from app.crypto.keyfile import TEST_KDF
from app.exchange import clinic, collect, importer, outbox, workspace
from app.exercises import store as exercises
from app.measures import engine, results
from app.profiles import ProfileManager
from app.programs import loader, progress
from tests.exchange_util import contact, dump, exported, workspace as make_workspace

_PROGRAM = loader.cached("low-mood")
_MODULES = [m.id for m in _PROGRAM.modules]
_HOMEWORK = [h["id"] for m in _PROGRAM.modules for h in m.homework]

_text = st.text(max_size=40)
_body = _text.filter(str.strip)
_patient_data = st.fixed_dictionaries({
    "checkins": st.dictionaries(st.integers(0, 60), st.tuples(st.integers(0, 10), _text), max_size=5),
    "phq9": st.lists(st.lists(st.integers(0, 3), min_size=9, max_size=9), max_size=3),
    "reflections": st.lists(st.lists(_text.filter(str.strip), min_size=1, max_size=3), max_size=3),
    "messages": st.lists(_body, max_size=3),
    # program progress: enrolled or not, lessons done, minutes spent, homework ticked
    "enrolled": st.booleans(),
    "lessons": st.sets(st.sampled_from(_MODULES), max_size=4),
    "minutes": st.dictionaries(st.sampled_from(_MODULES), st.integers(1, 360), max_size=3),  # (6 h a sitting at most)
    "homework": st.sets(st.sampled_from(_HOMEWORK), max_size=5),
})
_feedback = st.fixed_dictionaries({
    "messages": st.lists(_body, max_size=3),
    "comments": st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["", "reflection", "thought-record"]), _body),
                         max_size=4),
    "unlocks": st.sets(st.sampled_from(_MODULES[1:]), max_size=3),
    "assignments": st.lists(st.tuples(st.sampled_from(sorted(engine.shipped())),
                                      st.none() | st.dates(date(2026, 1, 1), date(2027, 12, 31)).map(str)),
                            max_size=3),
})

_PATIENT_TABLES = ("checkins", "measure_results", "safety_flags", "exercise_entries", "exchange_messages",
                   "exchange_comments", "exchange_assignments", "enrolments", "module_progress", "homework_done",
                   "clinician_unlocks", "exchange_sent")
_CLINICIAN_TABLES = ("exchange_records", "exchange_messages", "exchange_comments", "exchange_unlocks",
                     "exchange_assignments")
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _reset(pat, doc):
    with pat.store.transaction() as c:
        for table in _PATIENT_TABLES:
            c.execute(f"DELETE FROM {table}")
    with doc.store.transaction() as c:
        for table in _CLINICIAN_TABLES:
            c.execute(f"DELETE FROM {table}")


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """One paired workspace for every example (keys are reused; data is reset each time)."""
    manager = ProfileManager(tmp_path_factory.mktemp("property") / "data", TEST_KDF)
    doc, (pat,) = make_workspace(manager)
    yield doc, pat
    doc.lock()
    pat.lock()


def _fill(pat, data):
    for offset, (mood, note) in data["checkins"].items():
        checkins.save(pat.store, mood, note, day=date(2026, 1, 1) + timedelta(days=offset))
    for answers in data["phq9"]:
        results.save(pat.store, engine.shipped()["phq9"], answers)
    for answers in data["reflections"]:
        exercises.add(pat.store, "reflection", {"answers": answers, "text": ""},
                      program_id="low-mood", module_id=_MODULES[0], exercise_id="m1-hopes")
    to_doc = contact(pat, "Doc")
    for body in data["messages"]:
        outbox.add_message(pat.store, to_doc, body)
    if data["enrolled"]:
        progress.enrol(pat.store, "low-mood")
        for module_id in data["lessons"]:
            progress.set_lesson_done(pat.store, "low-mood", module_id)
        for module_id, minutes in data["minutes"].items():
            progress.add_time(pat.store, "low-mood", module_id, minutes * 60)
        for homework_id in data["homework"]:
            progress.set_homework_done(pat.store, "low-mood", homework_id, True)


def _assert_workspace_mirrors_patient(doc, pat):
    to_doc = contact(pat, "Doc")
    patient_id = contact(doc, "Pat").id
    for section in collect.SECTIONS:
        if section == "messages":
            continue
        sent = sorted(collect._READERS[section](pat.store, to_doc.id), key=lambda r: r["id"])
        got = sorted(workspace.records(doc.store, patient_id, section), key=lambda r: r["id"])
        assert got == sent, section
    received = [(m.id, m.body, m.created_at) for m in outbox.messages(doc.store, contact(doc, "Pat"))
                if m.direction == "in"]
    assert sorted(received) == sorted((m.id, m.body, m.created_at) for m in outbox.messages(pat.store, to_doc))


@PROPERTY
@given(data=_patient_data)
def test_export_import_reproduces_records(pair, data):
    doc, pat = pair
    _reset(pat, doc)
    _fill(pat, data)
    importer.import_bytes(doc, exported(pat, contact(pat, "Doc"), everything=True).data)
    _assert_workspace_mirrors_patient(doc, pat)
    if data["enrolled"]:
        (record,) = workspace.records(doc.store, contact(doc, "Pat").id, "progress")
        assert {m["module_id"] for m in record["modules"] if m["lesson_done_at"]} == data["lessons"]
        assert {m["module_id"]: m["seconds_spent"] for m in record["modules"] if m["seconds_spent"]} == {
            k: v * 60 for k, v in data["minutes"].items()}
        got = {r["homework_id"] for r in workspace.records(doc.store, contact(doc, "Pat").id, "homework_done")}
        assert got == data["homework"]


@PROPERTY
@given(first=_patient_data, then=_patient_data)
def test_after_an_acknowledgement_a_default_package_brings_the_workspace_up_to_date(pair, first, then):
    doc, pat = pair
    _reset(pat, doc)
    _fill(pat, first)
    importer.import_bytes(doc, exported(pat, contact(pat, "Doc")).data)
    importer.import_bytes(pat, exported(doc, contact(doc, "Pat")).data)  # feedback acknowledges it
    assert collect.preview(pat, contact(pat, "Doc")).empty
    _fill(pat, then)  # more, and some of the same days and homework again (edits)
    importer.import_bytes(doc, exported(pat, contact(pat, "Doc")).data)
    _assert_workspace_mirrors_patient(doc, pat)


@PROPERTY
@given(first=_feedback, everything_again=st.booleans())
def test_feedback_arrives_exactly_once_and_as_written(pair, first, everything_again):
    doc, pat = pair
    _reset(pat, doc)
    entries = [exercises.add(pat.store, "reflection", {"answers": [f"entry {i}"], "text": ""}).id for i in range(6)]
    to_pat = contact(doc, "Pat")
    for body in first["messages"]:
        outbox.add_message(doc.store, to_pat, body)
    for entry, kind, body in first["comments"]:
        outbox.add_comment(doc.store, to_pat, entries[entry], body, kind)
    for module_id in first["unlocks"]:
        outbox.add_unlock(doc.store, to_pat, "low-mood", module_id)
    for measure_id, due in first["assignments"]:
        outbox.add_assignment(doc.store, to_pat, measure_id, due)
    wrote = outbox.feedback_payload(doc.store, to_pat)

    got = importer.import_bytes(pat, exported(doc, to_pat).data)

    to_doc = contact(pat, "Doc")
    counts = {k: v for k, v in got.counts.items() if k != "acknowledged"}
    assert counts == {"messages": len(first["messages"]), "comments": len(first["comments"]),
                      "unlocks": len(first["unlocks"]), "assignments": len(first["assignments"])}
    assert sorted((m.id, m.body, m.created_at) for m in outbox.messages(pat.store, to_doc) if m.direction == "in") \
        == sorted((m["id"], m["body"], m["created_at"]) for m in wrote["messages"])
    assert sorted(pat.store.query("SELECT id, entry_id, entry_kind, body, created_at FROM exchange_comments"
                                  " WHERE direction = 'in'")) \
        == sorted((c["id"], c["entry_id"], c["entry_kind"], c["body"], c["created_at"]) for c in wrote["comments"])
    assert progress.clinician_unlocks(pat.store, "low-mood") == set(first["unlocks"])
    assert sorted(pat.store.query("SELECT id, measure_id, due, created_at FROM exchange_assignments"
                                  " WHERE direction = 'in'")) \
        == sorted((a["id"], a["measure_id"], a["due"], a["created_at"]) for a in wrote["assignments"])
    # Everything written was carried: nothing is pending any more.
    assert clinic.pending_counts(doc.store, to_pat) == {}

    before = dump(pat.store, skip_audit=True)
    again = importer.import_bytes(pat, exported(doc, to_pat, everything=everything_again).data)
    assert {k: v for k, v in again.counts.items() if k != "acknowledged"} == {
        "messages": 0, "comments": 0, "unlocks": 0, "assignments": 0}
    after = dump(pat.store, skip_audit=True)
    for table in ("exchange_messages", "exchange_comments", "exchange_assignments", "clinician_unlocks"):
        assert after[table] == before[table], table

"""Property: export (everything) -> import reproduces the patient's shared records exactly."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import checkins
from app.exchange import collect, importer, outbox, workspace
from app.exercises import store as exercises
from app.crypto.keyfile import TEST_KDF
from app.measures import engine, results
from app.profiles import ProfileManager
from tests.exchange_util import contact, exported, workspace as make_workspace

_text = st.text(max_size=40)
_patient_data = st.fixed_dictionaries({
    "checkins": st.dictionaries(st.integers(0, 60), st.tuples(st.integers(0, 10), _text), max_size=5),
    "phq9": st.lists(st.lists(st.integers(0, 3), min_size=9, max_size=9), max_size=3),
    "reflections": st.lists(st.lists(_text.filter(str.strip), min_size=1, max_size=3), max_size=3),
    "messages": st.lists(_text.filter(str.strip), max_size=3),
})

_PATIENT_TABLES = ("checkins", "measure_results", "safety_flags", "exercise_entries", "exchange_messages")


def _reset(pat, doc):
    with pat.store.transaction() as c:
        for table in _PATIENT_TABLES:
            c.execute(f"DELETE FROM {table}")
    with doc.store.transaction() as c:
        c.execute("DELETE FROM exchange_records")
        c.execute("DELETE FROM exchange_messages")


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """One paired workspace for every example (keys are reused; data is reset each time)."""
    manager = ProfileManager(tmp_path_factory.mktemp("property") / "data", TEST_KDF)
    doc, (pat,) = make_workspace(manager)
    yield doc, pat
    doc.lock()
    pat.lock()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_patient_data)
def test_export_import_reproduces_records(pair, data):
    doc, pat = pair
    _reset(pat, doc)
    for offset, (mood, note) in data["checkins"].items():
        checkins.save(pat.store, mood, note, day=date(2026, 1, 1) + timedelta(days=offset))
    for answers in data["phq9"]:
        results.save(pat.store, engine.shipped()["phq9"], answers)
    for answers in data["reflections"]:
        exercises.add(pat.store, "reflection", {"answers": answers, "text": ""})
    to_doc = contact(pat, "Doc")
    for body in data["messages"]:
        outbox.add_message(pat.store, to_doc, body)

    importer.import_bytes(doc, exported(pat, to_doc, everything=True).data)

    patient_id = contact(doc, "Pat").id
    for section in collect.SECTIONS:
        if section == "messages":
            continue
        sent = sorted(collect._READERS[section](pat.store, to_doc.id), key=lambda r: r["id"])
        got = sorted(workspace.records(doc.store, patient_id, section), key=lambda r: r["id"])
        assert got == sent, section
    received = [(m.id, m.body, m.created_at) for m in outbox.messages(doc.store, contact(doc, "Pat"))]
    assert sorted(received) == sorted((m.id, m.body, m.created_at) for m in outbox.messages(pat.store, to_doc))

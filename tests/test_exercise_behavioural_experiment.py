"""Behavioural experiment: core rules, planned then done in the same entry, and the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.exercises import limits
from app.exercises import store as ex_store
from app.exercises.kinds import behavioural_experiment as core
from tests.editors import make

PLAN = {"belief": "If I say no to my boss, I will lose my job", "belief_before": 80,
        "experiment": "On Monday, say I cannot take the extra shift", "prediction": "She will be angry and cold",
        "safety_behaviours": "Apologising over and over", "outcome": "", "learned": "", "belief_after": None}
DONE = {**PLAN, "outcome": "She said fine and asked about next week", "learned": "Saying no can be safe",
        "belief_after": 25}


def test_a_plan_is_planned_and_the_completed_entry_is_done():
    assert core.normalize(PLAN) == {**PLAN, "status": "planned"}
    assert core.normalize(DONE) == {**DONE, "status": "done"}
    assert core.normalize({**PLAN, "belief_after": 40})["status"] == "done"
    assert core.normalize({**DONE, "status": "planned"})["status"] == "done"  # never taken from input


def test_summary_shows_planned_or_the_change_in_belief():
    assert core.summary(core.normalize(PLAN)) == "Planned \u00b7 If I say no to my boss, I will lose my job"
    assert core.summary(core.normalize(DONE)).startswith("80% \u2192 25% \u00b7 If I say no")


@pytest.mark.parametrize("missing", [{"belief": ""}, {"belief": " \n"}, {"belief": None}])
def test_the_belief_is_required_with_a_kind_message(missing):
    with pytest.raises(limits.Missing) as err:
        core.normalize({**PLAN, **missing})
    assert err.value.field == "belief" and "belief you want to test" in err.value.message


@pytest.mark.parametrize("bad", [{"belief": 5}, {"prediction": ["x"]}, {"belief_before": "80%"},
                                 {"belief_after": False}, {"learned": {"a": 1}}])
def test_malformed_fields_are_refused(bad):
    with pytest.raises(ValueError) as err:
        core.normalize({**PLAN, **bad})
    assert not isinstance(err.value, limits.Missing)


def test_ratings_are_clamped_and_text_bounded():
    clean = core.normalize({**PLAN, "belief_before": 250, "belief_after": -3, "outcome": "o" * 30_000})
    assert (clean["belief_before"], clean["belief_after"]) == (100, 0) and len(clean["outcome"]) == limits.MAX_TEXT


def test_plan_first_then_complete_the_same_entry_in_the_host(qtbot, session):
    from types import SimpleNamespace

    from ui.exercises.host import ExerciseHost

    host = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(host)
    host.load()
    assert host.editor.status.text() == ""  # a blank form is not a plan yet
    host.editor.set_data(PLAN)
    host.browser.save()
    [entry] = ex_store.entries(session.store, kind=core.KIND)
    assert entry.data["status"] == "planned" and host.browser.list.item(0).text().startswith("Planned")
    assert host.editor.status.text() == "Stage: Planned"
    host.editor.outcome.setPlainText(DONE["outcome"])
    host.editor.learned.setPlainText(DONE["learned"])
    host.editor.belief_after.set_number(25)
    assert host.editor.status.text() == "Stage: Done"
    host.browser.save()
    [same] = ex_store.entries(session.store, kind=core.KIND)
    assert same.id == entry.id and same.data == {**DONE, "status": "done"}
    assert host.browser.list.item(0).text().startswith("80% \u2192 25%")


def test_editor_round_trip_and_ratings_by_keyboard(qtbot, session):
    ed = make(qtbot, core.KIND, DONE)
    assert core.normalize(ed.get_data()) == {**DONE, "status": "done"}
    ed.belief_after.setFocus()
    qtbot.keyClick(ed.belief_after, Qt.Key.Key_PageUp)
    assert ed.get_data()["belief_after"] == 35
    blank = make(qtbot, core.KIND, {})
    blank.belief_before.setFocus()
    qtbot.keyClick(blank.belief_before, Qt.Key.Key_Up)  # from "not rated" to 0
    assert blank.get_data()["belief_before"] == 0
    entry = ex_store.add(session.store, core.KIND, ed.get_data())
    assert ex_store.get(session.store, entry.id).data["belief_after"] == 35

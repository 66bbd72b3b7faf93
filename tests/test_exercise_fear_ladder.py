"""Fear ladder: the validator's refusals, the store round trip, the readable form, and the editor
(save, autosave, history, moving and splitting steps by buttons and keys, marking done)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import drafts
from app.exercises import limits, readable
from app.exercises import store as ex_store
from app.exercises.kinds import fear_ladder as core
from tests.editors import make

LADDER = {"name": "Taking the bus", "goal": "Ride into town",
          "steps": [{"id": "s1", "text": "Stand at the stop", "distress": 30},
                    {"id": "s2", "text": "Ride two stops", "distress": 60, "done_on": "2026-11-20"}]}


def _with(**changes):
    return {**LADDER, **changes}


def _step(**changes):
    return _with(steps=[{"id": "s1", "text": "Stand at the stop", **changes}])


@pytest.mark.parametrize("data, field", [
    (_with(name=""), "name"), (_with(name="   "), "name"), ({"steps": LADDER["steps"]}, "name"),
    (_with(steps=[]), "steps"), (_with(steps=[{"id": "s1", "text": "  "}]), "steps"), ({"name": "Bus"}, "steps"),
])
def test_what_the_person_must_fill_in_is_named_kindly(data, field):
    with pytest.raises(limits.Missing) as caught:
        core.normalize(data)
    assert caught.value.field == field
    expected = {"name": "Give your ladder a name", "steps": "Write at least one step"}[field]
    assert caught.value.message.startswith(expected)


@pytest.mark.parametrize("data", [
    None, [], "ladder", _with(name=5), _with(goal=["x"]), _with(steps="one step"), _with(steps=["one step"]),
    _step(id=None), _step(id=""), _step(id="has space"), _step(id=7), _step(id="x" * 65), _step(id="a/b"),
    _step(distress="high"), _step(distress=True), _step(done_on="20-11-2026"), _step(done_on="2026-13-01"),
    _step(done_on=20261120), _step(text=3),
    _with(steps=[{"id": "same", "text": "a"}, {"id": "same", "text": "b"}]),
])
def test_malformed_ladders_are_refused(data):
    with pytest.raises(ValueError) as caught:
        core.normalize(data)
    assert not isinstance(caught.value, limits.Missing)


def test_normalize_bounds_and_cleans():
    many = [{"id": f"s{i}", "text": f"step {i}", "distress": 150 if i == 0 else -5} for i in range(core.MAX_STEPS + 5)]
    clean = core.normalize(_with(name="x" * 1000, steps=many + [{"id": "blank", "text": ""}]))
    assert len(clean["name"]) == limits.MAX_SHORT and len(clean["steps"]) == core.MAX_STEPS
    assert clean["steps"][0]["distress"] == 100 and clean["steps"][1]["distress"] == 0
    assert set(clean) == {"name", "goal", "steps"}
    assert set(clean["steps"][0]) == {"id", "text", "distress", "done_on"}
    assert core.normalize(clean) == clean  # stable: normalising a stored ladder changes nothing


def test_round_trip_through_the_store_keeps_step_ids(session):
    entry = ex_store.add(session.store, "fear-ladder", LADDER)
    again = ex_store.get(session.store, entry.id)
    assert [s["id"] for s in again.data["steps"]] == ["s1", "s2"]
    assert again.summary == "Taking the bus \u00b7 1 of 2 steps done"
    moved = {**again.data, "steps": list(reversed(again.data["steps"]))}
    ex_store.update(session.store, entry.id, moved)
    assert [s["id"] for s in ex_store.get(session.store, entry.id).data["steps"]] == ["s2", "s1"]
    assert ex_store.count(session.store, kind="fear-ladder") == 1


def test_readable_form_says_the_steps_in_order_with_distress_and_done_date():
    lines = readable.lines("fear-ladder", core.normalize(LADDER))
    assert [x.label for x in lines] == ["What is this ladder about?", "What would you like to be able to do?",
                                        "Steps, from the first to the last", "Progress"]
    steps = {x.label: x.value for x in lines}["Steps, from the first to the last"].split("\n")
    assert steps == ["1. Stand at the stop: expected distress 30 out of 100",
                     "2. Ride two stops: expected distress 60 out of 100, done on Nov 20, 2026"]
    assert lines[-1].value == "1 of 2 steps done"


# --- the editor ------------------------------------------------------------------------------

def _texts(ed):
    return [row.text.text() for row in ed.steps.rows]


def test_editor_loads_and_gives_back_the_same_ladder(qtbot):
    ed = make(qtbot, "fear-ladder", LADDER)
    assert core.normalize(ed.get_data()) == core.normalize(LADDER)
    assert ed.steps.rows[1].done.isChecked() and "Nov 20, 2026" in ed.steps.rows[1].done.text()


def test_new_steps_get_their_own_stable_ids(qtbot):
    ed = make(qtbot, "fear-ladder", {})
    ed.steps.add_button.click()
    ed.steps.rows[0].text.setText("First")
    ed.steps.rows[1].text.setText("Second")
    ids = [s["id"] for s in ed.get_data()["steps"]]
    assert len(set(ids)) == 2 and all(core.STEP_ID.fullmatch(i) for i in ids)
    assert [s["id"] for s in ed.get_data()["steps"]] == ids  # asking again gives the same ids


def test_move_buttons_reorder_and_end_steps_cannot_leave_the_ladder(qtbot):
    ed = make(qtbot, "fear-ladder", LADDER)
    first, second = ed.steps.rows
    assert not first.up.isEnabled() and not second.down.isEnabled()
    with qtbot.waitSignal(ed.changed):
        first.down.click()
    assert _texts(ed) == ["Ride two stops", "Stand at the stop"]
    assert [s["id"] for s in ed.get_data()["steps"]] == ["s2", "s1"]
    assert second.up.accessibleName() == "Move step 1 up (Alt+Up)" and not second.up.isEnabled()
    ed.steps.move(second, -1)  # already first: nothing happens
    assert _texts(ed) == ["Ride two stops", "Stand at the stop"]


def test_alt_up_and_alt_down_move_the_step_being_edited(qtbot):
    ed = make(qtbot, "fear-ladder", LADDER)
    ed.show()
    qtbot.waitExposed(ed)
    ed.activateWindow()
    row = ed.steps.rows[0]
    row.text.setFocus()
    qtbot.waitUntil(row.text.hasFocus, timeout=2000)
    qtbot.keyClick(row.text, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _texts(ed) == ["Ride two stops", "Stand at the stop"]
    assert QApplication.focusWidget() is row.text  # the keyboard moved with the step
    qtbot.keyClick(row.text, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _texts(ed) == ["Stand at the stop", "Ride two stops"]


def test_split_makes_a_new_step_after_with_the_text_and_rating_to_edit(qtbot):
    ed = make(qtbot, "fear-ladder", LADDER)
    ed.steps.rows[1].split.click()
    steps = ed.get_data()["steps"]
    assert [s["text"] for s in steps] == ["Stand at the stop", "Ride two stops", "Ride two stops"]
    assert steps[1]["id"] == "s2" and steps[1]["done_on"] == "2026-11-20"  # the original keeps its id and date
    assert steps[2]["id"] not in ("s1", "s2") and steps[2]["distress"] == 60 and steps[2]["done_on"] is None
    new = ed.steps.rows[2]
    new.text.setText("Ride one stop")
    new.distress.setValue(45)
    assert ed.get_data()["steps"][2]["text"] == "Ride one stop" and ed.get_data()["steps"][2]["distress"] == 45


def test_split_stops_at_the_most_steps_a_ladder_holds(qtbot):
    ed = make(qtbot, "fear-ladder", _with(steps=[{"id": f"s{i}", "text": str(i)} for i in range(core.MAX_STEPS)]))
    assert not ed.steps.rows[0].split.isEnabled()
    ed.steps.split(ed.steps.rows[0])
    assert len(ed.steps.rows) == core.MAX_STEPS


def test_sort_by_distress_puts_the_easiest_first_and_unrated_last(qtbot):
    ed = make(qtbot, "fear-ladder", _with(steps=[
        {"id": "a", "text": "A", "distress": 70}, {"id": "b", "text": "B"}, {"id": "c", "text": "C", "distress": 20},
        {"id": "d", "text": "D", "distress": 70}]))
    ed.sort_button.click()
    assert _texts(ed) == ["C", "A", "D", "B"]
    assert [r.label.text() for r in ed.steps.rows] == ["Step 1", "Step 2", "Step 3", "Step 4"]


def test_marking_a_step_done_records_todays_date_and_unmarking_clears_it(qtbot):
    ed = make(qtbot, "fear-ladder", LADDER)
    row = ed.steps.rows[0]
    row.done.click()
    today = datetime.date.today()
    assert ed.get_data()["steps"][0]["done_on"] == today.isoformat()
    assert row.done.accessibleName() == "Step 1 done" and row.done.text().startswith("Done on ")
    row.done.click()
    assert ed.get_data()["steps"][0]["done_on"] is None and row.done.text() == "Done"


def test_distress_spin_box_is_used_by_keys_and_starts_unrated(qtbot):
    ed = make(qtbot, "fear-ladder", {})
    spin = ed.steps.rows[0].distress
    assert spin.number() is None and spin.text() == "not rated"
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_PageUp)
    assert spin.number() == 10
    assert spin.accessibleName() == "Expected distress for step 1, from 0 to 100"


def test_every_input_has_a_name(qtbot):
    from ui.tab_order import reading_order

    ed = make(qtbot, "fear-ladder", LADDER)
    for widget in reading_order(ed.form):
        assert widget.accessibleName() or widget.text(), type(widget).__name__


def test_host_autosaves_saves_and_edits_the_same_ladder(qtbot, session):
    from ui.exercises.host import ExerciseHost

    host = ExerciseHost(SimpleNamespace(session=session), "fear-ladder")
    qtbot.addWidget(host)
    host.load()
    ed = host.editor
    ed.name.setText("Supermarket")
    ed.steps.rows[0].text.setText("Walk past the door")
    qtbot.waitUntil(lambda: drafts.load(session.store, "exercise:fear-ladder:-:new") is not None, timeout=2000)
    host.browser.save()
    [entry] = ex_store.entries(session.store, kind="fear-ladder")
    assert host.browser.list.count() == 1 and entry.summary == "Supermarket \u00b7 0 of 1 steps done"
    ed.steps.add_button.click()
    ed.steps.rows[1].text.setText("Buy one thing")
    key = f"exercise:fear-ladder:-:{entry.id}"
    qtbot.waitUntil(lambda: drafts.load(session.store, key) is not None, timeout=2000)
    host.browser.save()
    [again] = ex_store.entries(session.store, kind="fear-ladder")
    assert again.id == entry.id and [s["text"] for s in again.data["steps"]] == ["Walk past the door", "Buy one thing"]
    assert again.data["steps"][0]["id"] == entry.data["steps"][0]["id"]


def test_saving_without_a_name_puts_the_message_on_the_name(qtbot, session):
    from ui.exercises.host import ExerciseHost

    host = ExerciseHost(SimpleNamespace(session=session), "fear-ladder")
    qtbot.addWidget(host)
    host.show()
    host.load()
    qtbot.waitUntil(host.editor.steps.rows[0].isVisible, timeout=2000)  # rows are shown by a queued call
    host.editor.steps.rows[0].text.setText("Walk past the door")
    host.browser.save()
    assert host.browser.error.text().startswith("Give your ladder a name")
    assert host.editor.name.accessibleDescription() == host.browser.error.text()
    host.editor.name.setText("Shop")
    host.editor.steps.rows[0].text.clear()
    host.browser.save()
    assert host.browser.error.text().startswith("Write at least one step")
    assert host.editor.steps.rows[0].text.accessibleDescription() == host.browser.error.text()
    assert ex_store.count(session.store) == 0

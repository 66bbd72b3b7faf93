"""Problem solving: core rules and the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.exercises import limits
from app.exercises import store as ex_store
from app.exercises.kinds import problem_solving as core
from tests.editors import make
from ui.exercises.problem_solving import ProblemSolvingEditor

FULL = {
    "problem": "I am two months behind on my electricity bill.",
    "goal": "In two weeks, know what I owe and have a payment plan.",
    "options": [{"text": "Call the company", "pros": "Could get a plan I can afford", "cons": "I feel nervous"},
                {"text": "Ask my brother for a loan", "pros": "Quick", "cons": "A new debt\nEmbarrassing"}],
    "chosen": 0,
    "steps": [{"text": "Saturday 10 am: open the letters", "done": True},
              {"text": "Monday 1 pm: call the advice service", "done": False}],
    "review": "",
    "status": "started",
}


def editor(qtbot, data=None) -> ProblemSolvingEditor:
    return make(qtbot, core.KIND, data)


def test_normalize_keeps_a_full_entry_exactly():
    assert core.normalize(FULL) == FULL
    assert core.summary(FULL) == FULL["problem"]


@pytest.mark.parametrize("bad", [
    {}, {"problem": "  "}, {"problem": ["x"]}, {"problem": "x", "options": {"text": "a"}},
    {"problem": "x", "options": ["call"]}, {"problem": "x", "steps": [{"text": "a", "done": "yes"}]},
    {"problem": "x", "review": 7},
])
def test_normalize_rejects_empty_and_wrong_types(bad):
    with pytest.raises(ValueError):
        core.normalize(bad)


@pytest.mark.parametrize("chosen", [2, -1, "0", 0.0, True])
def test_invalid_chosen_option_is_rejected(chosen):
    with pytest.raises(ValueError):
        core.normalize({**FULL, "chosen": chosen})
    with pytest.raises(ValueError):
        core.normalize({"problem": "x", "chosen": 0})  # nothing to choose from


def test_status_follows_the_content_not_the_input():
    base = {"problem": "x", "status": "reviewed"}
    assert core.normalize(base)["status"] == "defined"
    assert core.normalize({**base, "options": [{"text": "a"}]})["status"] == "ideas"
    assert core.normalize({**base, "options": [{"text": "a"}], "chosen": 0})["status"] == "chosen"
    steps = [{"text": "a"}, {"text": "b"}]
    assert core.normalize({**base, "steps": steps})["status"] == "planned"
    done = [{**s, "done": True} for s in steps]
    assert core.normalize({**base, "steps": done})["status"] == "done"
    assert core.normalize({**base, "steps": done, "review": "It helped."})["status"] == "reviewed"


def test_normalize_caps_lengths_and_list_sizes():
    clean = core.normalize({"problem": "p" * (limits.MAX_TEXT + 1),
                            "options": [{"text": "t" * 1000, "pros": "p", "cons": "c"}] * 100,
                            "steps": [{"text": "s" * 1000}] * 100})
    assert len(clean["problem"]) == limits.MAX_TEXT
    assert len(clean["options"]) == core.MAX_OPTIONS and len(clean["options"][0]["text"]) == limits.MAX_SHORT
    assert len(clean["steps"]) == core.MAX_STEPS and clean["steps"][0] == {"text": "s" * limits.MAX_SHORT,
                                                                          "done": False}


def test_editor_round_trip_through_the_store(qtbot, session):
    ed = editor(qtbot, FULL)
    assert ed.choice.currentText() == "Call the company"
    entry = ex_store.add(session.store, core.KIND, ed.get_data())
    assert entry.data == FULL
    again = editor(qtbot, ex_store.get(session.store, entry.id).data)
    assert core.normalize(again.get_data()) == FULL
    assert "Plan started" in again.status.text()


def test_typing_emits_changed_and_updates_status(qtbot):
    ed = editor(qtbot, {})
    assert ed.status.text() == "Where you are: Not started yet"  # not "Problem written down" on a blank form
    with qtbot.waitSignal(ed.changed):
        qtbot.keyClicks(ed.problem, "Post piling up")
    assert ed.status.text() == "Where you are: Problem written down"
    qtbot.keyClicks(ed.options.rows[0].text, "Open one letter a day")
    ed.choice.setCurrentIndex(1)
    qtbot.keyClicks(ed.steps.rows[0].text, "Today: open one")
    qtbot.keyClick(ed.steps.rows[0].done, Qt.Key.Key_Space)
    data = core.normalize(ed.get_data())
    assert data["chosen"] == 0 and data["steps"] == [{"text": "Today: open one", "done": True}]
    assert data["status"] == "done" and "All steps done" in ed.status.text()


def test_choice_follows_its_idea_when_rows_move(qtbot):
    ed = editor(qtbot, {**FULL, "chosen": 1})
    ed.options.rows[0].remove.click()
    assert ed.get_data()["chosen"] == 0 and ed.choice.currentText() == "Ask my brother for a loan"
    ed.options.rows[0].remove.click()
    assert ed.get_data()["chosen"] is None and ed.choice.currentIndex() == 0


def test_blank_rows_are_left_out(qtbot):
    ed = editor(qtbot, FULL)
    ed.options.add_button.click()
    ed.steps.add_button.click()
    ed.choice.setCurrentIndex(3)   # the new, blank idea
    data = ed.get_data()
    assert len(data["options"]) == 2 and len(data["steps"]) == 2 and data["chosen"] is None

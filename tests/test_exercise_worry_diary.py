"""Worry diary: core rules and the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.exercises import limits
from app.exercises import store as ex_store
from app.exercises.kinds import worry_diary as core
from tests.editors import make

FULL = {"date": "2026-11-30", "time": "21:15", "worry": "What if I lose my job?", "type": "hypothetical",
        "distress_before": 75, "distress_after": 40, "action": "worry-time", "action_note": "Parked it"}


def test_normalize_keeps_a_full_entry_exactly():
    assert core.normalize(FULL) == FULL


def test_summary_says_when_the_type_and_distress_before_and_after():
    assert core.summary(core.normalize(FULL)) == ("Nov 30, 2026, 9:15\u202fPM \u00b7 Hypothetical \u00b7 "
                                                  "75\u219240 \u00b7 What if I lose my job?")
    bare = core.normalize({**FULL, "type": None, "distress_before": None, "distress_after": None})
    assert core.summary(bare) == "Nov 30, 2026, 9:15\u202fPM \u00b7 What if I lose my job?"


@pytest.mark.parametrize("missing", [{"worry": ""}, {"worry": "  \n "}, {"worry": None}])
def test_a_worry_is_required_with_a_kind_message(missing):
    with pytest.raises(limits.Missing) as err:
        core.normalize({**FULL, **missing})
    assert err.value.field == "worry" and "Write down the worry" in err.value.message


@pytest.mark.parametrize("bad", [
    {"date": "30/11/2026"}, {"date": None}, {"date": "2026-13-01"}, {"time": "9:15"}, {"time": "24:00"},
    {"time": None}, {"time": 915}, {"type": "maybe"}, {"type": 1}, {"action": "ignored"}, {"worry": ["x"]},
    {"action_note": 3}, {"distress_before": "high"}, {"distress_after": True},
])
def test_malformed_fields_are_refused(bad):
    with pytest.raises(ValueError) as err:
        core.normalize({**FULL, **bad})
    assert not isinstance(err.value, limits.Missing)


def test_ratings_are_clamped_and_text_bounded():
    clean = core.normalize({**FULL, "distress_before": 140, "distress_after": -5, "worry": "w" * 30_000,
                            "action_note": "n" * 1000})
    assert (clean["distress_before"], clean["distress_after"]) == (100, 0)
    assert len(clean["worry"]) == limits.MAX_TEXT and len(clean["action_note"]) == limits.MAX_SHORT


def test_editor_round_trip_through_the_store(qtbot, session):
    ed = make(qtbot, core.KIND, FULL)
    entry = ex_store.add(session.store, core.KIND, ed.get_data())
    assert entry.data == FULL
    again = make(qtbot, core.KIND, ex_store.get(session.store, entry.id).data)
    assert core.normalize(again.get_data()) == FULL
    assert again.type.currentText().startswith("No:") and again.action.currentText() == "Postponed it to worry time"


def test_the_question_sorts_the_worry_and_a_practical_one_leads_to_problem_solving(qtbot):
    ed = make(qtbot, core.KIND, {})
    ed.show()
    assert core.QUESTION in [label.text() for label, *_rest in ed.texts]
    assert "A practical worry is about a real problem" in ed.type_hint.text()
    assert not ed.to_problem_solving.isVisible()
    with qtbot.waitSignal(ed.changed):
        qtbot.keyClicks(ed.worry, "The boiler is broken")
    ed.type.setFocus()
    qtbot.keyClick(ed.type, Qt.Key.Key_Down)  # keyboard: "Yes: it is a practical worry"
    assert ed.get_data()["type"] == core.PRACTICAL and ed.to_problem_solving.isVisible()
    with qtbot.waitSignal(ed.open_exercise) as opened:
        ed.to_problem_solving.click()
    assert opened.args == ["problem-solving"]


def test_ratings_and_time_by_keyboard(qtbot):
    ed = make(qtbot, core.KIND, {"date": "2026-11-30", "time": "09:00", "worry": "x"})
    ed.distress_before.setFocus()
    for _ in range(3):
        qtbot.keyClick(ed.distress_before, Qt.Key.Key_Up)
    qtbot.keyClick(ed.distress_before, Qt.Key.Key_PageUp)  # ten at a time
    assert ed.get_data()["distress_before"] == 12
    ed.time.setFocus()
    ed.time.setCurrentSection(ed.time.Section.HourSection)
    qtbot.keyClick(ed.time, Qt.Key.Key_Up)
    assert ed.get_data()["time"] == "10:00"


def test_host_autosaves_a_draft_then_saves_and_lists_it(qtbot, session):
    from types import SimpleNamespace

    from app import drafts
    from ui.exercises.host import ExerciseHost

    host = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(host)
    host.load()
    host.editor.worry.setPlainText("What if the train is late")
    qtbot.waitUntil(lambda: drafts.load(session.store, "exercise:worry-diary:-:new") is not None, timeout=2000)
    host.browser.save()
    [entry] = ex_store.entries(session.store, kind=core.KIND)
    assert entry.data["worry"] == "What if the train is late"
    assert host.browser.list.count() == 1 and "What if the train is late" in host.browser.list.item(0).text()
    assert drafts.load(session.store, "exercise:worry-diary:-:new") is None


def test_saving_without_a_worry_points_at_the_worry_box(qtbot, session):
    from types import SimpleNamespace

    from ui.exercises.host import ExerciseHost

    host = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(host)
    host.show()
    host.load()
    host.browser.save()
    assert host.browser.error.text() == "Write down the worry in a few words, then save."
    assert host.editor.worry.accessibleDescription() == host.browser.error.text()
    assert ex_store.count(session.store) == 0

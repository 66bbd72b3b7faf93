"""Progressive muscle relaxation: the log's rules, the guide's steps and the editor."""

from __future__ import annotations

import pytest

from app.exercises import store as ex_store
from app.exercises.kinds import muscle_relaxation as core

LOG = {"groups_completed": 10, "tension_before": 7, "tension_after": 3, "note": "Before bed"}


def test_steps_cover_the_muscle_groups_with_timings():
    names = [s.name for s in core.STEPS]
    assert names[0] == "Hands and forearms" and names[-1] == "Calves and feet" and len(names) == 10
    assert all(s.tense == 5 and s.relax == 15 and s.how for s in core.STEPS)


def test_normalize_keeps_valid_data_exactly_and_summarises_numbers():
    assert core.normalize(LOG) == LOG
    assert core.summary(LOG) == "10/10 \u00b7 7\u21923"
    assert core.summary(core.normalize({"groups_completed": 4})) == "4/10"


@pytest.mark.parametrize("bad", [{}, {"groups_completed": 0}, {"groups_completed": "3"},
                                 {"groups_completed": 2, "tension_after": "low"}, {"note": 1, "tension_after": 2}])
def test_normalize_rejects_unusable_data(bad):
    with pytest.raises(ValueError):
        core.normalize(bad)


def test_normalize_clamps():
    clean = core.normalize({"groups_completed": 99, "tension_before": 14, "tension_after": -1})
    assert clean == {"groups_completed": 10, "tension_before": 10, "tension_after": 0, "note": ""}
    assert core.normalize({"tension_after": 2})["groups_completed"] == 0


def test_guide_counts_down_tense_then_relax():
    g = core.Guide()
    assert (g.index, g.phase, g.remaining()) == (0, core.TENSE, 5)
    assert not g.advance(4.5)
    assert g.advance(0.5) and g.phase == core.RELAX and g.remaining() == 15
    assert not g.completed
    g.advance(15)
    assert (g.index, g.phase, g.completed) == (1, core.TENSE, {0})
    g.advance(27)                                   # carries over: group 2 done, 7 s into group 3
    assert (g.index, g.phase, g.into, g.completed) == (2, core.RELAX, 2, {0, 1})
    g.advance(10_000)
    assert g.finished and g.completed == set(range(10)) and g.remaining() == 0


def test_guide_next_and_back():
    g = core.Guide()
    g.next()                                        # skipped while tensing: not completed
    assert g.index == 1 and g.completed == set()
    g.advance(6)
    g.next()                                        # letting go had begun: completed
    assert g.index == 2 and g.completed == {1}
    g.back()
    assert (g.index, g.phase, g.into) == (1, core.TENSE, 0)
    g.back()
    g.back()
    assert g.index == 0
    for _ in range(12):
        g.next()
    assert g.finished and g.index == 9
    g.back()
    assert not g.finished and g.index == 9


@pytest.fixture
def editor(qtbot):
    from ui.exercises.muscle_relaxation import EDITOR

    ed = EDITOR(None)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def test_editor_guides_step_by_step(qtbot, editor):
    assert editor.step_title.text() == "Step 1 of 10: Hands and forearms"
    assert editor.cue.text() == "Press Start when you are ready."
    assert "5 seconds" in editor.instruction.text() and "15 seconds" in editor.instruction.text()
    qtbot.keyClick(editor.toggle, " ")
    assert editor.ticker.is_running()
    editor.advance(2)
    assert editor.cue.text().startswith("Tense") and editor.countdown.text() == "3 seconds"
    editor.advance(3)
    assert editor.cue.text().startswith("Let go") and editor.countdown.text() == "15 seconds"
    editor.advance(15)
    assert editor.step_title.text() == "Step 2 of 10: Upper arms"
    assert editor.log.count.value() == 1
    editor.next.click()
    assert editor.step_title.text().startswith("Step 3 of 10") and editor.log.count.value() == 1
    editor.advance(6)
    editor.next.click()                              # skipped during letting go: still counts
    assert editor.step_title.text().startswith("Step 4 of 10") and editor.log.count.value() == 2
    editor.back.click()
    assert editor.step_title.text().startswith("Step 3 of 10") and editor.log.count.value() == 2
    editor.advance(10_000)
    assert not editor.ticker.is_running() and editor.cue.text().startswith("All done")
    assert editor.log.count.value() == 9 and not editor.next.isEnabled()   # "Upper arms" was skipped


def test_timer_stops_when_hidden_or_cleared(editor):
    editor.start()
    assert editor.ticker.timer.isActive()
    editor.hide()
    assert not editor.ticker.timer.isActive() and editor.toggle.text() == "Start"
    editor.show()
    editor.start()
    editor.advance(30)
    editor.set_data({})
    assert not editor.ticker.timer.isActive()
    assert editor.guide.index == 0 and editor.log.count.value() == 0
    with pytest.raises(ValueError):
        core.normalize(editor.get_data())


def test_round_trip_and_manual_count(qtbot, editor, session):
    from PySide6.QtCore import Qt

    editor.set_data({"groups_completed": 3, "tension_before": 6})
    editor.start()
    editor.advance(20)                               # one more group on top of what was saved
    assert editor.log.count.value() == 4
    editor.log.ratings["tension_after"].setFocus()
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.log.ratings["tension_after"], Qt.Key.Key_Up)
    data = editor.get_data()
    assert data == {"groups_completed": 4, "tension_before": 6, "tension_after": 0, "note": ""}
    entry = ex_store.add(session.store, core.KIND, data)
    assert entry.summary == "4/10 \u00b7 6\u21920"
    editor.set_data(ex_store.get(session.store, entry.id).data)
    assert editor.get_data() == entry.data
    editor.set_data(LOG)
    assert editor.get_data() == LOG

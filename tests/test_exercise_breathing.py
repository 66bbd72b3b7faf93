"""Paced breathing: the log's rules, the pacer's rhythm, and the editor's timer."""

from __future__ import annotations

import pytest

from app.exercises import store as ex_store
from app.exercises.kinds import breathing as core

LOG = {"minutes_practised": 5, "inhale": 4, "hold": 0, "exhale": 6, "calm_before": 3, "calm_after": 6,
       "note": "After work"}


def test_normalize_keeps_valid_data_exactly_and_summarises_numbers():
    assert core.normalize(LOG) == LOG
    assert core.summary(LOG) == "4-0-6 \u00b7 5 min"


def test_normalize_needs_practice_or_a_rating():
    with pytest.raises(ValueError):
        core.normalize({"minutes_practised": 0, "inhale": 4, "hold": 0, "exhale": 6})
    assert core.normalize({"calm_after": 4})["minutes_practised"] == 0
    assert core.normalize({"minutes_practised": 2})["calm_before"] is None


@pytest.mark.parametrize("change", [{"minutes_practised": "5"}, {"inhale": True}, {"calm_after": "calm"},
                                    {"note": 3}])
def test_normalize_rejects_wrong_types(change):
    with pytest.raises(ValueError):
        core.normalize({**LOG, **change})


def test_normalize_clamps_rhythm_and_ratings():
    clean = core.normalize({**LOG, "inhale": 1, "hold": 30, "exhale": 99, "calm_before": -2,
                            "minutes_practised": 10_000, "note": "x" * 30_000})
    assert (clean["inhale"], clean["hold"], clean["exhale"]) == (2, 7, 10)
    assert clean["calm_before"] == 0 and clean["minutes_practised"] == core.MAX_MINUTES
    assert len(clean["note"]) == 20_000


def test_pacer_follows_the_rhythm_in_order():
    p = core.Pacer(3, 2, 5)
    assert p.phase == core.IN
    assert p.advance(2.9) == [] and p.phase == core.IN
    assert p.advance(0.1) == [core.HOLDING]
    assert p.level() == 1.0
    assert p.advance(2) == [core.OUT]
    assert p.advance(2.5) == [] and 0.4 < p.level() < 0.6
    assert p.advance(2.5) == [core.IN]
    assert p.advance(20) == [core.HOLDING, core.OUT, core.IN, core.HOLDING, core.OUT, core.IN]
    no_hold = core.Pacer(4, 0, 6)
    assert no_hold.advance(10) == [core.OUT, core.IN]


@pytest.fixture
def editor(qtbot):
    from ui.exercises.breathing import EDITOR

    ed = EDITOR(None)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def test_editor_cues_follow_the_chosen_rhythm(editor):
    editor.spins["inhale"].setValue(3)
    editor.spins["hold"].setValue(2)
    editor.spins["exhale"].setValue(4)
    editor.start()
    assert editor.ticker.is_running() and editor.toggle.text() == "Pause"
    seen, sizes = [], []
    for _ in range(34):   # 17 seconds in half seconds: nearly two cycles of 3 + 2 + 4
        editor.advance(0.5)
        if not seen or seen[-1] != editor.cue.text():
            seen.append(editor.cue.text())
        sizes.append(editor.circle.level)
    assert seen == ["Breathe in", "Hold", "Breathe out", "Breathe in", "Hold", "Breathe out"]
    assert editor.circle.accessibleName() == "Breathing pace"
    assert min(sizes) < 0.3 and max(sizes) == 1.0


def test_steady_cue_keeps_the_circle_still(editor):
    editor.steady.setChecked(True)
    editor.start()
    levels, cues = set(), set()
    for _ in range(20):
        editor.advance(0.5)
        levels.add(editor.circle.level)
        cues.add(editor.cue.text())
    assert len(levels) == 1
    assert cues == {"Breathe in", "Breathe out"}   # the words still change (default 4-0-6: no hold)


def test_minutes_are_measured_and_the_session_ends(editor, session):
    editor.minutes.setValue(2)
    editor.start()
    editor.advance(61)
    assert editor.log.count.value() == 1
    editor.advance(200)                     # the session stops at its length
    assert not editor.ticker.is_running()
    assert editor.pacer.total == 120 and editor.log.count.value() == 2
    assert editor.cue.text().startswith("Well done")
    editor.log.ratings["calm_after"].set_number(7)
    data = editor.get_data()
    assert data == {"minutes_practised": 2, "calm_before": None, "calm_after": 7, "note": "",
                    "inhale": 4, "hold": 0, "exhale": 6}
    entry = ex_store.add(session.store, core.KIND, data)
    assert entry.summary == "4-0-6 \u00b7 2 min"
    editor.set_data(ex_store.get(session.store, entry.id).data)
    assert editor.get_data() == entry.data
    editor.set_data(LOG)
    assert editor.get_data() == LOG


def test_timer_stops_when_hidden_or_cleared(qtbot, editor):
    editor.start()
    assert editor.ticker.timer.isActive()
    editor.hide()
    assert not editor.ticker.timer.isActive()
    editor.start()                          # never starts on a hidden widget
    assert not editor.ticker.timer.isActive()
    editor.show()
    editor.start()
    editor.advance(5)
    editor.set_data({})
    assert not editor.ticker.timer.isActive()
    assert editor.pacer.total == 0 and editor.log.count.value() == 0
    with pytest.raises(ValueError):
        core.normalize(editor.get_data())


def test_real_timer_moves_the_pacer(qtbot, editor):
    editor.ticker.timer.setInterval(10)
    qtbot.keyClick(editor.toggle, " ")     # the Start button works from the keyboard
    assert editor.ticker.is_running()
    qtbot.waitUntil(lambda: editor.pacer.total > 0.05, timeout=2000)
    qtbot.keyClick(editor.toggle, " ")
    assert not editor.ticker.is_running() and editor.toggle.text() == "Start"


def test_keyboard_rhythm_edit_emits_changed(qtbot, editor):
    from PySide6.QtCore import Qt

    editor.spins["exhale"].setFocus()
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.spins["exhale"], Qt.Key.Key_Up)
    assert editor.get_data()["exhale"] == 7 and editor.pacer.lengths[core.OUT] == 7

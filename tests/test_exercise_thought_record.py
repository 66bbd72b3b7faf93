"""Thought record: core rules and the editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.exercises import limits
from app.exercises import store as ex_store
from app.exercises.kinds import thought_record as core
from tests.editors import make
from ui.exercises.thought_record import ThoughtRecordEditor

FULL = {
    "situation": "Sunday, 8 pm, at home. My sister phoned about Mum.\nShe said Mum seemed neglected.",
    "thoughts": "I'm a terrible daughter.",
    "evidence_for": "I forgot a doctor's appointment last month.",
    "evidence_against": "I visit Mum every day after work.",
    "balanced": "I do a lot for Mum, and I'm tired. I can ask for more help.",
    "belief": 90,
    "belief_after": 35,
    "emotions": [{"name": "guilt", "intensity": 85, "rerated": 45},
                 {"name": "sadness", "intensity": 70, "rerated": None}],
    "traps": ["all-or-nothing", "labelling"],
    "custom_traps": ["Comparing myself"],
}


def editor(qtbot, data=None) -> ThoughtRecordEditor:
    return make(qtbot, core.KIND, data)


def test_normalize_keeps_a_full_entry_exactly():
    assert core.normalize(FULL) == FULL
    assert core.summary(core.normalize(FULL)) == "Sunday, 8 pm, at home. My sister phoned about Mum."


@pytest.mark.parametrize("bad", [
    {}, {"situation": "   ", "thoughts": "\n"}, {"situation": 5}, {"situation": "x", "emotions": "sad"},
    {"situation": "x", "emotions": ["sad"]}, {"situation": "x", "emotions": [{"name": "sad", "intensity": "high"}]},
    {"situation": "x", "traps": ["not-a-trap"]}, {"situation": "x", "custom_traps": [3]},
    {"situation": "x", "belief": True},
])
def test_normalize_rejects_empty_and_wrong_types(bad):
    with pytest.raises(ValueError):
        core.normalize(bad)


def test_thought_alone_is_enough_and_summary_falls_back_to_it():
    clean = core.normalize({"thoughts": "They think I'm boring."})
    assert clean["situation"] == "" and clean["emotions"] == [] and clean["belief"] is None
    assert core.summary(clean) == "They think I'm boring."


def test_normalize_clamps_ratings_and_caps_lengths():
    clean = core.normalize({
        "situation": "s" * (limits.MAX_TEXT + 50),
        "belief": 250, "belief_after": -7,
        "emotions": [{"name": "n" * 999, "intensity": 101.6, "rerated": -3}] + [{"name": "x"}] * 50,
        "traps": list(reversed(core.TRAP_IDS)) * 3,
        "custom_traps": [f"trap {i}" for i in range(100)],
    })
    assert len(clean["situation"]) == limits.MAX_TEXT
    assert (clean["belief"], clean["belief_after"]) == (100, 0)
    first = clean["emotions"][0]
    assert len(first["name"]) == limits.MAX_SHORT and first["intensity"] == 100 and first["rerated"] == 0
    assert len(clean["emotions"]) == core.MAX_EMOTIONS
    assert clean["traps"] == list(core.TRAP_IDS)   # in built-in order, without repeats
    assert len(clean["custom_traps"]) == core.MAX_CUSTOM_TRAPS


def test_unnamed_feelings_are_dropped():
    clean = core.normalize({"situation": "x", "emotions": [{"name": "  ", "intensity": 40}, {"name": "calm"}]})
    assert clean["emotions"] == [{"name": "calm", "intensity": None, "rerated": None}]


def test_editor_round_trip_through_the_store(qtbot, session):
    ed = editor(qtbot, FULL)
    entry = ex_store.add(session.store, core.KIND, core.normalize(ed.get_data()))
    again = editor(qtbot, ex_store.get(session.store, entry.id).data)
    assert again.get_data() == FULL
    assert again.emotions.rows[0].after.number() == 45
    assert again.custom_checks["Comparing myself"].isChecked()


def test_typing_emits_changed_and_fills_the_entry(qtbot):
    ed = editor(qtbot, {})
    with qtbot.waitSignal(ed.changed):
        qtbot.keyClicks(ed.situation, "Bus was late")
    qtbot.keyClicks(ed.emotions.rows[0].name, "worried")
    ed.emotions.rows[0].intensity.setFocus()
    qtbot.keyClick(ed.emotions.rows[0].intensity, Qt.Key.Key_Up)  # "not rated" -> 0
    qtbot.keyClick(ed.emotions.rows[0].intensity, Qt.Key.Key_Up)
    data = core.normalize(ed.get_data())
    assert data["situation"] == "Bus was late"
    assert data["emotions"] == [{"name": "worried", "intensity": 1, "rerated": None}]


def test_add_and_remove_feelings_keep_re_rating_in_step(qtbot):
    ed = editor(qtbot, FULL)
    ed.emotions.add_button.click()
    assert len(ed.emotions.rows) == 3 and ed.rerating.count() == 6
    ed.emotions.rows[0].remove.click()
    assert [r.name.text() for r in ed.emotions.rows] == ["sadness", ""]
    assert ed.rerating.count() == 4
    assert [e["name"] for e in ed.get_data()["emotions"]] == ["sadness"]


def test_custom_trap_is_added_saved_and_restored(qtbot, session):
    ed = editor(qtbot, {"situation": "Meeting"})
    with qtbot.waitSignal(ed.changed):
        qtbot.keyClicks(ed.new_trap, "Comparing myself")
        qtbot.keyClick(ed.new_trap, Qt.Key.Key_Return)
    assert ed.new_trap.text() == ""
    ed.new_trap.setText("mind READING")   # an existing trap is ticked, not added twice
    ed.add_trap.click()
    data = ed.get_data()
    assert data["custom_traps"] == ["Comparing myself"] and data["traps"] == ["mind-reading"]
    entry = ex_store.add(session.store, core.KIND, data)
    again = editor(qtbot, ex_store.get(session.store, entry.id).data)
    assert again.custom_checks["Comparing myself"].isChecked()
    assert again.get_data()["custom_traps"] == ["Comparing myself"]


def test_built_in_traps_are_always_offered(qtbot):
    ed = editor(qtbot, FULL)
    for data in ({}, {"custom_traps": ["Mine"]}, {"traps": []}):
        ed.set_data(data)
        assert list(ed.trap_checks) == list(core.TRAP_IDS)
        assert all(not c.isHidden() for c in ed.trap_checks.values())
    assert list(ed.custom_checks) == []  # custom ones come only from the loaded entry
    assert all(c.text() for c in ed.trap_checks.values())

"""Values and activities: core rules and the editor; also checks shared by the three form editors
(thought record, problem solving, values) whose helpers live in ui/exercises/values_activities.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit,
                               QPlainTextEdit, QPushButton)

from app.exercises import limits
from app.exercises import store as ex_store
from app.exercises.kinds import values_activities as core
from tests.editors import follows, make
from ui.exercises.values_activities import ValuesActivitiesEditor

FULL = {
    "area": "family",
    "own_area": "",
    "value": "I want to stay close to my family, even from far away.",
    "activities": [{"text": "Video call Mum on Wednesday", "difficulty": "easy"},
                   {"text": "Cook dumplings like she does", "difficulty": "medium"},
                   {"text": "Plan a visit home", "difficulty": "hard"}],
}
OWN = {"area": "", "own_area": "My garden", "value": "", "activities": [{"text": "Water the beans", "difficulty": "easy"}]}


def editor(qtbot, data=None) -> ValuesActivitiesEditor:
    return make(qtbot, core.KIND, data)


def test_normalize_keeps_full_entries_exactly():
    assert core.normalize(FULL) == FULL
    assert core.normalize(OWN) == OWN
    assert core.summary(FULL) == FULL["value"]
    assert core.summary(OWN) == "My garden"


@pytest.mark.parametrize("bad", [
    {}, {"area": "family"}, {"area": "family", "value": "  ", "activities": [{"text": " "}]},
    {"value": "no area"}, {"area": "moon", "value": "x"}, {"area": "family", "value": 3},
    {"area": "family", "activities": [{"text": "a", "difficulty": "impossible"}]},
    {"area": "family", "activities": "walk"}, {"own_area": ["x"], "value": "x"},
])
def test_normalize_rejects_empty_and_wrong_types(bad):
    with pytest.raises(ValueError):
        core.normalize(bad)


def test_normalize_caps_and_fills_defaults():
    clean = core.normalize({"area": "health", "own_area": "ignored with a built-in area",
                            "activities": [{"text": "w" * 999}] * 80})
    assert clean["own_area"] == "" and clean["value"] == ""
    assert len(clean["activities"]) == core.MAX_ACTIVITIES
    assert clean["activities"][0] == {"text": "w" * limits.MAX_SHORT, "difficulty": "easy"}


def test_editor_round_trip_through_the_store(qtbot, session):
    for data in (FULL, OWN):
        ed = editor(qtbot, data)
        entry = ex_store.add(session.store, core.KIND, ed.get_data())
        again = editor(qtbot, ex_store.get(session.store, entry.id).data)
        assert again.get_data() == data
    assert not again.own_area.isHidden() and again.own_area.text() == "My garden"


def test_own_area_box_shows_only_for_something_else(qtbot):
    ed = editor(qtbot, FULL)
    assert ed.own_area.isHidden()
    ed.area.setCurrentIndex(ed.area.findData("own"))
    assert not ed.own_area.isHidden()
    qtbot.keyClicks(ed.own_area, "Music")
    assert ed.get_data()["area"] == "" and ed.get_data()["own_area"] == "Music"


def test_typing_emits_changed(qtbot):
    ed = editor(qtbot, {})
    ed.area.setCurrentIndex(ed.area.findData("leisure"))
    with qtbot.waitSignal(ed.changed):
        qtbot.keyClicks(ed.activities.rows[0].text, "Sit in the park")
    ed.activities.rows[0].difficulty.setCurrentIndex(2)
    assert core.normalize(ed.get_data())["activities"] == [{"text": "Sit in the park", "difficulty": "hard"}]


# --- the three form editors -------------------------------------------------------

FORM_KINDS = ["thought-record", "problem-solving", "values-activities"]


@pytest.mark.parametrize("kind", FORM_KINDS)
def test_every_input_has_an_accessible_name(qtbot, kind):
    ed = make(qtbot, kind)
    for cls in (QAbstractButton, QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox):
        for w in ed.findChildren(cls):
            if isinstance(w.parent(), QComboBox):
                continue
            name = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
            assert name, f"{cls.__name__} in {type(w.parent()).__name__} has no accessible name"


@pytest.mark.parametrize("kind", FORM_KINDS)
def test_loading_is_quiet_and_language_switch_resets_texts(qtbot, kind):
    from app import i18n

    ed = make(qtbot, kind)
    seen = []
    ed.changed.connect(lambda: seen.append(1))
    ed.set_data({})
    assert seen == []
    i18n.set_language("en_XA")
    ed.retranslate()
    for button in [b for b in ed.findChildren(QAbstractButton) if b.isVisibleTo(ed)]:
        assert button.text().startswith("\u27e6"), button.text()  # pseudo-locale: every text set again


def next_tab_stop(ed, widget):
    """Where Tab goes from ``widget``: the next visible, enabled, tab-focusable widget in the focus chain."""
    w = widget.nextInFocusChain()
    while not (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(ed) and w.isEnabled()) \
            or widget.isAncestorOf(w):
        w = w.nextInFocusChain()
    return w


@pytest.mark.parametrize("kind", FORM_KINDS)
def test_tab_follows_reading_order_also_after_adding_rows(qtbot, kind):
    ed = make(qtbot, kind)
    ed.show()
    for add in [w for w in ed.findChildren(QPushButton) if w.text().startswith("Add ")]:
        add.click()
    chain = [w for w in ed.tab_stops() if w.isVisibleTo(ed) and w.isEnabled()]
    assert len(chain) > 5
    for widget, expected in zip(chain, chain[1:]):
        now = next_tab_stop(ed, widget)
        assert now is expected or expected.isAncestorOf(now), f"{type(now).__name__}, not {type(expected).__name__}"
        # ...and that is the order on screen ("Idea 1" before its good and bad points).
        assert follows(widget, expected, ed), f"{widget.accessibleName()} before {expected.accessibleName()}"

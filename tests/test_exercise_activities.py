"""Activity diary and activity planner: normalising, summaries and editors."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import QDate, Qt

from app.exercises import limits
from app.exercises import store as ex_store
from app.exercises.kinds import activity_monitoring as am
from app.exercises.kinds import activity_scheduling as asch

DIARY = {"date": "2026-03-02", "hour": 8, "activity": "Walked to the shop", "mood": 4, "mastery": 6,
         "pleasure": None, "note": "Sunny"}
PLAN = {"date": "2026-03-04", "hour": None, "activity": "Call my sister", "area": "Family", "done": True,
        "mood_before": 3, "mood": 6, "mastery": 5, "pleasure": 7}


def test_diary_normalize_keeps_valid_data_exactly():
    assert am.normalize(DIARY) == DIARY
    assert am.summary(DIARY) == "Mar 2, 2026, 8:00\u202fAM \u00b7 Walked to the shop"


@pytest.mark.parametrize("change", [
    {"activity": ""}, {"activity": "   "}, {"activity": None}, {"activity": 5},
    {"date": ""}, {"date": None}, {"date": "2026-02-30"}, {"date": "02/03/2026"}, {"date": 20260302},
    {"hour": None}, {"hour": "8"}, {"mood": "high"}, {"mastery": True}, {"note": ["x"]},
])
def test_diary_normalize_rejects_unusable_data(change):
    with pytest.raises(ValueError):
        am.normalize({**DIARY, **change})


def test_diary_normalize_clamps_and_caps():
    clean = am.normalize({**DIARY, "hour": 31, "mood": 12, "mastery": -4, "pleasure": 6.6,
                          "activity": "  " + "x" * 1000, "note": "n" * (limits.MAX_TEXT + 5)})
    assert (clean["hour"], clean["mood"], clean["mastery"], clean["pleasure"]) == (23, 10, 0, 7)
    assert clean["activity"] == "x" * (limits.MAX_SHORT - 2)
    assert len(clean["note"]) == limits.MAX_TEXT


def test_plan_normalize_keeps_ratings_only_when_done():
    assert asch.normalize(PLAN) == PLAN
    planned = asch.normalize({**PLAN, "done": False})
    assert planned["done"] is False
    assert [planned[k] for k in asch.AFTER] == [None] * 4
    assert asch.normalize({**PLAN, "hour": 25, "mood": 50})["hour"] == 23
    assert asch.summary(PLAN) == "Mar 4, 2026 \u00b7 Call my sister \u2713"
    assert asch.summary({**PLAN, "hour": 9, "done": False}) == "Mar 4, 2026, 9:00\u202fAM \u00b7 Call my sister"


@pytest.mark.parametrize("change", [{"done": "yes"}, {"done": 1}, {"activity": ""}, {"date": "tomorrow"},
                                    {"area": 3}, {"hour": "noon"}])
def test_plan_normalize_rejects_unusable_data(change):
    with pytest.raises(ValueError):
        asch.normalize({**PLAN, **change})


def test_diary_editor_defaults_keyboard_and_round_trip(qtbot, session):
    from ui.exercises.activity_monitoring import EDITOR

    ed = EDITOR(None)
    qtbot.addWidget(ed)
    ed.show()
    ed.set_data({})
    assert ed.date.date() == QDate.currentDate()
    assert ed.date.calendarPopup()
    empty = ed.get_data()
    assert empty["date"] == datetime.date.today().isoformat() and empty["mood"] is None
    with pytest.raises(ValueError):
        am.normalize(empty)
    with qtbot.waitSignal(ed.changed):
        qtbot.keyClicks(ed.activity, "Cooked dinner")
    ed.ratings["mood"].setFocus()
    for _ in range(4):   # "not rated", then 0, 1, 2, 3
        qtbot.keyClick(ed.ratings["mood"], Qt.Key.Key_Up)
    ed.hour.selectAll()
    qtbot.keyClicks(ed.hour, "19")
    data = ed.get_data()
    assert (data["activity"], data["mood"], data["hour"], data["mastery"]) == ("Cooked dinner", 3, 19, None)
    entry = ex_store.add(session.store, am.KIND, data)
    assert entry.summary.endswith("7:00\u202fPM \u00b7 Cooked dinner")

    again = EDITOR(None)
    qtbot.addWidget(again)
    again.set_data(ex_store.get(session.store, entry.id).data)
    assert again.get_data() == {k: v for k, v in entry.data.items()}
    again.set_data(DIARY)
    assert again.get_data() == DIARY
    assert again.ratings["pleasure"].text() == "not rated"
    assert all(w.accessibleName() for w in (again.date, again.hour, again.activity, again.note,
                                           *again.ratings.values()))


def test_plan_editor_rates_only_after_done(qtbot, session):
    from ui.exercises.activity_scheduling import EDITOR

    ed = EDITOR(None)
    qtbot.addWidget(ed)
    ed.show()
    assert ed.hour.number() is None and ed.hour.text() == "any time"
    assert not ed.ratings["mood"].isEnabled()
    qtbot.keyClicks(ed.activity, "Walk after lunch")
    qtbot.keyClicks(ed.area, "Health")
    ed.date.setDate(QDate(2026, 3, 5))
    data = ed.get_data()
    assert asch.normalize(data) == {"date": "2026-03-05", "hour": None, "activity": "Walk after lunch",
                                    "area": "Health", "done": False, "mood_before": None, "mood": None,
                                    "mastery": None, "pleasure": None}
    ed.done.setFocus()
    with qtbot.waitSignal(ed.changed):
        qtbot.keyClick(ed.done, Qt.Key.Key_Space)
    assert ed.done.isChecked() and ed.ratings["mastery"].isEnabled()
    ed.ratings["mastery"].set_number(8)
    entry = ex_store.add(session.store, asch.KIND, ed.get_data())
    assert entry.data["done"] is True and entry.data["mastery"] == 8
    again = EDITOR(None)
    qtbot.addWidget(again)
    again.set_data(entry.data)
    assert again.get_data() == entry.data
    again.set_data(PLAN)
    assert again.get_data() == PLAN
    again.set_data({})
    assert again.get_data()["activity"] == "" and not again.done.isChecked()


def test_one_date_per_entry_in_one_style(qtbot, session):
    """The list shows when the activity happened, once, in the same style as the form's date field
    and every other history list (Babel's medium date), in English and in German."""
    from types import SimpleNamespace

    from app import i18n
    from ui.exercises.host import ExerciseHost

    ex_store.add(session.store, am.KIND, DIARY)
    free = ex_store.add(session.store, "reflection", {"text": "A quiet day"})
    for language, day, written in (("en", "Mar 2, 2026", "2026"), ("de", "02.03.2026", "2026")):
        i18n.set_language(language)
        host = ExerciseHost(SimpleNamespace(session=session), am.KIND)
        qtbot.addWidget(host)
        host.load()
        [text] = [host.browser.list.item(i).text() for i in range(host.browser.list.count())]
        assert text.count(written) == 1 and day in text and "Walked to the shop" in text
        assert "2026-03-02" not in text
        host.browser.list.setCurrentRow(0)
        assert host.editor.date.text() == day  # the form writes the date the way the list does
        assert host.editor.hour.text() in text  # ...and the time ("8:00 AM" in English, "08:00" in German)
        other = ExerciseHost(SimpleNamespace(session=session), "reflection")
        qtbot.addWidget(other)
        other.load()
        stamp = ex_store.get(session.store, free.id).created_at
        assert other.browser.list.item(0).text().endswith(i18n.format_when(
            datetime.datetime.fromisoformat(stamp).astimezone()))

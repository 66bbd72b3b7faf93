"""Interoceptive exercises: the entry's rules, the catalogue and its health check, the editor's timer,
ratings, autosave and history, keyboard use, and an entry read in words on the clinician's side."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app import drafts
from app.exercises import interoceptive_catalogue as catalogue
from app.exercises import kind_settings, limits
from app.exercises import store as ex_store
from app.exercises.kinds import interoceptive as core
from ui import a11y

ENTRY = {"exercise": "spin", "seconds_done": 60, "intensity": 70, "distress": 55, "similarity": 40,
         "note": "Dizzy, then it passed"}
NO = {c: False for c in catalogue.CONDITION_IDS}


def test_normalize_keeps_valid_data_exactly_and_summarises():
    assert core.normalize(ENTRY) == ENTRY
    assert core.summary(ENTRY) == "Spinning in a chair \u00b7 distress 55"
    assert core.summary({**ENTRY, "distress": None}) == "Spinning in a chair"


@pytest.mark.parametrize("data,field,words", [
    ({"seconds_done": 60, "distress": 50}, "exercise", "Choose the exercise"),
    ({**ENTRY, "exercise": ""}, "exercise", "Choose the exercise"),
    ({"exercise": "run", "seconds_done": 60}, "distress", "Rate how strong"),
    ({"exercise": "run", "intensity": None, "distress": "", "similarity": None}, "distress", "Rate how strong"),
])
def test_normalize_says_what_is_missing(data, field, words):
    with pytest.raises(limits.Missing) as caught:
        core.normalize(data)
    assert caught.value.field == field and caught.value.message.startswith(words)


@pytest.mark.parametrize("change", [{"exercise": "juggling"}, {"exercise": 3}, {"seconds_done": "60"},
                                    {"distress": True}, {"intensity": "high"}, {"note": 5}])
def test_normalize_refuses_malformed_values(change):
    with pytest.raises(ValueError) as caught:
        core.normalize({**ENTRY, **change})
    assert not isinstance(caught.value, limits.Missing)


def test_normalize_clamps_and_drops_unknown_keys():
    clean = core.normalize({**ENTRY, "seconds_done": 99_999, "distress": 250, "similarity": -3, "note": "x" * 30_000,
                            "extra": "dropped"})
    assert clean["seconds_done"] == core.MAX_SECONDS and clean["distress"] == 100 and clean["similarity"] == 0
    assert len(clean["note"]) == limits.MAX_TEXT and "extra" not in clean


def test_readable_form_has_the_scale_and_the_exercise_name():
    by = {x.label: x.value for x in core.readable(core.normalize(ENTRY))}
    assert by == {"Exercise": "Spinning in a chair", "Time done": "60 seconds",
                  "How strong the body feelings were": "70 out of 100",
                  "How anxious or upset I felt": "55 out of 100", "How much it felt like panic": "40 out of 100",
                  "Note": "Dizzy, then it passed"}


def test_every_exercise_has_steps_cautions_and_a_length():
    assert len(catalogue.EXERCISES) == 8 and len(catalogue.BY_ID) == 8
    for e in catalogue.EXERCISES:
        assert e.steps and e.cautions and e.brings_on and 20 <= e.seconds <= 120
        assert e.avoid_with <= set(catalogue.CONDITION_IDS) and e.avoid_with
    assert catalogue.BY_ID["straw"].seconds == 120 and catalogue.BY_ID["head-shake"].seconds == 30
    over = catalogue.BY_ID["over-breathe"].avoid_with
    assert {"epilepsy", "lungs", "pregnancy"} <= over
    for e in ("run", "spin"):
        assert {"heart", "back-neck", "injury"} <= catalogue.BY_ID[e].avoid_with


def test_a_yes_withholds_the_exercises_it_rules_out():
    assert catalogue.offered(None) == () and catalogue.withheld(None) == ()  # nothing before the health check
    assert catalogue.offered(NO) == catalogue.EXERCISES
    epilepsy = {**NO, "epilepsy": True}
    withheld = {e.id for e in catalogue.withheld(epilepsy)}
    assert {"over-breathe", "light-read", "breath-hold"} <= withheld and "straw" not in withheld
    assert {e.id for e in catalogue.offered(epilepsy)} == set(catalogue.BY_ID) - withheld
    assert catalogue.offered({c: True for c in catalogue.CONDITION_IDS}) == ()


def test_health_answers_are_kept_in_the_profile_and_can_change(session):
    store = session.store
    assert catalogue.load_answers(store) is None
    catalogue.save_answers(store, {**NO, "heart": True})
    assert catalogue.load_answers(store) == {**NO, "heart": True}
    catalogue.save_answers(store, NO)
    assert catalogue.load_answers(store) == NO
    from app import preferences

    preferences.load(store)  # the plain preferences still load beside them


@pytest.mark.parametrize("bad", [None, [], {"heart": True}, {**NO, "heart": "yes"}, {**NO, "astrology": False}])
def test_incomplete_or_wrong_health_answers_are_refused(session, bad):
    with pytest.raises(ValueError):
        catalogue.save_answers(session.store, bad)
    assert catalogue.load_answers(session.store) is None


def test_unreadable_stored_answers_count_as_never_given(session):
    kind_settings.put(session.store, *catalogue.HEALTH_KEY, {"heart": "maybe"})
    assert catalogue.load_answers(session.store) is None
    with session.store.transaction() as c:
        c.execute("UPDATE preferences SET value = '{not json' WHERE key = ?", ("kind:%s:%s" % catalogue.HEALTH_KEY,))
    assert catalogue.load_answers(session.store) is None


def test_round_trip_through_the_store_and_tries(session):
    store = session.store
    first = ex_store.add(store, core.KIND, {**ENTRY, "distress": 80})
    ex_store.add(store, core.KIND, {**ENTRY, "distress": 50}, created_at="2099-01-01T00:00:00+00:00")
    ex_store.add(store, core.KIND, {**ENTRY, "exercise": "run", "distress": 30})
    assert ex_store.get(store, first.id).data == {**ENTRY, "distress": 80}
    assert [d for _w, d in core.tries(store, "spin")] == [80, 50]   # oldest first, this exercise only
    assert [d for _w, d in core.tries(store, "light-read")] == []


# --- the editor ---------------------------------------------------------------------------------------------

@pytest.fixture
def editor(qtbot):
    from ui.exercises.interoceptive import EDITOR

    a11y.forget_spoken()
    ed = EDITOR(None)
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def _answer(ed, **yes):
    for c, box in ed.health.boxes.items():
        box.setChecked(bool(yes.get(c)))
    ed.health.save.click()


def test_the_health_check_comes_first_and_a_yes_withholds_with_advice(editor):
    assert editor.health.isVisible() and not editor.practice.isVisible() and not editor.log_box.isVisible()
    assert editor.get_data()["exercise"] == ""   # nothing to save before the check
    _answer(editor, lungs=True)
    assert not editor.health.isVisible() and editor.practice.isVisible()
    offered = [editor.exercise.itemData(i) for i in range(editor.exercise.count())]
    assert "straw" not in offered and "over-breathe" not in offered and "spin" in offered
    assert "not offered" in editor.health_summary.text() and "Breathing through a thin straw" in \
        editor.health_summary.text()
    assert "ask your doctor" in editor.advice.text()
    assert any("ask your doctor" in text for _p, text in a11y.spoken())
    editor.change_health.click()                         # the answers can be changed
    assert editor.health.isVisible() and editor.health.boxes["lungs"].isChecked()
    _answer(editor)
    assert editor.exercise.count() == len(catalogue.EXERCISES) and not editor.advice.isVisible()


def test_every_yes_leaves_nothing_to_do_but_the_advice(editor):
    _answer(editor, **{c: True for c in catalogue.CONDITION_IDS})
    assert not editor.practice.isVisible() and "none of these exercises" in editor.health_summary.text()
    assert "talk to your doctor" in editor.advice.text() and editor.change_health.isVisible()


def test_the_timer_runs_the_exercise_and_announces_the_time(editor):
    _answer(editor)
    a11y.forget_spoken()
    editor.exercise.setCurrentIndex(editor.exercise.findData("straw"))
    assert editor.clock.text() == "2:00" and "narrow" not in editor.steps.text()
    assert editor.steps.text().startswith("1. Sit down.") and "Take care:" in editor.cautions.text()
    # who must not do it comes from the list that withholds it: every condition named, nothing missing
    for cid, text in catalogue.CONDITIONS:
        assert (text in editor.cautions.text()) == (cid in catalogue.BY_ID["straw"].avoid_with)
    editor.start()
    assert editor.ticker.is_running() and editor.toggle.text() == "Stop"
    editor.advance(31)
    assert editor.clock.text() == "1:29" and editor.log.count.value() == 31
    editor.pause()
    assert editor.toggle.text() == "Start" and "Stopped" in editor.cue.text()
    editor.start()
    editor.advance(200)                               # stops at its length
    assert not editor.ticker.is_running() and editor.log.count.value() == 120 and editor.clock.text() == "0:00"
    assert editor.cue.text().startswith("Time is up")
    said = [text for _p, text in a11y.spoken()]
    assert said[0].startswith("Started. 2:00 left") and "1:30 left" in said and "Stopped. 1:29 left" in said
    assert said[-1].startswith("Time is up")
    assert not any(text == "1:29 left" for text in said)   # not every second
    editor.start()                                   # once more: the time adds up
    editor.advance(10)
    assert editor.log.count.value() == 130


def test_ratings_are_saved_with_the_exercise_and_history_shows_distress(editor, session):
    editor.use_context(SimpleNamespace(session=session))
    _answer(editor)
    assert catalogue.load_answers(session.store) == NO   # kept in the profile
    editor.exercise.setCurrentIndex(editor.exercise.findData("run"))
    editor.start()
    editor.advance(60)
    for key, value in (("intensity", 80), ("distress", 70), ("similarity", 60)):
        editor.log.ratings[key].set_number(value)
    data = editor.get_data()
    assert data == {"exercise": "run", "seconds_done": 60, "intensity": 80, "distress": 70, "similarity": 60,
                    "note": ""}
    ex_store.add(session.store, core.KIND, data)
    ex_store.add(session.store, core.KIND, {**data, "distress": 45}, created_at="2099-01-01T00:00:00+00:00")
    editor.set_data({})
    editor.exercise.setCurrentIndex(editor.exercise.findData("run"))
    assert editor.history.isVisible() and editor.history.text().count("out of 100") == 2
    assert editor.history.text().index("70 out of 100") < editor.history.text().index("45 out of 100")
    editor.exercise.setCurrentIndex(editor.exercise.findData("tense"))
    assert not editor.history.isVisible()


def test_an_entry_of_an_exercise_no_longer_offered_still_opens(editor):
    _answer(editor, heart=True)
    editor.set_data(ENTRY)                       # spinning: withheld with a heart condition
    assert editor.get_data() == ENTRY
    assert not editor.toggle.isEnabled() and "not offered" in editor.cue.text()
    editor.start()
    assert not editor.ticker.is_running()


def test_space_starts_and_stops_from_the_clock_and_the_button(qtbot, editor):
    _answer(editor)
    editor.clock.setFocus()
    assert editor.clock.accessibleName() == "Time left" and editor.clock.accessibleDescription() == "2:00 left"
    qtbot.keyClick(editor.clock, Qt.Key.Key_Space)
    assert editor.ticker.is_running()
    qtbot.keyClick(editor.clock, Qt.Key.Key_Space)
    assert not editor.ticker.is_running()
    qtbot.keyClick(editor.toggle, Qt.Key.Key_Space)
    assert editor.ticker.is_running()
    editor.pause()
    note = editor.log.note
    note.setFocus()
    qtbot.keyClick(note, Qt.Key.Key_Space)      # a space typed in the note is just a space
    assert not editor.ticker.is_running() and note.toPlainText() == " "


def test_ratings_take_arrow_keys(qtbot, editor):
    _answer(editor)
    spin = editor.log.ratings["distress"]
    spin.setFocus()
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert editor.get_data()["distress"] == 0      # from "not rated" to 0
    assert spin.accessibleName() == "How anxious or upset did you feel? (0-100)"


def test_host_autosaves_saves_and_lists(qtbot, session):
    from ui.exercises.host import ExerciseHost

    catalogue.save_answers(session.store, NO)
    host = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(host)
    host.show()
    host.load()
    ed = host.editor
    assert ed.practice.isVisible()                      # the stored answers were read: no check again
    ed.exercise.setCurrentIndex(ed.exercise.findData("tense"))
    ed.log.ratings["distress"].set_number(35)
    ed.log.note.setPlainText("Shaky legs")
    qtbot.waitUntil(lambda: drafts.load(session.store, "exercise:interoceptive:-:new") is not None, timeout=2000)
    host.browser.save()
    [entry] = ex_store.entries(session.store, kind=core.KIND)
    assert entry.data["exercise"] == "tense" and entry.data["distress"] == 35
    assert host.browser.list.item(0).text().startswith("Tensing every muscle \u00b7 distress 35")


def test_locking_forgets_the_health_answers_and_the_tries(qtbot, session):
    from ui.exercises.host import ExerciseHost

    catalogue.save_answers(session.store, {**NO, "pregnancy": True})
    ex_store.add(session.store, core.KIND, {**ENTRY, "exercise": "tense"})
    host = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(host)
    host.show()
    host.load()
    ed = host.editor
    ed.exercise.setCurrentIndex(ed.exercise.findData("tense"))
    assert ed.answers["pregnancy"] and "55 out of 100" in ed.history.text()
    host.clear()
    assert ed.answers is None and not any(box.isChecked() for box in ed.health.boxes.values())
    assert ed.history.text() == "" and "not offered" not in ed.health_summary.text()


def test_saving_without_ratings_points_at_the_distress_rating(qtbot, session):
    from ui.exercises.host import ExerciseHost

    catalogue.save_answers(session.store, NO)
    host = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(host)
    host.show()
    host.load()
    host.editor.exercise.setCurrentIndex(1)
    host.browser.save()
    assert ex_store.entries(session.store, kind=core.KIND) == []
    assert "Rate how strong" in host.browser.error.text()
    # The message is tied to the rating to fill in (the keyboard test checks focus moves there in a window).
    assert host.editor.log.ratings["distress"].accessibleDescription() == host.browser.error.text()


def test_an_entry_travels_to_the_clinician_and_reads_in_words(manager, qtbot):
    from app.exchange import importer, report, workspace
    from tests import exchange_util as xu
    from ui.workspace.entries import EntryCard

    doc, (pat,) = xu.workspace(manager)
    ex_store.add(pat.store, core.KIND, ENTRY)
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    c = xu.contact(doc, "Pat")
    [entry] = workspace.patient_detail(doc.store, c.id).homework
    assert entry["kind"] == core.KIND and entry["data"] == ENTRY
    card = EntryCard(SimpleNamespace(session=doc), c, entry)
    qtbot.addWidget(card)
    text = card.text.text()
    assert text.index("Exercise") < text.index("How anxious or upset I felt") < text.index("Note")
    assert "Spinning in a chair" in text and "55 out of 100" in text and "40 out of 100" in text
    assert "How much it felt like panic" in report.render_html(doc.store, c.id)

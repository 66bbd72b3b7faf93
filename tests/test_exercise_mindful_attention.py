"""Mindful attention: the entry's rules, the guide's steps and timing, the editor's pause/resume, chime,
autosave and keyboard use, and an entry read in words on the clinician's side."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app import drafts
from app.exercises import kind_settings, limits
from app.exercises import store as ex_store
from app.exercises.kinds import mindful_attention as core
from ui import a11y

ENTRY = {"length": 10, "minutes_practised": 8, "presence": 6, "note": "Mind wandered a lot"}


def test_normalize_keeps_valid_data_exactly_and_summarises_numbers():
    assert core.normalize(ENTRY) == ENTRY
    assert core.summary(ENTRY) == "8/10 min \u00b7 6/10"
    assert core.summary({**ENTRY, "presence": None}) == "8/10 min"
    assert core.normalize({"presence": 3})["length"] == core.DEFAULT_LENGTH


def test_normalize_needs_practice_or_a_rating():
    with pytest.raises(limits.Missing) as caught:
        core.normalize({"length": 5, "minutes_practised": 0, "presence": None, "note": "just a note"})
    assert caught.value.field == "minutes_practised" and caught.value.message.startswith("Practise for a minute")


@pytest.mark.parametrize("change", [{"length": 7}, {"length": "5"}, {"length": True}, {"minutes_practised": "3"},
                                    {"presence": "calm"}, {"note": ["x"]}])
def test_normalize_refuses_malformed_values(change):
    with pytest.raises(ValueError) as caught:
        core.normalize({**ENTRY, **change})
    assert not isinstance(caught.value, limits.Missing)


def test_normalize_clamps():
    clean = core.normalize({**ENTRY, "minutes_practised": 10_000, "presence": 14, "note": "x" * 30_000})
    assert clean["minutes_practised"] == core.MAX_MINUTES and clean["presence"] == 10
    assert len(clean["note"]) == limits.MAX_TEXT


def test_readable_form():
    by = {x.label: x.value for x in core.readable(core.normalize(ENTRY))}
    assert by == {"Practice chosen": "10 minutes", "Minutes practised": "8", "How present I felt": "6 out of 10",
                  "Note": "Mind wandered a lot"}


@pytest.mark.parametrize("minutes", core.LENGTHS)
def test_the_steps_come_in_turn_and_fill_the_time(minutes):
    guide = core.Guide(minutes)
    ends = guide.bounds()
    assert ends[-1] == minutes * 60 and ends == sorted(ends) and len(ends) == len(core.STEPS)
    seen = []
    while not guide.finished:
        if not seen or seen[-1] != guide.index():
            seen.append(guide.index())
        guide.advance(1)
    assert seen == list(range(len(core.STEPS)))
    assert guide.countdown.elapsed == minutes * 60 and not guide.advance(5)


# --- the editor ---------------------------------------------------------------------------------------------

@pytest.fixture
def editor(qtbot, monkeypatch):
    from ui.exercises import mindful_attention

    chimes = []
    monkeypatch.setattr(mindful_attention, "chime", lambda: chimes.append(1))
    a11y.forget_spoken()
    ed = mindful_attention.EDITOR(None)
    ed.chimes = chimes
    qtbot.addWidget(ed)
    ed.show()
    qtbot.waitExposed(ed)
    return ed


def test_pause_resume_steps_and_the_chime(editor):
    editor.length.setCurrentIndex(editor.length.findData(3))
    assert editor.clock.text() == "3:00" and editor.step_title.text() == "Step 1 of 5: Settling"
    editor.start()
    assert editor.toggle.text() == "Pause"
    editor.advance(30)
    assert editor.step_title.text() == "Step 2 of 5: The breath" and editor.clock.text() == "2:30"
    editor.pause()
    assert editor.toggle.text() == "Resume" and not editor.ticker.is_running()
    editor.start()
    assert editor.toggle.text() == "Pause" and editor.clock.text() == "2:30"   # carried on, not started over
    said = [text for _p, text in a11y.spoken()]
    assert said[0].startswith("Started. Settling.") and said[1].startswith("The breath.")
    assert "Paused." in said and any(t.startswith("Resumed. The breath.") for t in said)
    editor.advance(500)
    assert editor.guide.finished and not editor.ticker.is_running() and editor.toggle.text() == "Start"
    assert editor.chimes == [1] and editor.step_title.text() == "Well done"
    assert a11y.spoken()[-1][1].startswith("The practice has ended")
    assert editor.get_data() == {"length": 3, "minutes_practised": 3, "presence": None, "note": ""}


def test_the_chime_can_be_turned_off_and_is_remembered(qtbot, editor, session):
    editor.use_context(SimpleNamespace(session=session))
    assert editor.chime_on.isChecked()            # on by default
    editor.chime_on.setChecked(False)
    assert kind_settings.get(session.store, *core.CHIME_KEY) is False
    editor.start()
    editor.advance(1000)
    assert editor.guide.finished and editor.chimes == []
    from ui.exercises.mindful_attention import EDITOR

    again = EDITOR(None)
    qtbot.addWidget(again)
    again.use_context(SimpleNamespace(session=session))
    assert not again.chime_on.isChecked()


def test_space_pauses_and_resumes(qtbot, editor):
    editor.clock.setFocus()
    qtbot.keyClick(editor.clock, Qt.Key.Key_Space)
    assert editor.ticker.is_running()
    qtbot.keyClick(editor.clock, Qt.Key.Key_Space)
    assert not editor.ticker.is_running()
    qtbot.keyClick(editor.toggle, Qt.Key.Key_Space)
    assert editor.ticker.is_running()


def test_length_and_rating_by_keyboard(qtbot, editor):
    editor.length.setFocus()
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.length, Qt.Key.Key_Down)
    assert editor.get_data()["length"] == 10 and editor.clock.text() == "10:00"
    spin = editor.log.ratings["presence"]
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert editor.get_data()["presence"] == 0
    assert spin.accessibleName() == "How present did you feel? (0-10)"
    assert editor.length.accessibleName() == "Length of the practice"


def test_a_saved_entry_opens_as_it_was(editor, session):
    entry = ex_store.add(session.store, core.KIND, ENTRY)
    editor.set_data(ex_store.get(session.store, entry.id).data)
    assert editor.get_data() == ENTRY and editor.length.currentText() == "10 minutes"
    editor.set_data({"length": 99})
    assert editor.get_data()["length"] == core.DEFAULT_LENGTH


def test_host_autosaves_and_saves(qtbot, session, monkeypatch):
    from ui.exercises import mindful_attention
    from ui.exercises.host import ExerciseHost

    monkeypatch.setattr(mindful_attention, "chime", lambda: None)
    host = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(host)
    host.show()
    host.load()
    ed = host.editor
    ed.length.setCurrentIndex(ed.length.findData(3))
    ed.start()
    ed.advance(200)
    ed.log.ratings["presence"].set_number(7)
    qtbot.waitUntil(lambda: drafts.load(session.store, "exercise:mindful-attention:-:new") is not None, timeout=2000)
    host.browser.save()
    [entry] = ex_store.entries(session.store, kind=core.KIND)
    assert entry.data == {"length": 3, "minutes_practised": 3, "presence": 7, "note": ""}


def test_an_entry_travels_to_the_clinician_and_reads_in_words(manager, qtbot):
    from app.exchange import importer, workspace
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
    assert "How present I felt" in text and "6 out of 10" in text and "10 minutes" in text

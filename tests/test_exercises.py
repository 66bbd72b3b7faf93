"""Every exercise kind, core and editor, honours the same contract."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.exercises import registry as kinds
from app.exercises import store as ex_store
from ui.exercises import registry as editors

ALL_KINDS = sorted(kinds.known())


def test_kinds_are_discovered_and_complete():
    editors.editors()
    assert kinds.failures == [] and editors.failures == []
    assert {"reflection", "quiz"} <= set(ALL_KINDS)
    for kind in ALL_KINDS:
        m = kinds.get(kind)
        assert m.KIND == kind and m.TITLE and m.DESCRIPTION
        assert callable(m.normalize) and callable(m.summary)
        assert kind in editors.editors(), f"{kind} has no editor in ui/exercises/"


@pytest.mark.parametrize("kind", ALL_KINDS)
@pytest.mark.parametrize("bad", [None, [], "text", 3, {"answers": "not a list"}])
def test_normalize_rejects_garbage_with_value_error(kind, bad):
    with pytest.raises((ValueError, TypeError)):
        kinds.get(kind).normalize(bad)


SPECS = {
    "reflection": {"id": "r1", "title": "T", "prompts": ["One?", "Two?"]},
    "quiz": {"id": "q1", "title": "Q", "questions": [
        {"text": "A?", "options": ["x", "y"], "correct": 1, "explain": "because"},
        {"text": "B?", "options": ["x", "y", "z"], "correct": 0, "explain": "so"}]},
}


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_editor_contract(qtbot, kind):
    module = editors.editors()[kind]
    editor = module.EDITOR(SPECS.get(kind))
    qtbot.addWidget(editor)
    editor.set_data({})
    editor.retranslate()
    empty = editor.get_data()
    assert isinstance(empty, dict)
    with pytest.raises(ValueError):
        kinds.get(kind).normalize(empty)  # an untouched editor is never saved as an entry


def test_reflection_round_trip_through_store(qtbot, session):
    from ui.exercises.reflection import ReflectionEditor

    ed = ReflectionEditor(SPECS["reflection"])
    qtbot.addWidget(ed)
    with qtbot.waitSignal(ed.changed):
        ed.boxes[0].setPlainText("first answer")
    entry = ex_store.add(session.store, "reflection", ed.get_data(), exercise_id="r1")
    assert entry.summary == "first answer"
    again = ReflectionEditor(SPECS["reflection"])
    qtbot.addWidget(again)
    again.set_data(ex_store.get(session.store, entry.id).data)
    assert again.boxes[0].toPlainText() == "first answer"
    ex_store.update(session.store, entry.id, {"answers": ["edited", ""], "text": ""})
    assert ex_store.entries(session.store, exercise_id="r1")[0].summary == "edited"
    gone = ex_store.delete(session.store, entry.id)
    assert ex_store.count(session.store) == 0
    ex_store.restore(session.store, gone)
    assert ex_store.count(session.store, kind="reflection") == 1


def test_quiz_scores_and_explains(qtbot, session):
    from ui.exercises.quiz import QuizEditor

    ed = QuizEditor(SPECS["quiz"])
    qtbot.addWidget(ed)
    ed.buttons[0][1].click()   # right
    ed.buttons[1][2].click()   # wrong
    ed.show_answers()
    assert ed.get_data() == {"chosen": [1, 2], "correct": 1, "total": 2}
    assert "1 of 2" in ed.result.text()
    assert not ed.explains[0].isHidden() and "because" in ed.explains[0].text()
    entry = ex_store.add(session.store, "quiz", ed.get_data(), exercise_id="q1")
    assert entry.summary == "1 of 2 answers right"
    # A click on an answer's text chooses it, as on a plain radio button.
    ed.show()
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(ed.buttons[1][0], Qt.MouseButton.LeftButton, pos=QPoint(ed.buttons[1][0].width() - 5, 5))
    assert ed.chosen()[1] == 0


def test_quiz_normalize_bounds():
    from app.exercises.kinds import quiz

    with pytest.raises(ValueError):
        quiz.normalize({"chosen": [True], "correct": 1})
    with pytest.raises(ValueError):
        quiz.normalize({"chosen": [99], "correct": 1})
    assert quiz.normalize({"chosen": [0, None], "correct": 7})["correct"] == 2  # clamped to total


def test_host_saves_with_autosave_and_undo(qtbot, session):
    from types import SimpleNamespace

    from app import drafts
    from ui.exercises.host import ExerciseHost

    ctx = SimpleNamespace(session=session)
    host = ExerciseHost(ctx, "reflection", SPECS["reflection"], program_id="p", module_id="m")
    qtbot.addWidget(host)
    host.load()
    host.editor.boxes[1].setPlainText("kept as a draft")
    qtbot.waitUntil(lambda: drafts.load(session.store, "exercise:reflection:r1:new") is not None, timeout=2000)
    host.browser.save()
    [e] = ex_store.entries(session.store)
    assert (e.program_id, e.module_id, e.exercise_id) == ("p", "m", "r1")
    assert drafts.load(session.store, "exercise:reflection:r1:new") is None
    host.browser.delete()
    assert ex_store.count(session.store) == 0
    host.browser.undo_delete()
    assert ex_store.count(session.store) == 1


def test_program_reflections_keep_their_own_lists_and_one_diary_is_shared(qtbot, session):
    """A reflection's answers belong to its prompts; an activity diary is one diary wherever it is opened."""
    from types import SimpleNamespace

    from ui.exercises.host import ExerciseHost

    ctx = SimpleNamespace(session=session)
    store = session.store
    cycle = ex_store.add(store, "reflection", {"answers": ["Stayed in bed"]}, exercise_id="m1-my-cycle",
                         program_id="low-mood", module_id="m1-understanding")
    hopes = ex_store.add(store, "reflection", {"answers": ["Play football again"]}, exercise_id="m1-hopes",
                         program_id="low-mood", module_id="m1-understanding")
    free = ex_store.add(store, "reflection", {"text": "A quiet day"})
    diary = ex_store.add(store, "activity-monitoring", {"date": "2026-12-01", "hour": 9, "activity": "Walk"},
                         exercise_id="m2-activity-diary", program_id="low-mood", module_id="m2-activity-monitoring")
    own = ex_store.add(store, "activity-monitoring", {"date": "2026-12-02", "hour": 9, "activity": "Swim"})

    def listed(kind, spec=None):
        host = ExerciseHost(ctx, kind, spec, program_id="low-mood" if spec else None)
        qtbot.addWidget(host)
        host.load()
        return {host.browser.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(host.browser.list.count())}

    assert listed("reflection") == {free.id}  # the stand-alone Reflection: no "My vicious cycle" answers
    assert listed("reflection", {"id": "m1-hopes", "kind": "reflection", "prompts": ["?"]}) == {hopes.id}
    assert listed("reflection", {"id": "m1-my-cycle", "kind": "reflection", "prompts": ["?"]}) == {cycle.id}
    assert listed("activity-monitoring") == {diary.id, own.id}
    assert listed("activity-monitoring", {"id": "m2-activity-diary", "kind": "activity-monitoring"}) == {
        diary.id, own.id}


@pytest.mark.parametrize("language", ["de", "en_XA"])
def test_quiz_questions_answers_and_feedback_wrap_instead_of_scrolling_sideways(qtbot, session, language):
    from types import SimpleNamespace

    from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

    from app import i18n
    from app.programs import loader
    from ui.exercises.host import ExerciseHost

    i18n.set_language(language)
    spec = loader.cached("low-mood").all_exercises()["m1-quiz"]
    host = ExerciseHost(SimpleNamespace(session=session), "quiz", spec, program_id="low-mood")
    qtbot.addWidget(host)
    host.resize(820, 640)
    host.show()
    host.load()
    for buttons in host.editor.buttons:
        buttons[1].click()
    host.editor.show_answers()
    for _ in range(3):
        QApplication.processEvents()
    [area] = [a for a in host.findChildren(QScrollArea) if a.widget() is host.editor]
    assert not area.horizontalScrollBar().isVisible()
    width = area.viewport().width()
    for label in host.editor.findChildren(QLabel):
        if label.isVisible():
            assert label.mapTo(area.viewport(), label.rect().topRight()).x() <= width, label.text()[:40]


def test_hovering_a_saved_entry_shows_it_in_words(qtbot, session):
    """The patient's own history uses the same readable form as the clinician (worked out when hovered)."""
    from types import SimpleNamespace

    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from ui.exercises.host import ExerciseHost

    ex_store.add(session.store, "activity-monitoring", {"date": "2026-11-30", "hour": 9, "activity": "Swim",
                                                        "mood": 6, "pleasure": 8})
    host = ExerciseHost(SimpleNamespace(session=session), "activity-monitoring")
    qtbot.addWidget(host)
    host.resize(900, 600)
    host.show()
    host.load()
    viewport = host.browser.list.viewport()
    rect = host.browser.list.visualItemRect(host.browser.list.item(0))
    for pos, expected in ((rect.center(), "Pleasure: enjoyment\n8 out of 10"), (QPoint(5, viewport.height() - 2), "")):
        QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos)))
        if expected:
            assert expected in QToolTip.text()
        else:  # below the last entry: nothing to say, the tip goes (Qt hides it after a short delay)
            qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)

"""Enrol, read a lesson, do its exercises, come back later: as a person would."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QUrl

from app.exercises import store as ex_store
from app.programs import progress
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture and helper
from ui import layout_items


@pytest.fixture
def opened(qtbot, make_window):  # noqa: F811
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    return win, ctx


def _start_low_mood(qtbot, win):
    win.shell.go("program")
    page = win.shell.pages["program"]
    assert page.pages.currentIndex() == 0  # the chooser
    start = [b for b in page.findChildren(type(page.other)) if b.accessibleName().endswith("Low mood")]
    assert start, "a Start button for Low mood"
    qtbot.mouseClick(start[0], Qt.MouseButton.LeftButton)
    return page


def test_opening_the_program_page_renders_the_lesson_once(qtbot, opened, monkeypatch):
    from app.programs import render

    win, _ctx = opened
    _start_low_mood(qtbot, win)
    page = win.shell.pages["program"]
    real, calls = render.lesson_html, []
    monkeypatch.setattr(render, "lesson_html", lambda *a, **k: calls.append(1) or real(*a, **k))
    page.load()
    assert len(calls) == 1


def test_enrol_read_try_and_finish(qtbot, opened):
    win, ctx = opened
    page = _start_low_mood(qtbot, win)
    store = ctx.session.store
    assert progress.active(store).program_id == "low-mood"
    assert page.pages.currentIndex() == 1
    assert page.module.id == "m1-understanding"
    assert "Understanding low mood" in page.lesson.toPlainText()
    assert "Amara" in page.lesson.toPlainText()
    assert "Finished" not in page.modules.item(0).text()
    assert "Opens when you finish" in page.modules.item(1).text()
    # Homework can be ticked off.
    page.homework.setFocus()
    page.homework.setCurrentRow(0)
    qtbot.keyClick(page.homework, Qt.Key.Key_Space)  # ticked with the keyboard
    assert progress.homework_done(store, "low-mood") == {"m1-hw1"}
    assert "1 of" in page.summary.text().split("\u00b7")[1]
    # "Try it now" opens the exercise from the lesson, and what is saved is linked to it.
    buttons = layout_items.widgets(page.try_row)
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert win.shell.current_key() == "journal"
    host = win.shell.pages["journal"].stack.currentWidget()
    assert host.kind == "reflection" and host.spec["id"] == "m1-my-cycle"
    host.editor.boxes[0].setPlainText("Stayed in bed, felt worse")
    host.browser.save()
    [entry] = ex_store.entries(store)
    assert (entry.program_id, entry.module_id, entry.exercise_id) == ("low-mood", "m1-understanding", "m1-my-cycle")
    # A link inside the lesson text works too, and opens the exercise it names.
    win.shell.go("program")
    page._link(QUrl("exercise:quiz"))
    assert win.shell.pages["journal"].stack.currentWidget().kind == "quiz"
    for title, wanted in (("What I hope will change", "m1-hopes"), ("My vicious cycle", "m1-my-cycle")):
        win.shell.go("program")
        page.modules.setCurrentRow(0)
        links = re.findall(r'<a href="(exercise:[^"]+)"[^>]*>(.*?)</a>', page.lesson.toHtml(), re.S)
        href = next(h for h, text in links if title in re.sub(r"<[^>]+>|&quot;", "", text))
        page._link(QUrl(href))
        assert win.shell.pages["journal"].stack.currentWidget().spec["id"] == wanted
    # Finishing the lesson: module 2 now waits for its date.
    win.shell.go("program")
    qtbot.mouseClick(page.finished, Qt.MouseButton.LeftButton)
    assert "Finished" in page.modules.item(0).text()
    assert "Opens on" in page.modules.item(1).text()
    page.modules.setCurrentRow(1)
    assert not page.finished.isVisible() and "Opens on" in page.lesson.toPlainText()


def test_next_day_home_shows_where_to_continue(qtbot, opened):
    win, ctx = opened
    _start_low_mood(qtbot, win)
    win.lock()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    home = win.shell.pages["home"]
    assert win.shell.current_key() == "home"
    assert "module 1" in home.prog_text.text() and "Understanding low mood" in home.prog_text.text()
    assert "homework" in home.homework_title.text()
    qtbot.mouseClick(home.continue_button, Qt.MouseButton.LeftButton)
    assert win.shell.current_key() == "program"
    assert win.shell.pages["program"].module.id == "m1-understanding"


def test_exercise_draft_survives_lock(qtbot, opened):
    win, ctx = opened
    win.shell.go("journal")
    ex = win.shell.pages["journal"]
    ex.open("reflection")
    host = ex.stack.currentWidget()
    qtbot.keyClicks(host.editor.boxes[0], "half a thought")
    win.lock()  # flushes drafts before closing the store
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    ex.open("reflection")
    assert ex.stack.currentWidget().editor.boxes[0].toPlainText() == "half a thought"


def test_choose_another_program_keeps_progress(qtbot, opened):
    win, ctx = opened
    page = _start_low_mood(qtbot, win)
    qtbot.mouseClick(page.finished, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.other, Qt.MouseButton.LeftButton)
    assert progress.active(ctx.session.store) is None and page.pages.currentIndex() == 0
    _start_low_mood(qtbot, win)
    assert "Finished" in page.modules.item(0).text()


def test_locking_clears_the_program_page(qtbot, opened):
    win, ctx = opened
    page = _start_low_mood(qtbot, win)
    win.lock()
    assert page.lesson.toPlainText() == "" and page.modules.count() == 0


@pytest.mark.parametrize("language", ["es", "ar"])
def test_exercise_buttons_wrap_instead_of_widening_the_lesson(qtbot, opened, language):
    """In Spanish the row of a module's exercise buttons was wider than the lesson: a sideways scroll bar and
    every paragraph cut at the right edge."""
    from app.programs import loader

    win, ctx = opened
    ctx.set_language(language)
    progress.enrol(ctx.session.store, "worry")
    program = loader.cached("worry")
    for m in program.modules[:3]:
        progress.set_lesson_done(ctx.session.store, "worry", m.id)
        progress.add_clinician_unlock(ctx.session.store, "worry", m.id)
    win.resize(1000, 700)
    win.shell.go("program")
    page = win.shell.pages["program"]
    page.load(program.modules[2].id)
    qtbot.wait(100)
    assert len(page.module.exercises) >= 2
    view = page.lesson_area.viewport()
    assert not page.lesson_area.horizontalScrollBar().isVisible()
    buttons = layout_items.widgets(page.try_row)
    assert len(buttons) == len(page.module.exercises)
    for b in buttons:
        left = b.mapTo(view, b.rect().topLeft()).x()
        assert 0 <= left and left + b.width() <= view.width(), b.text()
    if language == "ar":  # right to left: the first button starts at the right
        first = buttons[0]
        assert first.mapTo(view, first.rect().topRight()).x() > view.width() - 80

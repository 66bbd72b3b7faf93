"""Answering questionnaires by keyboard, results in plain words, and the item-9 safety path."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.measures import engine, results
from app.programs import progress
from app.safety import plan
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture and helper
from ui.help_dialog import HelpDialog


@pytest.fixture
def opened(qtbot, make_window):  # noqa: F811
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.shell.go("measures")
    return win, ctx, win.shell.pages["measures"]


def type_answers(qtbot, page, digits: str):
    """Answer by keyboard only: each digit answers the focused question and moves on."""
    for d in digits:
        qtbot.keyClick(QApplication.focusWidget(), d)


def test_phq9_by_keyboard_alone(qtbot, opened):
    win, ctx, page = opened
    page.start(engine.shipped()["phq9"])
    assert QApplication.focusWidget() is page.form.rows[0]
    type_answers(qtbot, page, "121212120")   # nine keystrokes
    type_answers(qtbot, page, "1")           # the unscored difficulty question
    assert page.form.answers() == [1, 2, 1, 2, 1, 2, 1, 2, 0]
    qtbot.keyClick(page.submit, Qt.Key.Key_Space)
    assert page.stack.currentIndex() == 2
    assert "12 out of 27" in page.result_score.text()
    assert "moderate symptoms of depression" in page.result_band.text()
    assert "not a diagnosis" in page.result_note.text()
    saved = results.latest(ctx.session.store, "phq9")
    assert saved.total == 12 and saved.band == "moderate" and saved.flags == ()
    assert win.findChild(HelpDialog) is None  # no item-9 answer: no safety page


def test_arrow_keys_change_the_answer_and_move_between_questions(qtbot, opened):
    _win, _ctx, page = opened
    page.start(engine.shipped()["gad7"])
    first = page.form.rows[0]
    qtbot.keyClick(first, Qt.Key.Key_Right)
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert first.value() == 1
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is page.form.rows[1]


def test_item9_leads_straight_to_help_and_the_safety_plan(qtbot, opened):
    win, ctx, page = opened
    plan.save(ctx.session.store, "reasons", "My daughter Mia")
    page.start(engine.shipped()["phq9"])
    type_answers(qtbot, page, "000000001")   # total 1, minimal, but item 9 answered
    page.finish()
    dlg = win.findChild(HelpDialog)
    assert dlg is not None and dlg.isVisible() and dlg.after_answer
    assert "Thank you for answering honestly" in dlg.intro.text()
    assert "My daughter Mia" in dlg.plan_text()
    assert "Nobody watches this app" in dlg.not_watched.text()
    assert [k for k, _t in results.flags(ctx.session.store)] == ["suicidal_ideation"]
    assert page.result_score.text().startswith("1 out of 27")
    win.lock()  # the crisis lines stay on screen; the person's own plan does not
    assert dlg.isVisible() and dlg.plan_text() == "" and not any(w.isVisibleTo(dlg) for w in dlg.plan_sections)


def test_item9_help_shows_the_paired_clinicians_contact_details(qtbot, opened):
    from app.exchange import card

    win, ctx, page = opened
    doc, _key = ctx.manager.create("Dr Rivera", "clinician password", kind="clinician")
    card.set_details(doc, clinic="Riverside Talking Therapies", phone="+44 20 7946 0000", email="")
    card.pair(ctx.session, card.parse_card(card.make_card(doc)), confirmed=True)
    doc.lock()
    page.start(engine.shipped()["phq9"])
    type_answers(qtbot, page, "000000002")
    page.finish()
    dlg = win.findChild(HelpDialog)
    text = dlg.resources.text()
    assert dlg.clinician.isVisibleTo(dlg) and "Dr Rivera" in text and "Riverside Talking Therapies" in text
    assert "+44 20 7946 0000" in text and "working hours" in text
    win.lock()
    assert "Dr Rivera" not in dlg.resources.text() and not dlg.clinician.isVisibleTo(dlg)


def test_severe_score_recommends_a_professional(qtbot, opened):
    _win, _ctx, page = opened
    page.start(engine.shipped()["phq9"])
    type_answers(qtbot, page, "333333220")
    page.finish()
    assert page.result_professional.isVisibleTo(page) and "talk to a professional" in page.result_professional.text()


def test_unanswered_questions_warn_once(qtbot, opened):
    _win, ctx, page = opened
    page.start(engine.shipped()["gad7"])
    type_answers(qtbot, page, "12")
    page.finish()
    assert page.stack.currentIndex() == 1 and "5 questions are not answered" in page.form_error.text()
    page.finish()
    assert page.stack.currentIndex() == 2 and "Not scored" in page.result_score.text()
    assert results.latest(ctx.session.store, "gad7").total is None


def test_safety_plan_editor_saves_as_you_type(qtbot, opened):
    from ui.safety_plan import SafetyPlanDialog

    _win, ctx, _page = opened
    dlg = SafetyPlanDialog(ctx)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.boxes["warning_signs"], "Not sleeping, not answering messages")
    qtbot.waitUntil(lambda: plan.load(ctx.session.store)["warning_signs"].startswith("Not sleeping"), timeout=2000)
    dlg.boxes["help_people"].setPlainText("Sam 0100 000 000")
    dlg.reject()  # closing saves at once
    assert plan.load(ctx.session.store)["help_people"] == "Sam 0100 000 000"


def test_due_measures_follow_the_program_schedule(session):
    from app.programs import loader

    low = loader.cached("low-mood")
    progress.enrol(session.store, "low-mood")
    start = progress.active(session.store).started_at
    schedule = list(low.measures)
    assert set(results.due(session.store, schedule, start)) == {"phq9", "gad7", "wsas"}
    m = engine.shipped()
    results.save(session.store, m["phq9"], [0] * 9)
    results.save(session.store, m["wsas"], [0] * 5)
    assert results.due(session.store, schedule, start) == ["gad7"]
    later = datetime.now(timezone.utc) + timedelta(days=8)
    assert set(results.due(session.store, schedule, start, now=later)) == {"phq9", "gad7"}  # wsas: start only


def test_results_history_and_flags_in_the_store(session):
    m = engine.shipped()["phq9"]
    results.save(session.store, m, [1] * 9, taken_at="2026-01-01T10:00:00+00:00")
    results.save(session.store, m, [0] * 9, taken_at="2026-01-08T10:00:00+00:00")
    h = results.history(session.store, "phq9")
    assert [r.total for r in h] == [9.0, 0.0] and h[0].flags == ("suicidal_ideation",)
    assert len(results.flags(session.store)) == 1


def test_overview_shows_the_core_measures_then_the_programs_schedule(qtbot, opened):
    from app.programs import loader

    _win, ctx, page = opened
    page.show_overview()
    assert page._schedule() == (["phq9", "gad7", "wsas"], [])
    progress.enrol(ctx.session.store, "low-mood")
    shown, due = page._schedule()
    assert shown == [m["id"] for m in loader.cached("low-mood").measures] and set(due) == set(shown)
    page.show_overview()
    assert page.cards.count() == len(shown)


def test_home_offers_the_questionnaires_due_this_week(qtbot, opened):
    win, ctx, _page = opened
    home = win.shell.pages["home"]
    win.shell.go("home")
    home.load()
    assert not home.due_frame.isVisibleTo(home)  # no program, nothing scheduled
    progress.enrol(ctx.session.store, "low-mood")
    home.load()
    assert home.due_frame.isVisibleTo(home) and "PHQ-9" in home.due_text.text()
    qtbot.mouseClick(home.answer, Qt.MouseButton.LeftButton)
    assert win.shell.current_key() == "measures"


def test_english_questionnaire_stays_left_to_right_in_an_rtl_interface(qtbot, opened):
    from app import i18n

    _win, _ctx, page = opened
    i18n.set_language("ar")
    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        page.start(engine.shipped()["phq9"])
        assert not page.form.isRightToLeft()
        row = page.form.rows[0]
        qtbot.keyClick(row, Qt.Key.Key_Right)   # Right means "next answer" in this left-to-right form
        qtbot.keyClick(row, Qt.Key.Key_Right)
        assert row.value() == 1
    finally:
        i18n.set_language("en")
        QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)

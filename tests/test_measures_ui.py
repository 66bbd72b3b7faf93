"""Answering questionnaires by keyboard, results in plain words, and the item-9 safety path."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

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
    assert page.stack.currentIndex() == 1
    assert "Questions 3, 4, 5, 6, and 7 are not answered" in page.form_error.text()
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
    # due: what Home and the reminders call due too, only questionnaires this installation can show
    # (the WSAS ships without its wording until a clinic completes it)
    assert shown == [m["id"] for m in loader.cached("low-mood").measures] and set(due) == set(shown) - {"wsas"}
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
        # Buttons draw text in the interface's direction: a left-to-right mark keeps "0  Not at all" in order.
        assert row.buttons[0].text() == "\u200e0  Not at all" and not row.isRightToLeft()
        assert row.label.text() == "\u200e1. Little interest or pleasure in doing things"  # not "... .1"
        qtbot.keyClick(row, Qt.Key.Key_Right)   # Right means "next answer" in this left-to-right form
        qtbot.keyClick(row, Qt.Key.Key_Right)
        assert row.value() == 1
    finally:
        i18n.set_language("en")
        QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)


# --- issue 9: numbers beside the answers, the current question, Enter, tab order, screen readers ---------

from PySide6.QtGui import QAccessible, QPalette  # noqa: E402

from app.i18n import format_number  # noqa: E402
from ui import a11y  # noqa: E402


def _clinic_wsas(ctx):
    """The WSAS as a clinic completes it with its licensed copy (Hearth ships it without wording)."""
    from tests.test_measures_licence import CLINIC_WSAS

    folder = ctx.data_dir / "measures"
    folder.mkdir(exist_ok=True)
    (folder / "wsas.yaml").write_text(CLINIC_WSAS)
    return engine.available(folder)["wsas"]


def test_every_answer_shows_the_number_that_chooses_it(qtbot, opened):
    _win, ctx, page = opened
    wsas = _clinic_wsas(ctx)
    for measure in (engine.shipped()["phq9"], engine.shipped()["gad7"], wsas, engine.shipped()["pswq"]):
        page.start(measure)
        assert page.measure.id == measure.id
        for row in page.form.all_rows():
            for value, button in row.buttons.items():
                assert row.answer_of(value).split()[0] == format_number(value), button.text()
                row.set_value(None)
                qtbot.keyClick(row, str(value))
                assert row.value() == value and row.buttons[value].isChecked()
    page.start(engine.shipped()["phq9"])
    first = page.form.rows[0]
    qtbot.keyClick(first, "1")
    assert first.value() == 1 and first.answer_of(1) == "1  Several days"   # "1" is the answer showing 1
    assert page.form.rows[1].answer_of(0) == "0  Not at all"
    assert page.form.extra_rows[0].answer_of(0) == "0  Not difficult at all"


def test_wsas_answers_from_0_to_8_and_the_difficulty_item_has_no_stray_bullet(qtbot, opened):
    _win, ctx, page = opened
    page.start(_clinic_wsas(ctx))
    assert sorted(page.form.rows[0].buttons) == list(range(9))
    page.start(engine.shipped()["phq9"])
    difficulty = page.form.extra_rows[0]
    assert difficulty.label.text().lstrip("\u200e").startswith("If you checked off any problems")   # not "•. If you..."
    assert sorted(difficulty.buttons) == [0, 1, 2, 3]
    assert page.form.rows[8].label.text().lstrip("\u200e").startswith("9. Thoughts that you would be better off dead")


def test_the_current_question_is_highlighted_and_kept_in_view(qtbot, opened):
    win, _ctx, page = opened
    win.resize(900, 560)   # a short window: most questions are below the fold
    page.start(engine.shipped()["phq9"])
    qtbot.wait(50)
    viewport = page.form_scroll.viewport()
    for n, digit in enumerate("00000000"):
        type_answers(qtbot, page, digit)
        qtbot.wait(10)
        row = page.form.all_rows()[n + 1]
        assert QApplication.focusWidget() is row
        top = row.mapTo(viewport, row.rect().topLeft()).y()
        assert 0 <= top and top + row.height() <= viewport.height(), f"question {n + 2} is off screen"
        assert row.property("current") is True
        assert [r.property("current") for r in page.form.all_rows()].count(True) == 1
    # Visible, not only a focus ring: the current card is tinted and carries an accent edge.
    current = QApplication.focusWidget()
    accent = current.palette().color(QPalette.ColorRole.Highlight)
    focused = current.grab().toImage()
    edge = focused.pixelColor(4, current.height() // 2)
    assert abs(edge.red() - accent.red()) + abs(edge.green() - accent.green()) + abs(edge.blue() - accent.blue()) < 40
    other = page.form.rows[0].grab().toImage().pixelColor(4, page.form.rows[0].height() // 2)
    assert other != edge


def test_enter_shows_the_result_when_all_are_answered_and_says_which_are_missing_otherwise(qtbot, opened):
    _win, ctx, page = opened
    page.start(engine.shipped()["phq9"])
    type_answers(qtbot, page, "11")
    qtbot.keyClick(page.form.rows[2], Qt.Key.Key_Down)          # skip question 3
    type_answers(qtbot, page, "111")                              # 4, 5, 6
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # skip question 7
    a11y.forget_spoken()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 1
    error = page.form_error.text()
    assert "Questions 3, 7, 8, and 9 are not answered yet" in error and page.form_error.isVisibleTo(page)
    assert ("assertive", error) in a11y.spoken()
    first_missing = page.form.rows[2]
    assert QApplication.focusWidget() is first_missing and first_missing.accessibleDescription() == error
    qtbot.keyClick(first_missing, Qt.Key.Key_Return)             # Enter again: still only the message
    assert page.stack.currentIndex() == 1
    type_answers(qtbot, page, "1")                               # 3, then it moves on to 4
    for i in (6, 7, 8):
        page.form.rows[i].setFocus()
        type_answers(qtbot, page, "0")
    assert "Question" not in page.form_error.text() or page.form_error.isHidden()
    assert QApplication.focusWidget() is page.form.extra_rows[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 2 and results.latest(ctx.session.store, "phq9").total == 6


def test_after_the_last_answer_enter_on_the_focused_button_shows_the_result(qtbot, opened):
    _win, _ctx, page = opened
    page.start(engine.shipped()["gad7"])
    type_answers(qtbot, page, "1111111")
    type_answers(qtbot, page, "0")                               # the difficulty question
    assert QApplication.focusWidget() is page.submit
    qtbot.keyClick(page.submit, Qt.Key.Key_Return)
    assert page.stack.currentIndex() == 2 and "7 out of 21" in page.result_score.text()


def test_tab_goes_through_the_questions_first_then_cancel_and_the_result_button(qtbot, opened):
    _win, _ctx, page = opened
    page.start(engine.shipped()["phq9"])
    stops = []
    for _ in range(12):
        stops.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert stops == page.form.all_rows() + [page.cancel, page.submit]


def test_the_keyboard_help_names_the_keys_that_work(qtbot, opened):
    _win, _ctx, page = opened
    page.start(engine.shipped()["phq9"])
    hint = page.form_hint.text()
    for words in ("number shown beside your answer", "Up and Down", "Left and Right", "Enter"):
        assert words in hint


def test_questions_are_groups_named_and_described_for_screen_readers(qtbot, opened):
    _win, _ctx, page = opened
    a11y.forget_spoken()
    page.start(engine.shipped()["phq9"])
    row = page.form.rows[0]
    iface = QAccessible.queryAccessibleInterface(row)
    assert iface.role() == QAccessible.Role.Grouping
    assert iface.text(QAccessible.Text.Name) == "1. Little interest or pleasure in doing things"
    assert "Not answered" in iface.text(QAccessible.Text.Description)
    assert any("1. Little interest" in t and "Not answered" in t for _p, t in a11y.spoken())   # announced
    type_answers(qtbot, page, "2")
    assert iface.text(QAccessible.Text.Description) == "Answer: 2  More than half the days"
    assert any(t.startswith("2. Feeling down") for _p, t in a11y.spoken())                 # the next one too
    for r in page.form.rows[1:]:
        r.set_value(0)
    a11y.forget_spoken()
    page.finish()
    assert any("Your PHQ-9 result" in t and "2 out of 27" in t for _p, t in a11y.spoken())


def test_item9_opens_get_help_at_once_and_only_once_per_answering(qtbot, opened):
    win, ctx, page = opened
    requests = []
    ctx.help_requested.connect(requests.append)
    page.start(engine.shipped()["phq9"])
    type_answers(qtbot, page, "00000000")
    assert requests == []
    type_answers(qtbot, page, "1")                   # item 9 above 0: help at once, before "See my result"
    assert requests == [True]
    dlg = win.findChild(HelpDialog)
    assert dlg is not None and dlg.isVisible() and dlg.after_answer
    dlg.close()
    item9 = page.form.rows[8]
    item9.setFocus()
    qtbot.keyClick(item9, Qt.Key.Key_Right)          # changing the answer does not open it again
    type_answers(qtbot, page, "3")
    page.finish()
    assert requests == [True] and page.stack.currentIndex() == 2
    page.start(engine.shipped()["phq9"])             # a new answering: once again
    page.form.rows[8].setFocus()
    type_answers(qtbot, page, "2")
    assert requests == [True, True]


def test_result_keeps_a_calm_safety_card_after_an_item9_answer_whatever_the_total(qtbot, opened):
    win, ctx, page = opened
    ctx.set_country("GB")
    page.start(engine.shipped()["phq9"])
    type_answers(qtbot, page, "0000000010")          # total 1: minimal
    page.finish()
    for dlg in win.findChildren(HelpDialog):
        dlg.close()
    card = page.safety_card
    assert card.isVisibleTo(page)
    text = card.resources.text()
    assert "Emergency: call 999" in text and "Samaritans" in text
    assert "better off dead" in card.text.text() and "Thank you for answering honestly" in card.text.text()
    assert "Nobody sees these answers" in card.not_watched.text()          # never claims anyone is watching
    assert card.plan_button.isVisibleTo(page) and card.plan_button.text() == "Write my safety plan"
    assert "Dr Rivera" not in text
    assert page.result_band.text()                                          # the result itself is still there
    page.show_overview()
    page.start(engine.shipped()["phq9"])
    type_answers(qtbot, page, "0000000000")
    page.finish()
    assert not card.isVisibleTo(page)                                       # no item-9 answer: no card


def test_safety_card_shows_the_paired_clinician_and_opens_the_plan(qtbot, opened, monkeypatch):
    from app.exchange import card as cards

    _win, ctx, page = opened
    doc, _key = ctx.manager.create("Dr Rivera", "clinician password", kind="clinician")
    cards.set_details(doc, clinic="Riverside Talking Therapies", phone="+44 20 7946 0000", email="")
    cards.pair(ctx.session, cards.parse_card(cards.make_card(doc)), confirmed=True)
    doc.lock()
    plan.save(ctx.session.store, "reasons", "My daughter Mia")
    page.start(engine.shipped()["phq9"])
    for r in page.form.rows:
        r.set_value(3 if r is page.form.rows[8] else 0)
    page.finish()
    card = page.safety_card
    assert "Dr Rivera" in card.resources.text() and "+44 20 7946 0000" in card.resources.text()
    assert card.plan_button.text() == "Open my safety plan"
    opened_plans = []
    monkeypatch.setattr("ui.safety_plan.SafetyPlanDialog.exec", lambda self: opened_plans.append(self))
    qtbot.mouseClick(card.plan_button, Qt.MouseButton.LeftButton)
    assert len(opened_plans) == 1


def test_enter_presses_the_focused_button(qtbot, opened):
    """In the main window (not only in dialogs) Enter on a focused button presses it, once."""
    win, _ctx, page = opened
    overview = page.stack.currentWidget()
    answer = next(b for b in overview.findChildren(QPushButton) if b.isVisibleTo(win) and b.isEnabled())
    pressed = []
    answer.clicked.connect(lambda: pressed.append("Return"))
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Return)
    assert pressed == ["Return"] and page.stack.currentIndex() == 1  # the questionnaire opened
    page.cancel.setFocus()
    qtbot.keyClick(page.cancel, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # the keypad's Enter
    assert page.stack.currentIndex() == 0
    qtbot.keyClick(win.shell, Qt.Key.Key_Return)  # not on a button: nothing is pressed
    assert pressed == ["Return"]


def test_every_schedule_value_the_program_format_accepts_is_honoured(session):
    """weekly, start, each_module and end (program.schema.json accepts all four)."""
    import json
    from pathlib import Path

    from app.programs import loader

    schema = json.loads((Path(loader.__file__).parent / "program.schema.json").read_text())
    accepted = set(schema["properties"]["measures"]["items"]["properties"]["when"]["oneOf"][0]["enum"])
    assert accepted == {"weekly", "start", "each_module", "end"}  # weekly has its own test above
    low = loader.cached("low-mood")
    store, m = session.store, engine.shipped()
    t0 = datetime.now(timezone.utc) - timedelta(days=1)

    def at(hours: int) -> str:
        return (t0 + timedelta(hours=hours)).isoformat(timespec="seconds")

    progress.enrol(store, "low-mood", started_at=at(0))
    enrolment = progress.active(store)
    schedule = [{"id": "phq9", "when": "each_module"}, {"id": "wsas", "when": "end"},
                {"id": "gad7", "when": ["start"]}]
    modules = [mod.id for mod in low.modules]

    def due():
        return set(results.due(store, schedule, enrolment.started_at, modules=modules,
                               finished=progress.lessons_done(store, "low-mood")))

    assert due() == {"gad7"}                       # start: nothing answered since the start
    results.save(store, m["gad7"], [0] * 7, taken_at=at(1))
    assert due() == set()                          # no lesson finished yet: no module or end measure
    progress.set_lesson_done(store, "low-mood", modules[0], at=at(2))
    assert due() == {"phq9"}                       # each_module: a module was finished since the last PHQ-9
    results.save(store, m["phq9"], [0] * 9, taken_at=at(3))
    assert due() == set()
    for n, module in enumerate(modules[1:-1]):
        progress.set_lesson_done(store, "low-mood", module, at=at(4 + n))
    assert due() == {"phq9"}                       # once, however many modules were finished meanwhile
    results.save(store, m["phq9"], [0] * 9, taken_at=at(12))
    progress.set_lesson_done(store, "low-mood", modules[-1], at=at(13))
    assert due() == {"phq9", "wsas"}               # end: the last lesson is finished
    results.save(store, m["wsas"], [0] * 5, taken_at=at(14))
    assert due() == {"phq9"}
    # The shipped program: WSAS at the start and again at the end, through the function the pages use.
    assert "wsas" not in results.due_in_program(store, low, enrolment)

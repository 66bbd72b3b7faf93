"""The safety plan: reached from Exercises, Home and a lesson (by mouse and keyboard), its
"Professionals and crisis lines" suggested from the crisis data and the paired clinician but
never saved unasked and never over what the person wrote, and nothing typed lost (leaving the
page, closing the dialog, locking, two editors open at once)."""

from __future__ import annotations

import re
import textwrap

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from app.programs import loader, progress
from app.safety import crisis, plan
from tests.layout_checks import clipped_labels, unreachable_content
from tests.test_program_ui import opened  # noqa: F401 - fixture
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture and helper
from ui import theme
from ui.safety_plan import SafetyPlanDialog, SafetyPlanEditor

GB_LINES = ("Samaritans: call 116 123", "Emergency: call 999")
NO_DATA = "JP"  # a real country Hearth ships no crisis lines for


def _pair(ctx, phone="+44 20 7946 0000", email="rivera@example.org"):
    from app.exchange import card

    doc, _key = ctx.manager.create("Dr Rivera", "clinician password", kind="clinician")
    card.set_details(doc, clinic="Riverside Talking Therapies", phone=phone, email=email)
    card.pair(ctx.session, card.parse_card(card.make_card(doc)), confirmed=True)
    doc.lock()


def _plan_page(win):
    page = win.shell.pages["journal"]
    return page, page.plan, page.plan.editor


def _shown_plan(win) -> bool:
    page = win.shell.pages["journal"]
    return win.shell.current_key() == "journal" and page.stack.currentWidget() is page.plan


# --- what is suggested (app) -----------------------------------------------------------------

def test_suggestion_lists_the_clinician_first_then_the_crisis_lines_and_the_emergency_number(opened):
    _win, ctx = opened
    _pair(ctx)
    text = plan.professionals_suggestion(ctx.session, crisis.load("GB"))
    lines = text.split("\n")
    assert lines[0] == "Dr Rivera, Riverside Talking Therapies: +44 20 7946 0000 and rivera@example.org"
    assert any(line.startswith(GB_LINES[0]) for line in lines) and lines[-1] == GB_LINES[1]


def test_suggestion_without_a_clinician_or_without_crisis_data_invents_nothing(opened):
    _win, ctx = opened
    assert plan.professionals_suggestion(ctx.session, crisis.load(NO_DATA)) == ""
    only_lines = plan.professionals_suggestion(ctx.session, crisis.load("GB"))
    assert "Rivera" not in only_lines and GB_LINES[1] in only_lines
    _pair(ctx, phone="", email="")
    # A clinician whose card gives no number is named, with no number made up; no crisis line either.
    assert plan.professionals_suggestion(ctx.session, crisis.load(NO_DATA)) == "Dr Rivera, Riverside Talking Therapies"


def test_a_clinician_workspace_is_offered_no_patient_contacts(manager):
    doc, _key = manager.create("Dr Rivera", "clinician password", kind="clinician")
    try:
        assert plan.professionals_suggestion(doc, crisis.GENERIC) == ""
    finally:
        doc.lock()


# --- programs open it (format) --------------------------------------------------------------

MINI = textwrap.dedent("""\
    id: mini
    version: 1
    source_language: en
    title: Mini
    summary: A tiny program.
    audience: Tests.
    evidence_base: [Testing]
    modules:
      - id: one
        title: One
        summary: First.
        unlock: {rule: start}
        lesson: one.md
        exercises:
          - {kind: reflection, id: r1, title: Think, prompts: ["Why?"]}
        homework:
          - {id: hw1, text: Start your plan, exercise: safety-plan}
    """)


@pytest.fixture
def mini(tmp_path):
    folder = tmp_path / "programs" / "mini"
    folder.mkdir(parents=True)
    (folder / "program.yaml").write_text(MINI)
    (folder / "one.md").write_text("# One\n\n[Open my safety plan](exercise:safety-plan)\n")
    return folder


def test_a_lesson_link_and_a_homework_may_name_the_safety_plan(mini):
    program = loader.load(mini)
    assert program.modules[0].homework[0]["exercise"] == plan.TARGET


def test_no_exercise_may_take_the_safety_plans_name(mini):
    (mini / "program.yaml").write_text(MINI.replace("id: r1", "id: safety-plan"))
    with pytest.raises(loader.ProgramInvalid) as e:
        loader.load(mini)
    problems = "\n".join(map(str, e.value.problems))
    assert "program.yaml:15: modules/0/exercises/0/id: 'safety-plan' is kept for links" in problems


def test_a_misspelt_safety_plan_target_is_reported(mini):
    (mini / "one.md").write_text("# One\n\n[Open my safety plan](exercise:safety-plans)\n")
    with pytest.raises(loader.ProgramInvalid) as e:
        loader.load(mini)
    assert "one.md:3: link to unknown exercise 'safety-plans'" in "\n".join(map(str, e.value.problems))


@pytest.mark.parametrize("module_id", ["m1-understanding", "m8-staying-well"])
def test_low_mood_asks_for_the_plan_in_its_first_and_staying_well_modules(module_id):
    program = loader.cached("low-mood")
    module = program.module(module_id)
    lesson = (program.folder / module.lesson).read_text(encoding="utf-8")
    assert "](exercise:safety-plan)" in lesson
    assert any(hw.get("exercise") == plan.TARGET for hw in module.homework)
    assert any("Stanley & Brown" in source for source in program.evidence_base)


# --- reachable ------------------------------------------------------------------------------

def test_exercises_chooser_offers_the_plan_and_the_keyboard_reaches_it(qtbot, opened):
    win, _ctx = opened
    qtbot.keyClick(win, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)   # Exercises & journal
    page = win.shell.pages["journal"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.chooser, timeout=2000)
    assert page.chooser.itemText(1) == "My safety plan"
    assert page.stack.count() == 1  # the journal only: the plan is built when first chosen
    qtbot.keyClick(page.chooser, Qt.Key.Key_Down)                              # Journal -> My safety plan
    assert _shown_plan(win)
    _page, view, editor = _plan_page(win)
    qtbot.keyClick(page.chooser, Qt.Key.Key_Tab)                               # on into the first section
    assert QApplication.focusWidget() is editor.boxes["warning_signs"]
    assert editor.boxes["warning_signs"].accessibleName() == "My warning signs"


def test_home_invites_while_empty_is_quiet_once_written_and_opens_the_plan(qtbot, opened):
    win, ctx = opened
    home = win.shell.pages["home"]
    win.shell.go("home")
    assert home.plan_button.text() == "Write my safety plan" and home.plan_button.isVisibleTo(win)
    assert home.plan_button.property("role") != "primary"  # an invitation, not an alarm
    inviting = home.plan_text.text()
    qtbot.mouseClick(home.plan_button, Qt.MouseButton.LeftButton)
    _page, _view, editor = _plan_page(win)
    assert _shown_plan(win)
    assert QApplication.focusWidget() is editor.boxes["warning_signs"]        # straight to the first section
    qtbot.keyClicks(editor.boxes["warning_signs"], "Not sleeping")
    win.shell.go("home")                                                       # leaving saves
    assert plan.load(ctx.session.store)["warning_signs"] == "Not sleeping"
    assert home.plan_button.text() == "Open my safety plan" and home.plan_text.text() != inviting
    home.plan_button.setFocus()
    qtbot.keyClick(home.plan_button, Qt.Key.Key_Space)                         # by keyboard too
    assert _shown_plan(win)
    assert QApplication.focusWidget() is editor.boxes["coping"]               # the first section still empty


def test_lesson_link_and_try_it_now_button_open_the_plan(qtbot, opened):
    win, ctx = opened
    progress.enrol(ctx.session.store, "low-mood")
    win.shell.go("program")
    page = win.shell.pages["program"]
    page.load("m1-understanding")
    links = re.findall(r'<a href="(exercise:[^"]+)"[^>]*>(.*?)</a>', page.lesson.toHtml(), re.S)
    href = next(h for h, text in links if "safety plan" in text)
    page._link(QUrl(href))
    assert _shown_plan(win)
    win.shell.go("program")
    assert page.plan_button.isVisibleTo(win) and page.plan_button.text() == "My safety plan"
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    assert _shown_plan(win)
    win.shell.go("program")
    page.load("m2-activity-monitoring")  # its homework does not ask for the plan
    assert not page.plan_button.isVisibleTo(win)


# --- the suggestion in the editor -------------------------------------------------------------

def test_suggestion_is_offered_marked_and_saved_only_when_added(qtbot, opened):
    win, ctx = opened
    ctx.set_country("GB")
    _pair(ctx)
    win.shell.open_safety_plan()
    _page, _view, editor = _plan_page(win)
    box = editor.boxes["professionals"]
    assert box.toPlainText() == "" and editor.suggestion_row.isVisibleTo(win)
    assert editor.suggestion_note.text().startswith("Suggested:") and "United Kingdom" in editor.suggestion_note.text()
    assert "+44 20 7946 0000" in editor.suggestion_text.text() and GB_LINES[1] in editor.suggestion_text.text()
    assert "Suggested, not yet added" in box.accessibleDescription()
    win.shell.go("home")
    assert plan.load(ctx.session.store)["professionals"] == ""     # looked at, not added: nothing saved
    win.shell.open_safety_plan()
    editor.use_suggestion.setFocus()
    qtbot.keyClick(editor.use_suggestion, Qt.Key.Key_Space)
    saved = plan.load(ctx.session.store)["professionals"]
    assert saved == box.toPlainText() and saved.startswith("Dr Rivera") and GB_LINES[1] in saved
    assert not editor.suggestion_row.isVisibleTo(win) and QApplication.focusWidget() is box
    qtbot.keyClick(box, Qt.Key.Key_Return)                                    # it is theirs to change
    qtbot.keyClicks(box, "Dr Okafor (GP) 020 7000 0000")
    editor.flush()
    assert plan.load(ctx.session.store)["professionals"].endswith("Dr Okafor (GP) 020 7000 0000")


def test_suggestion_never_replaces_what_the_person_wrote(qtbot, opened):
    win, ctx = opened
    ctx.set_country("GB")
    plan.save(ctx.session.store, "professionals", "Dr Okafor (GP) 020 7000 0000")
    win.shell.open_safety_plan()
    _page, _view, editor = _plan_page(win)
    box = editor.boxes["professionals"]
    assert box.toPlainText() == "Dr Okafor (GP) 020 7000 0000" and not editor.suggestion_row.isVisibleTo(win)
    editor.add_suggestion()                                                   # even if asked
    assert box.toPlainText() == "Dr Okafor (GP) 020 7000 0000"
    box.clear()                                                               # emptied: offered again
    assert editor.suggestion_row.isVisibleTo(win)
    qtbot.keyClicks(box, "M")                                                 # typing hides it at once
    assert not editor.suggestion_row.isVisibleTo(win)
    editor.flush()
    assert plan.load(ctx.session.store)["professionals"] == "M"


def test_nothing_is_suggested_without_a_clinician_and_crisis_data(qtbot, opened):
    win, ctx = opened
    ctx.set_country(NO_DATA)
    win.shell.open_safety_plan()
    _page, _view, editor = _plan_page(win)
    assert not editor.suggestion_row.isVisibleTo(win) and editor.suggestion() == ""
    editor.add_suggestion()
    assert editor.boxes["professionals"].toPlainText() == ""
    _pair(ctx)
    win.shell.go("home")
    win.shell.open_safety_plan()                                              # paired since: the clinician only
    assert editor.suggestion().startswith("Dr Rivera") and "Emergency" not in editor.suggestion()
    assert editor.suggestion_note.text().startswith("Suggested: your clinician's details.")


# --- nothing typed is lost ----------------------------------------------------------------------

def test_what_is_typed_on_the_page_survives_an_immediate_lock(qtbot, opened):
    win, ctx = opened
    win.shell.open_safety_plan()
    _page, _view, editor = _plan_page(win)
    qtbot.keyClicks(editor.boxes["reasons"], "My cat Pixel")
    store_path = ctx.session.store
    assert plan.load(store_path)["reasons"] == ""                              # not yet: it waits for a pause
    qtbot.keyClick(win, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)    # lock at once
    assert not ctx.unlocked
    assert all(box.toPlainText() == "" for box in editor.boxes.values())       # nothing shown once locked
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert plan.load(ctx.session.store)["reasons"] == "My cat Pixel"
    win.shell.open_safety_plan()
    assert editor.boxes["reasons"].toPlainText() == "My cat Pixel"


def test_what_is_typed_in_the_dialog_survives_a_lock_while_it_is_open(qtbot, opened):
    win, ctx = opened
    dlg = SafetyPlanDialog(ctx, win)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.keyClicks(dlg.boxes["coping"], "A walk by the river")
    win.lock()
    assert not dlg.isVisible()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    assert plan.load(ctx.session.store)["coping"] == "A walk by the river"


def test_saved_as_you_type_without_leaving(qtbot, opened):
    win, ctx = opened
    win.shell.open_safety_plan()
    _page, _view, editor = _plan_page(win)
    qtbot.keyClicks(editor.boxes["distraction"], "The library")
    assert editor.status.text() == "Saving\u2026"
    qtbot.waitUntil(lambda: plan.load(ctx.session.store)["distraction"] == "The library", timeout=3000)
    assert editor.status.text() == "Saved"


def test_two_open_editors_never_write_back_an_older_text(qtbot, opened):
    """The page is open with the plan; over it, Get help now's dialog edits another section."""
    win, ctx = opened
    plan.save(ctx.session.store, "help_people", "Amira 0100 000 000")
    win.shell.open_safety_plan()
    _page, _view, page_editor = _plan_page(win)
    qtbot.keyClicks(page_editor.boxes["warning_signs"], "Not sleeping")       # typed, not saved yet
    dlg = SafetyPlanDialog(ctx, win)
    qtbot.addWidget(dlg)
    assert dlg.boxes["warning_signs"].toPlainText() == "Not sleeping"         # it saved first, then opened
    dlg.boxes["help_people"].setPlainText("Amira 0100 000 000\nJonas 0100 111 111")
    dlg.reject()
    assert page_editor.boxes["help_people"].toPlainText().endswith("Jonas 0100 111 111")  # taken up at once
    qtbot.keyClicks(page_editor.boxes["warning_signs"], ", cancelling plans")
    page_editor.flush()
    stored = plan.load(ctx.session.store)
    assert stored["warning_signs"] == "Not sleeping, cancelling plans"
    assert stored["help_people"] == "Amira 0100 000 000\nJonas 0100 111 111"


def test_one_editor_widget_serves_the_page_and_the_dialog(opened):
    win, ctx = opened
    _page, view, _editor = _plan_page(win)
    dlg = SafetyPlanDialog(ctx, win)
    assert isinstance(view.editor, SafetyPlanEditor) and isinstance(dlg.editor, SafetyPlanEditor)
    assert set(dlg.boxes) == set(plan.SECTION_IDS)
    dlg.deleteLater()


# --- languages and text size -----------------------------------------------------------------------

@pytest.mark.parametrize("language", ["ar", "en_XA"])
def test_plan_page_never_clips_right_to_left_or_long_at_a_large_text_size(qtbot, opened, language):
    win, ctx = opened
    ctx.set_language(language)
    ctx.set_country("GB")
    _pair(ctx)
    ctx.set_appearance(text_scale=150)
    try:
        win.shell.open_safety_plan()
        _page, view, editor = _plan_page(win)
        qtbot.wait(50)
        assert editor.suggestion_row.isVisibleTo(win)
        assert clipped_labels(view) == [] and unreachable_content(view) == []
        assert (QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft) == (language == "ar")
        home = win.shell.pages["home"]
        win.shell.go("home")
        qtbot.wait(50)
        assert clipped_labels(home.plan_frame) == []
    finally:
        theme.apply(QApplication.instance(), "system", 100)


def test_a_lock_leaves_no_copy_of_the_plan_in_any_editor(qtbot, opened):
    win, ctx = opened
    plan.save(ctx.session.store, "reasons", "My cat Pixel")
    win.shell.open_safety_plan()
    dlg = SafetyPlanDialog(ctx, win)   # e.g. opened over Get help now, then hidden
    qtbot.addWidget(dlg)
    editors = win.findChildren(SafetyPlanEditor)
    assert len(editors) == 2 and all(e.boxes["reasons"].toPlainText() == "My cat Pixel" for e in editors)
    win.lock()
    assert all(box.toPlainText() == "" for e in editors for box in e.boxes.values())


def test_get_help_nows_plan_editor_is_gone_once_closed(qtbot, opened, monkeypatch):
    from ui.help_dialog import HelpDialog

    win, ctx = opened
    help_dialog = HelpDialog(ctx, win)
    qtbot.addWidget(help_dialog)
    monkeypatch.setattr(SafetyPlanDialog, "exec", lambda self: self.close())
    help_dialog.plan_button.click()
    QApplication.sendPostedEvents(None, 0)
    qtbot.wait(10)
    assert help_dialog.findChildren(SafetyPlanDialog) == []

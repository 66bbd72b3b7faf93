"""Every exercise and the journal by keyboard, in a whole window: Tab follows the screen and moves on.

Tab is pressed for real (not read from the focus chain), from the exercise chooser until focus
leaves the page; the stops inside the form must come in the order they are seen on screen, in
English and in Arabic (right to left), also after rows were added. Errors land on their field.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QPushButton

from app.programs import loader
from tests.editors import follows
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture
from ui import a11y
from ui.exercises import registry

PROGRAM_SPECS = {"quiz": "m1-quiz", "reflection": "m1-hopes"}  # kinds that need their lesson's content
KINDS = ["journal", *sorted(registry.editors())]


def open_window(qtbot, make_window, language="en"):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    if language != "en":
        ctx.set_language(language)
    win.shell.go("journal")
    return win, ctx, win.shell.pages["journal"]


def open_kind(page, kind):
    if kind == "journal":
        page.open("journal")
        return page.journal
    spec_id = PROGRAM_SPECS.get(kind)
    if spec_id:
        program = loader.cached("low-mood")
        spec = program.all_exercises()[spec_id]
        page.open(kind, spec, "low-mood", "m1-understanding")
    else:
        page.open(kind)
    return page.stack.currentWidget()


def tab_walk(page, start, limit=200):
    """Press Tab from ``start`` until focus leaves ``page``; returns (stops inside, first stop outside)."""
    start.setFocus(Qt.FocusReason.OtherFocusReason)
    stops = [start]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or not page.isAncestorOf(now):
            return stops, now
        if now is not stops[-1]:  # a date field's sections take a Tab each
            stops.append(now)
    return stops, None


@pytest.mark.parametrize("language", ["en", "ar"])
def test_tab_goes_through_every_form_in_screen_order_and_then_leaves(qtbot, make_window, language):
    win, ctx, page = open_window(qtbot, make_window, language)
    for kind in KINDS:
        check_tab_order(win, page, kind, rtl=language == "ar")


def check_tab_order(win, page, kind, *, rtl):
    host = open_kind(page, kind)
    for add in [b for b in host.findChildren(QPushButton) if b.isVisible() and b.text().startswith(("Add ", "\u0623"))]:
        add.click()  # rows added after the window was built must join the tab order in their place
    QApplication.processEvents()  # new rows are shown by a queued call
    stops, outside = tab_walk(page, page.chooser)
    assert outside is not None, f"Tab never leaves the {kind} page (a keyboard trap)"
    assert outside.window() is win and not win.shell.stack.isAncestorOf(outside), "on to the toolbar or sidebar"
    browser = host.browser
    assert stops[:2] == [page.chooser, browser.new_button], kind
    assert stops[-1] is browser.save_button, f"{kind}: Save is not the last stop"
    editor = browser.editor
    form = [w for w in stops if editor.isAncestorOf(w)]
    assert len(form) >= 2, kind
    for a, b in zip(form, form[1:]):
        assert follows(a, b, editor, rtl=rtl), f"{kind}: '{a.accessibleName()}' comes before '{b.accessibleName()}'"
    # Every stop has a name a screen reader can say.
    for w in stops:
        assert w.accessibleName() or getattr(w, "text", lambda: "")(), f"{kind}: unnamed {type(w).__name__}"


def test_tab_in_the_journal_text_moves_on_and_types_no_tab(qtbot, make_window):
    win, ctx, page = open_window(qtbot, make_window)
    body = page.journal.body
    body.setFocus()
    QTest.keyClicks(body, "Walked to the shop")
    QTest.keyClick(body, Qt.Key.Key_Tab)
    assert "\t" not in body.toPlainText()
    assert QApplication.focusWidget() is not body
    for box in page.findChildren(QPlainTextEdit):
        assert box.tabChangesFocus(), box.accessibleName()


def test_every_multiline_box_in_every_exercise_lets_tab_move_on(qtbot, make_window):
    win, ctx, page = open_window(qtbot, make_window)
    for kind in KINDS:
        host = open_kind(page, kind)
        for box in host.findChildren(QPlainTextEdit):
            assert box.tabChangesFocus(), f"{kind}: {box.accessibleName()}"


ERROR_FIELDS = {"problem-solving": "problem", "thought-record": "situation", "values-activities": "area",
                "activity-monitoring": "activity", "journal": "body", "breathing": None, "reflection": None,
                "quiz": None, "interoceptive": None, "mindful-attention": None, "worry-diary": "worry",
                "behavioural-experiment": "belief", "worry-time": None,
                "fear-ladder": "name", "exposure-log": "step_choice"}


def test_a_save_error_is_tied_to_its_field_focused_and_spoken(qtbot, make_window):
    win, ctx, page = open_window(qtbot, make_window)
    for kind, field in ERROR_FIELDS.items():
        check_error(page, kind, field)


def check_error(page, kind, field):
    host = open_kind(page, kind)
    browser = host.browser
    if kind == "activity-monitoring":
        browser.editor.activity.clear()
    a11y.forget_spoken()
    browser.save()
    message = browser.error.text()
    assert message and browser.error.isVisible()
    target = QApplication.focusWidget()
    assert browser.editor.isAncestorOf(target), f"{kind}: focus goes to the field that needs attention"
    if field:
        assert target is getattr(browser.editor, field), kind
    assert target.accessibleDescription() == message, kind
    assert ("assertive", message) in a11y.spoken(), kind
    # Filling it in and saving clears the error and gives the field its own description back.
    browser.editor.set_data({})
    browser.new_entry()
    assert not browser.error.isVisible() and target.accessibleDescription() != message


def test_the_difficulty_box_of_each_activity_is_named(qtbot, make_window):
    from PySide6.QtGui import QAccessible

    win, ctx, page = open_window(qtbot, make_window)
    host = open_kind(page, "values-activities")
    editor = host.browser.editor
    editor.activities.add_button.click()
    QApplication.processEvents()
    for number, row in enumerate(editor.activities.rows, 1):
        assert row.difficulty.accessibleName() == f"How hard activity {number} feels"
        # On Linux a combo box's name is its current text; what it is for comes from its label.
        iface = QAccessible.queryAccessibleInterface(row.difficulty)
        labels = [other.text(QAccessible.Text.Name) for other, _rel in iface.relations(QAccessible.RelationFlag.Label)]
        assert labels == ["How hard?"] and row.difficulty_label.isVisible()

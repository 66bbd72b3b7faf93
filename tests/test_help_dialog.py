"""Get help now, the safety plan and the suitability dialog: never clipped, every number reachable by keyboard,
spoken as they open, and countries in alphabetical order of the interface language."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from app.measures import suitability
from app.safety import plan
from tests.layout_checks import clipped_labels, fits_screen, unreachable_content
from tests.test_measures_ui import opened  # noqa: F401 - fixture
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui import a11y, theme
from ui.crisis_view import ReadableLine
from ui.help_dialog import HelpDialog

LONG_PLAN = {
    "warning_signs": "Not sleeping, cancelling plans, staying in bed all day, not answering messages from anyone.",
    "coping": "A long walk by the river\nMusic with headphones\nA cold shower\nWriting it all down",
    "distraction": "The library on Park Street, my sister's kitchen, the climbing wall on Thursdays.",
    "help_people": "Amira (sister) 0100 000 000\nJonas (friend) 0100 111 111\nMy neighbour Mrs Okafor",
    "professionals": "Dr Weber, practice 030 1234 5678\nTelefonSeelsorge 0800 111 0 111",
    "safe_surroundings": "Give the tablets to Amira to keep. Stay with someone when things are at their worst.",
    "reasons": "My sister, my cat Pixel, finishing my course, the trip to Lisbon next spring, my grandmother.",
}


@pytest.fixture
def large_text(opened):  # noqa: F811
    """The largest text size Settings offers; put back afterwards (the application font is shared)."""
    _win, ctx, _page = opened
    ctx.set_appearance(text_scale=175)
    yield opened
    theme.apply(QApplication.instance(), "system", 100)


def _fill_plan(ctx):
    for sid, text in LONG_PLAN.items():
        plan.save(ctx.session.store, sid, text)


def _pair_clinician(ctx):
    from app.exchange import card

    doc, _key = ctx.manager.create("Dr Rivera", "clinician password", kind="clinician")
    card.set_details(doc, clinic="Riverside Talking Therapies", phone="+44 20 7946 0000", email="")
    card.pair(ctx.session, card.parse_card(card.make_card(doc)), confirmed=True)
    doc.lock()


def _open(qtbot, win, ctx, after_answer=True) -> HelpDialog:
    dlg = HelpDialog(ctx, win, after_answer=after_answer)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def _squeeze_to_laptop(qtbot, dlg):
    """As on a 1366x768 laptop with a task bar: at most about 700 px of height for the dialog."""
    dlg.resize(min(dlg.width(), 1300), min(dlg.height(), 700))
    qtbot.wait(50)


@pytest.mark.parametrize("language", ["de", "en_XA"])
def test_get_help_now_scrolls_and_never_clips_at_the_largest_text_size(qtbot, large_text, language):
    win, ctx, _page = large_text
    ctx.set_language(language)
    ctx.set_country("DE")
    _fill_plan(ctx)
    _pair_clinician(ctx)
    dlg = _open(qtbot, win, ctx)
    assert fits_screen(dlg)   # opened within the screen, however long the content
    _squeeze_to_laptop(qtbot, dlg)
    assert clipped_labels(dlg) == [] and unreachable_content(dlg) == []
    assert dlg.scroll.verticalScrollBar().maximum() > 0   # it scrolls instead
    reasons = next(w for w in dlg.plan_sections if "Pixel" in w.plain_text())
    dlg.scroll.ensureWidgetVisible(reasons)
    qtbot.wait(20)
    top_left = reasons.mapTo(dlg.scroll.viewport(), reasons.rect().topLeft())
    assert 0 <= top_left.y() and top_left.y() + reasons.height() <= dlg.scroll.viewport().height()


def _tab_cycle(qtbot, dlg, limit=60) -> list:
    seen = []
    start = QApplication.focusWidget()
    for _ in range(limit):
        w = QApplication.focusWidget()
        if w in seen:
            break
        seen.append(w)
        qtbot.keyClick(w, Qt.Key.Key_Tab)
    assert start in seen
    return seen


def test_every_number_the_clinician_and_the_plan_are_reached_by_tab_in_visual_order(qtbot, opened):  # noqa: F811
    win, ctx, _page = opened
    ctx.set_country("DE")
    plan.save(ctx.session.store, "help_people", "Amira (sister) 0100 000 000")
    plan.save(ctx.session.store, "reasons", "My cat Pixel")
    _pair_clinician(ctx)
    dlg = _open(qtbot, win, ctx, after_answer=False)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.resources.emergency, timeout=2000)
    stops = _tab_cycle(qtbot, dlg)
    texts = [w.plain_text() for w in stops if isinstance(w, ReadableLine)]
    assert texts[0] == "Emergency: call 112"                     # the first stop: what to do now
    assert any("0800 111 0 111" in t for t in texts) and any("0800 111 0 222" in t for t in texts)
    assert any("+44 20 7946 0000" in t for t in texts)           # the clinician's number
    assert any("Amira (sister) 0100 000 000" in t for t in texts) and any("Pixel" in t for t in texts)
    assert any(isinstance(w, QComboBox) for w in stops)
    assert dlg.plan_button in stops and any(isinstance(w, QPushButton) and w.text() for w in stops[-1:])
    body_stops = [w for w in stops if dlg.body.isAncestorOf(w)]
    ys = [w.mapTo(dlg.body, w.rect().topLeft()).y() for w in body_stops]
    assert ys == sorted(ys)                                      # top to bottom, as the eye reads
    for w in stops:
        assert w.accessibleName() or QAccessible.queryAccessibleInterface(w).text(QAccessible.Text.Name)


def test_tab_selects_a_number_so_ctrl_c_copies_it(qtbot, opened):  # noqa: F811
    win, ctx, _page = opened
    ctx.set_country("GB")
    dlg = _open(qtbot, win, ctx, after_answer=False)
    dlg.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dlg.resources.emergency, timeout=2000)
    qtbot.keyClick(dlg.resources.emergency, Qt.Key.Key_Tab)
    line = QApplication.focusWidget()
    assert line is dlg.resources.lines[0] and "Samaritans" in line.plain_text()
    assert line.selectedText() == line.plain_text()
    QGuiApplication.clipboard().clear()
    QApplication.sendEvent(line, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier,
                                           "c"))
    assert QGuiApplication.clipboard().text() == line.plain_text()


def test_opening_speaks_the_heading_and_the_emergency_line(qtbot, opened):  # noqa: F811
    win, ctx, _page = opened
    ctx.set_country("GB")
    for after_answer, politeness in ((False, "polite"), (True, "assertive")):   # assertive after a self-harm answer
        a11y.forget_spoken()
        _open(qtbot, win, ctx, after_answer=after_answer).close()
        assert (politeness, "Get help now. Emergency: call 999") in a11y.spoken()


def test_a_self_harm_answer_while_open_is_spoken_assertively(qtbot, opened):  # noqa: F811
    win, ctx, _page = opened
    win.show_help(False)
    a11y.forget_spoken()
    win.show_help(True)   # the dialog was already open: it changes its words and speaks up
    dlg = win.findChild(HelpDialog)
    assert dlg.after_answer and "Thank you for answering honestly" in dlg.intro.text()
    assert [p for p, _t in a11y.spoken()] == ["assertive"]


def _country_names(dlg) -> list[str]:
    return [dlg.country.itemText(i) for i in range(dlg.country.count())]


def test_countries_are_in_alphabetical_order_of_the_interface_language(qtbot, opened):  # noqa: F811
    win, ctx, _page = opened
    dlg = _open(qtbot, win, ctx, after_answer=False)
    names = _country_names(dlg)
    assert names[0] == "Other country"
    assert names[1:4] == ["Australia", "Austria", "Canada"]
    assert names[1:] == sorted(names[1:])
    ctx.set_language("de")
    dlg.retranslate()
    names = _country_names(dlg)
    assert names[0] == "Anderes Land"
    assert names.index("Niederlande") < names.index("Österreich") < names.index("Spanien")
    assert names.index("Kanada") < names.index("Neuseeland")


def test_safety_plan_editor_fits_and_scrolls_at_the_largest_text_size(qtbot, large_text):
    from ui.safety_plan import SafetyPlanDialog

    win, ctx, _page = large_text
    ctx.set_language("en_XA")
    _fill_plan(ctx)
    dlg = SafetyPlanDialog(ctx, win)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    assert fits_screen(dlg)
    _squeeze_to_laptop(qtbot, dlg)
    assert clipped_labels(dlg) == [] and unreachable_content(dlg) == []
    dlg.reject()


def test_suitability_dialog_never_clips_at_the_largest_text_size(qtbot):
    from app import i18n
    from ui.suitability import SuitabilityDialog

    theme.apply(QApplication.instance(), "light", 175)
    try:
        for language in ("de", "en_XA"):
            i18n.set_language(language)
            a11y.forget_spoken()
            dlg = SuitabilityDialog(suitability.Concern((suitability.SELF_HARM,), datetime.now(timezone.utc), 22.0))
            qtbot.addWidget(dlg)
            dlg.show()
            qtbot.waitExposed(dlg)
            assert fits_screen(dlg)
            dlg.resize(dlg.minimumSizeHint().width(), min(dlg.height(), 360))   # a narrow, short window
            qtbot.wait(50)
            assert clipped_labels(dlg) == [] and unreachable_content(dlg) == [], language
            assert any(dlg.text.text() == t for _p, t in a11y.spoken())
            dlg.close()
    finally:
        theme.apply(QApplication.instance(), "system", 100)

"""Exposure practice log: the validator's refusals, the store round trip, the link to a ladder step
(and what is left when the step or ladder goes), the queries behind the charts, the editor with its
charts, the Progress chart, and the clinician reading a practice in words after an exchange."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from app import drafts, trends
from app.exercises import exposure, limits, readable
from app.exercises import store as ex_store
from app.exercises.kinds import exposure_log as core
from tests.editors import make
from tests.test_ui import make_window  # noqa: F401 - fixture

PRACTICE = {"ladder_id": "ladder1", "step_id": "s2", "ladder": "Taking the bus", "step": "Ride two stops",
            "date": "2026-11-25", "minutes": 25, "before": 50, "peak": 75, "end": 35,
            "predicted": "I will faint", "happened": "Heart raced, no faint", "safety_dropped": "Sat far from the door",
            "learned": "The wave passes"}
LADDER = {"name": "Taking the bus", "steps": [{"id": "s1", "text": "Stand at the stop", "distress": 30},
                                              {"id": "s2", "text": "Ride two stops", "distress": 60}]}


def _with(**changes):
    return {**PRACTICE, **changes}


@pytest.mark.parametrize("data, field, message", [
    (_with(step=""), "step", "Choose the step you practised"),
    (_with(step="   ", ladder_id="", step_id=""), "step", "Choose the step you practised"),
    (_with(date=""), "date", "Give the date of the practice"),
    (_with(date=None), "date", "Give the date of the practice"),
])
def test_what_the_person_must_fill_in_is_named_kindly(data, field, message):
    with pytest.raises(limits.Missing) as caught:
        core.normalize(data)
    assert caught.value.field == field and caught.value.message.startswith(message)


@pytest.mark.parametrize("data", [
    None, [], "practice", _with(ladder_id=""), _with(step_id=""), _with(ladder_id="a b"), _with(step_id=5),
    _with(date="25/11/2026"), _with(date="2026-02-30"), _with(date=20261125), _with(peak="high"),
    _with(before=True), _with(minutes="long"), _with(learned=["x"]), _with(step=7), _with(ladder={"x": 1}),
])
def test_malformed_practices_are_refused(data):
    with pytest.raises(ValueError) as caught:
        core.normalize(data)
    assert not isinstance(caught.value, limits.Missing)


def test_normalize_bounds_and_keeps_every_field():
    clean = core.normalize(_with(peak=250, before=-4, minutes=100_000, learned="x" * 30_000))
    assert (clean["peak"], clean["before"], clean["minutes"]) == (100, 0, core.MAX_MINUTES)
    assert len(clean["learned"]) == limits.MAX_TEXT and set(clean) == set(PRACTICE)
    free = core.normalize({"step": "Queue at the shop", "date": "2026-11-01"})
    assert (free["ladder_id"], free["step_id"], free["peak"], free["minutes"]) == ("", "", None, None)
    assert core.normalize(clean) == clean


def test_round_trip_and_readable_form_in_the_forms_order(session):
    entry = ex_store.add(session.store, "exposure-log", PRACTICE)
    again = ex_store.get(session.store, entry.id)
    assert again.data == core.normalize(PRACTICE)
    assert again.summary == "Nov 25, 2026 \u00b7 Ride two stops"
    lines = readable.lines("exposure-log", again.data)
    assert [x.label for x in lines] == [
        "Step practised", "Date", "How long", "What did you expect would happen?", "Safety behaviours you dropped",
        "Distress just before", "Distress at its highest", "Distress at the end", "What actually happened?",
        "What did you learn?"]
    by = {x.label: x.value for x in lines}
    assert by["Step practised"] == "Ride two stops (Taking the bus)" and by["How long"] == "25 min"
    assert by["Distress at its highest"] == "75 out of 100"


# --- the queries behind the charts and the step choice ---------------------------------------------

def _log(store, ladder_id, step_id, step, day, peak, **more):
    return ex_store.add(store, "exposure-log", {"ladder_id": ladder_id, "step_id": step_id, "step": step,
                                                "date": day, "peak": peak, **more})


def test_ladder_steps_lists_every_step_of_every_ladder_in_order(session):
    a = ex_store.add(session.store, "fear-ladder", LADDER)
    b = ex_store.add(session.store, "fear-ladder", {"name": "Heart", "steps": [
        {"id": "h1", "text": "Climb stairs", "done_on": "2026-11-02"}]})
    steps = exposure.ladder_steps(session.store)
    order = [s.ladder_id for s in steps]
    assert order == sorted(order, key=order.index)  # each ladder's steps together
    by = {}
    for s in steps:
        by.setdefault(s.ladder_id, []).append((s.step_id, s.step, s.ladder, s.distress, s.done_on))
    assert by == {a.id: [("s1", "Stand at the stop", "Taking the bus", 30, None),
                         ("s2", "Ride two stops", "Taking the bus", 60, None)],
                  b.id: [("h1", "Climb stairs", "Heart", None, "2026-11-02")]}


def test_peaks_per_step_oldest_first_without_unrated_practices(session):
    s = session.store
    _log(s, "L", "s2", "Ride", "2026-11-25", 40)
    _log(s, "L", "s2", "Ride", "2026-11-20", 80)
    _log(s, "L", "s2", "Ride", "2026-11-22", None)
    _log(s, "L", "s1", "Stand", "2026-11-21", 30)
    _log(s, "", "", "Queue at the shop", "2026-11-23", 50)
    _log(s, "", "", "queue at the shop ", "2026-11-24", 45)
    assert [(p.day, p.peak) for p in exposure.step_peaks(s, "L", "s2")] == [
        (date(2026, 11, 20), 80), (date(2026, 11, 25), 40)]
    series = exposure.peak_series(s)
    assert [(x.step_id, x.step, [p.peak for p in x.practices]) for x in series] == [
        ("s2", "Ride", [80, 40]), ("s1", "Stand", [30]), ("", "queue at the shop", [50, 45])]
    assert [x.step for x in exposure.peak_series(s, top=2)] == ["Ride", "queue at the shop"]  # the most recent two


def test_chart_queries_read_only_the_charted_fields(session, monkeypatch):
    """The SQL asks for the few fields charted, never for whole entries."""
    seen = []
    real = type(session.store).query

    def spy(self, sql, params=()):
        seen.append(sql)
        return real(self, sql, params)

    monkeypatch.setattr(type(session.store), "query", spy)
    exposure.peak_series(session.store)
    exposure.step_peaks(session.store, "L", "s1")
    exposure.ladder_steps(session.store)
    assert len(seen) == 3
    for sql in seen:
        columns = re.sub(r"json_extract\([^)]*\)", "field", sql.split(" FROM ")[0])
        assert not re.search(r"\bdata\b|\*", columns), sql


# --- the editor ----------------------------------------------------------------------------------------

def _ctx(session, tmp_path):
    return SimpleNamespace(session=session, theme_name="light", data_dir=Path(tmp_path))


def _host(qtbot, ctx):
    from ui.exercises.host import ExerciseHost

    host = ExerciseHost(ctx, "exposure-log")
    qtbot.addWidget(host)
    host.resize(1000, 800)
    host.show()
    host.load()
    return host


def _choose(editor, text):
    combo = editor.step_choice
    index = combo.findText(text)
    assert index > 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def test_editor_offers_the_ladder_steps_and_links_the_chosen_one(qtbot, session, tmp_path):
    ladder = ex_store.add(session.store, "fear-ladder", LADDER)
    host = _host(qtbot, _ctx(session, tmp_path))
    ed = host.editor
    items = [ed.step_choice.itemText(i) for i in range(ed.step_choice.count())]
    assert items == ["Choose a step", "Taking the bus: Stand at the stop", "Taking the bus: Ride two stops",
                     "Something not on a ladder"]
    assert not ed.step.isVisible()
    _choose(ed, "Taking the bus: Ride two stops")
    ed.ratings["peak"].setValue(70)
    data = ed.get_data()
    assert (data["ladder_id"], data["step_id"], data["ladder"], data["step"]) == (
        ladder.id, "s2", "Taking the bus", "Ride two stops")
    qtbot.waitUntil(lambda: drafts.load(session.store, "exercise:exposure-log:-:new") is not None, timeout=2000)
    host.browser.save()
    [entry] = ex_store.entries(session.store, kind="exposure-log")
    assert entry.data["step_id"] == "s2" and entry.data["peak"] == 70 and host.browser.list.count() == 1


def test_something_not_on_a_ladder_asks_what_was_practised(qtbot, session, tmp_path):
    host = _host(qtbot, _ctx(session, tmp_path))
    ed = host.editor
    host.browser.save()
    assert host.browser.error.text().startswith("Choose the step you practised")
    assert ed.step_choice.accessibleDescription() == host.browser.error.text()
    _choose(ed, "Something not on a ladder")
    qtbot.waitUntil(ed.step.isVisible, timeout=2000)
    ed.step.setText("Queue at the post office")
    host.browser.save()
    [entry] = ex_store.entries(session.store, kind="exposure-log")
    assert (entry.data["ladder_id"], entry.data["step"]) == ("", "Queue at the post office")
    ed.set_data(entry.data)
    assert ed.step_choice.currentText() == "Something not on a ladder" and ed.step.text() == "Queue at the post office"


def test_a_practice_still_reads_and_keeps_its_link_after_its_ladder_is_deleted(qtbot, session, tmp_path):
    ladder = ex_store.add(session.store, "fear-ladder", LADDER)
    log = ex_store.add(session.store, "exposure-log", {**PRACTICE, "ladder_id": ladder.id})
    ex_store.delete(session.store, ladder.id)
    assert "Ride two stops (Taking the bus)" in readable.as_text(readable.entry_lines(
        {"kind": "exposure-log", "data": ex_store.get(session.store, log.id).data}))
    host = _host(qtbot, _ctx(session, tmp_path))
    host.browser.list.setCurrentRow(0)
    ed = host.editor
    assert ed.step_choice.currentText() == "Ride two stops (no longer on a ladder)"
    ed.learned.setPlainText("Still true")
    host.browser.save()
    data = ex_store.get(session.store, log.id).data
    assert (data["ladder_id"], data["step_id"], data["step"], data["learned"]) == (
        ladder.id, "s2", "Ride two stops", "Still true")


def test_the_step_chart_waits_for_two_practices_then_draws_between_sessions(qtbot, session, tmp_path):
    ladder = ex_store.add(session.store, "fear-ladder", LADDER)
    _log(session.store, ladder.id, "s2", "Ride two stops", "2026-11-20", 80)
    host = _host(qtbot, _ctx(session, tmp_path))
    ed = host.editor
    assert not ed.step_card.isVisible()  # no step chosen: nothing to compare
    _choose(ed, "Taking the bus: Ride two stops")
    qtbot.waitUntil(ed.step_card.isVisible, timeout=2000)
    assert ed.step_card.is_waiting and "two practices" in ed.step_card.waiting.text()
    ed.ratings["peak"].setValue(55)
    host.browser.save()  # the second practice: the chart now compares them
    assert not ed.step_card.is_waiting
    assert [p.peak for p in ed.step_card.data] == [80, 55]
    headers, rows = ed.step_card.spec.table(ed.step_card.data)
    assert headers == ["Practice", "Date", "Highest distress"] and [r[2] for r in rows] == ["80", "55"]
    qtbot.waitUntil(lambda: ed.step_card.rendered_key is not None, timeout=30000)


def test_the_practice_chart_follows_the_ratings_in_the_form(qtbot, session, tmp_path):
    host = _host(qtbot, _ctx(session, tmp_path))
    ed = host.editor
    card = ed.practice_card
    assert card.is_waiting
    for key, value in (("before", 40), ("peak", 85), ("end", 30)):
        ed.ratings[key].setValue(value)
    qtbot.waitUntil(lambda: card.data == (40, 85, 30), timeout=3000)
    assert not card.is_waiting
    assert card.spec.table(card.data) == (["When", "Distress"], [["Before", "40"], ["Highest", "85"], ["End", "30"]])
    qtbot.waitUntil(lambda: card.rendered_key is not None, timeout=30000)
    assert card.picture.accessibleName() == "Chart: This practice"


def test_ratings_and_minutes_are_named_and_used_by_keys(qtbot):
    from PySide6.QtCore import Qt

    ed = make(qtbot, "exposure-log", {})
    names = {key: spin.accessibleName() for key, spin in ed.ratings.items()}
    assert names == {"before": "Distress just before", "peak": "Distress at its highest", "end": "Distress at the end"}
    spin = ed.ratings["peak"]
    assert spin.number() is None
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_PageUp)
    assert spin.number() == 10
    assert ed.minutes.text() == "not given" and ed.minutes.accessibleName() == "How long did you practise? (minutes)"
    assert ed.step_choice.accessibleName() == "Which step did you practise?"


def test_draw_functions_plot_the_given_numbers(tmp_path):
    from ui import theme
    from ui.charts import draw, mpl

    mpl.load(tmp_path)
    style = draw.Style(theme.LIGHT, False, False, 640, 240, 1.0)
    practices = [exposure.Practice(date(2026, 11, 20), 80), exposure.Practice(date(2026, 11, 25), 40)]
    with mpl.drawing():
        ax = draw.step_practices_chart(practices, style).axes[0]
        assert list(ax.lines[0].get_ydata()) == [80, 40] and list(ax.lines[0].get_xdata()) == [1, 2]
        ax = draw.practice_chart([("Before", 40), ("Highest", None), ("End", 20)], style).axes[0]
        ys = list(ax.lines[0].get_ydata())
        assert ys[0] == 40 and ys[2] == 20 and ys[1] != ys[1]  # not rated: a gap (NaN), never a made-up 0
        series = [exposure.StepSeries("L", "s1", "A", tuple(practices)),
                  exposure.StepSeries("L", "s2", "B", (exposure.Practice(date(2026, 11, 21), 50),))]
        ax = draw.exposure_chart(series, style).axes[0]
        assert [list(line.get_ydata()) for line in ax.lines] == [[80, 40], [50]]
        assert ax.lines[0].get_marker() != ax.lines[1].get_marker()  # told apart by shape, not colour alone


@pytest.mark.parametrize("dark", [False, True])
def test_exposure_line_colours_stand_out_from_the_chart(dark):
    from matplotlib.colors import to_rgb

    from tests.test_progress_ui import _contrast
    from ui import theme
    from ui.charts import draw

    background = to_rgb((theme.DARK if dark else theme.LIGHT)["base"])
    for color in draw.STEP_COLORS[dark]:
        assert _contrast(to_rgb(color), background) >= 3.0, color


# --- Progress and the clinician ----------------------------------------------------------------------

def test_progress_shows_the_exposure_chart_only_with_exposure_logs(qtbot, make_window):
    from tests.test_ui import unlock

    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    store = ctx.session.store
    ex_store.add(store, "fear-ladder", LADDER)
    win.shell.go("progress")
    page = win.shell.pages["progress"]
    assert "exposure" not in page.cards and not trends.has_data(store, trends.EXPOSURE)
    _log(store, "L", "s1", "Stand at the stop", "2026-11-20", 60)
    _log(store, "L", "s1", "Stand at the stop", "2026-11-24", 35)
    _log(store, "L", "s2", "Ride two stops", "2026-11-25", 70)
    win.shell.go("home")
    win.shell.go("progress")
    qtbot.waitUntil(lambda: "exposure" in page.cards and page.all_drawn, timeout=30000)
    card = page.cards["exposure"]
    assert not card.is_waiting and card.title.text() == "Exposure practice"
    assert "Stand at the stop" in card.legend.text() and "Ride two stops" in card.legend.text()
    headers, rows = card.spec.table(card.data)
    assert headers == ["Step", "Date", "Highest distress"]
    assert [r[2] for r in rows] == ["60", "35", "70"]


def test_a_shared_practice_and_ladder_read_in_words_on_the_clinician_side(manager):
    from app.exchange import importer, workspace
    from tests import exchange_util as xu

    doc, (pat,) = xu.workspace(manager)
    ladder = ex_store.add(pat.store, "fear-ladder", LADDER)
    ex_store.add(pat.store, "exposure-log", {**PRACTICE, "ladder_id": ladder.id})
    importer.import_bytes(doc, xu.exported(pat, xu.contact(pat, "Doc")).data)
    c = xu.contact(doc, "Pat")
    entries = {e["kind"]: e for e in workspace.patient_detail(doc.store, c.id).homework}
    assert set(entries) == {"fear-ladder", "exposure-log"}
    practice = readable.as_text(readable.entry_lines(entries["exposure-log"]))
    assert "Step practised\nRide two stops (Taking the bus)" in practice
    assert "Distress at its highest\n75 out of 100" in practice and "What did you learn?\nThe wave passes" in practice
    steps = readable.as_text(readable.entry_lines(entries["fear-ladder"]))
    assert "1. Stand at the stop: expected distress 30 out of 100" in steps
    assert entries["exposure-log"]["data"]["step_id"] == "s2"

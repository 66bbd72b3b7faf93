"""Progress charts from a seeded profile (the data plotted, not pixels), and the daily check-in."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QScrollArea

from app import checkins, demo, drafts, i18n, trends
from app.measures import engine
from tests.conftest import PASSWORD
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture
from ui.charts import draw

NOW = datetime(2026, 6, 1, 9, 0, tzinfo=timezone.utc)


def _seeded(make_window, qtbot, days=2 * 365, activities=True):
    win, ctx, _ = make_window(with_profile=True)
    s = ctx.manager.unlock(ctx.manager.find("Alex"), PASSWORD)
    demo.history(s.store, days=days, now=NOW)
    if activities:
        from app.exercises import store as ex

        for i, (what, mood) in enumerate([("Swimming", 7), ("swimming", 5), ("Bed", 2), ("Walk", 6)]):
            ex.add(s.store, "activity-monitoring", {"date": "2026-05-20", "hour": 8 + i, "activity": what,
                                                    "mood": mood, "mastery": None, "pleasure": None})
    s.lock()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    return win, ctx


def _open_progress(qtbot, win):
    win.shell.go("progress")
    page = win.shell.pages["progress"]
    qtbot.waitUntil(lambda: page.cards and page.all_drawn, timeout=30000)
    return page


def test_the_first_cards_come_at_once_and_the_others_one_per_turn(qtbot, make_window):
    """Filling five cards at once held the window 70-150 ms at five years of entries, and so did drawing
    beside the cards still being made; locking mid-way stops."""
    from ui.pages import progress

    win, ctx = _seeded(make_window, qtbot)
    win.shell.go("progress")
    page = win.shell.pages["progress"]
    assert list(page.cards) == ["measure:phq9", "measure:gad7", "mood"][:progress.CARDS_AT_ONCE]
    assert not page.filled and not page.all_drawn
    assert all(card.held for card in page.cards.values())  # nothing draws beside the cards still being made
    qtbot.waitUntil(lambda: page.filled, timeout=5000)
    assert list(page.cards) == ["measure:phq9", "measure:gad7", "mood", "activities", "homework"]
    order = [page.chart_box.itemAt(i).widget() for i in range(page.chart_box.count())]
    assert order == list(page.cards.values())
    qtbot.waitUntil(lambda: page.all_drawn, timeout=30000)
    assert not any(card.held for card in page.cards.values())
    page.load()  # shown again: the cards are refreshed in the same order, none twice
    win.lock()
    qtbot.wait(50)
    assert page.cards == {} and page.filled


def _style(rtl=False):
    from ui import theme

    return draw.Style(theme.LIGHT, False, rtl, 640, 240, 1.0)


def test_charts_plot_exactly_the_stored_numbers(qtbot, make_window):
    win, ctx = _seeded(make_window, qtbot)
    page = _open_progress(qtbot, win)
    assert list(page.cards) == ["measure:phq9", "measure:gad7", "mood", "activities", "homework"]
    store = ctx.session.store

    rows = store.query("SELECT total FROM measure_results WHERE measure_id = 'phq9' ORDER BY taken_at")
    card = page.cards["measure:phq9"]
    fig = card.spec.draw(card.data, _style())
    ax = fig.axes[0]
    scores = next(line for line in ax.lines if line.get_label() == "scores")
    assert list(scores.get_ydata()) == [r[0] for r in rows] and len(rows) > 100
    assert len([p for p in ax.patches if p.get_label().startswith("band:")]) == 5
    # Reliable-change markers sit exactly on the results that differ from the first by 6 or more.
    first = rows[0][0]
    better = [c for c in ax.collections if c.get_label() == "change:improvement"][0]
    assert sorted(y for _x, y in better.get_offsets()) == sorted(r[0] for r in rows[1:] if first - r[0] >= 6)

    mood = page.cards["mood"]
    fig = mood.spec.draw(mood.data, _style())
    weekly = next(line for line in fig.axes[0].lines if line.get_label() == "weekly")
    expected = checkins.weekly_average(checkins.history(store))
    assert list(weekly.get_ydata()) == pytest.approx([a for _w, a in expected])
    daily = next(c for c in fig.axes[0].collections if c.get_label() == "daily")
    assert len(daily.get_offsets()) == len(checkins.history(store))

    acts = page.cards["activities"]
    rows, overall = acts.data
    assert [(r.activity, r.count, r.mean_mood) for r in rows][0] == ("Swimming", 2, 6.0)  # case folded
    bars = acts.spec.draw(acts.data, _style()).axes[0].patches
    assert [b.get_width() for b in bars] == [r.mean_mood for r in rows]
    assert overall == pytest.approx(5.0)


def test_table_view_lists_the_same_numbers(qtbot, make_window):
    win, ctx = _seeded(make_window, qtbot, days=60, activities=False)
    page = _open_progress(qtbot, win)
    card = page.cards["measure:gad7"]
    card.show_table.click()
    model = card.table.model()
    totals = [r[0] for r in ctx.session.store.query(
        "SELECT total FROM measure_results WHERE measure_id = 'gad7' ORDER BY taken_at")]
    assert model.rowCount() == len(totals)
    assert [model.index(i, 1).data() for i in range(model.rowCount())] == [str(int(t)) for t in totals]
    assert card.views.currentWidget() is card.table and "chart" in card.show_table.text()
    assert card.table.accessibleName().startswith("Table: GAD-7")


def test_charts_are_reused_until_their_data_change(qtbot, make_window):
    win, ctx = _seeded(make_window, qtbot, days=60, activities=False)
    page = _open_progress(qtbot, win)
    before = {k: c.rendered_key for k, c in page.cards.items()}
    win.shell.go("home")
    win.shell.go("progress")
    assert {k: c.rendered_key for k, c in page.cards.items()} == before  # nothing re-drawn
    home = win.shell.pages["home"]
    win.shell.go("home")
    home.checkin.scale.choose(3)
    home.checkin.save()
    assert checkins.get(ctx.session.store).mood == 3
    page = _open_progress(qtbot, win)
    after = {k: c.rendered_key for k, c in page.cards.items()}
    assert after["mood"] != before["mood"]
    assert {k: v for k, v in after.items() if k != "mood"} == {k: v for k, v in before.items() if k != "mood"}


def test_empty_profile_says_what_to_do(qtbot, make_window):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    win.shell.go("progress")
    page = win.shell.pages["progress"]
    assert not page.cards and page.empty.isVisible() and "check" in page.empty.text.text()


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG"), ("svg", b"<?xml")])
def test_save_image_warns_then_writes_the_chosen_format(qtbot, make_window, monkeypatch, tmp_path, fmt, magic):
    win, ctx = _seeded(make_window, qtbot, days=30, activities=False)
    card = _open_progress(qtbot, win).cards["mood"]
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]) or QMessageBox.StandardButton.Save)
    target = tmp_path / "out" / f"mood.{fmt}"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    card.save_image()
    assert "not be encrypted" in warned[0]
    assert target.read_bytes().startswith(magic)


def test_save_image_cancelled_at_the_warning_writes_nothing(qtbot, make_window, monkeypatch, tmp_path):
    win, ctx = _seeded(make_window, qtbot, days=30, activities=False)
    card = _open_progress(qtbot, win).cards["mood"]
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or ("", ""))
    card.save_image()
    assert asked == []


def test_save_image_to_an_unwritable_place_says_so(qtbot, make_window, monkeypatch, tmp_path):
    win, ctx = _seeded(make_window, qtbot, days=30, activities=False)
    card = _open_progress(qtbot, win).cards["mood"]
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]) or QMessageBox.StandardButton.Save)
    card.write_image(tmp_path / "missing-folder" / "x.png", "png")
    assert "could not be saved" in messages[-1] and not (tmp_path / "missing-folder").exists()


def test_right_to_left_charts_mirror_time_and_shape_text():
    from ui.charts import mpl

    mpl.load(Path(__import__("tempfile").mkdtemp()))
    i18n.set_language("ar")
    series = trends.MoodSeries(((date(2026, 3, 2), 4), (date(2026, 3, 20), 6)), ((date(2026, 3, 2), 4.0),))
    with mpl.drawing():
        fig = draw.mood_chart(series, _style(rtl=True))
        fig.canvas.draw()
    ax = fig.axes[0]
    assert ax.xaxis_inverted() and ax.yaxis.get_ticks_position() == "right"
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and not any(ch in label for label in labels for ch in "\u200e\u200f\u061c")
    shaped = draw.visual("\u0645\u0634\u064a", rtl=True)  # "walk", three joining letters
    assert all("\ufe70" <= ch <= "\ufeff" for ch in shaped)  # presentation forms, in visual order
    assert draw.visual("Walk", rtl=False) == "Walk"


def test_matplotlib_config_and_cache_stay_in_hearths_folder(tmp_path):
    code = ("import sys; from pathlib import Path; from ui.charts import mpl; mpl.load(Path(sys.argv[1]));"
            "import matplotlib; print(matplotlib.get_configdir()); print(matplotlib.get_cachedir())")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")}
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], capture_output=True, text=True,
                       env=env, cwd=Path(__file__).resolve().parent.parent)
    assert r.returncode == 0, r.stderr
    for line in r.stdout.split():
        assert Path(line).is_relative_to(tmp_path / "data")
    assert not (tmp_path / "home" / ".cache").exists() and not (tmp_path / "home" / ".config").exists()


def test_matplotlib_cache_is_owner_only_whatever_the_umask(tmp_path):
    code = ("import os, sys; os.umask(0o022); from pathlib import Path; from ui.charts import mpl;"
            "mpl.load(Path(sys.argv[1])); import matplotlib.font_manager")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], capture_output=True, text=True,
                       env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path / "home")},
                       cwd=Path(__file__).resolve().parent.parent)
    assert r.returncode == 0, r.stderr
    for folder in (tmp_path / "data" / "cache", tmp_path / "data" / "cache" / "matplotlib"):
        assert folder.stat().st_mode & 0o077 == 0, oct(folder.stat().st_mode)


def test_matplotlib_is_not_loaded_on_the_way_to_the_unlock_page(tmp_path):
    code = ("import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen';"
            "from ui.launch import run_gui; from pathlib import Path;"
            "rc = run_gui(Path(sys.argv[1]), quit_after_first_paint=True);"
            "print('matplotlib' in sys.modules, 'jinja2' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parent.parent, timeout=60)
    assert r.stdout.split()[-2:] == ["False", "False"], r.stdout + r.stderr


def test_on_the_way_to_the_unlock_page_no_heavy_package_is_loaded(tmp_path):
    """Start-up (issue 15): the unlock page needs none of Babel (English), cryptography, the charts, the
    templates or the Get-help dialog; each was once imported before the first paint."""
    from app.crypto.keyfile import TEST_KDF
    from app.profiles import ProfileManager

    ProfileManager(tmp_path / "data", TEST_KDF).create("Alex", PASSWORD)[0].lock()
    heavy = ["babel", "cryptography", "matplotlib", "jinja2", "ui.help_dialog", "app.exchange.export"]
    code = ("import sys, os; os.environ['QT_QPA_PLATFORM']='offscreen';"
            "from ui.launch import run_gui; from pathlib import Path;"
            "rc = run_gui(Path(sys.argv[1]), quit_after_first_paint=True, forced_locale='en');"
            f"print([m for m in {heavy!r} if m in sys.modules])")
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parent.parent, timeout=60)
    assert r.stdout.strip().splitlines()[-1] == "[]", r.stdout + r.stderr


# --- the daily check-in on Home ---------------------------------------------------------------

def _home(make_window, qtbot):
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    return win, ctx, win.shell.pages["home"].checkin


def test_checkin_by_keyboard_in_a_few_keys(qtbot, make_window):
    win, ctx, card = _home(make_window, qtbot)
    assert not card.save_button.isEnabled()
    card.scale.buttons[0].setFocus()
    qtbot.keyClick(card.scale.buttons[0], Qt.Key.Key_7)
    assert card.scale.value() == 7
    qtbot.keyClicks(card.scale.buttons[7], "10")
    assert card.scale.value() == 10
    qtbot.keyClicks(card.note, "walked to the river")
    qtbot.keyClick(card.note, Qt.Key.Key_Return)
    saved = checkins.get(ctx.session.store)
    assert (saved.mood, saved.note) == (10, "walked to the river")
    assert "Update" in card.save_button.text() and drafts.load(ctx.session.store, "checkin:today") is None
    assert all(b.accessibleName().startswith("Mood ") for b in card.scale.buttons)


def test_checkin_without_a_mood_says_what_to_do_and_saves_nothing(qtbot, make_window):
    win, ctx, card = _home(make_window, qtbot)
    qtbot.keyClicks(card.note, "just a note")
    qtbot.keyClick(card.note, Qt.Key.Key_Return)
    assert "Choose a number" in card.status.text() and checkins.get(ctx.session.store) is None


def test_unsaved_checkin_survives_locking_as_a_draft(qtbot, make_window):
    win, ctx, card = _home(make_window, qtbot)
    card.scale.choose(4)
    qtbot.keyClicks(card.note, "tired")
    win.lock()
    assert not ctx.unlocked and card.scale.value() is None and card.note.text() == ""
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    card = win.shell.pages["home"].checkin
    assert (card.scale.value(), card.note.text()) == (4, "tired")
    assert checkins.get(ctx.session.store) is None  # still only a draft until saved


def test_homework_weeks_count_ticks_and_entries(session):
    from app.exercises import store as ex
    from app.programs import progress

    today = date.today()
    assert trends.homework_weeks(session.store) == []
    progress.set_homework_done(session.store, "low-mood", "m1-hw1", True)
    ex.add(session.store, "reflection", {"answers": ["a"]},
           created_at=(datetime.now(timezone.utc) - timedelta(days=14)).isoformat(timespec="seconds"))
    weeks = trends.homework_weeks(session.store)
    # From the week of first use (two weeks ago) to this one: no empty weeks before anything was done.
    assert len(weeks) == 3 and weeks[-1].monday == today - timedelta(days=today.weekday())
    assert weeks[0].exercises == 1 and weeks[-1].homework == 1 and sum(w.exercises for w in weeks) == 1


def test_measure_series_marks_reliable_change_against_the_first_score(session):
    from app.measures import results

    m = engine.shipped()["gad7"]
    for day, answers in ((1, [2, 2, 2, 2, 2, 2, 2]), (8, [2, 2, 2, 2, 1, 1, 1]), (15, [1, 1, 1, 1, 1, 1, 0])):
        results.save(session.store, m, answers, taken_at=f"2026-01-{day:02d}T09:00:00+00:00")
    series = trends.measure_series(session.store, m)
    assert [(p.total, p.change) for p in series.points] == [(14, None), (11, None), (6, engine.IMPROVEMENT)]
    assert series.reliable_points == 4


# --- a new user's charts, contrast, table view ---------------------------------------------------

def _first_week(make_window, qtbot):
    """A profile used once: one questionnaire, one check-in, one activity, one homework ticked."""
    from app.exercises import store as ex
    from app.measures import results
    from app.programs import progress

    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    store = ctx.session.store
    results.save(store, engine.shipped()["phq9"], [1, 1, 1, 1, 1, 1, 0, 0, 0])
    checkins.save(store, 4)
    ex.add(store, "activity-monitoring", {"date": date.today().isoformat(), "hour": 9, "activity": "Walk",
                                          "mood": 6, "mastery": None, "pleasure": None})
    progress.set_homework_done(store, "low-mood", "m1-hw1", True)
    return win, ctx


def test_a_new_users_charts_say_what_will_appear_and_when(qtbot, make_window):
    win, ctx = _first_week(make_window, qtbot)
    page = _open_progress(qtbot, win)
    assert list(page.cards) == ["measure:phq9", "mood", "activities", "homework"]
    qtbot.waitUntil(lambda: all(c.isVisible() for c in page.cards.values()), timeout=5000)
    expected = {"measure:phq9": "second time", "mood": "second check-in", "activities": "two different activities",
                "homework": "second week"}
    for key, card in page.cards.items():
        assert card.is_waiting and card.waiting.isVisible(), key
        assert expected[key] in card.waiting.text(), key
        assert not card.views.isVisible() and not card.legend.isVisible() and not card.buttons.isVisible(), key
        assert card.picture.pixmap().isNull() and card.rendered_key is None, key  # no lonely dot, no giant bar
    # The second check-in (yesterday's) is enough for the mood chart.
    checkins.save(ctx.session.store, 6, day=date.today() - timedelta(days=1))
    win.shell.go("home")
    page = _open_progress(qtbot, win)
    mood = page.cards["mood"]
    qtbot.waitUntil(lambda: mood.views.isVisible(), timeout=5000)
    assert not mood.is_waiting and mood.views.isVisible() and not mood.waiting.isVisible()
    assert not mood.picture.pixmap().isNull() and page.cards["homework"].is_waiting


def test_time_axes_start_at_first_use(session, tmp_path):
    from matplotlib.dates import date2num

    from app.exercises import store as ex
    from ui.charts import mpl

    mpl.load(tmp_path)
    ex.add(session.store, "reflection", {"answers": ["a"]},
           created_at=(datetime.now(timezone.utc) - timedelta(days=8)).isoformat(timespec="seconds"))
    weeks = trends.homework_weeks(session.store)
    first_use = weeks[0].monday
    assert weeks[0].exercises == 1 and len(weeks) in (2, 3)  # no empty weeks before the first entry
    with mpl.drawing():
        ax = draw.homework_chart(weeks, _style()).axes[0]
    assert ax.get_xlim()[0] >= date2num(first_use) - 0.01
    series = trends.MoodSeries(((date(2026, 3, 2), 4), (date(2026, 3, 3), 6)), ((date(2026, 3, 2), 5.0),))
    with mpl.drawing():
        ax = draw.mood_chart(series, _style()).axes[0]
    left, right = ax.get_xlim()
    assert date2num(date(2026, 3, 2)) - 1 < left < date2num(date(2026, 3, 2)) and right - left >= 7


def test_a_few_activities_make_slim_bars_not_one_giant_bar(tmp_path):
    from ui.charts import mpl

    mpl.load(tmp_path)
    rows = [trends.ActivityMood("Walk", 3, 6.0), trends.ActivityMood("Bed", 1, 2.0)]
    with mpl.drawing():
        ax = draw.activities_chart(rows, 4.0, _style()).axes[0]
    bottom, top = ax.get_ylim()
    assert ax.yaxis_inverted() and ax.patches[0].get_y() < ax.patches[1].get_y()  # the most frequent on top
    for bar in ax.patches:
        assert bar.get_height() / abs(bottom - top) <= 0.15


def test_activity_names_with_dollar_signs_are_drawn_as_typed(tmp_path):
    from ui.charts import mpl

    mpl.load(tmp_path)
    names = ["Paid $5, owed $10", r"Budget $\frac{1}{ and $"]  # the second is not valid TeX
    rows = [trends.ActivityMood(name, 2, 5.0) for name in names]
    with mpl.drawing():
        fig = draw.activities_chart(rows, 5.0, _style())
        fig.canvas.draw()
        ax = fig.axes[0]
    shown = [t.get_text() for t in ax.yaxis.get_ticklabels()][:2]
    assert shown == names


def _contrast(a, b) -> float:
    def luminance(rgb):
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_daily_mood_dots_have_3_to_1_contrast_with_the_chart(tmp_path, dark):
    from matplotlib.colors import to_rgb, to_rgba

    from ui import theme
    from ui.charts import mpl

    mpl.load(tmp_path)
    colors = theme.DARK if dark else theme.LIGHT
    series = trends.MoodSeries(((date(2026, 3, 2), 4), (date(2026, 3, 9), 6)), ((date(2026, 3, 2), 5.0),))
    with mpl.drawing():
        fig = draw.mood_chart(series, draw.Style(colors, dark, False, 640, 240, 1.0))
    ax = fig.axes[0]
    dots = next(c for c in ax.collections if c.get_label() == "daily")
    r, g, b, a = to_rgba(dots.get_facecolor()[0])
    alpha = a * (dots.get_alpha() if dots.get_alpha() is not None else 1)
    background = to_rgb(ax.get_facecolor())
    seen = [alpha * c + (1 - alpha) * bg for c, bg in zip((r, g, b), background)]
    assert _contrast(seen, background) >= 3.0
    assert dots.get_sizes()[0] >= 16


def test_table_view_hides_the_legend_and_tab_leaves_the_table(qtbot, make_window):
    win, ctx = _seeded(make_window, qtbot, days=30, activities=False)
    card = _open_progress(qtbot, win).cards["mood"]
    assert card.legend.isVisible()
    card.show_table.click()
    assert card.table.isVisible() and not card.legend.isVisible()  # the legend belongs to the picture
    assert not card.table.tabKeyNavigation()
    card.table.setFocus()
    card.table.setCurrentIndex(card.table.model().index(0, 0))
    qtbot.waitUntil(card.table.hasFocus, timeout=2000)
    qtbot.keyClick(card.table, Qt.Key.Key_Tab)
    assert not card.table.hasFocus()  # Tab moves on, not to the next cell
    card.show_table.click()
    assert card.picture.isVisible() and card.legend.isVisible()


def test_a_picture_in_the_cache_wins_over_a_drawing_still_under_way(qtbot, make_window, monkeypatch):
    """The card asked for width A, then (the scroll bar appeared) for width B, which was cached: the late result at
    width A must not replace the picture at B, or the card is never drawn and nothing draws it again."""
    win, ctx = _seeded(make_window, qtbot, days=30, activities=False)
    card = _open_progress(qtbot, win).cards["mood"]
    cached_width = card._chart_width()
    assert card.drawn
    other = cached_width + 40
    monkeypatch.setattr(card, "_chart_width", lambda: other)
    card._draw()  # a drawing at the other width starts in a worker
    assert card._drawing_key is not None
    monkeypatch.setattr(card, "_chart_width", lambda: cached_width)
    card._draw()  # back at the width that is cached: shown at once
    assert card.drawn
    qtbot.wait(1500)  # the drawing at the other width has finished meanwhile
    assert card.rendered_key[-2] == cached_width, (card.rendered_key, cached_width)
    assert card.drawn


def test_each_chart_is_drawn_once_on_the_first_show(qtbot, make_window, monkeypatch):
    """The cards are added one after another and the page's scroll bar appears as it grows; a card drawn before
    that was drawn again, narrower (every chart twice on the first show; issue 15). Cards leave room for the
    scroll bar from the start."""
    from ui.charts import mpl

    drawn = []
    real = mpl.to_rgba
    monkeypatch.setattr(mpl, "to_rgba", lambda fig: drawn.append(fig.get_figwidth()) or real(fig))
    win, _ctx = _seeded(make_window, qtbot)
    win.resize(1000, 700)
    page = _open_progress(qtbot, win)
    qtbot.wait(400)  # a second drawing, if any, would have started by now
    area = page.findChild(QScrollArea)
    assert area is not None and area.verticalScrollBar().isVisible()  # the page does scroll
    charted = [card for card in page.cards.values() if not card.is_waiting]
    assert len(charted) >= 4 and len(drawn) == len(charted), drawn


@pytest.mark.parametrize("render", ["screen", "png"])
def test_a_drawn_chart_lets_go_of_its_figure_at_once(tmp_path, render):
    """The figure's artists and pixel buffer refer to each other: left to Python's collector they waited for a
    full collection, which comes rarely once the session's objects are set aside (ui.heap)."""
    from ui.charts import mpl

    mpl.load(tmp_path)
    fig = mpl.figure(400, 200)
    fig.add_subplot().plot([1, 3, 2])
    if render == "screen":
        rgba, width, height = mpl.to_rgba(fig)
        assert width > 300 and height > 150 and len(rgba) == width * height * 4
        assert len(set(rgba[::97])) > 2  # a drawing, not a blank buffer
    else:
        assert mpl.to_bytes(fig).startswith(b"\x89PNG")
    assert not fig.axes and "renderer" not in fig.canvas.__dict__

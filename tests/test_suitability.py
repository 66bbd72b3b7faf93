"""Suitability at program start: a severe PHQ-9 or any item-9 answer recommends a professional, never blocks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from app.measures import engine, results, suitability
from app.programs import progress
from tests.test_program_ui import _start_low_mood, opened  # noqa: F401 - fixture
from tests.test_ui import make_window  # noqa: F401 - fixture

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


def _phq9(store, answers, days_ago=1):
    return results.save(store, engine.shipped()["phq9"], answers,
                        taken_at=(NOW - timedelta(days=days_ago)).isoformat(timespec="seconds"))


@pytest.mark.parametrize("answers,reasons", [
    ([3, 3, 3, 3, 3, 3, 2, 0, 0], (suitability.SEVERE,)),                      # 20, item 9 = 0
    ([3, 3, 3, 3, 3, 3, 3, 0, 1], (suitability.SEVERE, suitability.SELF_HARM)),  # 22 with item 9 at 1
    ([0, 0, 0, 0, 0, 0, 0, 0, 1], (suitability.SELF_HARM,)),                   # total 1, item 9 above 0
])
def test_concern_from_a_recent_phq9(session, answers, reasons):
    saved, result = _phq9(session.store, answers)
    concern = suitability.check(session.store, now=NOW)
    assert concern is not None and concern.reasons == reasons and concern.total == result.total


def test_no_concern_below_20_without_item_9(session):
    _phq9(session.store, [3, 3, 3, 3, 3, 3, 1, 0, 0])  # 19
    assert suitability.check(session.store, now=NOW) is None


def test_only_the_latest_recent_result_counts(session):
    _phq9(session.store, [3] * 8 + [1], days_ago=20)   # severe, but three weeks old
    assert suitability.check(session.store, now=NOW) is None
    _phq9(session.store, [3] * 8 + [0], days_ago=5)    # severe
    _phq9(session.store, [1] * 8 + [0], days_ago=2)    # then 8: the latest is what counts
    assert suitability.check(session.store, now=NOW) is None


@pytest.mark.parametrize("choice,enrolled,helped", [("start", True, False), ("later", False, False),
                                                    ("help", False, True)])
def test_starting_a_program_after_a_worrying_phq9(qtbot, opened, monkeypatch, choice, enrolled, helped):  # noqa: F811
    win, ctx = opened
    results.save(ctx.session.store, engine.shipped()["phq9"], [3] * 8 + [0])  # 24, now
    asked, help_calls = [], []
    monkeypatch.setattr("ui.suitability.ask", lambda parent, concern: asked.append(concern) or choice)
    ctx.help_requested.connect(lambda after: help_calls.append(after))
    _start_low_mood(qtbot, win)
    assert asked and asked[0].reasons == (suitability.SEVERE,)
    assert (progress.active(ctx.session.store) is not None) == enrolled
    assert bool(help_calls) == helped


def test_the_recommendation_names_the_reason_and_offers_help(qtbot):
    from ui.suitability import SuitabilityDialog

    dlg = SuitabilityDialog(suitability.Concern((suitability.SELF_HARM,), NOW, 12.0))
    qtbot.addWidget(dlg)
    text = dlg.text.text()
    assert "better off dead" in text and "talk to a professional" in text and "welcome to start" in text
    assert dlg.help.isDefault()
    dlg.start.click()
    assert dlg.choice == "start"


def test_no_prompt_without_a_recent_phq9(qtbot, opened, monkeypatch):  # noqa: F811
    win, ctx = opened
    monkeypatch.setattr("ui.suitability.ask", lambda *a: pytest.fail("should not ask"))
    _start_low_mood(qtbot, win)
    assert progress.active(ctx.session.store).program_id == "low-mood"

"""Measures → Every answer…: a questionnaire's history (dates, totals, bands, reliable change, and PHQ-9's
question 9 in words) and the way to its chart."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QDialog

from app.measures import engine, results
from tests.test_exchange_ui import open_profile  # noqa: F401 - helper
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui import measure_history


def _ago(days: int) -> str:
    return (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds")


def test_every_answer_is_listed_newest_first_with_band_change_and_question_9(session):
    phq9 = engine.shipped()["phq9"]
    results.save(session.store, phq9, [3, 3, 3, 2, 2, 2, 2, 1, 0], taken_at=_ago(30))
    results.save(session.store, phq9, [1, 1, 1, 1, 1, 1, 1, 1, 2], taken_at=_ago(2))
    rows = measure_history.rows(session.store, phq9)
    assert [r[1] for r in rows] == ["10", "18"]
    assert rows[0][2] == "Moderate" and rows[1][2] == "Moderately severe"
    assert rows[0][3] == "Reliable improvement since the first score" and rows[1][3] == ""
    assert rows[0][4] == "More than half the days" and rows[1][4] == "Not at all"  # in words, as asked
    assert "Thoughts of self-harm" in measure_history.headers(phq9)[-1]
    assert len(measure_history.headers(engine.shipped()["gad7"])) == 4


def test_the_measures_page_opens_the_history_and_goes_to_the_chart(qtbot, make_window, monkeypatch):  # noqa: F811
    from tests.conftest import PASSWORD

    win, ctx, _key = make_window(with_profile=True)
    s = ctx.manager.unlock(ctx.manager.find("Alex"), PASSWORD)
    gad7 = engine.shipped()["gad7"]
    results.save(s.store, gad7, [1] * 7, taken_at=_ago(10))
    s.lock()
    open_profile(win, ctx, "Alex")
    win.shell.go("measures")
    page = win.shell.pages["measures"]
    seen = {}

    def exec_(dialog):
        seen["rows"] = dialog.table.rowCount()
        seen["name"] = dialog.table.accessibleName()
        dialog.chart.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(measure_history.MeasureHistoryDialog, "exec", exec_)
    from PySide6.QtWidgets import QPushButton

    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # cards of earlier visits
    every = [b for b in page.findChildren(QPushButton) if b.text() == "Every answer\u2026"]
    assert [b.accessibleName() for b in every] == ["Every time you answered the GAD-7"]  # only what was answered
    every[0].click()
    assert seen["rows"] == 1 and "GAD-7" in seen["name"]
    assert win.shell.current_key() == "progress"

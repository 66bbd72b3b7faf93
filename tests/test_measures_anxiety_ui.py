"""The measures page and Progress with the anxiety measures, licence records and a text-free WSAS."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.measures import engine, results
from tests.test_measures_ui import _clinic_wsas, opened  # noqa: F401 - fixture
from tests.test_ui import make_window  # noqa: F401 - fixture
from tests.test_measures_licence import panic


def _texts(page):
    return [w.text() for w in page.findChildren(QLabel) if not w.isHidden()]


def test_a_text_free_wsas_is_listed_with_the_reason_and_never_offered(qtbot, opened):  # noqa: F811
    _win, _ctx, page = opened
    page.show_overview()
    assert page._schedule()[0] == ["phq9", "gad7", "wsas"]
    assert any("licensed copy" in t for t in _texts(page))
    names = [b.accessibleName() for b in page.findChildren(QPushButton) if not b.isHidden()]
    assert "Answer the PHQ-9 now" in names and "Answer the WSAS now" not in names
    page.start(engine.shipped()["wsas"])
    assert page.stack.currentIndex() == 0 and page.form is None


def test_a_completed_wsas_is_offered_with_the_clinics_licence(qtbot, opened):  # noqa: F811
    _win, ctx, page = opened
    _clinic_wsas(ctx)
    page.show_overview()
    names = [b.accessibleName() for b in page.findChildren(QPushButton) if not b.isHidden()]
    assert "Answer the WSAS now" in names
    page.start(page.measures()["wsas"])
    assert "Licence granted to Example Clinic" in page.form_source.text()


@pytest.mark.parametrize("mid,holder", [("phq9", "Pfizer Inc."), ("pswq", "The authors"), ("phq-panic", "Pfizer")])
def test_the_source_and_licence_are_shown_under_the_questions(qtbot, opened, mid, holder):  # noqa: F811
    _win, _ctx, page = opened
    page.start(engine.shipped()[mid])
    text = page.form_source.text()
    assert engine.shipped()[mid].citation in text and holder in text and page.form_source.isVisibleTo(page)


def test_panic_no_to_the_first_question_skips_the_rest_and_gives_a_result(qtbot, opened):  # noqa: F811
    _win, ctx, page = opened
    page.start(engine.shipped()["phq-panic"])
    form = page.form
    assert any(t == "Think about your last bad anxiety attack." for t in _texts(form))
    qtbot.keyClick(form.rows[0], "0")
    assert not any(r.isEnabled() for r in form.rows[1:]) and form.missing() == []
    qtbot.keyClick(form.rows[0], "1")             # changed to yes: the questions come back
    assert all(r.isEnabled() for r in form.rows) and len(form.missing()) == 14
    qtbot.keyClick(form.rows[0], "0")
    page.finish()
    assert page.result_score.text() == "Panic criteria not met"
    saved = results.latest(ctx.session.store, "phq-panic")
    assert (saved.total, saved.band) == (0, "no_panic_syndrome")


def test_panic_criteria_met_result(qtbot, opened):  # noqa: F811
    _win, ctx, page = opened
    page.start(engine.shipped()["phq-panic"])
    for row, value in zip(page.form.rows, panic([1, 1, 1, 1], 4)):
        qtbot.keyClick(row, str(value))
    page.finish()
    assert page.result_score.text() == "Panic criteria met" and "four weeks" in page.result_band.text()
    assert results.latest(ctx.session.store, "phq-panic").band == "panic_syndrome"


def test_progress_charts_the_new_measures_on_their_bands(qtbot, opened):  # noqa: F811
    from ui.charts import draw, specs
    from app import trends

    _win, ctx, _page = opened
    store, ms = ctx.session.store, engine.shipped()
    for day, (p, w) in enumerate([(panic([1] * 4, 4), [3] * 16), (panic([0] * 4, 0), [2] * 16)], start=1):
        results.save(store, ms["phq-panic"], p, taken_at=f"2026-11-0{day}T09:00:00+00:00")
        results.save(store, ms["pswq"], w, taken_at=f"2026-11-0{day}T09:00:00+00:00")
    panic_spec = specs.measure_spec(ctx, ms["phq-panic"])
    series = panic_spec.fetch(store)
    assert [p.band for p in series.points] == ["panic_syndrome", "no_panic_syndrome"]
    assert draw.band_edges(ms["phq-panic"]) == [("no_panic_syndrome", 0, 0.5), ("panic_syndrome", 0.5, 1)]
    title, note, legend = panic_spec.texts(series)
    assert "yes-or-no" in note and [t for _c, _s, t in legend][1:] == ["Panic criteria not met", "Panic criteria met"]
    headers, rows = panic_spec.table(series)
    assert rows[0][1:3] == ["", "Panic criteria met"]
    pswq = trends.measure_series(store, ms["pswq"])
    assert [p.total for p in pswq.points] == [48, 42]
    _t, note, legend = specs.measure_spec(ctx, ms["pswq"]).texts(pswq)
    assert "no published severity bands" in note and len(legend) == 1
    assert draw.band_edges(ms["pswq"]) == []
    assert set(trends.measures_with_results(store)) == {"phq-panic", "pswq"}

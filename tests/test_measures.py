"""Questionnaire scoring exactly as published, at every band boundary."""

from __future__ import annotations

import textwrap

import pytest

from app.measures import engine
from app.measures.labels import band_label


@pytest.fixture(scope="module")
def ms():
    measures, problems = engine.load_all()
    assert problems == []
    return measures


def answers_for(m, total):
    """Answers adding up to ``total``, filled item by item."""
    out = []
    for _item in m.items:
        v = min(m.high, total)
        out.append(v)
        total -= v
    assert total == 0
    return out


BOUNDARIES = {
    "phq9": [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
             (15, "moderately_severe"), (19, "moderately_severe"), (20, "severe"), (27, "severe")],
    "phq8": [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
             (15, "moderately_severe"), (19, "moderately_severe"), (20, "severe"), (24, "severe")],
    "gad7": [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"), (14, "moderate"),
             (15, "severe"), (21, "severe")],
    "wsas": [(0, "subclinical"), (9, "subclinical"), (10, "significant_impairment"),
             (20, "significant_impairment"), (21, "moderately_severe_or_worse"), (40, "moderately_severe_or_worse")],
}


@pytest.mark.parametrize("mid,total,band", [(m, t, b) for m, pairs in BOUNDARIES.items() for t, b in pairs])
def test_band_boundaries(ms, mid, total, band):
    m = ms[mid]
    answers = answers_for(m, total)
    if mid == "phq9":  # keep item 9 at 0 so only the total is tested here
        answers = answers_for(ms["phq8"], total) + [0] if total <= 24 else [3] * 8 + [total - 24]
    r = engine.score(m, answers)
    assert (r.total, r.band) == (total, band)


def test_instrument_shapes(ms):
    expected = {"phq9": (9, 0, 3), "phq8": (8, 0, 3), "phq2": (2, 0, 3), "gad7": (7, 0, 3), "gad2": (2, 0, 3),
                "wsas": (5, 0, 8), "pswq": (16, 1, 5), "phq-panic": (15, 0, 1)}
    for mid, (n, lo, hi) in expected.items():
        assert (len(ms[mid].items), ms[mid].low, ms[mid].high) == (n, lo, hi), mid
    assert [o[1] for o in ms["phq9"].options] == ["Not at all", "Several days", "More than half the days",
                                                  "Nearly every day"]
    assert ms["phq9"].items[8].text == "Thoughts that you would be better off dead or of hurting yourself in some way"
    assert ms["phq8"].items == ms["phq9"].items[:8] and ms["phq2"].items == ms["phq9"].items[:2]
    assert ms["gad2"].items == ms["gad7"].items[:2]
    assert ms["phq9"].unscored_items[0]["id"] == "difficulty"  # asked, never added to the total


@pytest.mark.parametrize("mid,total,positive", [("phq2", 2, False), ("phq2", 3, True), ("phq2", 6, True),
                                                ("gad2", 2, False), ("gad2", 3, True)])
def test_two_item_screens(ms, mid, total, positive):
    r = engine.score(ms[mid], answers_for(ms[mid], total))
    assert r.total == total and r.screen_positive is positive and r.band is None


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_item9_flag_whatever_the_total(ms, item9):
    r = engine.score(ms["phq9"], [0] * 8 + [item9])
    assert r.flags == (engine.SUICIDAL_IDEATION,) and r.band == "minimal"


def test_item9_flag_even_without_a_total(ms):
    r = engine.score(ms["phq9"], [None, 0, 0, 0, 0, 0, 0, 0, 2])
    assert r.total is None and r.flags == (engine.SUICIDAL_IDEATION,)
    assert engine.score(ms["phq9"], [0] * 9).flags == ()
    assert engine.score(ms["phq8"], [3] * 8).flags == ()  # no item 9 to flag


def test_phq_and_gad_with_any_missing_item_are_not_scored(ms):
    for mid in ("phq9", "gad7", "phq2"):
        m = ms[mid]
        r = engine.score(m, [1] * (len(m.items) - 1) + [None])
        assert r.total is None and r.band is None and r.missing == 1


def test_wsas_prorates_one_missing_item_only(ms):
    w = ms["wsas"]
    r = engine.score(w, [None, 2, 3, 4, 5])
    assert r.prorated and r.total == pytest.approx((2 + 3 + 4 + 5) / 4 * 5)
    assert r.band == "significant_impairment"
    assert engine.score(w, [None, None, 4, 4, 4]).total is None
    near = engine.score(w, [None, 4, 4, 4, 5])  # 21.25: above 20 even though not a whole number
    assert near.band == "moderately_severe_or_worse"
    just_under = engine.score(w, [None, 2, 2, 2, 1])  # 8.75
    assert just_under.band == "subclinical"


@pytest.mark.parametrize("bad", [[4, 0, 0, 0, 0, 0, 0, 0, 0], [-1] * 9, [True] * 9, [0] * 8, [0] * 10, ["1"] * 9])
def test_bad_answers_are_refused(ms, bad):
    with pytest.raises(ValueError):
        engine.score(ms["phq9"], bad)


CUSTOM = textwrap.dedent("""\
    id: mood3
    version: 1
    name: MOOD-3
    title: A licensed test instrument
    language: en
    citation: "Test 2026"
    licence: {holder: "Test Press", statement: "Licensed to the clinic", statement_source: "Licence 42",
              wording_source: "The clinic's copy"}
    instructions: "How true?"
    options: [{value: 1, label: Never}, {value: 2, label: Sometimes}, {value: 3, label: Often}]
    items:
      - {id: a, text: I feel fine}
      - {id: b, text: I feel low, reverse: false}
      - {id: c, text: I enjoy things, reverse: true}
    scoring: {method: sum, missing: none}
    bands:
      - {id: low, label: Low, min: 3, max: 5}
      - {id: high, label: High, min: 6, max: 9}
    reliable_change: {sd: 2.0, reliability: 0.8, source: "Made-up values for a test"}
    """)


def test_clinic_instrument_with_reverse_item_and_reliable_change(tmp_path):
    (tmp_path / "mood3.yaml").write_text(CUSTOM)
    measures, problems = engine.load_all(tmp_path)
    assert problems == [] and "mood3" in measures and "phq9" in measures
    m = measures["mood3"]
    assert engine.score(m, [1, 1, 3]).total == 3  # the reversed 3 counts as 1
    assert engine.score(m, [1, 1, 1]).total == 5
    assert band_label(m, "high") == "High"
    points = 1.96 * 2 ** 0.5 * 2.0 * (1 - 0.8) ** 0.5  # Jacobson & Truax: about 2.48
    assert m.reliable_change_points() == pytest.approx(points)
    assert engine.reliable_change(m, 9, 6) == engine.IMPROVEMENT       # 3 >= 2.48
    assert engine.reliable_change(m, 6, 9) == engine.DETERIORATION
    assert engine.reliable_change(m, 8, 6) is None                    # 2 < 2.48


def test_no_verdict_without_published_values(ms):
    assert ms["wsas"].reliable_change is None
    assert engine.reliable_change(ms["wsas"], 30, 3) is None


@pytest.mark.parametrize("mid,points", [("phq9", 6), ("gad7", 4)])
def test_published_reliable_change_criteria_at_the_boundary(ms, mid, points):
    m = ms[mid]
    assert m.reliable_change_points() == points and "Talking Therapies" in m.reliable_change["source"]
    assert engine.reliable_change(m, 15, 15 - points) == engine.IMPROVEMENT
    assert engine.reliable_change(m, 15, 15 - points + 1) is None
    assert engine.reliable_change(m, 10, 10 + points) == engine.DETERIORATION
    assert engine.reliable_change(m, 10, 10 + points - 1) is None


@pytest.mark.parametrize("rc", ["{sd: 2.0, reliability: 0.8, points: 3, source: x}",  # both ways at once
                                "{points: 3}",                                          # no source
                                "{sd: 2.0, source: x}",                                 # no reliability
                                "{points: -1, source: x}"])
def test_reliable_change_definitions_must_be_one_complete_cited_way(tmp_path, rc):
    (tmp_path / "mood3.yaml").write_text(CUSTOM.replace(
        'reliable_change: {sd: 2.0, reliability: 0.8, source: "Made-up values for a test"}',
        "reliable_change: " + rc))
    measures, problems = engine.load_all(tmp_path)
    assert "mood3" not in measures and len(problems) == 1


def _phq9(total):
    """PHQ-9 answers summing to ``total`` with item 9 at 0."""
    answers = [0] * 9
    for i in range(total):
        answers[i % 8] += 1
    return answers


def test_reliable_deterioration_is_flagged_once_against_the_first_score(session, ms):
    from app.measures import results

    store, m = session.store, ms["phq9"]
    days = iter(f"2026-01-{d:02d}T09:00:00+00:00" for d in range(1, 30))
    results.save(store, m, _phq9(8), taken_at=next(days))
    s, _r = results.save(store, m, _phq9(13), taken_at=next(days))   # +5: not reliable
    assert s.flags == ()
    s, _r = results.save(store, m, _phq9(14), taken_at=next(days))   # +6: reliable
    assert s.flags == (engine.RELIABLE_DETERIORATION,)
    s, _r = results.save(store, m, _phq9(16), taken_at=next(days))   # still worse: not raised again
    assert s.flags == ()
    results.save(store, m, _phq9(9), taken_at=next(days))            # back within chance
    s, _r = results.save(store, m, _phq9(15), taken_at=next(days))   # worse again: raised again
    assert s.flags == (engine.RELIABLE_DETERIORATION,)
    assert [k for k, _t in results.flags(store)] == [engine.RELIABLE_DETERIORATION] * 2
    stored = store.query("SELECT flags FROM measure_results ORDER BY taken_at")
    assert [r[0] for r in stored].count('["reliable_deterioration"]') == 2


def test_no_deterioration_flag_without_reliable_change_values(session, ms):
    from app.measures import results

    results.save(session.store, ms["wsas"], [0] * 5, taken_at="2026-01-01T09:00:00+00:00")
    s, _r = results.save(session.store, ms["wsas"], [8] * 5, taken_at="2026-01-08T09:00:00+00:00")
    assert s.flags == () and results.flags(session.store) == []


@pytest.mark.parametrize("change,message", [
    (("name: MOOD-3", "name: 42"), "name"),
    (("{value: 2, label: Sometimes}", "{value: 5, label: Sometimes}"), "consecutive"),
    (("{id: b,", "{id: a,"), "unique"),
    (("min: 6, max: 9", "min: 7, max: 9"), "falls in 0 bands"),
    (("min: 3, max: 5", "min: 3, max: 6"), "falls in 2 bands"),
    (("reliability: 0.8", "reliability: 1.5"), "reliability"),
    (("id: mood3", "id: other"), "must match the file name"),
    (("method: sum", "method: average"), "method"),
])
def test_broken_definitions_are_reported_not_loaded(tmp_path, change, message):
    (tmp_path / "mood3.yaml").write_text(CUSTOM.replace(*change, 1))
    measures, problems = engine.load_all(tmp_path)
    assert "mood3" not in measures and message in problems[0]


def test_a_clinic_file_cannot_replace_a_shipped_measure(tmp_path):
    (tmp_path / "phq9.yaml").write_text(CUSTOM.replace("id: mood3", "id: phq9"))
    measures, problems = engine.load_all(tmp_path)
    assert measures["phq9"].name == "PHQ-9" and "already a shipped measure" in problems[0]


def test_cli_list_and_score(capsys):
    from app.__main__ import main

    assert main(["measures", "list"]) == 0
    out = capsys.readouterr().out
    assert "phq9\tPHQ-9\t9 items, total 0-27" in out and "pswq\tPSWQ\t16 items, total 16-80" in out
    assert "phq-panic\tPHQ panic\t15 items, criteria met or not" in out
    assert "wsas\tWSAS" in out and "wording: not included" in out.split("wsas\t")[1]
    assert main(["measures", "score", "phq9", "0,1,2,3,3,2,1,0,1"]) == 0
    out = capsys.readouterr().out
    assert "total 13 of 27" in out and "Band: Moderate" in out and "Flag:" in out
    assert main(["measures", "score", "wsas", ",4,4,4,4"]) == 0
    assert "total 20 of 40 (prorated" in capsys.readouterr().out
    assert main(["measures", "score", "phq9", "1,2"]) == 2
    assert main(["measures", "score", "nope", "1"]) == 2

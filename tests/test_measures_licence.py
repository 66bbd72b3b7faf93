"""Licence records, the new anxiety measures at every boundary, and a WSAS a clinic completes."""

from __future__ import annotations

import textwrap

import pytest

from app.measures import engine, translations
from app.measures.labels import band_label

SHIPPED = ("phq9", "phq8", "phq2", "gad7", "gad2", "wsas", "pswq", "phq-panic")
RECORD = ("holder", "statement", "statement_source", "wording_source")


@pytest.fixture(scope="module")
def ms():
    measures, problems = engine.load_all()
    assert problems == []
    return measures


def test_every_shipped_instrument_has_a_complete_licence_record(ms):
    assert set(SHIPPED) <= set(ms)
    for mid, m in ms.items():
        for field in RECORD:
            assert len(m.licence.get(field, "").strip()) > 10, (mid, field)
        assert m.citation.strip(), mid
        # Text shipped: the record must say where the wording comes from; text-free: it must say so.
        assert m.has_text == ("not included" not in m.licence["wording_source"].lower()), mid


def test_every_shipped_translation_has_a_source(ms):
    folder = engine.paths.resources_dir() / "measures" / "translations"
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        t = translations.parse(path, ms[path.name.split(".")[0]])
        assert t.source.strip(), path.name


@pytest.mark.parametrize("field", RECORD)
def test_a_definition_without_a_complete_record_is_refused(tmp_path, field):
    from tests.test_measures import CUSTOM

    line = {"holder": 'holder: "Test Press", ', "statement": 'statement: "Licensed to the clinic", ',
            "statement_source": 'statement_source: "Licence 42",', "wording_source": 'wording_source: "The clinic\'s copy"'}
    broken = CUSTOM.replace(line[field], "")
    assert broken != CUSTOM
    (tmp_path / "mood3.yaml").write_text(broken.replace(",}", "}"))
    measures, problems = engine.load_all(tmp_path)
    assert "mood3" not in measures and "licence" in problems[0]


def test_a_string_licence_is_refused(tmp_path):
    from tests.test_measures import CUSTOM

    start = CUSTOM.index("licence:")
    end = CUSTOM.index("instructions:")
    (tmp_path / "mood3.yaml").write_text(CUSTOM[:start] + 'licence: "Free to use"\n' + CUSTOM[end:])
    measures, problems = engine.load_all(tmp_path)
    assert "mood3" not in measures and "licence" in problems[0]


# --- PSWQ ---------------------------------------------------------------------------------------

REVERSED = {"1", "3", "8", "10", "11"}


def test_pswq_reverses_items_1_3_8_10_11(ms):
    m = ms["pswq"]
    assert {i.id for i in m.items if i.reverse} == REVERSED
    assert (m.min_total, m.max_total) == (16, 80)
    assert engine.score(m, [1] * 16).total == 5 * 5 + 11 * 1          # reversed 1s count 5
    assert engine.score(m, [5] * 16).total == 5 * 1 + 11 * 5
    lowest = [5 if i.id in REVERSED else 1 for i in m.items]
    highest = [1 if i.id in REVERSED else 5 for i in m.items]
    assert engine.score(m, lowest).total == 16 and engine.score(m, highest).total == 80
    for k, item in enumerate(m.items):  # each item alone moves the total by one, the right way
        answers = list(lowest)
        answers[k] += -1 if item.reverse else 1
        assert engine.score(m, answers).total == 17, item.id


def test_pswq_has_no_bands_no_reliable_change_and_needs_every_answer(ms):
    m = ms["pswq"]
    assert m.bands == () and m.reliable_change is None and m.screen_threshold is None
    assert engine.score(m, [3] * 15 + [None]).total is None
    with pytest.raises(ValueError):
        engine.score(m, [0] * 16)  # 1 to 5 only
    assert m.items[1].text == "My worries overwhelm me."


# --- the PHQ panic questions ----------------------------------------------------------------------

YES, NO = 1, 0


def panic(screen, symptoms):
    """Answers: the four screening questions (3a-d), then how many of the 11 symptoms (4a-k) are yes."""
    return list(screen) + [YES] * symptoms + [NO] * (11 - symptoms)


@pytest.mark.parametrize("symptoms,band", [(0, "no_panic_syndrome"), (3, "no_panic_syndrome"),
                                           (4, "panic_syndrome"), (5, "panic_syndrome"), (11, "panic_syndrome")])
def test_panic_syndrome_needs_four_symptoms(ms, symptoms, band):
    r = engine.score(ms["phq-panic"], panic([YES] * 4, symptoms))
    assert r.band == band and r.total == (1 if band == "panic_syndrome" else 0)


@pytest.mark.parametrize("which", [1, 2, 3])
def test_panic_syndrome_needs_every_screening_question(ms, which):
    screen = [YES] * 4
    screen[which] = NO
    r = engine.score(ms["phq-panic"], panic(screen, 11))
    assert (r.total, r.band) == (0, "no_panic_syndrome")


def test_no_to_the_first_question_skips_the_rest(ms):
    m = ms["phq-panic"]
    r = engine.score(m, [NO] + [None] * 14)
    assert (r.total, r.band) == (0, "no_panic_syndrome")
    assert engine.skipped(m, [NO] + [None] * 14) and not engine.skipped(m, [YES] + [None] * 14)
    assert engine.score(m, [NO] + [YES] * 14).band == "no_panic_syndrome"  # whatever was answered below


def test_panic_with_an_unanswered_question_is_not_scored(ms):
    m = ms["phq-panic"]
    assert engine.score(m, panic([YES] * 4, 11)[:-1] + [None]).total is None
    assert engine.score(m, [None] * 15).total is None
    with pytest.raises(ValueError):
        engine.score(m, [2] * 15)


def test_panic_is_categorical_with_readable_labels(ms):
    m = ms["phq-panic"]
    assert m.categorical and (m.min_total, m.max_total) == (0, 1)
    assert band_label(m, "panic_syndrome") == "Panic criteria met"
    assert m.items[0].text.startswith("In the last 4 weeks")
    assert m.items[4].heading == "Think about your last bad anxiety attack."


def test_criteria_naming_an_unknown_item_is_refused(tmp_path):
    text = (engine.paths.resources_dir() / "measures" / "phq-panic.yaml").read_text()
    (tmp_path / "mypanic.yaml").write_text(text.replace("id: phq-panic", "id: mypanic").replace('"4k"]', '"4z"]'))
    measures, problems = engine.load_all(tmp_path)
    assert "mypanic" not in measures and "4z" in problems[0]


def test_criteria_scoring_cannot_prorate(tmp_path):
    text = (engine.paths.resources_dir() / "measures" / "phq-panic.yaml").read_text()
    (tmp_path / "mypanic.yaml").write_text(text.replace("id: phq-panic", "id: mypanic").replace(
        "method: criteria\n  missing: none", "method: criteria\n  missing: prorate_one"))
    measures, problems = engine.load_all(tmp_path)
    assert "mypanic" not in measures and len(problems) == 1


# --- the WSAS: shipped without wording, completed by a clinic ------------------------------------

CLINIC_WSAS = textwrap.dedent("""\
    id: wsas
    version: 1
    name: WSAS
    title: Work and Social Adjustment Scale (clinic copy)
    language: en
    citation: "Mundt et al. 2002"
    licence: {holder: "I. M. Marks", statement: "Licence granted to Example Clinic", statement_source: "Letter of 2026-11-02",
              wording_source: "The clinic's licensed copy"}
    instructions: "Clinic wording of the instructions."
    options: [{value: 0, label: A}, {value: 1, label: ""}, {value: 2, label: B}, {value: 3, label: ""},
              {value: 4, label: C}, {value: 5, label: ""}, {value: 6, label: D}, {value: 7, label: ""},
              {value: 8, label: E}]
    items:
      - {id: "1", text: "Clinic item one about [problem]"}
      - {id: "2", text: "Clinic item two"}
      - {id: "3", text: "Clinic item three"}
      - {id: "4", text: "Clinic item four"}
      - {id: "5", text: "Clinic item five"}
    scoring: {method: sum, missing: prorate_one}
    bands: [{id: anything, min: 0, max: 40}]
    """)


def test_shipped_wsas_has_no_wording_but_scores(ms):
    w = ms["wsas"]
    assert not w.has_text and all(i.text is None for i in w.items) and w.instructions is None
    assert all(label == "" for _v, label in w.options)
    assert engine.score(w, [None, 4, 4, 4, 4]).total == 20


def test_a_clinic_completes_the_wsas_and_keeps_the_shipped_scoring(tmp_path):
    (tmp_path / "wsas.yaml").write_text(CLINIC_WSAS)
    measures, problems = engine.load_all(tmp_path)
    assert problems == []
    w = measures["wsas"]
    assert w.has_text and w.items[0].text.startswith("Clinic item one") and w.completed_by == tmp_path / "wsas.yaml"
    assert w.licence["statement"] == "Licence granted to Example Clinic"
    assert [b["id"] for b in w.bands] == ["subclinical", "significant_impairment", "moderately_severe_or_worse"]
    assert engine.score(w, [2, 2, 2, 2, 2]).band == "significant_impairment"
    assert engine.available(tmp_path)["wsas"].has_text and not engine.available(None)["wsas"].has_text


@pytest.mark.parametrize("change", [('{id: "5", text: "Clinic item five"}', '{id: "6", text: "Clinic item five"}'),
                                    ("{value: 8, label: E}", "{value: 8, label: E}, {value: 9, label: F}"),
                                    ("missing: prorate_one", "missing: none")])
def test_a_clinic_file_that_is_another_instrument_cannot_complete_the_wsas(tmp_path, change):
    text = CLINIC_WSAS.replace(*change)
    if "value: 9" in text:
        text = text.replace("max: 40", "max: 45")
    (tmp_path / "wsas.yaml").write_text(text)
    measures, problems = engine.load_all(tmp_path)
    assert not measures["wsas"].has_text and "cannot complete" in problems[0]


def test_a_text_free_clinic_file_cannot_complete_it(tmp_path):
    shipped = (engine.paths.resources_dir() / "measures" / "wsas.yaml").read_text()
    (tmp_path / "wsas.yaml").write_text(shipped)
    measures, problems = engine.load_all(tmp_path)
    assert not measures["wsas"].has_text and "no wording" in problems[0]


def test_a_definition_with_text_must_have_every_item_text(tmp_path):
    (tmp_path / "wsas2.yaml").write_text(CLINIC_WSAS.replace("id: wsas", "id: wsas2").replace(
        '{id: "2", text: "Clinic item two"}', '{id: "2"}'))
    measures, problems = engine.load_all(tmp_path)
    assert "wsas2" not in measures and "text" in problems[0]


def test_cli_licence(capsys):
    from app.__main__ import main

    assert main(["measures", "licence", "pswq"]) == 0
    out = capsys.readouterr().out
    assert "Copyright holder:" in out and "public domain" in out and "wording: included" in out
    assert main(["measures", "licence", "wsas"]) == 0
    assert "not included" in capsys.readouterr().out
    assert main(["measures", "licence", "nope"]) == 2
    assert main(["measures", "score", "phq-panic", "0,,,,,,,,,,,,,,"]) == 0
    assert "PHQ panic: Panic criteria not met" in capsys.readouterr().out

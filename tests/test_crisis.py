import json

from app import paths
from app.safety import crisis


def test_every_shipped_country_file_is_valid():
    codes = crisis.shipped_countries()
    assert len(codes) >= 5
    for code in codes:
        res = crisis.load(code)
        assert res.country == code and res.emergency and res.lines, code


def test_unknown_or_bad_country_gives_generic_advice():
    assert crisis.load(None) is crisis.GENERIC
    assert crisis.load("ZZ") is crisis.GENERIC
    assert crisis.load("../../etc") is crisis.GENERIC


def test_clinic_override_takes_precedence(tmp_path):
    (tmp_path / "GB.json").write_text(json.dumps({"country": "GB", "emergency": "999",
                                                  "lines": [{"name": "Clinic line", "phone": "0100 000"}]}))
    assert crisis.load("gb", tmp_path).lines[0].name == "Clinic line"


def test_malformed_override_falls_back_to_shipped(tmp_path):
    (tmp_path / "GB.json").write_text("{not json")
    assert crisis.load("GB", tmp_path).lines[0].name == "Samaritans"
    (tmp_path / "GB.json").write_text(json.dumps({"country": "GB", "emergency": "call <script>"}))
    assert crisis.load("GB", tmp_path).emergency == "999"


def test_country_from_locale():
    assert crisis.country_from_locale("en_GB.UTF-8") == "GB"
    assert crisis.country_from_locale("de") is None
    assert crisis.country_from_locale("en_XA") is None
    assert (paths.resources_dir() / "crisis" / "README.md").exists()


def test_countries_sorted_by_their_names_in_the_language_not_by_code():
    assert crisis.shipped_countries()[:2] == ["AT", "AU"]          # by code: Austria before Australia
    english = [name for _code, name in crisis.countries_by_name("en")]
    assert english[:3] == ["Australia", "Austria", "Canada"]
    german = [name for _code, name in crisis.countries_by_name("de")]
    assert german.index("Niederlande") < german.index("Österreich") < german.index("Spanien")   # Ö sorts as O
    assert german[0] == "Australien" and german.index("Deutschland") == 1
    assert dict(crisis.countries_by_name("ar"))["DE"] == "ألمانيا"


def test_crisis_lines_in_words():
    from app import i18n

    gb = crisis.load("GB")
    assert crisis.emergency_text(gb) == "Emergency: call 999"
    assert any(t.startswith("Samaritans: call 116 123") for t in crisis.line_texts(gb))
    assert "112 or 911" in crisis.emergency_text(crisis.GENERIC) and len(crisis.line_texts(crisis.GENERIC)) == 1
    i18n.set_language("de")
    try:
        assert crisis.emergency_text(crisis.load("DE")) == "Notruf: 112 anrufen"
    finally:
        i18n.set_language("en")


# --- every shipped number has a source and a review month --------------------------------

SOURCE = "Example Service, 'Contact us', https://example.org/contact (read 2026-12-01)"


def _shipped(folder, code="XY", **changes):
    obj = {"country": code, "emergency": "112", "emergency_source": SOURCE, "reviewed": "2026-11",
           "lines": [{"name": "Line A", "phone": "0800 1", "source": SOURCE},
                     {"name": "Line B", "phone": "0800 2", "source": SOURCE}]}
    obj.update(changes)
    (folder / f"{code}.json").write_text(json.dumps(obj))


def test_every_shipped_file_cites_a_source_for_every_number_and_says_when_it_was_checked():
    assert [p for p in crisis.problems() if p[1] != crisis.STALE] == []
    for code in crisis.shipped_countries():
        raw = json.loads((paths.resources_dir() / "crisis" / f"{code}.json").read_text(encoding="utf-8"))
        assert len(crisis.load(code).lines) == len(raw["lines"]), code  # none left out


def test_a_shipped_number_without_a_source_is_not_shown(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    (tmp_path / "crisis").mkdir()
    _shipped(tmp_path / "crisis")
    assert [line.name for line in crisis.load("XY").lines] == ["Line A", "Line B"]
    _shipped(tmp_path / "crisis", lines=[{"name": "Line A", "phone": "0800 1", "source": SOURCE},
                                         {"name": "Line B", "phone": "0800 2"}])
    assert [line.name for line in crisis.load("XY").lines] == ["Line A"]
    assert crisis.problems(tmp_path / "crisis", today=__import__("datetime").date(2026, 12, 1)) == \
        [("XY.json", crisis.LINES_LEFT_OUT, "1")]
    _shipped(tmp_path / "crisis", emergency_source="")
    assert crisis.load("XY") is crisis.GENERIC  # the emergency number cannot be traced: generic advice
    _shipped(tmp_path / "crisis", reviewed="last spring")
    assert crisis.load("XY") is crisis.GENERIC
    assert crisis.problems(tmp_path / "crisis")[0][1] == crisis.UNSOURCED


def test_a_file_checked_more_than_a_year_ago_is_reported(tmp_path):
    import datetime

    _shipped(tmp_path, reviewed="2025-10")
    assert crisis.problems(tmp_path, today=datetime.date(2026, 10, 15)) == []
    assert crisis.problems(tmp_path, today=datetime.date(2026, 11, 1)) == [("XY.json", crisis.STALE, "2025-10")]


def test_a_clinic_s_own_file_needs_no_sources_and_its_review_month_is_shown(tmp_path):
    (tmp_path / "GB.json").write_text(json.dumps({"country": "GB", "emergency": "999", "reviewed": "2026-10",
                                                  "lines": [{"name": "Clinic line", "phone": "0100 000"}]}))
    res = crisis.load("GB", tmp_path)
    assert res.from_clinic and res.lines[0].name == "Clinic line"
    assert crisis.reviewed_text(res) == "Numbers from your clinic, checked in October 2026."
    assert "checked in" in crisis.reviewed_text(crisis.load("GB"))
    assert crisis.reviewed_text(crisis.GENERIC) == ""


def test_crisis_check_command_reports_unsourced_files(tmp_path, monkeypatch, capsys):
    from app import cli

    monkeypatch.setattr(paths, "resources_dir", lambda: tmp_path)
    (tmp_path / "crisis").mkdir()
    _shipped(tmp_path / "crisis", reviewed="2020-01")
    assert cli._crisis() == 0 and "more than a year ago" in capsys.readouterr().out
    _shipped(tmp_path / "crisis", emergency_source=None)
    assert cli._crisis() == 1 and "not used" in capsys.readouterr().err

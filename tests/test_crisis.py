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

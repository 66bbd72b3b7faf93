import ast
import gettext
from pathlib import Path

import pytest

from app import i18n, i18n_tools

ROOT = Path(__file__).resolve().parent.parent


class _FakeCatalog(gettext.NullTranslations):
    def __init__(self, table):
        super().__init__()
        self.table = table

    def gettext(self, message):
        return self.table.get(message, message)

    def ngettext(self, s, p, n):
        return self.table.get(s if n == 1 else p, s if n == 1 else p)

    def pgettext(self, c, m):
        return self.table.get(m, m)


@pytest.fixture
def fake_de(monkeypatch):
    def install(table):
        i18n.set_language("en")
        i18n._state.code = "de"
        i18n._state.guarded = {}
        i18n._state.catalogs = {"de:app": _FakeCatalog(table)}
    yield install
    i18n.refresh_installed()


def test_good_translation_is_used(fake_de):
    fake_de({"Hello {name}": "Hallo {name}"})
    assert i18n._("Hello {name}").format(name="Ana") == "Hallo Ana"


@pytest.mark.parametrize("bad", ["Hallo {nom}", "Hallo {}", "Hallo {name", "Hallo {name} {extra}", "Hallo"])
def test_translation_with_different_fields_falls_back_to_source(fake_de, bad):
    fake_de({"Hello {name}": bad})
    assert i18n._("Hello {name}") == "Hello {name}"


def test_plural_guard(fake_de):
    fake_de({"{count} file": "eine Datei", "{count} files": "{count} Dateien {oops}"})
    assert i18n.ngettext("{count} file", "{count} files", 1) == "eine Datei"
    assert i18n.ngettext("{count} file", "{count} files", 3) == "{count} files"


@pytest.mark.parametrize("message", ["Hello {name}, you have {count} new", "Plain text", "{a}{b}"])
def test_pseudo_locale_keeps_fields_and_is_longer(message):
    out = i18n.pseudo_translate(message)
    assert i18n.placeholder_names(out) == i18n.placeholder_names(message)
    assert len(out) >= len(message) * 1.4
    out.format(name="x", count=1, a=1, b=2)
    mirrored = i18n.pseudo_translate(message, mirrored=True)
    assert i18n.placeholder_names(mirrored) == i18n.placeholder_names(message)


def test_pseudo_locales_switch_text_and_direction():
    assert i18n.set_language(i18n.PSEUDO_LONG) == i18n.PSEUDO_LONG
    assert i18n._("Settings") != "Settings"
    assert not i18n.is_rtl()
    i18n.set_language(i18n.PSEUDO_RTL)
    assert i18n.is_rtl()


@pytest.mark.parametrize("code,rtl", [("ar", True), ("fa", True), ("he", True), ("ur", True), ("ar_EG", True),
                                      ("en", False), ("de", False), ("ja", False), ("xx-nonsense", False)])
def test_direction_comes_from_babel(code, rtl):
    assert i18n.is_rtl(code) is rtl


def _one_string_catalog(folder, monkeypatch, code: str, settings: str) -> None:
    """A locales folder holding only ``code``'s app.po, which translates "Settings"; made the app's."""
    po = folder / code / "LC_MESSAGES" / "app.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  f'msgid "Settings"\nmsgstr "{settings}"\n', encoding="utf-8")
    monkeypatch.setenv("HEARTH_LOCALES_DIR", str(folder))
    i18n.refresh_installed()


def test_new_locale_folder_appears_without_code_change(tmp_path, monkeypatch):
    _one_string_catalog(tmp_path, monkeypatch, "xx", "Sxttings")
    try:
        assert "xx" in [lang.code for lang in i18n.available_languages()]
        assert i18n.set_language("xx") == "xx"
        assert i18n._("Settings") == "Sxttings"  # read straight from the .po, no build step
    finally:
        monkeypatch.delenv("HEARTH_LOCALES_DIR")
        i18n.refresh_installed()


def test_broken_catalog_falls_back_to_english(tmp_path, monkeypatch):
    po = tmp_path / "yy" / "LC_MESSAGES" / "app.po"
    po.parent.mkdir(parents=True)
    po.write_bytes(b"\xff\xfe garbage \x00")
    monkeypatch.setenv("HEARTH_LOCALES_DIR", str(tmp_path))
    i18n.refresh_installed()
    try:
        i18n.set_language("yy")
        assert i18n._("Settings") == "Settings"
    finally:
        monkeypatch.delenv("HEARTH_LOCALES_DIR")
        i18n.refresh_installed()


def test_shipped_catalogs_have_matching_placeholders():
    assert i18n_tools.check_all() == []


def test_shipped_languages_include_a_right_to_left_one():
    langs = i18n.available_languages(include_pseudo=False)
    assert len(langs) >= 3, "English plus two real locales"
    assert any(lang.rtl for lang in langs)


def _translation_calls():
    for folder in ("app", "ui"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                        node.func.id in ("_", "N_", "ngettext", "pgettext"):
                    yield path, node


def test_translatable_strings_are_literals_with_named_fields_only():
    problems = []
    for path, call in _translation_calls():
        args = call.args[1:] if call.func.id == "pgettext" else call.args
        args = args[:2] if call.func.id == "ngettext" else args[:1]
        for arg in args:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                if call.func.id == "_" and isinstance(arg, (ast.Name, ast.Subscript, ast.Attribute)):
                    continue  # _(label) of a value marked with N_ elsewhere
                problems.append(f"{path}:{call.lineno}: not a plain string literal")
                continue
            names = i18n.placeholder_names(arg.value)
            if names is None or "" in names or any(n.isdigit() for n in names):
                problems.append(f"{path}:{call.lineno}: positional or malformed placeholder")
    assert problems == []


def test_dates_and_numbers_follow_the_language():
    import datetime

    i18n.set_language("de")
    assert i18n.format_number(1234.5) == "1.234,5"
    assert i18n.format_date(datetime.date(2026, 3, 1)) == "01.03.2026"
    i18n.set_language("en")
    assert i18n.format_number(1234.5) == "1,234.5"


def test_extraction_config_finds_the_ui_strings_and_the_template_is_current():
    from babel.messages.extract import extract_from_dir
    from babel.messages.frontend import parse_mapping_cfg
    from babel.messages.pofile import read_po

    with open(ROOT / "babel.cfg") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
    found = set()
    for folder in ("app", "ui"):
        for _f, _l, msg, _c, _ctx in extract_from_dir(str(ROOT / folder), method_map, options_map, keywords=keywords):
            found.add(msg if isinstance(msg, str) else msg[0])
    assert "Get help now" in found and len(found) > 300
    with open(ROOT / "locales" / "app.pot", "rb") as fh:
        template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}
    missing = found - template
    assert not missing, f"run 'make pot': {len(missing)} strings are not in locales/app.pot, e.g. {sorted(missing)[:3]}"


def test_seven_interface_languages_two_right_to_left_with_their_plural_rules():
    codes = i18n.available_codes(include_pseudo=False)
    assert {"en", "de", "ar", "fr", "es", "fa", "uk"} <= set(codes)
    assert {c for c in codes if i18n.is_rtl(c)} >= {"ar", "fa"}
    i18n.set_language("uk")  # one (1, 21), few (2-4, 22-24), many (5-20, 25...)
    forms = {n: i18n.ngettext("{count} minute", "{count} minutes", n).format(count=n) for n in (1, 2, 5, 21, 22, 25)}
    assert forms[1].endswith("хвилина") and forms[21].endswith("хвилина")
    assert forms[2].endswith("хвилини") and forms[22].endswith("хвилини")
    assert forms[5].endswith("хвилин") and forms[25].endswith("хвилин")
    i18n.set_language("fr")  # French: 0 and 1 are singular
    assert i18n.ngettext("{count} minute", "{count} minutes", 0).format(count=0) == "0 minute"


def test_persian_writes_its_own_digits_even_inside_translated_texts_but_not_in_codes():
    i18n.set_language("fa")
    assert i18n._("0: very low").startswith("۰")
    assert "۰" in i18n._("Mood (0-10)") and "۱۰" in i18n._("Mood (0-10)")
    assert i18n.own_digits("PHQ-9, GAD-7, F1, Ctrl+1, UTF-8, phq9 {count}") == "PHQ-9, GAD-7, F1, Ctrl+1, UTF-8, phq9 {count}"
    assert i18n.own_digits("از 0 تا 100") == "از ۰ تا ۱۰۰"
    i18n.set_language("de")
    assert i18n._("Mood (0-10)") == i18n._("Mood (0-10)").translate(str.maketrans("", "", "۰۱"))  # Latin digits kept


@pytest.fixture
def only_english_babel_data(monkeypatch):
    """As in a bundle built with Babel's data for English only, meeting languages added after it."""
    from babel import localedata

    real = localedata.exists
    monkeypatch.setattr(localedata, "exists", lambda name: real(name) and str(name).split("_")[0] in ("en", "root"))
    for cached in (i18n._with_data, i18n._babel_rtl, i18n._numbering_system, i18n._when_style):
        cached.cache_clear()
    yield
    monkeypatch.undo()
    for cached in (i18n._with_data, i18n._babel_rtl, i18n._numbering_system, i18n._when_style):
        cached.cache_clear()


@pytest.mark.parametrize("code, rtl", [("de", False), ("ur", True), ("ur_PK", True), ("tlh", False)])
def test_language_without_babel_data_formats_in_english(code, rtl, tmp_path, monkeypatch, only_english_babel_data):
    import datetime as dt

    _one_string_catalog(tmp_path, monkeypatch, code, "Zettings")
    try:
        assert i18n.set_language(code) == code
        assert i18n._("Settings") == "Zettings"
        assert i18n.babel_locale() == "en"
        assert i18n.is_rtl() is rtl
        when = dt.datetime(2026, 3, 4, 15, 30)
        assert i18n.format_date(when.date()) == "Mar 4, 2026"
        assert "3:30" in i18n.format_when(when)
        assert i18n.format_number(1234.5) == "1,234.5"
        assert i18n.number_symbols() == {"decimal": ".", "group": ","}
        assert i18n.digits() == "0123456789"
        assert i18n.native_name(code)
    finally:
        i18n.set_language("en")
        monkeypatch.delenv("HEARTH_LOCALES_DIR")
        i18n.refresh_installed()


def test_regional_variant_without_its_own_data_uses_its_language():
    assert i18n.babel_locale("de_XX") == "de"
    assert i18n.babel_locale("de_AT") == "de_AT"


def test_listing_the_languages_does_not_keep_their_locale_data():
    """Each language's name in its own language loads that language's whole CLDR data; Babel would keep it all
    (6.6 MiB for seven languages, issue 15). Only the language in use stays loaded."""
    from babel import localedata

    i18n.native_name.cache_clear()  # as in a fresh process: the names are looked up again
    i18n._babel_rtl.cache_clear()
    i18n.set_language("de")
    try:
        i18n.format_date(__import__("datetime").date(2026, 1, 2))
        names = {lang.code: lang.native_name for lang in i18n.available_languages(include_pseudo=False)}
        assert names["fa"] == "فارسی" and names["uk"] == "Українська" and names["de"] == "Deutsch"
        assert set(localedata._cache) <= {"root", "de"} and set(localedata._dict_cache) <= {"root", "de"}
        assert i18n.format_date(__import__("datetime").date(2026, 1, 2)) == "02.01.2026"  # still formats
    finally:
        i18n.set_language("en")

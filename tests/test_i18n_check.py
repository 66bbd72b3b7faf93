"""`python -m app i18n check`, as a translator runs it: how complete each catalog is, and every catalog that would
break at run time (placeholders, compiling with Babel, GNU msgfmt --check) fails it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import i18n_tools

ROOT = Path(__file__).resolve().parent.parent
HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'


def check(locales: Path, *args, path="/usr/bin:/bin"):
    return subprocess.run([sys.executable, "-m", "app", "i18n", "check", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={"PATH": path, "LANG": "C.UTF-8", "HOME": str(locales),
                                                       "HEARTH_LOCALES_DIR": str(locales)})


@pytest.fixture
def locales(tmp_path):
    base = tmp_path / "locales"
    (base / "xx" / "LC_MESSAGES").mkdir(parents=True)
    (base / "app.pot").write_text(HEADER + '\nmsgid "One"\nmsgstr ""\n\n#, python-brace-format\nmsgid "Two {name}"\n'
                                  'msgstr ""\n\nmsgid "Three"\nmsgstr ""\n')
    (base / "programs.pot").write_text(HEADER + '\nmsgid "A paragraph."\nmsgstr ""\n\nmsgid "Another."\nmsgstr ""\n')
    return base


def write_app_po(locales: Path, extra: str = "", two: str = "Zwei {name}") -> None:
    (locales / "xx" / "LC_MESSAGES" / "app.po").write_text(
        HEADER + f'\nmsgid "One"\nmsgstr "Eins"\n\n#, fuzzy, python-brace-format\nmsgid "Two {{name}}"\nmsgstr "{two}"\n'
        '\nmsgid "Three"\nmsgstr ""\n' + extra)


def rows(stdout: str) -> dict:
    lines = stdout.strip().splitlines()
    return {tuple(line.split()[:2]): line.split()[2:] for line in lines[1:]}


def test_the_table_counts_translated_fuzzy_and_untranslated_per_language_and_domain(locales):
    write_app_po(locales)
    r = check(locales)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].split() == ["Language", "Domain", "Translated", "Fuzzy", "Untranslated", "Complete"]
    assert rows(r.stdout) == {("xx", "app"): ["1", "1", "1", "33%"],
                              ("xx", "programs"): ["0", "0", "2", "0%"]}  # no programs.po: nothing translated


def test_the_readme_table_form(locales):
    write_app_po(locales)
    r = check(locales, "--markdown")
    assert r.returncode == 0, r.stderr
    assert "| xx (`xx`) | 33% (1 of 3), 1 fuzzy | 0% (0 of 2) |" in r.stdout.splitlines()


def test_a_broken_placeholder_fails_and_names_the_catalog(locales):
    write_app_po(locales)
    po = locales / "xx" / "LC_MESSAGES" / "app.po"
    po.write_text(po.read_text().replace('msgstr "Eins"', 'msgstr "Eins {count}"'))
    r = check(locales)
    assert r.returncode == 1 and str(po) in r.stderr and "placeholders differ" in r.stderr


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext's msgfmt is not installed")
def test_a_catalog_msgfmt_rejects_fails_the_check(locales):
    # one plural form where the header says two: Babel compiles it, a gettext reader would not find the second
    write_app_po(locales, extra='\nmsgid "{n} file"\nmsgid_plural "{n} files"\nmsgstr[0] "{n} Datei"\n')
    r = check(locales)
    assert r.returncode == 1
    assert re.search(r"app\.po:\d+: .*only one plural form", r.stderr), r.stderr
    assert "warning:" not in r.stderr  # header warnings are not findings


def test_a_catalog_that_does_not_compile_fails_without_msgfmt_too(locales, tmp_path):
    bin_dir = tmp_path / "bin"  # a PATH with no msgfmt on it
    bin_dir.mkdir()
    write_app_po(locales, extra='\nmsgid "Four"\nVier"\n')  # msgstr keyword lost
    r = check(locales, path=str(bin_dir))
    assert r.returncode == 1 and "does not compile" in r.stderr and "Traceback" not in r.stderr


def test_the_table_and_the_messages_are_in_the_readers_language(locales):
    write_app_po(locales)
    r = subprocess.run([sys.executable, "-m", "app", "--locale", "de", "i18n", "check"], cwd=ROOT, capture_output=True,
                       text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(locales),
                                                    "HEARTH_LOCALES_DIR": str(ROOT / "locales")})
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].split()[0] == "Sprache"


def test_every_shipped_catalog_compiles_and_passes_msgfmt():
    assert i18n_tools.compile_problems() == []


def test_the_readme_shows_each_languages_completeness_as_the_catalogs_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- i18n-table -->\n(.*?)<!-- /i18n-table -->", readme, re.S)
    assert shown, "README.md: the completeness table's markers are missing"
    assert shown.group(1) == i18n_tools.markdown_table(i18n_tools.catalog_states()), (
        "README.md's completeness table is out of date: paste the output of `python -m app i18n check --markdown`")

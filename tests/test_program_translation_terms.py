"""A translated lesson names the app's exercises and modules as the translated program names them: a lesson that
says «open the reflection "My staying-well plan"» must use the same words the patient sees on that exercise's
button, and a lesson's heading is its module's title. (Eight translators working at once chose different words
for the same title; this catches it in every shipped catalog.)"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = sorted(p.parent.parent.name for p in (ROOT / "locales").glob("*/LC_MESSAGES/programs.po"))


def _titles() -> tuple[set[str], set[str]]:
    """Every program, module and exercise title; and the module titles alone."""
    titles, modules = set(), set()
    for path in (ROOT / "programs").glob("*/program.yaml"):
        program = yaml.safe_load(path.read_text(encoding="utf-8"))
        titles.add(program["title"])
        for module in program["modules"]:
            titles.add(module["title"])
            modules.add(module["title"])
            titles.update(ex["title"] for ex in module.get("exercises", []) if isinstance(ex, dict) and "title" in ex)
    return titles, modules


def _catalog(code: str) -> dict[str, str]:
    catalog = read_po(io.BytesIO((ROOT / "locales" / code / "LC_MESSAGES" / "programs.po").read_bytes()), locale=code)
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def test_there_are_catalogs_to_check():
    assert len(LANGUAGES) >= 5


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_lesson_quotes_each_title_as_translated(code):
    strings = _catalog(code)
    titles, _modules = _titles()
    wrong = []
    for english, translated in strings.items():
        for title in titles:
            quoted = re.search(r'["\u201c]' + re.escape(title) + r'[.,]?["\u201d]|\[' + re.escape(title) + r"\]", english)
            want = strings.get(title)
            if quoted and want and want.casefold() not in translated.casefold():
                wrong.append(f"{title!r} is {want!r}, but: {translated[:120]!r}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_lessons_heading_is_its_modules_title(code):
    strings = _catalog(code)
    _titles_, modules = _titles()
    wrong = [f"{title!r}: {strings[title]!r} but the lesson says {strings['# ' + title]!r}"
             for title in modules if title in strings and "# " + title in strings
             and strings["# " + title] != "# " + strings[title]]
    assert not wrong, "\n".join(wrong)

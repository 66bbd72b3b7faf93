"""Values inside translated sentences keep their own direction (Unicode isolates, added in one
place: app/i18n.py), and every number is written in one digit system per locale.

What a reader sees is checked with python-bidi (the Unicode bidi algorithm, isolates included),
the same library the charts use for their right-to-left text.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from bidi import get_display

from app import i18n
from app.i18n import FSI, PDI, _

ROOT = Path(__file__).resolve().parent.parent


def seen(text: str, rtl: bool = True) -> str:
    """The text as displayed, left to right on the screen, without the invisible marks."""
    return i18n.plain(get_display(text, base_dir="R" if rtl else "L"))


def balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch in "\u2066\u2067\u2068"
        depth -= ch == PDI
        if depth < 0:
            return False
    return depth == 0


@pytest.fixture
def arabic():
    i18n.set_language("ar")
    yield
    i18n.set_language("en")


@pytest.fixture
def locale_code():
    """Use a locale that is not shipped (only its dates and numbers matter here)."""
    def use(code):
        i18n._state.code = code
        i18n._state.guarded = {}
    yield use
    i18n.set_language("en")


# --- isolation ------------------------------------------------------------------------------

def test_message_header_keeps_the_name_and_the_date_apart(arabic):
    # Was "2026/12/Dr Lee، 01": the date broke apart around the name.
    when = i18n.format_when(datetime(2026, 12, 1, 9, 5))
    head = _("{name}, {when}:").format(name="Dr Lee", when=when)
    shown = seen(head)
    assert "2026/12/01" in shown and "Dr Lee" in shown
    assert shown.index("2026/12/01") < shown.index("Dr Lee")  # right to left: the name first, then the date


def test_send_progress_line_keeps_the_questionnaire_and_its_date_apart(arabic):
    # Was "2026/11/PHQ-9، 10" in the send-progress list.
    from app.exchange import readable

    line = readable.describe("measures", {"measure_id": "phq9", "band": "moderate", "total": 11,
                                          "taken_at": "2026-11-10T09:00:00"})
    shown = seen(line)
    assert "PHQ-9" in shown and "2026/11/10" in shown
    assert "/PHQ" not in shown and "PHQ-9\u060c 10" not in shown


def test_activity_summary_keeps_its_date_and_hour_together(arabic):
    # Was "Tidied · 16:00 2026-11-30": the hour jumped to the other side of the date.
    from app.exercises.kinds import activity_monitoring

    data = {"date": "2026-11-30", "hour": 16, "activity": "Tidied"}
    text = activity_monitoring.summary(data)
    shown = seen(text)
    assert seen(i18n.isolate(activity_monitoring.when(data))) in shown and "Tidied" in shown


def test_untranslated_program_text_keeps_its_punctuation_at_its_own_end(arabic):
    # Was ".happening…" / ".enjoy": English content in an Arabic window lost its end punctuation.
    # (A clinic's own program, not translated into Arabic; its text comes back in English.)
    text = i18n.content("Think of a time you felt calm. What was happening?")
    assert seen(text).endswith("What was happening?")
    assert seen(i18n.content("\u0641\u0643\u0631.")) == ".\u0631\u0643\u0641"  # Arabic stays as it is
    i18n.set_language("en")
    assert i18n.content("Think of a time you felt calm.") == "Think of a time you felt calm."


def test_numbered_title_in_arabic_shows_the_number_then_the_title(arabic):
    item = _("{number}. {title}").format(number=1, title=i18n.content("Feeling calm"))
    # Read right to left: the number first (on the right), then the title, in one piece. The Arabic
    # catalog words it "الوحدة {number}: {title}" ("module 1: ...") rather than a bare "1.".
    assert seen(item).startswith("Feeling calm") and seen(item).rstrip().endswith(seen("\u0627\u0644\u0648\u062d\u062f\u0629"))


def test_every_value_is_isolated_once_and_substrings_still_match(arabic):
    text = _("Send progress to {name}").format(name="Jordan")
    assert FSI + "Jordan" + PDI in text and "Jordan" in text and type(text) is str
    assert i18n.isolate(i18n.isolate("Jordan")) == i18n.isolate("Jordan") == FSI + "Jordan" + PDI
    assert i18n.isolate("") == "" and i18n.isolate(7) == FSI + "7" + PDI
    once = _("{name}").format(name=i18n.isolate("Jordan"))
    assert once.count(FSI) == 1  # an isolated value is not wrapped twice


def test_left_to_right_text_changes_only_around_right_to_left_values():
    # A left-to-right value in a left-to-right sentence cannot break: it stays bare (and == holds).
    assert _("Send progress to {name}").format(name="Jordan") == "Send progress to Jordan"
    assert _("{count} entries").format(count=3) == "3 entries"
    # A right-to-left name in English is isolated, so the number after it stays on its own side.
    text = _("{name}, {when}:").format(name="\u062f\u0646\u0627", when="3")
    assert text == FSI + "\u062f\u0646\u0627" + PDI + ", 3:"
    assert seen(text, rtl=False) == "\u0627\u0646\u062f, 3:"
    assert seen(str.format("{name}, {when}:", name="\u062f\u0646\u0627", when="3"), rtl=False) != seen(text, rtl=False)


def test_nested_messages_nest_their_isolates(arabic):
    title = _("{name} over time").format(name="GAD-7")
    nested = _("Table: {title}").format(title=title)
    assert nested.count(FSI) == 2 and balanced(nested)
    assert nested.index(FSI) < nested.index("GAD-7") < nested.rindex(PDI)
    assert "GAD-7" in seen(nested)


def test_format_specs_attributes_and_format_map_still_work(arabic):
    assert i18n.Message("{n:>3}|{d.year}").format(n=5, d=date(2026, 3, 1)) == f"{i18n.RLM}{FSI}  5{PDI}|{FSI}2026{PDI}"
    assert i18n.Message("{a} and {b}").format_map({"a": "x", "b": 2}) == f"{FSI}x{PDI} and {FSI}2{PDI}"
    assert i18n.Message("{x} \u0648").format(x=True) == f"{FSI}True{PDI} \u0648"


def test_a_message_made_only_of_values_still_reads_right_to_left(arabic):
    # "{section}: {count}" has no letters of its own: Qt would take the paragraph as left to right
    # (isolates are skipped) and align it to the left of an Arabic window.
    line = i18n.Message("{section}: {count}").format(section="\u0627\u0644\u0631\u0633\u0627\u0626\u0644", count=3)
    assert line.startswith(i18n.RLM)
    assert seen(line) == "3 :\u0644\u0626\u0627\u0633\u0631\u0644\u0627"  # read right to left: the word, then 3
    i18n.set_language("en")
    assert not i18n.Message("{section}: {count}").format(section="Messages", count=3).startswith(i18n.RLM)


def test_plurals_and_lists_isolate_their_values(arabic):
    text = i18n.ngettext("{count} file", "{count} files", 3).format(count=3)
    assert FSI + "3" + PDI in text
    listed = i18n.format_list(["PHQ-9", "GAD-7"])
    assert f"{FSI}PHQ-9{PDI}" in listed and f"{FSI}GAD-7{PDI}" in listed
    assert "PHQ-9" in seen(listed) and "GAD-7" in seen(listed)


def test_pseudo_locales_keep_fields_and_isolate_like_their_direction():
    try:
        i18n.set_language(i18n.PSEUDO_RTL)
        text = _("Send progress to {name}").format(name="Jordan")
        assert FSI + "Jordan" + PDI in text and balanced(text)
        assert text.startswith(i18n.RLM)  # laid out as a right-to-left paragraph, like Arabic
        assert seen(text) == "Jordan ot ssergorp dneS"  # mirrored words, then the name, right to left
        i18n.set_language(i18n.PSEUDO_LONG)
        text = _("Send progress to {name}").format(name="Jordan")
        assert "Jordan" in text and FSI not in text
    finally:
        i18n.set_language("en")


def test_file_names_and_the_command_line_get_plain_text(tmp_path, arabic):
    name = i18n.Message("Send progress to {name}").format(name="Jordan")
    assert i18n.plain(name) == "Send progress to Jordan"
    assert i18n.plain("\u200f30\u200f/11\u200f/2026") == "30/11/2026"  # Babel's marks too: not in a file name
    r = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(tmp_path), "--locale", "ar", "profile",
                        "verify", "Dr Lee", "--password-stdin"], input="x\n", capture_output=True, text=True,
                       cwd=ROOT, timeout=120, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(tmp_path)})
    assert r.returncode == 4 and "Dr Lee" in r.stderr
    assert not any(ch in r.stdout + r.stderr for ch in "\u2066\u2067\u2068\u2069")


# --- digits ---------------------------------------------------------------------------------

@pytest.mark.parametrize("code,system", [("en", "latn"), ("de", "latn"), ("ar", "latn"), (i18n.PSEUDO_RTL, "latn"),
                                         ("ar_EG", "arab"), ("fa", "arabext"), ("bn", "beng"), ("xx", "latn")])
def test_one_numbering_system_per_locale_from_cldr(code, system):
    assert i18n.numbering_system(code) == system
    assert len(set(i18n.digits(code))) == 10


def test_numbers_and_dates_use_the_locales_own_digits(locale_code):
    locale_code("ar_EG")
    eastern = i18n.digits()
    assert i18n.format_number(1234.5) == "\u0661\u066c\u0662\u0663\u0664\u066b\u0665"
    for text in (i18n.format_date(date(2026, 11, 30)), i18n.format_when(datetime(2026, 11, 30, 16, 5)),
                 i18n.format_datetime(datetime(2026, 11, 30, 16, 5, tzinfo=timezone.utc)),
                 i18n.format_skeleton("Md", date(2026, 11, 30)),
                 _("{count} entries").format(count=12), _("{mood}").format(mood=7.5)):
        assert not any(ch in "0123456789" for ch in text), text
        assert any(ch in eastern for ch in text), text
    locale_code("ar")
    assert i18n.format_number(1234.5) == "1,234.5" and "30" in i18n.format_date(date(2026, 11, 30))


def test_qt_number_widgets_use_the_same_digits_as_the_text(qtbot):
    """A real spin box: Qt's own "ar" (Egyptian Arabic) writes Arabic-Indic digits, CLDR's Latin ones."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QSpinBox

    from ui import qt_setup

    app = QApplication.instance()
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(0, 10)  # like the 0-10 ratings of the activity diary
    spin.setValue(7)
    spin.show()
    try:
        for code in ("ar", "ar_EG", "de", "ar"):
            qt_setup.apply_language(app, code)  # the spin box already exists: it must follow
            i18n._state.code = code
            expected = i18n.format_number(7)  # "7", or "\u0667" in Egyptian Arabic
            qtbot.waitUntil(lambda: spin.text() == expected, timeout=2000)
            assert QSpinBox().locale().toString(7) == i18n.format_number(7), code  # a new one too
    finally:
        i18n.set_language("en")
        qt_setup.apply_language(app, "en")
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_an_arabic_lesson_starts_every_paragraph_and_list_item_at_the_right(qtbot):
    """Qt mirrors "text-align: right" in a right-to-left block: the lesson once showed every Arabic paragraph
    and list item on the left while its headings sat on the right."""
    from PySide6.QtWidgets import QTextBrowser

    from app import i18n
    from app.programs import loader, render

    i18n.set_language("ar")
    program = loader.cached("low-mood")
    colors = {"text": "#000", "base": "#fff", "accent": "#075", "muted": "#555"}
    view = QTextBrowser()
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.setHtml(render.lesson_html(program, program.modules[0], colors, {}))
    view.show()
    width = view.document().textWidth() if view.document().textWidth() > 0 else view.viewport().width()
    block, checked = view.document().begin(), 0
    while block.isValid():
        if block.text().strip() and block.layout().lineCount():
            line = block.layout().lineAt(0)
            assert line.naturalTextRect().right() > width - 60, block.text()[:40]
            checked += 1
        block = block.next()
    assert checked > 10

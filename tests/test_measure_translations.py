"""Questionnaire wording: a translation is shown only when it is the published one; otherwise English
with a note, and an unofficial translation only on request, with the result marked unvalidated."""

from __future__ import annotations

import textwrap

import pytest

from app.measures import engine, translations
from tests.test_program_ui import opened  # noqa: F401 - fixture
from tests.test_ui import make_window  # noqa: F401 - fixture

GAD2_DE = textwrap.dedent("""\
    measure: gad2
    language: de
    published: {published}
    source: "Test wording, not a real translation"
    title: "GAD-2 (Testfassung)"
    instructions: "Wie oft fühlten Sie sich im Verlauf der letzten 2 Wochen beeinträchtigt?"
    options: {{0: "Überhaupt nicht", 1: "An einzelnen Tagen", 2: "An mehr als der Hälfte der Tage", 3: "Beinahe jeden Tag"}}
    items: {{"1": "Nervosität (Testsatz)", "2": "Sorgen (Testsatz)"}}
    """)


@pytest.fixture(autouse=True)
def _no_shipped_wording(request, tmp_path, monkeypatch):
    """These tests bring their own (clinic) wording; the shipped German files are tested on their own."""
    if "shipped" not in request.node.name:
        monkeypatch.setattr(translations, "shipped_folder", lambda: tmp_path / "no-shipped-translations")


def _clinic(ctx, published=True, text=None):
    folder = ctx.data_dir / "measures" / "translations"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gad2.de.yaml").write_text(text or GAD2_DE.format(published=str(published).lower()), encoding="utf-8")


def _start_gad2(win, ctx, language="de"):
    ctx.set_language(language)
    win.shell.go("measures")
    page = win.shell.pages["measures"]
    page.start(engine.shipped()["gad2"])
    return page


def _texts(page) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(lab.text() for lab in page.form.findChildren(QLabel))


def _stored(ctx):
    return ctx.session.store.query_one("SELECT language, validated FROM measure_results")


def test_published_translation_is_shown_and_result_is_validated(qtbot, opened):  # noqa: F811
    win, ctx = opened
    _clinic(ctx, published=True)
    page = _start_gad2(win, ctx)
    assert page.form_title.text() == "GAD-2 (Testfassung)"
    assert "Nervosität (Testsatz)" in _texts(page) and "Feeling nervous" not in _texts(page)
    assert page.form_note.isHidden() and page.wording.isHidden()
    for row in page.form.rows:
        row.set_value(1)
    page.finish()
    assert _stored(ctx) == ("de", 1)


def test_unofficial_translation_only_on_request_and_marked_unvalidated(qtbot, opened):  # noqa: F811
    win, ctx = opened
    _clinic(ctx, published=False)
    page = _start_gad2(win, ctx)
    assert "Feeling nervous" in _texts(page) and not page.form_note.isHidden() and not page.wording.isHidden()
    page.form.rows[0].set_value(2)
    page.wording.click()
    assert "Nervosität" in _texts(page) and page.form.rows[0].value() == 2  # answers kept across the switch
    assert not page.validated and "nicht validierten" in page.form_note.text()  # the German note
    page.form.rows[1].set_value(0)
    page.finish()
    assert _stored(ctx) == ("de", 0)


def test_back_to_the_english_original_is_validated(qtbot, opened):  # noqa: F811
    win, ctx = opened
    _clinic(ctx, published=False)
    page = _start_gad2(win, ctx)
    page.wording.click()
    page.wording.click()
    for row in page.form.rows:
        row.set_value(0)
    page.finish()
    assert _stored(ctx) == ("en", 1)


def test_no_translation_english_with_a_note_and_no_switch(qtbot, opened):  # noqa: F811
    win, ctx = opened
    page = _start_gad2(win, ctx)
    assert page.form_title.text().startswith("Generalized") and not page.form_note.isHidden()
    assert page.wording.isHidden()


def test_english_interface_has_no_note(qtbot, opened):  # noqa: F811
    win, ctx = opened
    _clinic(ctx, published=True)
    page = _start_gad2(win, ctx, language="en")
    assert page.form_note.isHidden() and page.wording.isHidden() and page.measure.language == "en"


@pytest.mark.parametrize("broken,why", [
    ('items: {{"1": "Nur eins"}}', "items"),                  # an item missing
    ("options: {{0: a, 1: b}}", "options"),                   # options missing
    ("published: maybe", "published"),                       # not a boolean
])
def test_an_incomplete_translation_is_never_shown(tmp_path, broken, why):
    m = engine.shipped()["gad2"]
    key = broken.split(":")[0]
    lines = [line if not line.startswith(key + ":") else broken.replace("{{", "{").replace("}}", "}")
             for line in GAD2_DE.format(published="true").splitlines()]
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "gad2.de.yaml").write_text("\n".join(lines), encoding="utf-8")
    assert translations.find(m, "de", tmp_path) is None
    assert why in translations.problems(m, "de", tmp_path)[0]


def test_regional_language_falls_back_to_its_base(tmp_path):
    m = engine.shipped()["gad2"]
    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "gad2.de.yaml").write_text(GAD2_DE.format(published="true"), encoding="utf-8")
    t = translations.find(m, "de_AT", tmp_path)
    assert t is not None and t.language == "de"
    shown = translations.apply(m, t)
    assert shown.items[0].text == "Nervosität (Testsatz)" and shown.bands == m.bands
    assert engine.score(shown, [3, 0]).screen_positive is True  # scoring is the instrument's own


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_the_shipped_wording_covers_every_item_and_is_not_called_published(language):
    """Read in copies of the German PHQ-D, not checked against the form itself: offered, never presented as
    the validated translation (de-notes.md has the source of every line)."""
    for mid in ("phq9", "phq8", "phq2", "gad7", "gad2"):
        m = engine.shipped()[mid]
        t = translations.find(m, language)
        assert t is not None and not t.published and "published is false" in t.source, mid
        assert set(t.items) == {i.id for i in m.items} and translations.problems(m, language) == []
        assert "-9" not in t.title or mid == "phq9"  # a short form is not titled as the PHQ-9
    item9 = translations.find(engine.shipped()["phq9"], language).items["9"]
    # the suicidal-ideation item keeps its meaning (and its flag: scoring is the original's)
    assert {"de": "tot", "fr": "mourir", "es": "muerto"}[language] in item9

"""Every translation says how it was made: a language whose program content no fluent clinician has reviewed
is marked so in Settings and on the Program page (locales/<code>/review.json)."""

from __future__ import annotations

import json

import pytest

from app import i18n, translation_review
from app.programs import loader, progress
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture
from ui.pages.program import review_note


def test_shipped_languages_say_their_program_content_is_not_yet_clinician_reviewed():
    for code in ("de", "ar"):
        r = translation_review.review(code, "programs")
        assert r.clinician_reviewed is False and r.how and r.checked
        assert translation_review.programs_unreviewed(code)
    assert not translation_review.programs_unreviewed("en")  # the source language
    assert not translation_review.programs_unreviewed("en_XA")  # a pseudo-locale


@pytest.mark.parametrize("content", ["", "{", "[]", json.dumps({"programs": "yes"}),
                                     json.dumps({"programs": {"clinician_reviewed": "true"}})])
def test_an_unreadable_or_odd_review_file_counts_as_not_reviewed(tmp_path, monkeypatch, content):
    (tmp_path / "xx" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "xx" / "LC_MESSAGES" / "programs.po").write_text("")
    (tmp_path / "xx" / "review.json").write_text(content)
    monkeypatch.setenv("HEARTH_LOCALES_DIR", str(tmp_path))
    assert translation_review.programs_unreviewed("xx")
    (tmp_path / "xx" / "review.json").write_text(json.dumps({"programs": {"clinician_reviewed": True}}))
    assert not translation_review.programs_unreviewed("xx")


def test_the_note_shows_only_for_a_program_shown_in_an_unreviewed_translation():
    i18n.set_language("ar")
    from types import SimpleNamespace

    assert review_note(loader.cached("low-mood")) != "" and review_note(loader.cached("panic")) != ""
    assert review_note(SimpleNamespace(title="A program nobody translated")) == ""  # shown in English: no note
    i18n.set_language("en")
    assert review_note(loader.cached("low-mood")) == ""


def test_program_page_and_settings_mark_the_unreviewed_language(qtbot, make_window):  # noqa: F811
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    ctx.set_language("de")
    progress.enrol(ctx.session.store, "low-mood")
    win.shell.go("program")
    page = win.shell.pages["program"]
    page.load()
    assert page.review.isVisibleTo(page) and page.review.text() == review_note(page.program)
    win.shell.go("settings")
    settings = win.shell.pages["settings"]
    settings.retranslate()
    assert settings.language_note.isVisibleTo(settings) and settings.language_note.text()
    ctx.set_language("en")
    settings.retranslate()
    page.load()
    assert not settings.language_note.isVisibleTo(settings) and not page.review.isVisibleTo(page)

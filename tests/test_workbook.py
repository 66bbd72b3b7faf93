"""Save my workbook: the person's chosen records in words, as a PDF laid out like the clinician's report."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app import demo, journal
from app.archive import workbook
from app.safety import plan
from tests.conftest import PASSWORD
from tests.test_exchange_ui import boxes, files, open_profile  # noqa: F401 - fixtures and helpers
from tests.test_ui import make_window  # noqa: F401 - fixture


@pytest.fixture
def filled(session):
    demo.fill(session.store, days=40)
    journal.add(session.store, "<b>A night</b>", "Slept badly & woke at 4.")
    plan.save(session.store, "reasons", "My children")
    return session


def test_the_chosen_sections_are_in_words_and_the_others_left_out(filled):
    html = workbook.render_html(filled.store, ("plan", "exercises", "journal"), name="Alex")
    assert "My reasons for living" in html and "My children" in html
    assert "Mastery: sense of achievement" in html  # an activity diary entry in its readable form
    assert "&lt;b&gt;A night&lt;/b&gt;" in html and "&amp; woke" in html  # the person's text is escaped
    assert "Questionnaire results" not in html and "Daily check-ins" not in html
    everything = workbook.render_html(filled.store)
    assert "Questionnaire results" in everything and "PHQ-9" in everything and "Low mood" in everything
    assert everything.index("Program progress") < everything.index("Safety plan") < everything.index("Journal")


def test_an_empty_profile_says_there_is_nothing_yet(session):
    assert workbook.render_html(session.store, ("journal",)).count("Nothing here yet.") == 1


def test_the_default_name_says_what_and_when_but_not_who():
    from datetime import date

    assert workbook.file_name(date(2026, 12, 1)) == "hearth-workbook-2026-12-01.pdf"


def test_save_my_workbook_warns_then_writes_a_pdf(qtbot, make_window, monkeypatch, tmp_path, boxes):  # noqa: F811
    from ui.workbook import WorkbookDialog

    win, ctx, _key = make_window(with_profile=True)
    s = ctx.manager.unlock(ctx.manager.find("Alex"), PASSWORD)
    demo.fill(s.store, days=40)
    s.lock()
    open_profile(win, ctx, "Alex")
    win.shell.go("settings")
    seen = {}

    def answer(dialog):
        qtbot.addWidget(dialog)
        seen["warning"] = dialog.warning.text()
        for sid, box in dialog.boxes.items():
            box.setChecked(False)
        seen["nothing"] = dialog.ok.isEnabled()
        dialog.boxes["measures"].setChecked(True)
        dialog.boxes["journal"].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WorkbookDialog, "exec", answer)
    files(monkeypatch, save_path=tmp_path / "book.pdf")
    win.shell.pages["settings"].workbook.click()
    assert "not encrypted" in seen["warning"] and seen["nothing"] is False
    data = (tmp_path / "book.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert oct((tmp_path / "book.pdf").stat().st_mode & 0o777) == "0o600"
    assert boxes[-1][0] == "information" and "workbook was saved" in boxes[-1][2]


def test_labels_are_bold_not_italic_so_arabic_is_drawn(filled):
    """The fonts most systems ship draw no Arabic in italic (each letter became a box in the PDF), so the
    labels of the workbook and of the clinician's report are set in bold."""
    from pathlib import Path

    html = workbook.render_html(filled.store)
    assert "<i>" not in html and 'class="label"' in html
    templates = Path(__file__).resolve().parent.parent / "resources" / "templates"
    assert all("<i>" not in p.read_text(encoding="utf-8") for p in templates.glob("*.j2"))

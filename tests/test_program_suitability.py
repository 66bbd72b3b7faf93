"""A program's own suitability screen: the ``suitability:`` block of program.yaml, and the screen shown when
the person starts that program (after the PHQ-9 based check): advice for each "yes", never a gate."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app import paths
from app.measures import engine, results
from app.programs import loader, progress
from app.programs.extract import extract_yaml
from tests.test_program_ui import opened  # noqa: F401 - fixture
from tests.test_ui import make_window  # noqa: F401 - fixture
from ui import a11y

FIXTURE = Path(__file__).parent / "fixtures" / "programs"
YAML = (FIXTURE / "screened" / "program.yaml").read_text(encoding="utf-8")


def test_a_crisis_question_is_read_from_the_block(tmp_path):
    folder = _write(tmp_path, YAML.replace("    - id: fainting", "    - id: harm\n      crisis: true\n"
                                           "      text: Thoughts of hurting yourself?\n      advice: Talk to someone.\n"
                                           "    - id: fainting"))
    found = {q.id: q.crisis for q in loader.load(folder).suitability.questions}
    assert found == {"chest-pain": False, "harm": True, "fainting": False}


def test_the_block_is_loaded_in_order():
    program = loader.load(FIXTURE / "screened")
    screen = program.suitability
    assert screen.intro.startswith("Some exercises in this program")
    assert [q.id for q in screen.questions] == ["chest-pain", "fainting"]
    assert screen.questions[0].text.startswith("Have you had new chest pain")
    assert screen.questions[0].advice.startswith("Please see a doctor before starting the exercises")


def test_a_program_without_the_block_has_none():
    assert loader.cached("low-mood").suitability is None


def _line_of(text: str, needle: str) -> int:
    """The line of the last place ``needle`` occurs (a repeated id is reported where it is repeated)."""
    return [n for n, line in enumerate(text.splitlines(), 1) if needle in line][-1]


def _write(tmp_path, text: str) -> Path:
    folder = tmp_path / "screened"
    shutil.copytree(FIXTURE / "screened", folder)
    (folder / "program.yaml").write_text(text, encoding="utf-8")
    return folder


BAD = [
    # (what is wrong, change to the fixture, the line the problem must name, words of the message)
    ("no intro", ("  intro: Some exercises", "  preamble: Some exercises"), "preamble: Some", "intro"),
    ("no questions", ("  questions:\n", "  questions: []\n  old_questions:\n"), "questions: []", "questions"),
    ("a question without advice", ("      advice: Please ask a doctor whether", "      note: Please ask a doctor whether"),
     "- id: fainting", "advice"),
    ("advice that is not text", ("      advice: Please ask a doctor whether the exercises are safe for you before "
                                 "you try them.", "      advice: 42"), "advice: 42", "not of type 'string'"),
    ("an empty question", ("      text: Do you faint, or have you fainted recently?", "      text: ''"),
     "text: ''", "should be non-empty"),
    ("a bad question id", ("    - id: fainting", "    - id: Fainting Now"), "id: Fainting Now", "does not match"),
    ("the same question id twice", ("    - id: fainting", "    - id: chest-pain"), "- id: chest-pain",
     "used twice"),
    ("a block that is a list", ("suitability:\n  intro:", "suitability: [1]\nnot_suitability:\n  intro:"),
     "suitability: [1]", "is not of type 'object'"),
]


@pytest.mark.parametrize("why,change,line_with,words", BAD, ids=[b[0] for b in BAD])
def test_bad_blocks_are_refused_with_file_and_line(tmp_path, why, change, words, line_with):
    assert change[0] in YAML, why
    text = YAML.replace(*change, 1)
    folder = _write(tmp_path, text)
    with pytest.raises(loader.ProgramInvalid) as caught:
        loader.load(folder)
    problems = caught.value.problems
    assert all(p.file == "program.yaml" for p in problems)
    found = [p for p in problems if words in p.message]
    assert found, f"{why}: {[str(p) for p in problems]}"
    expected = _line_of(text, line_with)
    assert any(p.line == expected for p in found), f"{why}: expected line {expected}: {[str(p) for p in problems]}"
    _good, bad = loader.load_all(tmp_path)  # listed as unavailable, never raised
    assert [u.folder.name for u in bad] == ["screened"]


def test_the_texts_are_extracted_for_translation():
    messages = [m for _line, _f, m, _c in extract_yaml(io.BytesIO(YAML.encode()), [], [], {})]
    assert any(m.startswith("Some exercises in this program") for m in messages)       # the intro
    assert any(m.startswith("Have you had new chest pain") for m in messages)          # a question
    assert any(m.startswith("Please ask a doctor whether the exercises") for m in messages)  # its advice


# --- the screen ---------------------------------------------------------------------------------------------

@pytest.fixture
def screen(qtbot):
    from ui.program_suitability import ProgramScreenDialog

    a11y.forget_spoken()
    dlg = ProgramScreenDialog(loader.load(FIXTURE / "screened"))
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def test_advice_is_shown_for_each_yes_and_only_then(screen):
    first, second = screen.questions
    assert screen.intro.text().startswith("Some exercises") and "not saved" in screen.note.text()
    assert first.advice_frame.isHidden() and second.advice_frame.isHidden()
    first.yes.click()
    assert first.advice_frame.isVisible() and second.advice_frame.isHidden()
    assert "Please see a doctor before starting" in first.advice.text()
    assert ("polite", first.advice.text()) in a11y.spoken()   # read out as it appears
    first.no.click()
    assert first.advice_frame.isHidden()
    second.yes.click()
    assert screen.said_yes() == ["fainting"]


def test_it_is_advice_never_a_gate(screen):
    for q in screen.questions:
        q.yes.click()
    assert screen.start.isEnabled() and screen.start.isDefault()
    screen.start.click()
    assert screen.choice == "start"


def test_answers_by_keyboard(qtbot, screen):
    first = screen.questions[0]
    first.yes.setFocus()
    qtbot.keyClick(first.yes, Qt.Key.Key_Space)
    assert first.answered_yes() and first.advice_frame.isVisible()
    qtbot.keyClick(first.yes, Qt.Key.Key_Right)   # arrows move between Yes and No of one question
    assert first.no.isChecked() and not screen.questions[1].yes.isChecked()
    assert first.yes.accessibleDescription() == first.text.text()


@pytest.fixture
def screened_programs(tmp_path, monkeypatch):
    root = tmp_path / "programs"
    shutil.copytree(FIXTURE / "screened", root / "screened")
    shutil.copytree(paths.programs_dir() / "low-mood", root / "low-mood")
    monkeypatch.setattr(paths, "programs_dir", lambda: root)
    return root


def _start(qtbot, win, title):
    win.shell.go("program")
    page = win.shell.pages["program"]
    page._fill_chooser()
    start = [b for b in page.findChildren(type(page.other)) if b.accessibleName() == f"Start the program {title}"]
    assert start, f"a Start button for {title}"
    qtbot.mouseClick(start[0], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("choice,enrolled", [("start", True), ("later", False)])
def test_starting_the_program_shows_its_screen_after_the_phq9_check(qtbot, opened, screened_programs,  # noqa: F811
                                                                      monkeypatch, choice, enrolled):
    win, ctx = opened
    results.save(ctx.session.store, engine.shipped()["phq9"], [3] * 8 + [0])  # severe: the PHQ-9 check asks first
    asked = []
    monkeypatch.setattr("ui.suitability.ask", lambda parent, concern: asked.append("phq9") or "start")
    monkeypatch.setattr("ui.program_suitability.ask",
                        lambda parent, program, on_help=None: asked.append(program.id) or choice)
    _start(qtbot, win, "Screened")
    assert asked == ["phq9", "screened"]
    active = progress.active(ctx.session.store)
    assert (active is not None and active.program_id == "screened") == enrolled


def test_not_now_on_the_phq9_check_shows_no_program_screen(qtbot, opened, screened_programs,  # noqa: F811
                                                            monkeypatch):
    win, ctx = opened
    results.save(ctx.session.store, engine.shipped()["phq9"], [3] * 8 + [0])
    monkeypatch.setattr("ui.suitability.ask", lambda parent, concern: "later")
    monkeypatch.setattr("ui.program_suitability.ask", lambda *a: pytest.fail("should not ask"))
    _start(qtbot, win, "Screened")
    assert progress.active(ctx.session.store) is None


def test_a_program_without_a_screen_starts_straight_away(qtbot, opened, screened_programs, monkeypatch):  # noqa: F811
    win, ctx = opened
    monkeypatch.setattr("ui.program_suitability.ask", lambda *a: pytest.fail("should not ask"))
    _start(qtbot, win, "Low mood")
    assert progress.active(ctx.session.store).program_id == "low-mood"


def test_the_documented_block_is_valid(tmp_path):
    import re
    import textwrap

    doc = (Path(__file__).resolve().parent.parent / "docs" / "program-format.md").read_text(encoding="utf-8")
    [block] = [textwrap.dedent(b) for b in re.findall(r"```yaml\n(.*?)```", doc, re.S) if "suitability:" in b]
    ours = YAML[YAML.index("suitability:"):YAML.index("modules:")]
    program = loader.load(_write(tmp_path, YAML.replace(ours, block)))
    assert [q.id for q in program.suitability.questions] == ["chest-pain"]
    assert program.suitability.questions[0].advice.endswith("you can read the lessons meanwhile.")


def test_a_yes_to_a_crisis_question_offers_get_help_now(qtbot):
    """A program may ask about thoughts of suicide or self-harm (``crisis: true``): a yes shows the advice
    and a Get help now button, as a PHQ-9 item 9 answer does; a no shows neither."""
    from app.programs.model import ScreenQuestion, Suitability
    from ui.program_suitability import ProgramScreenDialog

    import dataclasses

    asked = []
    program = dataclasses.replace(loader.load(FIXTURE / "screened"), suitability=Suitability("Before you start.", (
        ScreenQuestion("harm", "Thoughts of hurting yourself?", "Please talk to someone today.", crisis=True),
        ScreenQuestion("other", "Something else?", "Some advice."))))
    dlg = ProgramScreenDialog(program, None, on_help=lambda: asked.append(1))
    qtbot.addWidget(dlg)
    dlg.show()
    harm, other = dlg.questions
    assert harm.get_help is not None and other.get_help is None
    harm.no.setChecked(True)
    assert not harm.get_help.isVisible()
    harm.yes.setChecked(True)
    assert harm.get_help.isVisible() and harm.advice.isVisible()
    harm.get_help.click()
    assert asked == [1]

"""Program engine: loading and validation, unlock rules, progress, rendering."""

from __future__ import annotations

import io
import re
from pathlib import Path
import textwrap
from datetime import datetime, timedelta, timezone

import pytest

from app import i18n
from app.programs import loader, progress, render, unlock
from app.programs.extract import extract_markdown, extract_yaml

MINI = textwrap.dedent("""\
    id: mini
    version: 1
    source_language: en
    title: Mini
    summary: A tiny program.
    audience: Tests.
    evidence_base: [Testing]
    modules:
      - id: one
        title: One
        summary: First.
        unlock: {rule: start}
        lesson: one.md
        exercises:
          - {kind: reflection, id: r1, title: Think, prompts: ["Why?"]}
        homework:
          - {id: hw1, text: Do it, exercise: r1}
      - id: two
        title: Two
        summary: Second.
        unlock: {rule: after_previous, days: 7}
        lesson: two.md
      - id: three
        title: Three
        summary: Third.
        unlock: {rule: clinician, fallback_days: 7}
        lesson: two.md
    """)


@pytest.fixture
def mini(tmp_path):
    folder = tmp_path / "programs" / "mini"
    folder.mkdir(parents=True)
    (folder / "program.yaml").write_text(MINI)
    (folder / "one.md").write_text("# One\n\nHello [try](exercise:r1).\n\n{% if activities_last_week %}You logged "
                                   "{{ activities_last_week }} activities.{% endif %}\n")
    (folder / "two.md").write_text("# Two\n\nSecond lesson.\n")
    return folder


def test_shipped_programs_all_load():
    good, bad = loader.load_all()
    assert bad == [], [str(p) for u in bad for p in u.problems]
    assert "low-mood" in [p.id for p in good]
    low = next(p for p in good if p.id == "low-mood")
    assert 7 <= len(low.modules) <= 8


def test_mini_loads(mini):
    p = loader.load(mini)
    assert [m.id for m in p.modules] == ["one", "two", "three"]
    assert p.modules[0].exercise("r1")["prompts"] == ["Why?"]
    assert p.modules[0].exercise("reflection")["id"] == "r1"


@pytest.mark.parametrize("change,where", [
    (("title: Mini", "title: 42"), "program.yaml:4"),
    (("id: one", "id: One Bad"), "program.yaml:9"),
    (("lesson: one.md", "lesson: missing.md"), "lesson file not found"),
    (("lesson: one.md", "lesson: ../../etc/passwd.md"), "program.yaml:13"),
    (("kind: reflection", "kind: hypnosis"), "unknown exercise kind"),
    (("exercise: r1", "exercise: nowhere"), "neither an exercise id nor a kind"),
    (("{rule: start}", "{rule: after_previous}"), "first module must use the rule 'start'"),
    (("{rule: start}", "{rule: whenever}"), "program.yaml:12"),
    (("id: two", "id: one"), "used twice"),
    (("audience: Tests.", "audience: Tests.\nsurprise: 1"), "Additional properties"),
    (("modules:", "measures: [{id: bdi, when: weekly}]\nmodules:"), "unknown measure 'bdi'"),
    (("id: mini", "id: other"), "must match the folder name"),
])
def test_each_kind_of_broken_program_is_reported_with_its_place(mini, change, where):
    (mini / "program.yaml").write_text(MINI.replace(*change, 1))
    with pytest.raises(loader.ProgramInvalid) as e:
        loader.load(mini)
    assert where in "\n".join(map(str, e.value.problems))


def test_a_link_or_homework_naming_a_kind_the_module_has_twice_is_ambiguous(mini):
    text = MINI.replace("{kind: reflection, id: r1, title: Think, prompts: [\"Why?\"]}",
                        "{kind: reflection, id: r1, title: Think, prompts: [\"Why?\"]}\n"
                        "      - {kind: reflection, id: r2, title: Hope, prompts: [\"What?\"]}")
    (mini / "program.yaml").write_text(text)
    loader.load(mini)  # links and homework by id are fine
    (mini / "one.md").write_text("# One\n\nWrite in [my hopes](exercise:reflection).\n")
    (mini / "program.yaml").write_text(text.replace("exercise: r1", "exercise: reflection"))
    with pytest.raises(loader.ProgramInvalid) as e:
        loader.load(mini)
    problems = "\n".join(map(str, e.value.problems))
    assert "one.md:3: link 'reflection' is ambiguous" in problems and "(r1, r2)" in problems
    assert "program.yaml:18: 'reflection' is ambiguous" in problems


def test_lesson_links_open_the_exercise_they_name():
    """Lesson 1 links to two reflections; each link opens the one it names."""
    program = loader.cached("low-mood")
    module = program.module("m1-understanding")
    text = (program.folder / module.lesson).read_text(encoding="utf-8")
    for title, wanted in (("My vicious cycle", "m1-my-cycle"), ("What I hope will change", "m1-hopes")):
        target = re.search(r"\"" + title + r"\"\]\(exercise:([a-z0-9-]+)\)", text).group(1)
        assert module.exercise(target)["id"] == wanted


@pytest.mark.parametrize("lesson,where", [
    ("Bad [link](exercise:nope)\n", "one.md:1: link to unknown exercise 'nope'"),
    ("Hi <script>x</script>\n", "one.md:1: raw HTML"),
    ("{{ secrets }}\n", "unknown template variable 'secrets'"),
    ("{% if %}\n", "one.md:1: template error"),
])
def test_broken_lessons(mini, lesson, where):
    (mini / "one.md").write_text(lesson)
    with pytest.raises(loader.ProgramInvalid) as e:
        loader.load(mini)
    assert where in "\n".join(map(str, e.value.problems))


@pytest.mark.parametrize("content", [b"\xff\xfe", b"a: [unclosed", b"- just a list", b"", b"x" * 600_000])
def test_unreadable_program_files_are_unavailable_not_crashes(mini, content):
    (mini / "program.yaml").write_bytes(content)
    good, bad = loader.load_all(mini.parent)
    assert good == [] and len(bad) == 1 and bad[0].problems


def test_validate_command_prints_file_and_line(mini, capsys):
    from app.__main__ import main

    assert main(["programs", "validate", str(mini.parent)]) == 0
    (mini / "program.yaml").write_text(MINI.replace("title: Mini", "title: 42", 1))
    assert main(["programs", "validate", str(mini)]) == 1
    out = capsys.readouterr()
    assert "program.yaml:4" in out.out + out.err


T0 = datetime(2026, 1, 1, 9, tzinfo=timezone.utc)


def states(p, done, now, unlocks=(), clinician=False):
    return [(s.module_id, s.status, s.reason) for s in
            unlock.evaluate(p, T0, done, set(unlocks), now, has_clinician=clinician)]


def test_unlock_rules(mini):
    p = loader.load(mini)
    assert states(p, {}, T0) == [("one", "open", None), ("two", "locked", "previous"), ("three", "locked", "previous")]
    done1 = {"one": T0 + timedelta(days=2)}
    assert states(p, done1, T0 + timedelta(days=3))[1] == ("two", "locked", "date")
    s = unlock.evaluate(p, T0, done1, set(), T0 + timedelta(days=3))
    assert s[1].opens_at == T0 + timedelta(days=7)
    assert states(p, done1, T0 + timedelta(days=7))[1] == ("two", "open", None)
    late = {"one": T0 + timedelta(days=20)}  # finishing late opens the next one at once
    assert states(p, late, T0 + timedelta(days=20))[1] == ("two", "open", None)
    done12 = {"one": T0 + timedelta(days=1), "two": T0 + timedelta(days=8)}
    now = T0 + timedelta(days=30)
    assert states(p, done12, now)[2] == ("three", "open", None)  # no clinician: fallback days
    assert states(p, done12, now, clinician=True)[2] == ("three", "locked", "clinician")
    assert states(p, done12, now, unlocks=["three"], clinician=True)[2] == ("three", "open", None)
    assert states(p, {}, T0, unlocks=["three"])[2] == ("three", "open", None)  # a clinician may open early
    assert states(p, {"one": T0}, T0)[0] == ("one", "done", None)


def test_current_module(mini):
    p = loader.load(mini)
    assert unlock.current_module(unlock.evaluate(p, T0, {}, set(), T0)) == "one"
    assert unlock.current_module(unlock.evaluate(p, T0, {"one": T0}, set(), T0)) == "one"
    assert unlock.current_module(unlock.evaluate(p, T0, {"one": T0}, set(), T0 + timedelta(days=8))) == "two"


def test_progress_in_the_store(session, mini):
    p = loader.load(mini)
    store = session.store
    assert progress.active(store) is None
    progress.enrol(store, "mini")
    assert progress.active(store).program_id == "mini"
    progress.set_lesson_done(store, "mini", "one")
    progress.set_homework_done(store, "mini", "hw1", True)
    progress.add_time(store, "mini", "one", 125)
    progress.add_time(store, "mini", "one", 10**9)  # capped
    s = progress.summary(store, p)
    assert (s.modules_done, s.modules_total, s.homework_done, s.homework_total) == (1, 3, 1, 1)
    assert s.minutes_spent == (125 + 6 * 3600) // 60
    assert progress.states(store, p)[0].status == "done"
    progress.set_lesson_done(store, "mini", "one", False)
    assert progress.states(store, p)[0].status == "open"
    progress.enrol(store, "other")  # one active program at a time; progress is kept
    assert progress.active(store).program_id == "other"
    progress.enrol(store, "mini")
    assert progress.homework_done(store, "mini") == {"hw1"}
    progress.add_clinician_unlock(store, "mini", "three")
    assert progress.states(store, p)[2].status == "open"


def test_lesson_rendering_with_user_data_and_no_html(mini):
    p = loader.load(mini)
    colors = {"text": "#000", "base": "#fff", "accent": "#075", "muted": "#555"}
    html = render.lesson_html(p, p.modules[0], colors, {"activities_last_week": 12})
    assert "You logged 12 activities." in html and 'href="exercise:r1"' in html and "<h1>One</h1>" in html
    assert "You logged" not in render.lesson_html(p, p.modules[0], colors, {})
    assert "&lt;b&gt;" in render.markdown_to_html("<b>bold</b>")
    assert "&lt;" in render.markdown_to_html("{{ activities_last_week }}", {"activities_last_week": "<b>"})
    assert 'dir="rtl"' in render.page("<p>x</p>", colors, rtl=True)


def test_a_lessons_numbers_are_shown_in_the_readers_digits_and_still_test_as_numbers():
    i18n.set_language("fa")
    try:
        html = render.markdown_to_html("{% if n %}{{ n }} / {{ zero }}{% endif %}{% if not zero %} none{% endif %}",
                                       {"n": 14, "zero": 0})
    finally:
        i18n.set_language("en")
    assert "\u06f1\u06f4 / \u06f0" in html and "none" in html and "14" not in html
    assert "1,234" in render.markdown_to_html("{{ n }}", {"n": 1234})


def test_untranslated_paragraphs_fall_back_and_translated_ones_are_used(mini, tmp_path, monkeypatch):
    po = tmp_path / "loc" / "xx" / "LC_MESSAGES"
    po.mkdir(parents=True)
    (po / "app.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
    (po / "programs.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                    'msgid "Second lesson."\nmsgstr "Zweite Lektion."\n')
    monkeypatch.setenv("HEARTH_LOCALES_DIR", str(tmp_path / "loc"))
    i18n.refresh_installed()
    try:
        i18n.set_language("xx")
        p = loader.load(mini)
        colors = {"text": "#000", "base": "#fff", "accent": "#075", "muted": "#555"}
        html = render.lesson_html(p, p.modules[1], colors)
        assert "Zweite Lektion." in html and "<h1>Two</h1>" in html
    finally:
        monkeypatch.delenv("HEARTH_LOCALES_DIR")
        i18n.refresh_installed()


def test_extractors_find_every_paragraph_and_yaml_text(mini):
    msgs = [m for _l, _f, m, _c in extract_markdown(io.BytesIO((mini / "one.md").read_bytes()), [], [], {})]
    assert msgs[0] == "# One" and msgs[1].startswith("Hello")
    assert msgs == render.blocks((mini / "one.md").read_text())
    y = [(line, m) for line, _f, m, _c in extract_yaml(io.BytesIO(MINI.encode()), [], [], {})]
    assert (4, "Mini") in y and any(m == "Why?" for _l, m in y) and any(m == "Do it" for _l, m in y)
    assert not any(m in ("one", "reflection", "start") for _l, m in y)


def test_every_shipped_lesson_renders_in_every_language():
    good, _bad = loader.load_all()
    colors = {"text": "#000", "base": "#fff", "accent": "#075", "muted": "#555"}
    for code in i18n.available_codes(include_pseudo=True):
        i18n.set_language(code)
        for p in good:
            for m in p.modules:
                assert "<h1>" in render.lesson_html(p, m, colors, {"activities_last_week": 3,
                                                                  "thought_records_total": 2})
    i18n.set_language("en")


def test_untranslated_lesson_keeps_its_own_direction_in_an_rtl_language(mini):
    p = loader.load(mini)
    colors = {"text": "#000", "base": "#fff", "accent": "#075", "muted": "#555"}
    i18n.set_language(i18n.PSEUDO_RTL)  # every paragraph "translated" (mirrored)
    assert 'dir="rtl"' in render.lesson_html(p, p.modules[1], colors)
    i18n.set_language("ar")  # no Arabic program catalog: English text, left to right
    assert 'dir="ltr"' in render.lesson_html(p, p.modules[1], colors)
    i18n.set_language("en")


def test_the_documented_example_program_is_valid(tmp_path):
    import re

    doc = (Path(__file__).resolve().parent.parent / "docs" / "program-format.md").read_text()
    yaml_text, md_text = re.findall(r"```(?:yaml|markdown)\n(.*?)```", doc, re.S)[:2]
    folder = tmp_path / "sleep-basics"
    (folder / "lessons").mkdir(parents=True)
    (folder / "program.yaml").write_text(yaml_text)
    (folder / "lessons" / "01-habits.md").write_text(md_text)
    (folder / "lessons" / "02-plan.md").write_text("# A plan\n\nText.\n")
    (folder / "about.md").write_text("# About\n")
    program = loader.load(folder)
    assert [m.id for m in program.modules] == ["m1-habits", "m2-plan"]


def test_lesson_images_must_be_inside_the_program(mini):
    from PySide6.QtGui import QImage

    img = QImage(4, 4, QImage.Format.Format_RGB32)
    img.fill(0x336699)
    img.save(str(mini / "cycle.png"))
    (mini / "one.md").write_text("# One\n\n![The cycle](cycle.png)\n")
    loader.load(mini)
    for bad in ("missing.png", "../../outside.png", "http://example.org/x.png"):
        (mini / "one.md").write_text(f"# One\n\n![x]({bad})\n")
        with pytest.raises(loader.ProgramInvalid, match="image not found"):
            loader.load(mini)

"""Load and validate programs: schema, references, lesson links and templates.

A broken program never raises out of :func:`load_all`; it is returned as
:class:`Unavailable` with its problems (file and line), so the app can list
it with the reason.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from app import fsutil, paths
from app.programs.model import Module, Problem, Program, ScreenQuestion, Suitability, Unavailable

PROGRAM_FILE = "program.yaml"
MAX_PROGRAM_BYTES = 512 * 1024
MAX_LESSON_BYTES = 256 * 1024
# Variables a lesson template may use; filled from the user's own data.
LESSON_VARIABLES = frozenset({"activities_last_week", "thought_records_total"})
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")  # the "id" of program.schema.json; matched whole
_LINK = re.compile(r"\]\(exercise:([a-z0-9-]+)\)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")


class ProgramInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads((Path(__file__).parent / "program.schema.json").read_text(encoding="utf-8"))


def _yaml_line(node, path) -> int | None:
    """1-based line of the YAML node at a JSON-Schema error path."""
    import yaml

    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            nxt = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            nxt = node.value[key]
        else:
            nxt = None
        if nxt is None:
            break
        node, line = nxt, nxt.start_mark.line + 1
    return line


class _Lines:
    """Line numbers for problems: the YAML node tree is built only when a problem needs a line (a program
    that loads cleanly, the usual case, is parsed once, by the C parser when PyYAML has it)."""

    def __init__(self, text: str):
        self.text, self._node, self._built = text, None, False

    def line(self, path) -> int | None:
        import yaml

        if not self._built:
            self._built = True
            try:
                self._node = yaml.compose(self.text, Loader=_loader())
            except yaml.YAMLError:
                self._node = None
        return _yaml_line(self._node, path)


def _loader():
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> tuple[object, _Lines]:
    import yaml

    try:
        data = fsutil.read_regular_file(path, MAX_PROGRAM_BYTES)
    except fsutil.NotRegularFile:  # a pipe would block the read forever
        raise ProgramInvalid([Problem(path.name, None, "not a regular file")]) from None
    except fsutil.FileTooBig:
        raise ProgramInvalid([Problem(path.name, None, "file is too large")]) from None
    text = data.decode("utf-8")
    try:
        return yaml.load(text, Loader=_loader()), _Lines(text)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise ProgramInvalid([Problem(path.name, mark.line + 1 if mark else None,
                                      f"not valid YAML: {getattr(e, 'problem', e)}")]) from None


def load(folder: Path) -> Program:
    """Load one program folder or raise :class:`ProgramInvalid` with every problem found."""
    folder = Path(folder)
    yaml_path = folder / PROGRAM_FILE
    try:
        raw, lines = _read_yaml(yaml_path)
    except (OSError, UnicodeDecodeError) as e:
        raise ProgramInvalid([Problem(PROGRAM_FILE, None, f"cannot be read: {type(e).__name__}")]) from None
    from app.exchange.validate import schema_errors

    errors = sorted(schema_errors(schema(), raw), key=lambda e: list(map(str, e.path)))
    if errors:
        raise ProgramInvalid([Problem(PROGRAM_FILE, lines.line(list(e.absolute_path)),
                                      f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {_schema_message(e)}")
                              for e in errors[:50]])
    problems = _check_references(folder, raw, lines)
    if problems:
        raise ProgramInvalid(problems)
    modules = tuple(
        Module(m["id"], i + 1, m["title"], m["summary"], m.get("minutes"), m["unlock"], m["lesson"],
               tuple(m.get("exercises", [])), tuple(m.get("homework", [])))
        for i, m in enumerate(raw["modules"]))
    screen = raw.get("suitability")
    suitability = Suitability(screen["intro"], tuple(ScreenQuestion(q["id"], q["text"], q["advice"], bool(q.get("crisis")))
                                                      for q in screen["questions"])) if screen else None
    return Program(raw["id"], raw["version"], raw["title"], raw["summary"], raw["audience"],
                   tuple(raw["evidence_base"]), raw.get("about"), tuple(raw.get("measures", [])), modules, folder,
                   suitability)


def _schema_message(error) -> str:
    if error.validator == "not" and error.instance == "safety-plan":
        return "'safety-plan' is kept for links to the person's safety plan; give the exercise another id"
    return error.message


def _inside(folder: Path, rel: str) -> Path | None:
    p = (folder / rel).resolve()
    return p if p.is_relative_to(folder.resolve()) and p.is_file() else None


def _check_references(folder: Path, raw: dict, lines: _Lines) -> list[Problem]:
    from app.exercises import registry
    from app.safety.plan import TARGET as SAFETY_PLAN

    kinds = registry.known()
    problems: list[Problem] = []

    def add(path, message):
        problems.append(Problem(PROGRAM_FILE, lines.line(path), message))

    if raw["id"] != folder.name:
        add(["id"], f"id '{raw['id']}' must match the folder name '{folder.name}'")
    if raw.get("about") and not _inside(folder, raw["about"]):
        add(["about"], f"file not found: {raw['about']}")
    from app.measures import engine

    known_measures = engine.shipped()
    for mi, m in enumerate(raw.get("measures", [])):
        if m["id"] not in known_measures:
            add(["measures", mi, "id"], f"unknown measure '{m['id']}'")
    seen_questions = set()
    for qi, q in enumerate((raw.get("suitability") or {}).get("questions", [])):
        if q["id"] in seen_questions:
            add(["suitability", "questions", qi, "id"], f"suitability question id '{q['id']}' is used twice")
        seen_questions.add(q["id"])
    seen_modules, seen_ex, seen_hw = set(), {}, set()
    for mi, m in enumerate(raw["modules"]):
        for ei, ex in enumerate(m.get("exercises", [])):
            where = ["modules", mi, "exercises", ei]
            if ex["id"] in seen_ex:
                add(where + ["id"], f"exercise id '{ex['id']}' is used twice")
            seen_ex[ex["id"]] = ex["kind"]
            if ex["kind"] not in kinds:
                add(where + ["kind"], f"unknown exercise kind '{ex['kind']}'")
            if ex["kind"] == "quiz":
                if not ex.get("questions"):
                    add(where, "a quiz needs questions")
                for qi, q in enumerate(ex.get("questions", [])):
                    if q["correct"] >= len(q["options"]):
                        add(where + ["questions", qi, "correct"], "correct answer is not one of the options")
    for mi, m in enumerate(raw["modules"]):
        where = ["modules", mi]
        ambiguous = _kinds_used_twice(m)
        if m["id"] in seen_modules:
            add(where + ["id"], f"module id '{m['id']}' is used twice")
        seen_modules.add(m["id"])
        if mi == 0 and m["unlock"]["rule"] != "start":
            add(where + ["unlock"], "the first module must use the rule 'start'")
        for hi, hw in enumerate(m.get("homework", [])):
            if hw["id"] in seen_hw:
                add(where + ["homework", hi, "id"], f"homework id '{hw['id']}' is used twice")
            seen_hw.add(hw["id"])
            ref = hw.get("exercise")
            if ref and ref not in seen_ex and ref not in kinds and ref != SAFETY_PLAN:
                add(where + ["homework", hi, "exercise"],
                    f"'{ref}' is neither an exercise id nor a kind (nor '{SAFETY_PLAN}', the safety plan)")
            elif ref in ambiguous:
                add(where + ["homework", hi, "exercise"], _ambiguous(ref, ambiguous[ref]))
        lesson = _inside(folder, m["lesson"])
        if lesson is None:
            add(where + ["lesson"], f"lesson file not found: {m['lesson']}")
            continue
        problems += _check_lesson(lesson, m["lesson"], set(seen_ex) | set(kinds) | {SAFETY_PLAN}, ambiguous)
    return problems


def _kinds_used_twice(module: dict) -> dict[str, list[str]]:
    """Exercise kinds the module has more than once, with those exercises' ids.

    A link or homework naming such a kind could mean any of them (lesson 1's "What I hope will
    change" opened "My vicious cycle"), so it must name the exercise by its id instead."""
    ids: dict[str, list[str]] = {}
    for ex in module.get("exercises", []):
        ids.setdefault(ex["kind"], []).append(ex["id"])
    return {kind: found for kind, found in ids.items() if len(found) > 1}


def _ambiguous(kind: str, ids: list[str]) -> str:
    return (f"'{kind}' is ambiguous: this module has {len(ids)} exercises of that kind; "
            f"name one by its id ({', '.join(ids)})")


def _check_lesson(path: Path, rel: str, targets: set[str], ambiguous: dict[str, list[str]]) -> list[Problem]:
    import jinja2
    from jinja2 import meta
    from jinja2.sandbox import SandboxedEnvironment

    problems = []
    try:
        data = fsutil.read_regular_file(path, MAX_LESSON_BYTES)
    except fsutil.NotRegularFile:
        return [Problem(rel, None, "not a regular file")]
    except fsutil.FileTooBig:
        return [Problem(rel, None, "file is too large")]
    except OSError as e:
        return [Problem(rel, None, f"cannot be read: {type(e).__name__}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return [Problem(rel, None, "not UTF-8 text")]
    for n, line in enumerate(text.splitlines(), 1):
        for target in _LINK.findall(line):
            if target not in targets:
                problems.append(Problem(rel, n, f"link to unknown exercise '{target}'"))
            elif target in ambiguous:
                problems.append(Problem(rel, n, f"link {_ambiguous(target, ambiguous[target])}"))
        for target in _IMAGE.findall(line):
            image = (path.parent / target).resolve()
            if "://" in target or not image.is_relative_to(path.parent.parent.resolve()) or not image.is_file():
                problems.append(Problem(rel, n, f"image not found in the program folder: {target}"))
        if re.search(r"<\s*[a-zA-Z/!]", line):
            problems.append(Problem(rel, n, "raw HTML is not allowed in lessons"))
    try:
        unknown = meta.find_undeclared_variables(SandboxedEnvironment().parse(text)) - LESSON_VARIABLES
        for name in sorted(unknown):
            problems.append(Problem(rel, None, f"unknown template variable '{name}'"))
    except jinja2.TemplateSyntaxError as e:
        problems.append(Problem(rel, e.lineno, f"template error: {e.message}"))
    return problems


def load_all(base: Path | None = None) -> tuple[list[Program], list[Unavailable]]:
    """Every program under ``base`` (default: the shipped programs folder)."""
    base = Path(base) if base else paths.programs_dir()
    good, bad = [], []
    if not base.is_dir():
        return good, bad
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and (p / PROGRAM_FILE).exists()):
        try:
            good.append(load(folder))
        except ProgramInvalid as e:
            bad.append(Unavailable(folder, tuple(e.problems)))
        except Exception as e:  # noqa: BLE001 - a broken program must never stop the app
            bad.append(Unavailable(folder, (Problem(PROGRAM_FILE, None, f"cannot be loaded: {type(e).__name__}"),)))
    return good, bad


_cache: dict = {}


def program_ids(base: Path | None = None) -> list[str]:
    """The ids of the programs under ``base`` (default: the shipped ones), without loading them."""
    base = Path(base) if base else paths.programs_dir()
    try:
        return sorted(p.name for p in base.iterdir() if valid_id(p.name) and (p / PROGRAM_FILE).is_file())
    except OSError:
        return []


def valid_id(value) -> bool:
    """A program, module, exercise or homework id as program.schema.json allows it (``low-mood``).

    Ids arrive from packages and the store as well as from program files; one that is not of
    this form is never used to build a path or looked up."""
    return isinstance(value, str) and ID.fullmatch(value) is not None


def cached(program_id: str, base: Path | None = None) -> Program | None:
    """A shipped program by id, loaded once per change of its program.yaml.

    Anything but a plain id (``../../etc``, ``a/b``) is no program: no path is built from it."""
    if not valid_id(program_id):
        return None
    folder = (Path(base) if base else paths.programs_dir()) / program_id
    try:
        stamp = (folder / PROGRAM_FILE).stat().st_mtime_ns
    except OSError:
        return None
    hit = _cache.get(folder)
    if hit and hit[0] == stamp:
        return hit[1]
    try:
        program = load(folder)
    except Exception:  # noqa: BLE001
        program = None
    _cache[folder] = (stamp, program)
    return program

"""Tools for translators: compile .po to .mo; check every catalog (placeholders, that it compiles with Babel and,
when GNU gettext is installed, ``msgfmt --check``); and how complete each language is, per domain."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app import fsutil, i18n, paths
from app.i18n import DOMAINS, _, format_number, ngettext


def compile_all() -> int:
    """Compile every locales/<code>/LC_MESSAGES/*.po; returns how many were written."""
    n = 0
    for po in sorted(paths.locales_dir().glob("*/LC_MESSAGES/*.po")):
        code = po.parent.parent.name
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        # Catalogs are shipped program files, readable by every user of an install.
        fsutil.atomic_write_bytes(mo, i18n.compile_po(po.read_bytes(), code), mode=0o644)
        n += 1
    return n


def check_all() -> list[str]:
    """Every translation whose placeholders differ from its source (the guard hides these)."""
    from babel.messages.pofile import read_po

    problems = []
    for po in sorted(paths.locales_dir().glob("*/LC_MESSAGES/*.po")):
        code = po.parent.parent.name
        catalog = read_po(io.BytesIO(po.read_bytes()), locale=code)
        for msg in catalog:
            if not msg.id or not msg.string:
                continue
            ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
            strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
            allowed = frozenset().union(*(i18n.placeholder_names(i) or frozenset() for i in ids))
            for s in strings:
                if not s:
                    continue
                got = i18n.placeholder_names(s)
                exact = not isinstance(msg.id, tuple)
                if got is None or (got != allowed if exact else not got <= allowed):
                    problems.append(_("{file}:{line}: the placeholders differ from the English: {text}").format(
                        file=po, line=msg.lineno, text=repr(ids[0][:60])))
    return problems


def compile_problems() -> list[str]:
    """Every catalog that Babel cannot compile, or that ``msgfmt --check`` rejects (when msgfmt is installed:
    it also checks the header, plural forms and each python-brace-format message)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    problems = []
    msgfmt = shutil.which("msgfmt")
    for po in sorted(paths.locales_dir().glob("*/LC_MESSAGES/*.po")):
        try:  # strictly: at run time Babel skips what it cannot parse, and those messages show in English
            write_mo(io.BytesIO(), read_po(io.BytesIO(po.read_bytes()), locale=po.parent.parent.name,
                                           abort_invalid=True), use_fuzzy=False)
        except Exception as e:  # noqa: BLE001 - any failure to compile is the finding
            problems.append(_("{file}: does not compile: {reason}").format(file=po, reason=e))
        if msgfmt:
            done = subprocess.run([msgfmt, "--check", "-o", os.devnull, str(po)], capture_output=True, text=True,
                                  check=False)
            if done.returncode:
                problems.extend(line for line in done.stderr.splitlines() if line.strip() and "warning:" not in line)
    return problems


@dataclass(frozen=True)
class CatalogState:
    """How much of one domain's template a language has translated."""

    language: str
    domain: str
    total: int       # messages in the template
    translated: int  # translated and not fuzzy (fuzzy ones are not used)
    fuzzy: int

    @property
    def untranslated(self) -> int:
        return self.total - self.translated - self.fuzzy

    @property
    def percent(self) -> int:
        """Whole percent, rounded down: 100 only when nothing is missing."""
        return 100 * self.translated // self.total if self.total else 100


def _ids(po_or_pot: Path, code: str | None = None) -> dict:
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_or_pot.read_bytes()), locale=code)
    return {msg.id: msg for msg in catalog if msg.id}


def catalog_states() -> list[CatalogState]:
    """One row per language folder and domain, counted against the domain's template (``locales/<domain>.pot``);
    a language without a catalog for a domain has translated nothing of it."""
    base = paths.locales_dir()
    templates = {domain: _ids(base / f"{domain}.pot") for domain in DOMAINS if (base / f"{domain}.pot").exists()}
    states = []
    for folder in sorted(p for p in base.iterdir() if (p / "LC_MESSAGES").is_dir()):
        for domain, template in templates.items():
            po = folder / "LC_MESSAGES" / f"{domain}.po"
            have = _ids(po, folder.name) if po.exists() else {}
            translated = fuzzy = 0
            for msg_id in template:
                msg = have.get(msg_id)
                strings = () if msg is None else (msg.string if isinstance(msg.string, tuple) else (msg.string,))
                if not strings or not all(strings):
                    continue
                if msg.fuzzy:
                    fuzzy += 1
                else:
                    translated += 1
            states.append(CatalogState(folder.name, domain, len(template), translated, fuzzy))
    return states


def state_table(states: list[CatalogState]) -> list[str]:
    """The states as aligned lines for a terminal, headings in the reader's language."""
    # Translators: column headings of the translation check's table, for translators; "Domain" is gettext's
    # (app = the interface, programs = the lessons); "Fuzzy" is gettext's mark of a translation to be confirmed;
    # "Complete" heads the share of messages translated, as a percentage.
    heads = [_("Language"), _("Domain"), _("Translated"), _("Fuzzy"), _("Untranslated"), _("Complete")]
    rows = [[s.language, s.domain, format_number(s.translated), format_number(s.fuzzy),
             format_number(s.untranslated), _("{percent}%").format(percent=format_number(s.percent))]
            for s in states]
    widths = [max(len(str(row[i])) for row in [heads, *rows]) for i in range(len(heads))]
    return ["  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip() for row in [heads, *rows]]


def markdown_table(states: list[CatalogState]) -> str:
    """The README's completeness table (English, like the README): one row per language, both domains."""
    by_language: dict[str, dict[str, CatalogState]] = {}
    for state in states:
        by_language.setdefault(state.language, {})[state.domain] = state
    lines = ["| language | interface (`app`) | programs (`programs`) |", "|---|---|---|"]
    for code, domains in sorted(by_language.items()):
        cells = []
        for domain in DOMAINS:
            s = domains.get(domain)
            cells.append("—" if s is None else f"{s.percent}% ({s.translated} of {s.total})"
                         + (f", {s.fuzzy} fuzzy" if s.fuzzy else ""))
        lines.append(f"| {_english_name(code)} (`{code}`) | {cells[0]} | {cells[1]} |")
    return "\n".join(lines) + "\n"


def _english_name(code: str) -> str:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).english_name or code
    except (ValueError, UnknownLocaleError):  # a language Babel does not know: its code says enough
        return code


def run(action: str, markdown: bool = False) -> int:
    if action == "compile":
        count = compile_all()
        print(ngettext("Compiled {count} catalog.", "Compiled {count} catalogs.", count).format(
            count=format_number(count)))
        return 0
    if action == "check":
        problems = check_all() + compile_problems()
        states = catalog_states()
        if markdown:
            print(markdown_table(states), end="")
        else:
            print("\n".join(state_table(states)))
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    return 2

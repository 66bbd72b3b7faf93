"""Lessons: Markdown paragraphs -> translation -> Jinja2 (user's data) -> HTML.

Every paragraph (a block between blank lines) is one message of the
``programs`` translation domain; an untranslated paragraph stays in the
program's source language. Templates run sandboxed with only the known
variables; raw HTML in lessons is disabled.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from app.i18n import dgettext, is_rtl
from app.programs.model import Module, Program


def blocks(text: str) -> list[str]:
    """Split Markdown into paragraph-level blocks (the unit of translation)."""
    out, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out


def translate_markdown(text: str) -> str:
    return translate_blocks(text)[0]


def translate_blocks(text: str) -> tuple[str, float]:
    """The translated Markdown and the share of paragraphs that have a translation."""
    source = blocks(text)
    out = [dgettext("programs", b) for b in source]
    changed = sum(1 for a, b in zip(source, out) if a != b)
    return "\n\n".join(out), (changed / len(source) if source else 0.0)


@lru_cache(maxsize=1)
def markdown_parser():
    """The lessons' Markdown parser (made once; ``ui.warm`` makes it while the password is typed)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


@lru_cache(maxsize=1)
def _sandbox():
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(autoescape=False, finalize=_shown)


def _shown(value):
    """A lesson's ``{{ number }}`` in the reader's digits and grouping (Persian: ۱۴); tests and sums in
    ``{% if %}`` still see the number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from app.i18n import format_number

        return format_number(value)
    return value


def markdown_to_html(text: str, context: dict | None = None) -> str:
    """Render (already translated) Markdown with the sandboxed template context."""
    from markupsafe import escape

    safe = {k: (escape(v) if isinstance(v, str) else v) for k, v in (context or {}).items()}
    return markdown_parser().render(_sandbox().from_string(text).render(**safe))


def page(body_html: str, colors: dict, *, rtl: bool | None = None) -> str:
    """Wrap rendered HTML in a page styled for QTextBrowser (light or dark)."""
    rtl = is_rtl() if rtl is None else rtl
    # No text-align: each block starts at its own direction's side. Qt mirrors "right" in a right-to-left
    # block, so "text-align: right" put every Arabic paragraph and list on the left.
    direction = "rtl" if rtl else "ltr"
    return (f'<html dir="{direction}"><head><style>'
            f"body {{ color: {colors['text']}; background: {colors['base']}; }}"
            "p, li { line-height: 150%; }"
            f"h1 {{ font-size: x-large; }} h2 {{ font-size: large; margin-top: 18px; color: {colors['accent']}; }}"
            f"a {{ color: {colors['accent']}; font-weight: 600; }}"
            f"blockquote {{ color: {colors['muted']}; }}"
            f'</style></head><body dir="{direction}">{body_html}</body></html>')


def _content_rtl(translated_share: float) -> bool:
    """Right-to-left only when the text shown is mostly in the (RTL) user language;
    an untranslated English lesson keeps left-to-right so its punctuation stays put."""
    return is_rtl() and translated_share > 0.5


def lesson_html(program: Program, module: Module, colors: dict, context: dict | None = None) -> str:
    text, share = translate_blocks((Path(program.folder) / module.lesson).read_text(encoding="utf-8"))
    return page(markdown_to_html(text, context), colors, rtl=_content_rtl(share))


def document_html(program: Program, rel: str, colors: dict) -> str:
    """Another Markdown page of the program (e.g. the about page for clinicians)."""
    text, share = translate_blocks((program.folder / rel).read_text(encoding="utf-8"))
    return page(markdown_to_html(text), colors, rtl=_content_rtl(share))

"""One place for translation: ``_``, ``N_``, ``ngettext``, ``pgettext``.

* Catalogs live in ``locales/<code>/LC_MESSAGES/<domain>.po``; a compiled
  ``.mo`` beside it is used when it is newer, otherwise the ``.po`` is read
  directly, so a translator's new folder works without any build step.
* Messages use named ``str.format`` fields only. A translation whose fields
  differ from the source falls back to the source text (a broken translation
  must never crash the app or drop a number the user needs to see).
* Two pseudo-locales exist for layout testing: ``en_XA`` (accented and about
  40% longer) and ``ar_XB`` (mirrored, right-to-left).
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
import string
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import paths

SOURCE_LANGUAGE = "en"
PSEUDO_LONG = "en_XA"
PSEUDO_RTL = "ar_XB"
PSEUDO_LOCALES = (PSEUDO_LONG, PSEUDO_RTL)
DOMAINS = ("app", "programs")

_lock = threading.Lock()


class _Source(_gettext.NullTranslations):
    """Returns the source text unchanged."""


class _Pseudo(_gettext.NullTranslations):
    def __init__(self, mirrored: bool, markdown: bool = False):
        super().__init__()
        self.mirrored = mirrored
        self.markdown = markdown

    def gettext(self, message):
        if self.markdown:
            return pseudo_markdown(message, self.mirrored)
        return pseudo_translate(message, self.mirrored)

    def ngettext(self, msgid1, msgid2, n):
        return pseudo_translate(msgid1 if n == 1 else msgid2, self.mirrored)

    def pgettext(self, context, message):
        return pseudo_translate(message, self.mirrored)

    def npgettext(self, context, msgid1, msgid2, n):
        return self.ngettext(msgid1, msgid2, n)


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    rtl: bool


class _State:
    code: str = SOURCE_LANGUAGE
    catalogs: dict[str, _gettext.NullTranslations] = {}
    guarded: dict[tuple, str] = {}


_state = _State()


# --- placeholders -----------------------------------------------------------

def placeholder_names(text: str) -> frozenset[str] | None:
    """Named ``{fields}`` in ``text``; ``None`` if the braces are malformed."""
    try:
        names = set()
        for _lit, field, _spec, _conv in string.Formatter().parse(text):
            if field is not None:
                names.add(field.split(".")[0].split("[")[0])
        return frozenset(names)
    except ValueError:
        return None


def _fields_ok(translated: str, allowed: frozenset[str] | None, exact: bool) -> bool:
    got = placeholder_names(translated)
    if got is None or allowed is None:
        return False
    return got == allowed if exact else got <= allowed


# --- pseudo-locales ---------------------------------------------------------

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ",
)


def pseudo_translate(message: str, mirrored: bool = False) -> str:
    """Accent every letter outside ``{fields}`` and pad to ~140% length."""
    out = []
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError:
        return message
    for literal, field, spec, conv in parts:
        lit = literal.replace("{", "{{").replace("}", "}}")
        if mirrored:
            out.append("\u202e" + lit + "\u202c" if lit else "")
        else:
            out.append(lit.translate(_ACCENTS))
        if field is not None:
            out.append("{" + field + ("!" + conv if conv else "") + (":" + spec if spec else "") + "}")
    body = "".join(out)
    if mirrored:
        return body
    pad = max(1, round(len(message) * 0.4))
    return "\u27e6" + body + " " + "·" * pad + "\u27e7"


_MD_PREFIX = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)?)")
_MD_PROTECTED = re.compile(r"(\]\([^)]*\)|\{\{.*?\}\}|\{%.*?%\}|\*\*|`[^`]*`)")


def pseudo_markdown(block: str, mirrored: bool = False) -> str:
    """Pseudo-translate program content, keeping Markdown markers, link targets
    and template tags intact so the lesson still renders."""
    lines = []
    for line in block.split("\n"):
        prefix = _MD_PREFIX.match(line).group(1)
        parts = _MD_PROTECTED.split(line[len(prefix):])
        out = []
        for i, part in enumerate(parts):
            if i % 2 or not part:
                out.append(part)
            elif mirrored:
                out.append("\u202e" + part + "\u202c")
            else:
                out.append(part.translate(_ACCENTS))
        text = "".join(out)
        if not mirrored and text.strip():
            text += " " + "\u00b7" * max(1, round(len(text) * 0.4))
        lines.append(prefix + text)
    return "\n".join(lines)


# --- catalogs ---------------------------------------------------------------

def _catalog_file(code: str, domain: str) -> Path | None:
    base = paths.locales_dir() / code / "LC_MESSAGES"
    po, mo = base / f"{domain}.po", base / f"{domain}.mo"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        return mo
    return po if po.exists() else None


def _load_catalog(code: str, domain: str) -> _gettext.NullTranslations:
    if code == SOURCE_LANGUAGE:
        return _Source()
    if code in PSEUDO_LOCALES:
        return _Pseudo(mirrored=(code == PSEUDO_RTL), markdown=(domain == "programs"))
    f = _catalog_file(code, domain)
    if f is None:
        return _Source()
    try:
        if f.suffix == ".mo":
            with open(f, "rb") as fh:
                return _gettext.GNUTranslations(fh)
        return _gettext.GNUTranslations(io.BytesIO(compile_po(f.read_bytes(), code)))
    except Exception:  # a broken catalog must never stop the app
        return _Source()


def compile_po(po_bytes: bytes, code: str) -> bytes:
    """Compile .po text to .mo bytes with Babel (fuzzy entries left out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(po_bytes), locale=code)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def _catalog(domain: str) -> _gettext.NullTranslations:
    key = f"{_state.code}:{domain}"
    cat = _state.catalogs.get(key)
    if cat is None:
        with _lock:
            cat = _load_catalog(_state.code, domain)
            _state.catalogs[key] = cat
    return cat


# --- public API ---------------------------------------------------------------

def _(message: str) -> str:
    return dgettext("app", message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


def dgettext(domain: str, message: str) -> str:
    key = (_state.code, domain, message)
    hit = _state.guarded.get(key)
    if hit is not None:
        return hit
    translated = _catalog(domain).gettext(message)
    if translated != message and not _fields_ok(translated, placeholder_names(message), exact=True):
        translated = message
    _state.guarded[key] = translated
    return translated


def content(text: str) -> str:
    """Program content (the ``programs`` domain). Not an extraction keyword on purpose:
    its arguments are data from program files, extracted by app/programs/extract.py."""
    return dgettext("programs", text)


def ngettext(singular: str, plural: str, n: int) -> str:
    translated = _catalog("app").ngettext(singular, plural, n)
    source = singular if n == 1 else plural
    allowed = (placeholder_names(singular) or frozenset()) | (placeholder_names(plural) or frozenset())
    if translated not in (singular, plural) and not _fields_ok(translated, allowed, exact=False):
        return source
    return translated


def pgettext(context: str, message: str) -> str:
    translated = _catalog("app").pgettext(context, message)
    if translated != message and not _fields_ok(translated, placeholder_names(message), exact=True):
        return message
    return translated


def set_language(code: str | None) -> str:
    """Switch the process language; returns the code actually used."""
    code = normalize(code) if code else SOURCE_LANGUAGE
    if code not in available_codes(include_pseudo=True):
        code = SOURCE_LANGUAGE
    with _lock:
        _state.code = code
        _state.guarded = {}
    return code


def current_language() -> str:
    return _state.code


def normalize(code: str) -> str:
    code = code.replace("-", "_").split(".")[0].split("@")[0]
    if "_" in code:
        lang, _sep, region = code.partition("_")
        return f"{lang.lower()}_{region.upper()}"
    return code.lower()


def is_rtl(code: str | None = None) -> bool:
    code = code or _state.code
    if code == PSEUDO_RTL:
        return True
    if code == PSEUDO_LONG:
        return False
    return _babel_rtl(code)


@lru_cache(maxsize=64)
def _babel_rtl(code: str) -> bool:
    if code == SOURCE_LANGUAGE:
        return False
    try:
        from babel import Locale

        return Locale.parse(code).character_order == "right-to-left"
    except Exception:
        return False


def babel_locale(code: str | None = None) -> str:
    """The Babel locale used to format dates and numbers for ``code``."""
    code = code or _state.code
    return {PSEUDO_LONG: "en", PSEUDO_RTL: "ar"}.get(code, code)


@lru_cache(maxsize=1)
def _installed_codes() -> tuple[str, ...]:
    base = paths.locales_dir()
    found = []
    if base.is_dir():
        for d in sorted(base.iterdir()):
            if (d / "LC_MESSAGES" / "app.po").exists() or (d / "LC_MESSAGES" / "app.mo").exists():
                found.append(d.name)
    return tuple(found)


@lru_cache(maxsize=64)
def native_name(code: str) -> str:
    if code == PSEUDO_LONG:
        return "Pseudo (long, accented)"
    if code == PSEUDO_RTL:
        return "Pseudo (mirrored, right-to-left)"
    try:
        from babel import Locale

        name = Locale.parse(code).get_display_name(code) or code
        return name[:1].upper() + name[1:]
    except Exception:
        return code


def available_codes(include_pseudo: bool | None = None) -> list[str]:
    """English plus every folder in ``locales/`` with a catalog; no code change needed."""
    if include_pseudo is None:
        include_pseudo = os.environ.get("HEARTH_PSEUDO_LOCALES") == "1"
    codes = [SOURCE_LANGUAGE] + [c for c in _installed_codes() if c != SOURCE_LANGUAGE]
    return codes + list(PSEUDO_LOCALES) if include_pseudo else codes


def available_languages(include_pseudo: bool | None = None) -> list[Language]:
    """Like :func:`available_codes`, with names (this loads Babel's locale data)."""
    return [Language(c, native_name(c), is_rtl(c)) for c in available_codes(include_pseudo)]


def refresh_installed() -> None:
    """Forget the cached list of locale folders (after a translator adds one)."""
    _installed_codes.cache_clear()
    with _lock:
        _state.catalogs = {}
        _state.guarded = {}


def system_language() -> str:
    """Best shipped language for the operating system's locale settings."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value and value not in ("C", "POSIX"):
            wanted = normalize(value.split(":")[0])
            break
    else:
        import locale

        wanted = normalize(locale.getlocale()[0] or SOURCE_LANGUAGE)
    codes = available_codes(include_pseudo=False)
    if wanted in codes:
        return wanted
    if wanted.split("_")[0] in codes:
        return wanted.split("_")[0]
    return SOURCE_LANGUAGE


# --- Babel formatting ---------------------------------------------------------

def format_date(value, fmt: str = "medium") -> str:
    from babel.dates import format_date as _fd

    return _fd(value, format=fmt, locale=babel_locale())


def format_datetime(value, fmt: str = "medium") -> str:
    from babel.dates import format_datetime as _fdt

    return _fdt(value, format=fmt, locale=babel_locale())


def format_when(value) -> str:
    """Medium date and short time (no seconds), joined the locale's way."""
    from babel import dates

    loc = babel_locale()
    return dates.get_datetime_format("medium", locale=loc).replace("'", "").format(
        dates.format_time(value, "short", locale=loc), dates.format_date(value, "medium", locale=loc))


def format_number(value) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale())


def format_list(items: list[str]) -> str:
    """'a, b and c' in the current language."""
    from babel.lists import format_list as _fl

    return _fl(list(items), locale=babel_locale()) if items else ""

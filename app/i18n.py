"""One place for translation: ``_``, ``N_``, ``ngettext``, ``pgettext``; and for the
direction and digits of every value shown inside translated text.

* Catalogs live in ``locales/<code>/LC_MESSAGES/<domain>.po``; a compiled
  ``.mo`` beside it is used when it is newer, otherwise the ``.po`` is read
  directly, so a translator's new folder works without any build step.
* Messages use named ``str.format`` fields only. A translation whose fields
  differ from the source falls back to the source text (a broken translation
  must never crash the app or drop a number the user needs to see).
* Two pseudo-locales exist for layout testing: ``en_XA`` (accented and about
  40% longer) and ``ar_XB`` (mirrored, right-to-left).

Direction. ``_``, ``ngettext``, ``pgettext`` and ``dgettext`` return a
:class:`Message`, a ``str`` whose ``format()`` wraps every inserted value (a
name, date, number, code, or another formatted message) in Unicode directional
isolates, FSI U+2068 ... PDI U+2069. Each value then keeps its own direction
and stays in one piece inside a sentence of the other direction ("Dr Lee" or
"30/11/2026" inside Arabic, an Arabic name inside English); a value that is
already one whole isolate is not wrapped again. In a left-to-right language a
value is wrapped only when it holds right-to-left text (see :func:`isolate`):
left-to-right values in a left-to-right sentence cannot break apart, and
English text stays exactly as it was. :func:`isolate` does the same for the
rare text built without a message, :func:`format_list` isolates each item, and
:func:`content` isolates a program text whose own direction differs from the
user interface's (untranslated English content in an Arabic window).
Isolates are invisible in Qt widgets and rich text. They must not reach file
names (:func:`plain`); the command line strips them (``app/__main__.py``), and
the charts drop them before matplotlib draws text.

Digits. One digit system per locale: CLDR's default numbering system for the
Babel locale (``Locale.default_numbering_system``): Latin digits for ``ar``
(CLDR's choice since version 42), Arabic-Indic for ``ar_EG``, Extended
Arabic-Indic for ``fa``, and so on. Every number and date formatted here uses
it (Babel formats dates in Latin digits only, so they are transliterated), a
bare ``int`` or ``float`` inserted into a message is written with it, and
``ui/qt_setup.py`` gives Qt a ``QLocale`` with the same digits and separators
so spin boxes and date fields agree with the text around them.
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
import string
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app import paths

SOURCE_LANGUAGE = "en"
PSEUDO_LONG = "en_XA"
PSEUDO_RTL = "ar_XB"
# The language whose dates and numbers each pseudo-locale borrows.
PSEUDO_FORMATS = {PSEUDO_LONG: "en", PSEUDO_RTL: "ar"}
PSEUDO_LOCALES = (PSEUDO_LONG, PSEUDO_RTL)
DOMAINS = ("app", "programs")

_lock = threading.Lock()


# --- direction: isolating inserted values ---------------------------------------

LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
_OPENERS = (LRI, RLI, FSI)
_STRIP_ISOLATES = dict.fromkeys(map(ord, LRI + RLI + FSI + PDI))
# Every invisible directional control: marks (LRM, RLM, ALM), embeddings and overrides, isolates.
_STRIP_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
                                          + LRI + RLI + FSI + PDI))


def _is_isolated(text: str) -> bool:
    """Whether the whole of ``text`` is one isolate (an opener whose matching PDI is the last character)."""
    if len(text) < 2 or text[0] not in _OPENERS or text[-1] != PDI:
        return False
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPENERS:
            depth += 1
        elif ch == PDI:
            depth -= 1
            if depth == 0:
                return i == len(text) - 1
    return False


# Bidi classes that can reorder the text around them in a left-to-right sentence.
_RTL_CLASSES = frozenset(("R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"))


def _has_rtl(text: str) -> bool:
    import unicodedata

    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in text)


def isolate(value) -> str:
    """``value`` as text wrapped in FSI ... PDI, so it keeps its own direction inside a sentence.

    For text built without a message (a message's ``format()`` already does this).
    In a right-to-left language every value is wrapped. In a left-to-right one only a
    value holding right-to-left text, Arabic digits or directional controls is: with
    none of those in the sentence, the bidi algorithm shows every character in typed
    order, so wrapping would change nothing on screen (and text stays byte-for-byte the
    same for scripts, tests and file dialogs). Numbers are written in the locale's
    digits; empty and already isolated text is returned unchanged.
    """
    text = str(value) if isinstance(value, str) else _value_text(value)
    if not text or _is_isolated(text) or not (is_rtl() or _has_rtl(text)):
        return text
    if _PARAGRAPH_BREAK.search(text):  # an isolate ends with its paragraph: isolate each line
        return "".join(part if _PARAGRAPH_BREAK.fullmatch(part) else isolate(part)
                       for part in _PARAGRAPH_BREAK.split(text) if part)
    return FSI + text + PDI


# Unicode paragraph separators (bidi class B); a captured group, so split() keeps them.
_PARAGRAPH_BREAK = re.compile("(\r\n|[\n\r\x1c-\x1e\x85\u2029])")


def plain(text: str) -> str:
    """``text`` without any invisible directional control: for file names and other places
    where the characters themselves matter more than their display."""
    return str(text).translate(_STRIP_CONTROLS)


def strip_isolates(text: str) -> str:
    """``text`` without the isolates this module adds (Babel's own marks stay)."""
    return str(text).translate(_STRIP_ISOLATES)


class _PlainStream:
    """A text stream that drops isolates: a terminal shows them as nothing at best, and a
    script reading the output must see the plain values."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        return self._stream.write(strip_isolates(text))

    def writelines(self, lines):
        self._stream.writelines(strip_isolates(line) for line in lines)

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextmanager
def plain_output():
    """While inside, ``sys.stdout`` and ``sys.stderr`` print text without isolates (the command line)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _PlainStream(sys.stdout), _PlainStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _value_text(value) -> str:
    """A value inserted into a message without a format spec: numbers in the locale's digits."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return localize_digits(str(value))  # no grouping: years, ids and sequence numbers stay as they are
    return format_number(value)


class _IsolatingFormatter(string.Formatter):
    def format_field(self, value, format_spec):
        if format_spec:
            text = format(value, format_spec)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                text = localize_digits(text)
        else:
            text = str(value) if isinstance(value, str) else _value_text(value)
        return isolate(text)


_FORMATTER = _IsolatingFormatter()


@lru_cache(maxsize=4096)
def _simple_fields(template: str) -> bool:
    """Whether every field is a bare name or index (no attribute, key, conversion or spec)."""
    try:
        for _lit, field, spec, conv in string.Formatter().parse(template):
            if field is not None and (spec or conv or not (field == "" or field.isidentifier() or field.isdigit())):
                return False
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def _has_strong_words(template: str) -> bool:
    """Whether the message's own words (outside its fields) hold a letter with a direction."""
    import unicodedata

    try:
        literal = "".join(lit for lit, _f, _s, _c in string.Formatter().parse(template))
    except ValueError:
        literal = template
    return any(unicodedata.bidirectional(ch) in ("L", "R", "AL") for ch in literal)


RLM = "\u200f"


class Message(str):
    """A translated message: ``format()`` isolates every inserted value (see the module docstring)."""

    __slots__ = ()

    def format(self, /, *args, **kwargs) -> str:
        if _simple_fields(self):
            text = str.format(self, *map(isolate, args), **{k: isolate(v) for k, v in kwargs.items()})
        else:
            text = _FORMATTER.vformat(str(self), args, kwargs)
        return self._directed(text)

    def format_map(self, mapping) -> str:
        return self._directed(_FORMATTER.vformat(str(self), (), mapping))

    def _directed(self, text: str) -> str:
        # Qt (like the bidi algorithm) takes a paragraph's direction from its first letter outside
        # isolates. "{name}, {when}:" has none of its own, so in a right-to-left language it starts
        # with a right-to-left mark: it is aligned and ordered as the Arabic sentence it is.
        if text and is_rtl() and not _has_strong_words(self):
            return RLM + text
        return text


def _first_strong(text: str) -> str | None:
    """"L" or "R" for the first strong character outside isolates (embeddings and overrides count)."""
    import unicodedata

    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch == PDI:
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind in ("L", "LRE", "LRO"):
                return "L"
            if kind in ("R", "AL", "RLE", "RLO"):
                return "R"
    return None


def _own_direction(text: str) -> str:
    """``text`` isolated when its own direction differs from the user interface's."""
    strong = _first_strong(text)
    if strong is None or (strong == "R") == is_rtl():
        return str(text)
    return isolate(text)


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
        # A right-to-left mark first: the letters inside the overrides are Latin, and Qt (like the
        # bidi algorithm) would otherwise lay the message out as a left-to-right paragraph.
        return "\u200f" + body
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
        elif mirrored and text.strip():
            text = "\u200f" + text  # a right-to-left paragraph (see pseudo_translate)
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

def _(message: str) -> Message:
    return dgettext("app", message)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message


_DIGIT_RUN = re.compile(r"\{[^{}]*\}|[0-9]+")


def own_digits(text: str) -> str:
    """A translated interface text with its numbers in the language's own digits (Persian: ۰-۹), leaving
    alone digits that belong to a Latin word or code (PHQ-9, GAD-7, F1, Ctrl+1, UTF-8, phq9) and everything
    inside {placeholders} (their values are localised when they are filled in)."""
    if numbering_system() == "latn":
        return text

    def swap(m: re.Match) -> str:
        run = m.group(0)
        if run.startswith("{"):
            return run
        start, end = m.start(), m.end()
        before = text[start - 1] if start else ""
        before2 = text[start - 2] if start > 1 else ""
        after = text[end] if end < len(text) else ""
        latin = lambda ch: ch.isascii() and ch.isalpha()  # noqa: E731
        if latin(before) or latin(after) or (before in "-_.+" and latin(before2)):
            return run
        return localize_digits(run)

    return _DIGIT_RUN.sub(swap, text)


def dgettext(domain: str, message: str) -> Message:
    key = (_state.code, domain, message)
    hit = _state.guarded.get(key)
    if hit is not None:
        return hit
    translated = _catalog(domain).gettext(message)
    if translated != message and not _fields_ok(translated, placeholder_names(message), exact=True):
        translated = message
    if translated != message and domain == "app":  # program texts are Markdown: "1." starts a list
        translated = own_digits(translated)
    translated = Message(translated)
    _state.guarded[key] = translated
    return translated


def content(text: str) -> str:
    """Program content (the ``programs`` domain). Not an extraction keyword on purpose:
    its arguments are data from program files, extracted by app/programs/extract.py.

    For short texts (titles, homework, prompts). A text still in the program's source
    language inside a window of the other direction is isolated, so its punctuation
    stays at its own end ("enjoy." rather than ".enjoy" in an Arabic window)."""
    return _own_direction(dgettext("programs", text))


def ngettext(singular: str, plural: str, n: int) -> Message:
    translated = _catalog("app").ngettext(singular, plural, n)
    source = singular if n == 1 else plural
    allowed = (placeholder_names(singular) or frozenset()) | (placeholder_names(plural) or frozenset())
    if translated not in (singular, plural) and not _fields_ok(translated, allowed, exact=False):
        return Message(source)
    return Message(own_digits(translated) if translated not in (singular, plural) else translated)


def pgettext(context: str, message: str) -> Message:
    translated = _catalog("app").pgettext(context, message)
    if translated != message and not _fields_ok(translated, placeholder_names(message), exact=True):
        return Message(message)
    return Message(own_digits(translated) if translated != message else translated)


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


# Languages written right to left by default: CLDR's characterOrder as Babel 2.19 carries it (every base locale
# whose ``character_order`` is "right-to-left"). Used only when Babel has no data for a language (a bundle carries
# Babel's data only for the languages it shipped; a translator may add another later).
RTL_LANGUAGES = frozenset({"apc", "ar", "ary", "bal", "bgn", "bqi", "brh", "ckb", "dv", "fa", "he", "ks", "lrc",
                           "mzn", "nqo", "ps", "rhg", "sd", "sdh", "skr", "syr", "trw", "ug", "ur", "yi"})


@lru_cache(maxsize=64)
def _babel_rtl(code: str) -> bool:
    if code == SOURCE_LANGUAGE:
        return False
    try:
        from babel import Locale

        return Locale.parse(code).character_order == "right-to-left"
    except Exception:
        return code.split("_")[0] in RTL_LANGUAGES


def babel_locale(code: str | None = None) -> str:
    """The Babel locale used to format dates and numbers for ``code``: its own when Babel has its data, else its
    language's, else English (a language added to an installed copy whose bundle carries Babel's data only for
    the languages it shipped still opens, with English dates and numbers)."""
    code = code or _state.code
    return _with_data(PSEUDO_FORMATS.get(code, code))


@lru_cache(maxsize=64)
def _with_data(code: str) -> str:
    if code == SOURCE_LANGUAGE:
        return code  # always there; and Babel is not loaded before the first window for it (start-up)
    from babel import localedata

    for candidate in (code, code.split("_")[0]):
        try:
            if localedata.exists(candidate):
                return candidate
        except (ValueError, TypeError):  # not a name Babel can look up
            continue
    return SOURCE_LANGUAGE


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
    """Like :func:`available_codes`, with names (this loads Babel's locale data, then lets go of it)."""
    languages = [Language(c, native_name(c), is_rtl(c)) for c in available_codes(include_pseudo)]
    _forget_other_locales()
    return languages


def _forget_other_locales() -> None:
    """Drop Babel's cached data of every locale but the one in use (and its parents). Each language's name in
    its own language loads that language's whole CLDR data, and Babel keeps it for the life of the process: 6.6
    MiB for seven languages, to show seven words (issue 15, bench/memory.py). Babel loads a locale again if
    it is ever needed. Babel's caches are not public; if a release renames them, nothing is dropped."""
    from babel import localedata

    current = babel_locale()
    keep = {"root", current, current.split("_")[0]}
    lock = getattr(localedata, "_cache_lock", None)
    caches = [c for c in (getattr(localedata, "_cache", None), getattr(localedata, "_dict_cache", None))
              if isinstance(c, dict)]
    if lock is None or not caches:
        return
    with lock:
        for cache in caches:
            for name in [n for n in cache if n not in keep]:
                cache.pop(name, None)


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


# --- digits ---------------------------------------------------------------------

LATIN_DIGITS = "0123456789"
# The zero of every decimal numbering system CLDR names as some locale's default; the other
# nine digits follow it in Unicode. A system missing here falls back to Latin digits.
_ZEROS = {"latn": 0x30, "arab": 0x660, "arabext": 0x6F0, "beng": 0x9E6, "deva": 0x966, "mymr": 0x1040,
          "nkoo": 0x7C0, "olck": 0x1C50, "tibt": 0xF20, "mtei": 0xABF0, "cakm": 0x11136, "hmnp": 0x1E140,
          "adlm": 0x1E950}


def numbering_system(code: str | None = None) -> str:
    """CLDR's default numbering system for ``code`` (default: the current language); "latn" if unknown."""
    return _numbering_system(babel_locale(code))


@lru_cache(maxsize=64)
def _numbering_system(babel_code: str) -> str:
    if babel_code == SOURCE_LANGUAGE:
        return "latn"  # English's, as CLDR says; Babel is not loaded before the first window for it (start-up)
    try:
        from babel import Locale

        system = Locale.parse(babel_code).default_numbering_system
    except Exception:
        return "latn"
    return system if system in _ZEROS else "latn"


def digits(code: str | None = None) -> str:
    """The ten digits, 0 to 9, that ``code`` (default: the current language) writes numbers with."""
    zero = _ZEROS[numbering_system(code)]
    return "".join(chr(zero + i) for i in range(10))


@lru_cache(maxsize=16)
def _digit_table(system: str) -> dict:
    zero = _ZEROS[system]
    return str.maketrans(LATIN_DIGITS, "".join(chr(zero + i) for i in range(10)))


def localize_digits(text: str, code: str | None = None) -> str:
    """``text`` with its Latin digits written in the language's own digits."""
    system = numbering_system(code)
    return text if system == "latn" else text.translate(_digit_table(system))


def number_symbols(code: str | None = None) -> dict:
    """Babel's decimal and group separators in ``code``'s numbering system."""
    if babel_locale(code) == SOURCE_LANGUAGE:
        return {"decimal": ".", "group": ","}  # CLDR's for English, without loading Babel before the first window
    from babel import Locale

    try:
        loc = Locale.parse(babel_locale(code))
    except Exception:
        return {"decimal": ".", "group": ","}
    own, latin = loc.number_symbols.get(numbering_system(code)) or {}, loc.number_symbols.get("latn") or {}
    out = {}
    for key, fallback in (("decimal", "."), ("group", ",")):
        try:
            out[key] = own[key]
        except KeyError:
            out[key] = latin.get(key, fallback)
    return out


# --- Babel formatting (every result in the language's digits) -------------------

def format_date(value, fmt: str = "medium") -> str:
    from babel.dates import format_date as _fd

    return localize_digits(_fd(value, format=fmt, locale=babel_locale()))


def format_datetime(value, fmt: str = "medium") -> str:
    from babel.dates import format_datetime as _fdt

    return localize_digits(_fdt(value, format=fmt, locale=babel_locale()))


def format_when(value) -> str:
    """Medium date and short time (no seconds), joined the locale's way."""
    from babel import dates

    loc, joined = _when_style(_state.code)
    return localize_digits(joined.format(dates.format_time(value, "short", locale=loc),
                                         dates.format_date(value, "medium", locale=loc)))


@lru_cache(maxsize=16)
def _when_style(code: str):
    """(Babel locale, how date and time are joined) for ``code``: a list of 500 entries asked Babel to look the
    locale up nine times per line."""
    from babel import Locale, dates

    loc = Locale.parse(babel_locale(code))
    return loc, dates.get_datetime_format("medium", locale=loc).replace("'", "")


def format_skeleton(skeleton: str, value) -> str:
    """A date from a CLDR skeleton ("MMMd", "yM"...), the locale's way and in its digits."""
    from babel.dates import format_skeleton as _fs

    return localize_digits(_fs(skeleton, value, locale=babel_locale()))


def format_number(value) -> str:
    if type(value) is int and -1000 < value < 1000:  # ratings, counts, scores: asked for hundreds of times a page
        return _small_number(_state.code, value)
    return _format_number(value)


def _format_number(value) -> str:
    from babel.numbers import format_decimal

    return localize_digits(format_decimal(value, locale=babel_locale(), numbering_system=numbering_system()))


@lru_cache(maxsize=4096)
def _small_number(_code: str, value: int) -> str:
    return _format_number(value)


def format_list(items: list[str]) -> str:
    """'a, b and c' in the current language; each item isolated (it is a value inside a sentence)."""
    from babel.lists import format_list as _fl

    return _fl([isolate(i) for i in items], locale=babel_locale()) if items else ""

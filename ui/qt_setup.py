"""Creating the QApplication: language, direction, Qt's own translations, messages."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import (QCoreApplication, QEvent, QLibraryInfo, QLocale, Qt, QtMsgType, QTranslator,
                            qInstallMessageHandler)
from PySide6.QtWidgets import QApplication

from app import i18n
from ui import pyside_sources

pyside_sources.install()  # before most modules are imported: see ui/pyside_sources.py

_qt_translator: QTranslator | None = None


def _qt_messages(mode, context, message):
    # Qt's messages can quote widget text; print them only when debugging. A fatal one comes before
    # Qt aborts (no display, a missing platform library) and holds no patient data: without it the
    # app would vanish without a word.
    if mode == QtMsgType.QtFatalMsg:
        sys.stderr.write(_no_window_hint(message))
    elif os.environ.get("HEARTH_DEBUG") == "1":
        sys.stderr.write(f"qt: {message}\n")


def _no_window_hint(message: str) -> str:
    from app.i18n import _

    return _("Hearth could not open its window. {reason}\nOn Linux it needs a desktop session (X11 or "
             "Wayland) and the package libxcb-cursor0; the README lists what to install.").format(
        reason=message.strip()) + "\n"


def no_display_message() -> str | None:
    """Why no window can open here (Linux without X11 or Wayland), or None. Checked before Qt starts,
    which would otherwise abort the process."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return _no_window_hint(_reason_no_desktop())


def _reason_no_desktop() -> str:
    from app.i18n import _

    return _("No desktop session was found (neither DISPLAY nor WAYLAND_DISPLAY is set).")


# How long a worker thread may hold Python's interpreter lock before it must hand it over (Python's default
# is 5 ms). Qt calls into Python all the time while it lays out and paints (the style's hints and drawing,
# the labels' heights, event filters); while a worker reads or draws, each of those calls waits up to this long
# for the lock. At 5 ms opening a patient at 100 patients held the window about 1.5x as long (bench/exchange.py);
# at 0.5 ms the longest pause of twelve openings was still 87-110 ms while two charts were drawn, at 0.1 ms
# 64-70 ms (bench/open_patients.py, alternating runs, 2026-12-02). Only threads that want the lock at once
# switch more often: a worker alone, or beside an idle window, runs as before.
GUI_SWITCH_INTERVAL = 0.0001


def limit_malloc_arenas() -> None:
    """At most two of glibc's malloc arenas (the GUI thread's and one that worker threads share). glibc gives
    each thread that allocates at the same time as another an arena of its own and seldom returns their memory:
    five charts drawn by five threads left about 9 MiB more resident than the same drawing on one thread
    (bench/memory.py, issue 15). Python's interpreter lock lets one thread run Python at a time anyway, so
    sharing costs nothing measurable. Not glibc (macOS, Windows, musl): nothing to do. Once per process, with
    the application, before any thread (ctypes is loaded by then: app.diagnostics uses it)."""
    global _arenas_limited
    if _arenas_limited or not sys.platform.startswith("linux"):
        return
    _arenas_limited = True
    import ctypes

    try:
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, 2)  # the process's own symbols: libc's, without a search
    except (OSError, AttributeError):  # not glibc
        pass


_M_ARENA_MAX = -8  # glibc's malloc.h
_arenas_limited = False


def make_app(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    limit_malloc_arenas()
    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_qt_messages)
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Hearth")
    app.setOrganizationName("Hearth")
    app.setDesktopFileName("hearth")
    from ui import a11y

    a11y.install()
    return app


def apply_language(app: QApplication, code: str) -> None:
    """Direction, QLocale default and Qt's own translations for ``code``."""
    global _qt_translator
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if i18n.is_rtl(code)
                           else Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(qt_locale(code))
    # Widgets that exist already take the new default too (QApplication hands it down).
    QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LocaleChange))
    if _qt_translator is not None:
        app.removeTranslator(_qt_translator)
        _qt_translator = None
    lang = i18n.babel_locale(code).split("_")[0]
    if lang != "en":
        tr = QTranslator(app)
        if tr.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(tr)
            _qt_translator = tr


def qt_locale(code: str) -> QLocale:
    """Qt's locale for ``code``, writing numbers as the text does (app/i18n.py, from CLDR).

    Qt picks its own default territory and, with it, digits: ``QLocale("ar")`` is Egyptian
    Arabic with Arabic-Indic digits, where CLDR's (and Babel's) ``ar`` writes Latin digits.
    When they differ, the same language and script in another territory whose digits and
    separators match is used instead (the world-wide one, ``ar_001``, first)."""
    base = QLocale(i18n.babel_locale(code))
    zero, symbols = i18n.digits(code)[0], i18n.number_symbols(code)

    def agrees(loc: QLocale) -> bool:
        return (loc.zeroDigit() == zero and loc.decimalPoint() == symbols["decimal"]
                and loc.groupSeparator() == symbols["group"])

    if agrees(base):
        return base
    others = QLocale.matchingLocales(base.language(), base.script(), QLocale.Country.AnyCountry)
    others.sort(key=lambda loc: loc.territory() != QLocale.Country.World)
    return next((loc for loc in others if agrees(loc)), base)

"""Every view at its first show, in a real window, as a person, a screen-reader user and a
keyboard user meet it; in English, German, Arabic, Persian, the long pseudo-locale and dark theme.

Layout (all configurations): no overlapping or cut-off text, no horizontal scroll bar, no list
row shorter than its text, nothing outside the window, no drop-down row without visible text.
Accessibility (English and Arabic): every focus stop has a name, headings have the heading role,
and Tab never traps and reaches the sidebar and the toolbar. One failure lists every problem.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from tests import a11y_audit
from tests.layout_audit import audit, audit_popups, stray_windows
from tests.realdisplay import tour
from tests.realdisplay.windows import CONFIG_IDS, CONFIGS, Windows

KEYBOARD_LOCALES = ("en", "ar")


@pytest.fixture
def windows(qtbot, tmp_path):
    w = Windows(qtbot, tmp_path)
    yield w
    w.close()


def _keyboard_problems(qtbot, window) -> list[str]:
    found = a11y_audit.unnamed_focus_stops(window) + a11y_audit.heading_problems(window)
    stops = [w for w in window.findChildren(QWidget) if a11y_audit._tab_reachable(w, window)]
    visited = a11y_audit.walk_tab(qtbot, window, min(160, len(stops) + 6))
    needs = ()
    if isinstance(window, QMainWindow):
        shell = window._pages.get(window._shell_key)
        needs = ("sidebar", "toolbar") if shell is not None and window.stack.currentWidget() is shell \
            else ("toolbar",)
    return found + a11y_audit.tab_problems(visited, window, needs=needs)


def _checker(qtbot, problems, keyboard: bool):
    seen_popups: set = set()

    def check(name, window):
        found = audit(window)
        if found:  # judge what stays on screen, not a frame in the middle of a re-layout
            qtbot.wait(400)
            found = audit(window)
        found += audit_popups(window, qtbot.wait, seen_popups)
        found += stray_windows({window, window.parentWidget() and window.parentWidget().window()})
        if isinstance(window, QMainWindow) and QApplication.activeWindow() is not window:
            found.append(f"the window is no longer active (active: {QApplication.activeWindow()!r})")
        if keyboard:
            found += _keyboard_problems(qtbot, window)
        problems.extend(f"[{name}] {p}" for p in found)
    return check


@pytest.mark.parametrize("locale,theme_name", CONFIGS, ids=CONFIG_IDS)
@pytest.mark.parametrize("part", ["before_unlock", "patient", "workspace"])
def test_every_view(qtbot, windows, part, locale, theme_name):
    problems: list[str] = []
    keyboard = locale in KEYBOARD_LOCALES and theme_name == "light"
    getattr(tour, part)(qtbot, windows, locale, theme_name, _checker(qtbot, problems, keyboard))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)

"""What a screen-reader and keyboard user meets: names, headings, and where Tab goes.

* ``unnamed_focus_stops(window)``: every widget Tab can reach must have an accessible name
  (what a screen reader says when focus lands there).
* ``heading_problems(window)``: labels styled as headings must have the heading role, and text
  that looks like a heading (bold, larger) must be one.
* ``walk_tab(qtbot, window, presses)``: presses Tab as a person would and returns the widgets
  focus visited, in order; ``tab_problems`` turns that into problems: a keyboard trap (Tab does
  not move on), a cycle that never reaches the sidebar or the toolbar, focus on a nameless filler.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QListWidget, QToolBar, QWidget


def _describe(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    name = iface.text(QAccessible.Text.Name) if iface is not None else ""
    text = getattr(widget, "text", None)
    shown = text() if callable(text) and isinstance(text(), str) else ""
    return f"{widget.objectName() or type(widget).__name__} {(name or shown)[:40]!r}"


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    return (iface.text(QAccessible.Text.Name) or "").strip() if iface is not None else ""


def _tab_reachable(widget: QWidget, window: QWidget) -> bool:
    return (widget.window() is window and widget.isVisible() and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None)


def unnamed_focus_stops(window: QWidget) -> list[str]:
    problems = []
    for w in window.findChildren(QWidget):
        if not _tab_reachable(w, window):
            continue
        if not accessible_name(w):
            problems.append(f"focus stop without a name: {_describe(w)} ({type(w).__name__})")
    return problems


def heading_problems(window: QWidget) -> list[str]:
    problems = []
    base = QApplication.font().pointSizeF()
    for label in window.findChildren(QLabel):
        if label.window() is not window or not label.isVisible() or not label.text():
            continue
        iface = QAccessible.queryAccessibleInterface(label)
        is_heading = iface is not None and iface.role() == QAccessible.Role.Heading
        styled = label.property("role") in ("heading", "subheading")
        if styled and not is_heading:
            problems.append(f"heading without the heading role: {_describe(label)}")
        looks = label.font().bold() and label.font().pointSizeF() > base * 1.15
        if looks and not is_heading:
            problems.append(f"text styled as a heading is not one: {_describe(label)}")
    return problems


def walk_tab(qtbot, window: QWidget, presses: int) -> list[QWidget]:
    """Press Tab ``presses`` times from where focus is now; the focus widget after each press."""
    visited = []
    for _ in range(presses):
        current = QApplication.focusWidget() or window
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def tab_problems(visited: list, window: QWidget, *, needs=("sidebar", "toolbar")) -> list[str]:
    problems = []
    stuck = 1
    for prev, cur in zip(visited, visited[1:]):
        stuck = stuck + 1 if cur is prev else 1
        if stuck == 4 and cur is not None:
            problems.append(f"keyboard trap: Tab stays on {_describe(cur)}")
    names = set()
    for w in visited:
        if w is None:
            continue
        if isinstance(w, QAbstractScrollArea) and not accessible_name(w):
            problems.append(f"Tab stops on a nameless scroll area: {_describe(w)}")
        p = w
        while p is not None:
            if isinstance(p, QToolBar):
                names.add("toolbar")
            if isinstance(p, QListWidget) and p.objectName() == "sidebar":
                names.add("sidebar")
            p = p.parentWidget()
    for need in needs:
        if need not in names:
            problems.append(f"Tab never reaches the {need}")
    return sorted(set(problems), key=problems.index)

"""What screen readers need that Qt does not give a plain widget: heading roles and spoken status.

* ``install()`` (once, at start-up) gives every label made with ``make_label("heading")`` or
  ``make_label("subheading")`` the accessible role *heading*, so a screen reader can jump
  between headings as it does on a web page (WCAG 1.3.1).
* ``announce(widget, text)`` has a screen reader speak a status message (a wrong password, a
  questionnaire result) without moving focus to it (WCAG 4.1.3). ``assertive`` interrupts
  whatever is being read; use it for errors and safety messages only.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAccessibleWidget, QLabel

HEADING_ROLES = {"heading": 1, "subheading": 2}

# Interfaces made in Python must outlive Qt's use of them: Qt's accessibility cache owns the
# C++ object, and this dict keeps the Python side alive until the label is destroyed.
_alive: dict[int, QAccessibleWidget] = {}
_installed = False
_spoken: list[tuple[str, str]] = []  # (politeness, text) of recent announcements, for tests


class _HeadingInterface(QAccessibleWidget):
    def __init__(self, label: QLabel):
        super().__init__(label, QAccessible.Role.Heading)

    def text(self, t):  # noqa: D401 - Qt override
        label = self.widget()
        if t == QAccessible.Text.Name:
            return label.accessibleName() or label.text()
        if t == QAccessible.Text.Value:
            return ""
        return super().text(t)


def _factory(_class_name, obj):
    if isinstance(obj, QLabel) and obj.property("role") in HEADING_ROLES:
        key = id(obj)
        iface = _alive.get(key)
        if iface is None:
            iface = _HeadingInterface(obj)
            _alive[key] = iface
            obj.destroyed.connect(lambda _o=None, k=key: _alive.pop(k, None))
        return iface
    return None


def install() -> None:
    """Register the factory (idempotent). Call before any window is shown."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def heading_level(widget) -> int | None:
    """1 for a page heading, 2 for a section heading, None for anything else."""
    return HEADING_ROLES.get(widget.property("role")) if isinstance(widget, QLabel) else None


def announce(widget, text: str, *, assertive: bool = False) -> None:
    """Have a screen reader speak ``text`` (also remembered for tests)."""
    if not text:
        return
    politeness = "assertive" if assertive else "polite"
    _spoken.append((politeness, text))
    del _spoken[:-50]
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def spoken() -> list[tuple[str, str]]:
    """The most recent announcements, oldest first (for tests)."""
    return list(_spoken)


def forget_spoken() -> None:
    _spoken.clear()

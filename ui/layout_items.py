"""What a layout holds, read without ``QLayout.itemAt``.

PySide keeps the wrapper of every item that ``itemAt`` returns alive for as long as the layout's own wrapper lives
(the item is "parented" to the layout). Qt deletes a ``QWidgetItem`` natively when its widget is deleted or moved
elsewhere, and PySide never hears of it: the wrapper stays registered at the freed address. The next C++ object
made at that address then reaches Python as that item: a new QLineEdit handed to ``HearthStyle.styleHint`` as a
``QWidgetItem`` raised a TypeError that PySide 6.11 crashed while reporting (the real-display lane's SIGSEGV about
one run in five, inside ``QLabel.__init__`` or ``QStackedWidget.addWidget``). Widgets and layouts are QObjects,
whose wrappers PySide does invalidate when Qt deletes them, so they are read instead: the layout's parent
widget's children and the layout's child layouts, each placed by ``indexOf``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget


def members(layout: QLayout | None) -> list[QWidget | QLayout]:
    """The widgets and layouts ``layout`` holds directly, in its order (spacers are left out)."""
    return [member for _index, member in indexed(layout)]


def indexed(layout: QLayout | None) -> list[tuple[int, QWidget | QLayout]]:
    """``(index, widget or layout)`` for what ``layout`` holds directly, by index (a grid's index is what
    ``getItemPosition`` takes)."""
    if layout is None:
        return []
    placed: dict[int, QWidget | QLayout] = {}
    parent = layout.parentWidget()
    if parent is not None:
        for widget in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            index = layout.indexOf(widget)
            if index >= 0:
                placed[index] = widget
    for child in layout.children():
        if isinstance(child, QLayout):
            index = layout.indexOf(child)
            if index >= 0:
                placed[index] = child
    return sorted(placed.items(), key=lambda pair: pair[0])


def widgets(layout: QLayout | None) -> list[QWidget]:
    """The widgets ``layout`` holds directly, in its order."""
    return [m for m in members(layout) if isinstance(m, QWidget)]


def all_widgets(layout: QLayout | None) -> list[QWidget]:
    """The widgets ``layout`` places, those of its nested layouts included, in order."""
    found: list[QWidget] = []
    for member in members(layout):
        found.extend([member] if isinstance(member, QWidget) else all_widgets(member))
    return found

"""Tab order in reading order, for forms whose rows come and go.

Qt's focus chain follows the order in which widgets joined the window, so rows
added after the window was built end up in odd places (even in a loop that Tab
never leaves). ``reading_order`` lists a layout's tab stops the way the layout
places them (a grid row by row, a form label by field); ``chain`` links a list
of widgets one after another, starting from where the first one already is, so
whatever followed the first still follows the last and Tab moves on.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget

from ui import layout_items


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _members(layout: QLayout) -> list:
    pairs = layout_items.indexed(layout)
    if isinstance(layout, QGridLayout):
        pairs.sort(key=lambda pair: layout.getItemPosition(pair[0])[:2])
    return [member for _index, member in pairs]


def reading_order(layout: QLayout | None) -> list[QWidget]:
    """The tab stops under ``layout``, in the order a reader meets them (visible or not)."""
    found: list[QWidget] = []
    if layout is None:
        return found
    for member in _members(layout):
        if isinstance(member, QLayout):
            found += reading_order(member)
        elif takes_tab(member):
            found.append(member)
        else:
            found += reading_order(member.layout())
    return found


def chain(widgets) -> None:
    """Tab goes from each widget to the next, in this order."""
    widgets = [w for w in widgets if w is not None]
    for a, b in pairwise(widgets):
        QWidget.setTabOrder(a, b)

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


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _items(layout: QLayout) -> list:
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        places = [layout.getItemPosition(i)[:2] for i in range(layout.count())]
        items = [item for _place, item in sorted(zip(places, items), key=lambda p: p[0])]
    return items


def reading_order(layout: QLayout | None) -> list[QWidget]:
    """The tab stops under ``layout``, in the order a reader meets them (visible or not)."""
    found: list[QWidget] = []
    if layout is None:
        return found
    for item in _items(layout):
        w = item.widget()
        if w is not None and takes_tab(w):
            found.append(w)
        elif w is not None:
            found += reading_order(w.layout())
        elif item.layout() is not None:
            found += reading_order(item.layout())
    return found


def chain(widgets) -> None:
    """Tab goes from each widget to the next, in this order."""
    widgets = [w for w in widgets if w is not None]
    for a, b in pairwise(widgets):
        QWidget.setTabOrder(a, b)

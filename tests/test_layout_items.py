"""ui.layout_items: a layout's contents in order, without leaving item wrappers at freed addresses."""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLayoutItem, QLineEdit, QPushButton, QStyle,
                               QVBoxLayout, QWidget, QWidgetItem)

from ui import layout_items, tab_order, theme
from ui.exchange.button_row import WrapLayout
from ui.style import HearthStyle


def _item_wrappers() -> list:
    gc.collect()
    return [w for w in shiboken6.getAllValidWrappers() if isinstance(w, QLayoutItem) and not hasattr(w, "children")]


def test_members_in_layout_order_with_nested_layouts_and_spacers(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    outer = QVBoxLayout(page)
    first, last = QLabel("first"), QPushButton("last")
    row = QHBoxLayout()
    a, b = QLineEdit(), QLineEdit()
    outer.addWidget(first)
    outer.addStretch()
    outer.addLayout(row)
    row.addWidget(b)
    row.insertWidget(0, a)
    outer.addWidget(last)
    assert layout_items.members(outer) == [first, row, last]
    assert layout_items.widgets(outer) == [first, last]
    assert layout_items.all_widgets(outer) == [first, a, b, last]
    assert layout_items.members(None) == []


def test_grid_and_wrap_layouts(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    grid = QGridLayout(page)
    cells = {(r, c): QLineEdit() for r in range(2) for c in range(2)}
    for (r, c), w in sorted(cells.items(), reverse=True):  # added last cell first
        grid.addWidget(w, r, c)
    assert tab_order.reading_order(grid) == [cells[0, 0], cells[0, 1], cells[1, 0], cells[1, 1]]

    holder = QWidget()
    qtbot.addWidget(holder)
    wrap = WrapLayout(holder)
    buttons = [QPushButton(str(i)) for i in range(3)]
    for button in buttons:
        wrap.addWidget(button)
    assert layout_items.widgets(wrap) == buttons


def test_reading_a_layout_leaves_no_item_wrapper_behind(qtbot):
    """Qt deletes a widget's layout item natively when the widget goes; a wrapper left for it would be
    registered at a freed address, where the next widget made comes back to Python as a layout item."""
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    inner = QHBoxLayout()
    layout.addLayout(inner)
    buttons = [QPushButton(str(i)) for i in range(4)]
    for button in buttons[:2]:
        layout.addWidget(button)
    for button in buttons[2:]:
        inner.addWidget(button)
    before = len(_item_wrappers())
    assert tab_order.reading_order(layout) == [buttons[2], buttons[3], buttons[0], buttons[1]]
    shiboken6.delete(buttons[1])
    shiboken6.delete(buttons[3])
    assert len(_item_wrappers()) == before
    assert layout.count() == 2 and inner.count() == 1


def test_style_given_something_that_is_not_a_widget_does_not_raise(qtbot):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOption

    style = HearthStyle(theme.colors("light"))
    stray = QWidgetItem(QWidget())
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, QStyleOption(), painter, stray)
    finally:
        painter.end()


def test_dialog_buttons_show_no_icons_even_where_the_desktop_gives_them(qtbot):
    """The desktop theme's icons were dark on dark; the style sheet turns them off (a Python styleHint
    override did, called thousands of times per page)."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QProxyStyle, QStyleFactory

    class WithIcons(QProxyStyle):
        def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 - Qt override
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, data)

    theme.apply(QApplication.instance(), "light")
    desktop = WithIcons(QStyleFactory.create("Fusion"))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.setStyle(desktop)
    box.show()
    qtbot.waitExposed(box)
    try:
        assert box.style().styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None, box) == 0
        assert all(b.icon().isNull() for b in box.buttons())
    finally:
        shiboken6.delete(box)  # before the style it uses

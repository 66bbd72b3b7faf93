"""A row of buttons that wraps onto a second line when the page is narrow or the words are long.

A plain QHBoxLayout of four or five buttons is wider than the window in German or the pseudo-locale,
and the whole page then scrolls sideways. This row starts at the reading edge (right in Arabic).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QStyle, QWidget


class WrapLayout(QLayout):
    """Items left to right (right to left in RTL), onto the next line when the width runs out."""

    def __init__(self, parent=None, spacing: int = 10):
        super().__init__(parent)
        self._items = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def _shown(self):
        return [i for i in self._items if not (i.widget() and i.widget().isHidden())]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Everything on one line."""
        shown = self._shown()
        if not shown:
            return QSize(0, 0)
        width = sum(i.sizeHint().width() for i in shown) + self._gap * (len(shown) - 1)
        return QSize(width, max(i.sizeHint().height() for i in shown))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """The widest single item: the row can always wrap down to that."""
        shown = self._shown()
        if not shown:
            return QSize(0, 0)
        return QSize(max(i.minimumSize().width() for i in shown), max(i.minimumSize().height() for i in shown))

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in ``rect`` (when ``move``); returns the height they take."""
        direction = self.parentWidget().layoutDirection() if self.parentWidget() else Qt.LayoutDirection.LeftToRight
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            if x > rect.x() and x + width > rect.x() + rect.width():
                x, y, line_height = rect.x(), y + line_height + self._gap, 0
            if move:
                place = QRect(QPoint(x, y), QSize(width, hint.height()))
                item.setGeometry(QStyle.visualRect(direction, rect, place))
            x += width + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class ButtonRow(QWidget):
    """A widget holding a WrapLayout; ``addWidget`` adds a button (in tab order: add them in reading order)."""

    def __init__(self, parent=None, spacing: int = 10):
        super().__init__(parent)
        self.wrap = WrapLayout(self, spacing)

    def addWidget(self, widget: QWidget) -> None:  # noqa: N802 - like a layout's
        self.wrap.addWidget(widget)

"""Read-only tables that fit their page: columns share the width, text and headers wrap, Tab moves on.

Qt's ``ResizeToContents`` makes a column as wide as its longest line, so long (German, pseudo-locale)
headers and cells push the table, and then the page, wider than the window. Here each column gets
what its text needs on one line when there is room; when there is not, the widest columns give way
first, never below their longest word, and the text wraps onto more lines (headers too).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

CELL_PADDING = 14    # the item delegate's text margins and the grid line, with a little room
HEADER_PADDING = 12  # the header section's margins


class WrappingHeader(QHeaderView):
    """A horizontal header whose labels wrap onto more lines instead of being cut off."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setSectionsClickable(False)
        self.setHighlightSections(False)  # a selected row would make every label bold, and wider

    def label(self, section: int) -> str:
        model = self.model()
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) if model else None
        return str(value or "")

    def label_font(self) -> QFont:
        return QFont(self.font())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        fm = QFontMetrics(self.label_font())
        needed = 0
        for i in range(self.count()):
            if self.isSectionHidden(i):
                continue
            width = max(10, self.sectionSize(i) - HEADER_PADDING)
            rect = fm.boundingRect(QRect(0, 0, width, 10_000), int(Qt.TextFlag.TextWordWrap), self.label(i))
            needed = max(needed, rect.height() + HEADER_PADDING)
        return QSize(hint.width(), max(hint.height(), needed))


def _widths(text: str, fm: QFontMetrics) -> tuple[int, int]:
    """(longest line, longest word) of ``text`` in pixels."""
    lines = text.split("\n") or [""]
    longest_line = max(fm.horizontalAdvance(line) for line in lines)
    longest_word = max((fm.horizontalAdvance(w) for w in text.split()), default=0)
    return longest_line, longest_word


def share(natural: list[int], least: list[int], available: int) -> list[int]:
    """Column widths within ``available``: natural widths if they fit, else the widest give way first.

    The cap is lowered until the columns fit (water-filling), so no column goes below its ``least``
    width; if even those do not fit, the least widths are returned (the table then scrolls).
    """
    if sum(natural) <= available:
        return list(natural)
    if sum(least) >= available:
        return list(least)
    low, high = 0, max(natural)
    while low < high:  # the largest cap at which the columns still fit
        cap = (low + high + 1) // 2
        if sum(max(lo, min(n, cap)) for n, lo in zip(natural, least)) <= available:
            low = cap
        else:
            high = cap - 1
    return [max(lo, min(n, low)) for n, lo in zip(natural, least)]


class _ResizeWatch(QObject):
    def __init__(self, fitted: "FittedTable"):
        super().__init__(fitted.table)
        self.fitted = fitted

    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self.fitted.fit()
        return False


class FittedTable:
    """Makes ``table`` (a QTableView or QTableWidget) read-only, row-selecting, Tab-leaving, wrapping and width-fitting.

    Call ``measure()`` after filling the table; widths follow the viewport from then on.
    ``stretch`` names the columns that take any width left over.
    """

    def __init__(self, table: QTableView, stretch: tuple[int, ...] = (), after_fit=None):
        self.table = table
        self.stretch = stretch
        self.after_fit = after_fit  # called when the rows changed height
        self.natural: list[int] = []
        self.least: list[int] = []
        self.applied: list[int] = []
        table.setHorizontalHeader(WrappingHeader(table))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move between rows
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.horizontalHeader().setMinimumSectionSize(24)
        self._watch = _ResizeWatch(self)
        table.viewport().installEventFilter(self._watch)

    def measure(self) -> None:
        """What each column needs (on one line, and at least), from the header and every cell."""
        t = self.table
        header = t.horizontalHeader()
        header_fm = QFontMetrics(header.label_font())
        plain = QFontMetrics(t.font())
        bold_font = QFont(t.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        model = t.model()
        natural, least = [], []
        for col in range(model.columnCount()):
            line, word = _widths(header.label(col), header_fm)
            line, word = line + HEADER_PADDING, word + HEADER_PADDING
            for row in range(model.rowCount()):
                index = model.index(row, col)
                text = index.data(Qt.ItemDataRole.DisplayRole)
                if text is None:
                    continue
                font = index.data(Qt.ItemDataRole.FontRole)
                fm = bold if font is not None and font.bold() else plain
                cell_line, cell_word = _widths(str(text), fm)
                line, word = max(line, cell_line + CELL_PADDING), max(word, cell_word + CELL_PADDING)
            natural.append(line)
            least.append(word)
        self.natural, self.least = natural, least
        self.applied = []
        self.fit()

    def fit(self) -> None:
        t = self.table
        if not self.natural or t.model().columnCount() != len(self.natural):
            return
        available = t.viewport().width()
        widths = share(self.natural, self.least, available)
        spare = available - sum(widths)
        if spare > 0:
            targets = [c for c in self.stretch if c < len(widths)] or [len(widths) - 1]
            for i, c in enumerate(targets):
                widths[c] += spare // len(targets) + (1 if i < spare % len(targets) else 0)
        if widths == self.applied:
            return
        self.applied = widths
        header = t.horizontalHeader()
        for col, width in enumerate(widths):
            header.resizeSection(col, width)
        header.updateGeometry()
        t.resizeRowsToContents()
        t.updateGeometries()
        if self.after_fit:
            self.after_fit()

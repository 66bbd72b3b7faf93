"""A dialog whose content scrolls, so no line is ever cut off, sized to fit the screen it opens on.

A heading stays at the top and the buttons at the bottom; everything between is in a
scroll area. On first show the dialog takes a comfortable reading width (about 80
characters of the current text size) and the height its content needs, but never more
than the screen's free area: at a large text size, in a long language or on a
1366x768 laptop the content scrolls instead of being clipped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QScrollArea, QStyle, QVBoxLayout, QWidget

from ui import layout_items
from ui.widgets import make_label

READING_CHARS = 100     # a comfortable line length, in average characters (about 600 px at 100%)
SCREEN_MARGIN = 48      # room around the dialog for the window frame and title bar
MIN_WIDTH = 520


class ScrollingDialog(QDialog):
    def __init__(self, parent=None, heading_role: str = "heading"):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        self.heading = make_label(heading_role)
        outer.addWidget(self.heading)
        self.body = QWidget()
        self.body.setObjectName("dialogBody")
        self.body_layout = QVBoxLayout(self.body)
        self._gap_from_scroll_bar()
        self.body_layout.setSpacing(12)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the content takes focus, not the frame
        self.scroll.setWidget(self.body)
        outer.addWidget(self.scroll, 1)
        self.buttons = QDialogButtonBox()
        outer.addWidget(self.buttons)
        self._fitted = False

    def _gap_from_scroll_bar(self) -> None:
        """A little room between the text and the scroll bar, on whichever side the bar is."""
        self.body_layout.setContentsMargins(6 if self.isRightToLeft() else 0, 0, 0 if self.isRightToLeft() else 6, 0)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LayoutDirectionChange and hasattr(self, "body_layout"):
            self._gap_from_scroll_bar()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._fitted:
            self._fitted = True
            self.fit_to_screen()
        super().showEvent(event)

    def _available(self):
        anchor = self.parentWidget() or self
        screen = anchor.screen() if anchor is not None else None
        return screen.availableGeometry() if screen is not None else None

    def content_height(self, width: int) -> int:
        """The dialog height that shows everything without scrolling, at dialog width ``width``."""
        outer = self.layout()
        outer.activate()
        m = outer.contentsMargins()
        inner = max(1, width - m.left() - m.right())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        total, shown = m.top() + m.bottom(), 0
        for w in layout_items.widgets(outer):
            if w.isHidden():
                continue
            if w is self.scroll:
                w, available = self.body, inner - bar
            else:
                available = inner
            h = w.heightForWidth(available) if w.hasHeightForWidth() else -1
            total += h if h >= 0 else w.sizeHint().height()
            shown += 1
        return total + outer.spacing() * max(0, shown - 1) + 4

    def fit_to_screen(self, grow_only: bool = False) -> None:
        """Take a reading width and the content's height, within the screen's free area."""
        avail = self._available()
        max_w = avail.width() - SCREEN_MARGIN if avail is not None else 1200
        max_h = avail.height() - SCREEN_MARGIN if avail is not None else 700
        reading = self.fontMetrics().averageCharWidth() * READING_CHARS
        # never narrower than what cannot wrap (a row of buttons, a check box's text) needs
        m = self.layout().contentsMargins()
        needed = self.body.minimumSizeHint().width() + m.left() + m.right() \
            + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        width = min(max(MIN_WIDTH, self.minimumWidth(), reading, needed), max_w)
        if grow_only:
            width = max(width, self.width())
        height = min(self.content_height(width), max_h)
        if grow_only:
            height = max(height, self.height())
        self.resize(width, height)

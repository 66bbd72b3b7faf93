"""A style that draws word-wrapped right-to-left labels inside their own width.

Qt 6 draws a word-wrapped plain-text label (``QStyle.drawItemText`` ->
``QPainter.drawText``) right-aligned in a right-to-left window one space too far
to the left on every line that was broken at a space: the space it leaves out of
the line's width is subtracted from the line's position once more. A line that
fills the label then loses its first letters at the left edge (the Arabic
empty-journal hint lost "هذ"). Text laid out with ``QTextLayout`` and drawn line
by line, as rich-text labels are, sits where it should; this style does that for
exactly this case and leaves everything else to the style it wraps.

The app's own style (``ui.style.HearthStyle``, installed by ``ui/theme.py``) is built on it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPalette, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QProxyStyle, QStyleFactory

_WRAP = Qt.TextFlag.TextWordWrap.value | Qt.TextFlag.TextWrapAnywhere.value


def _flag(value) -> int:
    return value.value if hasattr(value, "value") else int(value)


def text_direction(painter, flags: int) -> Qt.LayoutDirection:
    """The paragraph direction ``QPainter.drawText`` uses: forced by the flags (QLabel does), or the painter's."""
    if flags & _flag(Qt.TextFlag.TextForceRightToLeft):
        return Qt.LayoutDirection.RightToLeft
    if flags & _flag(Qt.TextFlag.TextForceLeftToRight):
        return Qt.LayoutDirection.LeftToRight
    return painter.layoutDirection()


def drawn_to_the_right(direction: Qt.LayoutDirection, flags: int) -> bool:
    """Whether ``flags`` put the text against the right edge in a painter of ``direction``."""
    horizontal = flags & _flag(Qt.AlignmentFlag.AlignHorizontal_Mask)
    if flags & _flag(Qt.AlignmentFlag.AlignAbsolute):
        return bool(horizontal & _flag(Qt.AlignmentFlag.AlignRight))
    rtl = direction == Qt.LayoutDirection.RightToLeft
    if horizontal & _flag(Qt.AlignmentFlag.AlignRight):
        return not rtl
    if horizontal & (_flag(Qt.AlignmentFlag.AlignHCenter) | _flag(Qt.AlignmentFlag.AlignJustify)):
        return False
    return rtl  # left, or no horizontal alignment: the leading edge


class BidiTextStyle(QProxyStyle):
    """The wrapped style, drawing wrapped right-aligned text in a right-to-left painter line by line."""

    def drawItemText(self, painter, rect, flags, pal, enabled, text,  # noqa: N802 - Qt API
                     textRole=QPalette.ColorRole.NoRole):  # noqa: N803
        flags = _flag(flags)
        if (not text or not flags & _WRAP or text_direction(painter, flags) != Qt.LayoutDirection.RightToLeft
                or not drawn_to_the_right(Qt.LayoutDirection.RightToLeft, flags)
                or (flags & _flag(Qt.TextFlag.TextShowMnemonic) and "&" in text)):
            super().drawItemText(painter, rect, flags, pal, enabled, text, textRole)
            return
        painter.save()
        if textRole != QPalette.ColorRole.NoRole:
            painter.setPen(QPen(pal.brush(textRole), painter.pen().widthF()))
        draw_wrapped_right(painter, QRectF(rect), flags, text)
        painter.restore()


def draw_wrapped_right(painter, rect: QRectF, flags: int, text: str) -> None:
    """Lay ``text`` out right to left, wrapped to ``rect``'s width and against its right edge,
    with the line spacing and vertical alignment ``QPainter.drawText`` uses."""
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    anywhere = flags & _flag(Qt.TextFlag.TextWrapAnywhere)  # as QPainter.drawText: a too-long word still breaks
    option.setWrapMode(QTextOption.WrapMode.WrapAnywhere if anywhere
                       else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    leading = QFontMetricsF(painter.font()).leading()
    paragraphs, top = [], 0.0
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        layout = QTextLayout(paragraph, painter.font(), painter.device())
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            top = float(int(top + leading + 0.999999))  # whole pixels, as Qt does
            line.setPosition(QPointF(0, top))
            top += line.height()
        layout.endLayout()
        paragraphs.append(layout)
    y = rect.top()
    if flags & _flag(Qt.AlignmentFlag.AlignBottom):
        y += rect.height() - top
    elif flags & _flag(Qt.AlignmentFlag.AlignVCenter):
        y += (rect.height() - top) / 2
    for layout in paragraphs:
        layout.draw(painter, QPointF(rect.left(), y))


def make(base: str = "Fusion") -> BidiTextStyle:
    """``base`` (a QStyleFactory key) with right-to-left wrapped labels drawn inside their width."""
    return BidiTextStyle(QStyleFactory.create(base))

"""Word-wrapped right-to-left labels stay inside their width (ui/bidi_style.py).

Qt's own drawing shifts every wrapped, right-aligned right-to-left line one space
to the left; a line that fills the label loses its first letters at the left edge
(the Arabic empty-journal hint). Drawn here without the clipping a label applies,
so any ink outside the label's rectangle shows.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QStyleFactory

from ui import bidi_style

# The Arabic empty-journal hint, as the catalog has it.
HINT = ("\u0627\u0643\u062a\u0628 \u0623\u0648\u0644 \u062a\u062f\u0648\u064a\u0646\u0629 \u0644\u0643 \u0641\u064a "
        "\u0627\u0644\u0645\u062d\u0631\u0651\u0631 \u0628\u062c\u0627\u0646\u0628 \u0647\u0630\u0647 "
        "\u0627\u0644\u0642\u0627\u0626\u0645\u0629\u060c \u062b\u0645 \u0627\u0636\u063a\u0637 \u00ab\u062d\u0641\u0638"
        "\u00bb (Ctrl+S). \u064a\u064f\u062d\u0641\u0638 \u0645\u0627 \u062a\u0643\u062a\u0628\u0647 \u0643\u0645\u0633"
        "\u0648\u062f\u0629 \u0623\u0648\u0644\u064b\u0627 \u0628\u0623\u0648\u0644\u060c \u0641\u0644\u0627 \u064a"
        "\u0636\u064a\u0639 \u0634\u064a\u0621.")
MARGIN = 40
FLAGS = (Qt.TextFlag.TextWordWrap.value
         | (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter).value)


def ink(style, width: int, direction=Qt.LayoutDirection.RightToLeft, flags: int = FLAGS, text: str = HINT):
    """(leftmost, rightmost, top, bottom) dark pixel, relative to the text rectangle; and the image."""
    image = QImage(width + 2 * MARGIN, 140, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QLabel().font())
    painter.setLayoutDirection(direction)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("black"))
    style.drawItemText(painter, QRect(MARGIN, 10, width, 120), flags, palette, True, text,
                       QPalette.ColorRole.WindowText)
    painter.end()
    import numpy as np

    w, h = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(h, image.bytesPerLine())[:, :4 * w]
    dark = pixels.reshape(h, w, 4)[:, :, :3].max(axis=2) < 160
    cols, rows = np.flatnonzero(dark.any(axis=0)), np.flatnonzero(dark.any(axis=1))
    left, right, top, bottom = int(cols[0]), int(cols[-1]), int(rows[0]), int(rows[-1])
    return (left - MARGIN, right - MARGIN, top, bottom), image


@pytest.fixture(scope="module")
def styles(qapp):
    return QStyleFactory.create("Fusion"), bidi_style.make("Fusion")


def test_wrapped_right_to_left_text_stays_inside_the_label(styles):
    fusion, fixed = styles
    widths = range(170, 250, 4)
    for width in widths:
        (left, right, top, bottom), _img = ink(fixed, width)
        assert 0 <= left and right < width, width
        # The same lines as Qt's own wrapping: the label's height (from Qt's metrics) still fits.
        assert (top, bottom) == ink(fusion, width)[0][2:], width
    # Qt's own drawing does spill out at some of these widths (what clipped the hint).
    assert any(ink(fusion, width)[0][0] < 0 for width in widths)


def test_everything_else_is_drawn_by_the_wrapped_style(styles):
    fusion, fixed = styles
    left_aligned = Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignLeft.value  # leading: the right in RTL
    for direction, flags, text in ((Qt.LayoutDirection.LeftToRight, FLAGS, HINT),
                                   (Qt.LayoutDirection.RightToLeft, FLAGS & ~Qt.TextFlag.TextWordWrap.value, "\u0641\u0643\u0631"),
                                   (Qt.LayoutDirection.LeftToRight, left_aligned, "Write your first entry beside this list.")):
        assert ink(fixed, 200, direction, flags, text)[1] == ink(fusion, 200, direction, flags, text)[1]


def test_a_real_label_in_an_arabic_window_uses_it(qtbot, styles):
    _fusion, fixed = styles
    label = QLabel(HINT)
    label.setWordWrap(True)
    label.setStyle(fixed)
    qtbot.addWidget(label)
    label.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    label.resize(210, label.heightForWidth(210))
    label.show()
    image = label.grab().toImage()
    dark = [x for y in range(image.height()) for x in range(image.width())
            if QColor(image.pixel(x, y)).lightness() < 160]
    assert dark and min(dark) > 0  # nothing cut at the left edge

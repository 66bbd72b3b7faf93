"""Hearth's icon, drawn (no image file to ship or to miss): a warm flame on a rounded square."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPixmap

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def _pixmap(size: int) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#7a3b2e"))
    p.drawRoundedRect(QRectF(0, 0, s, s), s * 0.22, s * 0.22)
    flame = QPainterPath(QPointF(s * 0.5, s * 0.14))
    flame.cubicTo(QPointF(s * 0.78, s * 0.40), QPointF(s * 0.82, s * 0.62), QPointF(s * 0.5, s * 0.86))
    flame.cubicTo(QPointF(s * 0.18, s * 0.62), QPointF(s * 0.24, s * 0.40), QPointF(s * 0.5, s * 0.14))
    p.setBrush(QColor("#f4a340"))
    p.drawPath(flame)
    inner = QPainterPath(QPointF(s * 0.5, s * 0.44))
    inner.cubicTo(QPointF(s * 0.64, s * 0.58), QPointF(s * 0.64, s * 0.70), QPointF(s * 0.5, s * 0.80))
    inner.cubicTo(QPointF(s * 0.36, s * 0.70), QPointF(s * 0.36, s * 0.58), QPointF(s * 0.5, s * 0.44))
    p.setBrush(QColor("#fde9b8"))
    p.drawPath(inner)
    p.end()
    return pm


def icon() -> QIcon:
    result = QIcon()
    for size in SIZES:
        result.addPixmap(_pixmap(size))
    return result

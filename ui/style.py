"""Fusion, with check boxes and radio buttons that can be seen in both themes.

Fusion draws an unchecked box's frame a little darker than the window, which all but vanishes
on a dark window. This style draws the indicators itself, with a frame in the theme's muted
text colour (well over 3:1 against the field, WCAG 1.4.11) and the accent colour when checked,
and keeps every other part of Fusion as it is (bar the right-to-left text fix it inherits).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyleFactory, QWidget

from ui import keys
from ui.bidi_style import BidiTextStyle

_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton,
               QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)
_FRAMED = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)


def _widget(widget):
    """``widget`` if it is one. A wrapper PySide left at a freed address (see ``ui.layout_items``) can arrive
    here as another type; passing it on raised an error that PySide crashed while reporting."""
    return widget if isinstance(widget, QWidget) else None


class HearthStyle(BidiTextStyle):
    """Fusion with visible indicators, and wrapped right-to-left labels kept inside their width
    (``ui.bidi_style``)."""

    def __init__(self, colors: dict):
        super().__init__(QStyleFactory.create("Fusion"))
        self.colors = colors

    def polish(self, target):  # noqa: D401 - Qt override (widget, application or palette)
        result = super().polish(target)
        if isinstance(target, QWidget):
            keys.enter_presses(target)  # Enter presses a focused button everywhere, not only in dialogs
        return result

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 - Qt override
        if element not in _INDICATORS:
            return super().drawPrimitive(element, option, painter, _widget(widget))
        c = self.colors
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        on = bool(option.state & QStyle.StateFlag.State_On)
        partial = bool(option.state & QStyle.StateFlag.State_NoChange)
        frame = QColor(c["accent"] if (on or partial) else c["muted"])
        if not enabled:
            frame = QColor(c["border"])
        rect = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5)
        side = min(rect.width(), rect.height())
        rect = QRectF(rect.center().x() - side / 2, rect.center().y() - side / 2, side, side)
        painter.save()
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(frame, 1.5))
        fill = QColor(c["accent"]) if (on or partial) and enabled else QColor(c["base"])
        mark = QColor(c["accent_text"])
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.setBrush(QColor(c["base"]))
            painter.drawEllipse(rect)
            if on:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(frame)
                dot = side * 0.5
                painter.drawEllipse(QRectF(rect.center().x() - dot / 2, rect.center().y() - dot / 2, dot, dot))
        else:
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 3, 3)
            pen = QPen(mark, max(1.5, side / 8))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if partial:
                y = rect.center().y()
                painter.drawLine(QPointF(rect.left() + side * 0.25, y), QPointF(rect.right() - side * 0.25, y))
            elif on:
                path = QPainterPath(QPointF(rect.left() + side * 0.22, rect.top() + side * 0.52))
                path.lineTo(QPointF(rect.left() + side * 0.42, rect.top() + side * 0.72))
                path.lineTo(QPointF(rect.left() + side * 0.78, rect.top() + side * 0.3))
                painter.drawPath(path)
        painter.restore()
        return None

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: N802 - Qt override
        super().drawComplexControl(control, option, painter, _widget(widget))
        if control in _FRAMED and option.state & QStyle.StateFlag.State_HasFocus \
                and option.state & QStyle.StateFlag.State_Enabled:
            # Fusion marks a focused drop-down list or number box only faintly (WCAG 2.4.7): a clear
            # ring in the accent colour, as the style sheet gives buttons and text boxes.
            painter.save()
            painter.setRenderHint(painter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(QColor(self.colors["accent"]), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 4, 4)
            painter.restore()

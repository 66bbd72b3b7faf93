"""What a person would see as cut off: labels shorter than their text, content a scroll area cannot reach."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0


def clipped_labels(root: QWidget) -> list[str]:
    """Every shown label of ``root`` whose text does not fit its box (wrapped: too short; else: too narrow)."""
    QApplication.processEvents()
    bad = []
    for label in root.findChildren(QLabel):
        if not _shown(label, root) or not label.text():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
            if need > label.height() + 1:
                bad.append(f"{label.text()[:60]!r}: {label.height()} px high, needs {need}")
        elif label.sizeHint().width() > label.width() + 1:
            bad.append(f"{label.text()[:60]!r}: {label.width()} px wide, needs {label.sizeHint().width()}")
    return bad


def unreachable_content(root: QWidget) -> list[str]:
    """Scroll areas whose content is squeezed (so scrolling cannot reveal all of it) or scroll sideways."""
    bad = []
    for area in root.findChildren(QScrollArea):
        body = area.widget()
        if body is None or not _shown(area, root):
            continue
        need = body.heightForWidth(body.width()) if body.hasHeightForWidth() else body.minimumSizeHint().height()
        if need > body.height() + 1:
            bad.append(f"{area.objectName() or body.objectName()}: content {body.height()} px high, needs {need}")
        if area.horizontalScrollBar().isVisible():
            bad.append(f"{area.objectName() or body.objectName()}: scrolls sideways")
    return bad


def fits_screen(window: QWidget) -> bool:
    avail = window.screen().availableGeometry()
    return window.width() <= avail.width() and window.height() <= avail.height()

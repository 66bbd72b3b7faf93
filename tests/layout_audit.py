"""Find, in a shown window, the layout defects a person sees at once.

``audit(window)`` walks every visible widget and returns one line per problem:

* sibling widgets placed in the same layout that overlap;
* a label, button, check box or radio button whose text is cut off (elided, clipped or
  wider than the widget), and a label pushed partly outside the area that shows it;
* a visible horizontal scroll bar;
* a list row shorter than its wrapped text, or list rows that overlap (the collapsed sidebar);
* a widget outside its window.

``audit_popups(window)`` opens every visible combo box and checks that each row of its list,
current and hovered included, shows its text (not a blank bar).

A widget can opt out of one check with the dynamic property ``audit_allow`` set to a list of
check names (e.g. a code editor that scrolls sideways by design: ``["hscroll"]``); none does today.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea, QApplication, QCheckBox,
                               QComboBox, QHeaderView, QLabel, QListView, QPushButton, QRadioButton, QScrollArea, QScrollBar,
                               QStackedWidget, QTableView, QToolButton, QWidget)

from ui import layout_items
from ui.exchange.fitted_table import WrappingHeader


def _allowed(widget: QWidget, check: str) -> bool:
    allow = widget.property("audit_allow")
    return bool(allow) and check in allow


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = widget.text()
    text = (text or widget.accessibleName() or "").replace("\n", " ")
    if len(text) > 50:
        text = text[:47] + "..."
    ident = widget.objectName() or type(widget).__name__
    return f"{ident} {text!r}" if text else ident


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _inside_item_view_or_combo(widget: QWidget) -> bool:
    p = widget.parentWidget()
    while p is not None:
        if isinstance(p, (QAbstractItemView, QComboBox)) or (isinstance(p, QAbstractScrollArea)
                                                               and widget in (p.horizontalScrollBar(),
                                                                              p.verticalScrollBar())):
            return True
        p = p.parentWidget()
    return False


def _layout_widgets(layout) -> list[QWidget]:
    """The widgets a layout places, including those in its nested layouts (read without itemAt: see
    ui/layout_items.py)."""
    return layout_items.all_widgets(layout)


def _is_scroll_viewport(widget: QWidget) -> bool:
    area = widget.parentWidget()
    return isinstance(area, QAbstractScrollArea) and area.viewport() is widget


def _in_scrolled_content(widget: QWidget) -> bool:
    """Whether ``widget`` sits inside a scroll area's content (it may be scrolled out of view)."""
    p = widget.parentWidget()
    while p is not None:
        if _is_scroll_viewport(p):
            return True
        p = p.parentWidget()
    return False


def _visible_rect(widget: QWidget) -> QRect:
    """The part of ``widget`` its ancestors let show, in the widget's own coordinates.

    Clipping stops at a scroll area's viewport: what a scroll area hides, it can scroll to.
    """
    rect = widget.rect()
    child, parent = widget, widget.parentWidget()
    offset = QPoint(0, 0)
    while parent is not None and not child.isWindow():
        if _is_scroll_viewport(parent):
            break
        offset += child.pos()
        rect = rect.intersected(parent.rect().translated(-offset))
        child, parent = parent, parent.parentWidget()
    return rect


def _text_cut(widget: QWidget) -> str | None:
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or widget.pixmap() is not None and not widget.pixmap().isNull():
            return None
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"needs {need} px of height, has {widget.height()}"
            words = text.split()
            fm = QFontMetrics(widget.font())
            longest = max((fm.horizontalAdvance(w) for w in words), default=0)
            m = widget.contentsMargins()
            room = widget.width() - m.left() - m.right() - 2 * widget.margin() - 2 * widget.indent() \
                if widget.indent() > 0 else widget.width() - m.left() - m.right() - 2 * widget.margin()
            if widget.textFormat() == Qt.TextFormat.PlainText and longest > room + 1:
                return f"a word needs {longest} px, the label is {room} px wide"
        else:
            need = widget.sizeHint().width()
            if need > widget.width() + 1:
                return f"needs {need} px of width, has {widget.width()}"
            if widget.sizeHint().height() > widget.height() + 1:
                return f"needs {widget.sizeHint().height()} px of height, has {widget.height()}"
        visible = _visible_rect(widget)
        if visible.width() < widget.width() - 1 or visible.height() < widget.height() - 1:
            return f"only {visible.width()}x{visible.height()} of {widget.width()}x{widget.height()} is visible"
        return None
    if isinstance(widget, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
        if not widget.text():
            return None
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1:
            return f"needs {hint.width()} px of width, has {widget.width()}"
        visible = _visible_rect(widget)
        if visible.width() < widget.width() - 1:
            return f"only {visible.width()} of {widget.width()} px is visible"
    return None


def _list_rows(view: QListView) -> list[str]:
    problems = []
    model = view.model()
    if model is None:
        return problems
    rects = []
    fm = view.fontMetrics()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if view.isRowHidden(row):
            continue
        rect = view.visualRect(index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not text:
            continue
        width = rect.width() - 8
        flags = int(Qt.TextFlag.TextWordWrap) if view.wordWrap() else 0
        need = fm.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, str(text)).height()
        if rect.height() < need:
            problems.append(f"row {row} {str(text)[:40]!r} is {rect.height()} px tall, its text needs {need}")
        if not view.wordWrap() and fm.horizontalAdvance(str(text).split("\n")[0]) > rect.width():
            problems.append(f"row {row} {str(text)[:40]!r} is cut off sideways")
        rects.append((row, rect))
    for (r1, a), (r2, b) in zip(rects, rects[1:]):
        if a.intersects(b) and a.intersected(b).height() > 1:
            problems.append(f"rows {r1} and {r2} overlap")
    return problems


def _header_cut(header: QHeaderView) -> list[str]:
    problems = []
    model = header.model()
    if model is None or not header.isVisible():
        return problems
    fm = header.fontMetrics()
    horizontal = header.orientation() == Qt.Orientation.Horizontal
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            continue
        size = header.sectionSize(section)
        if horizontal and isinstance(header, WrappingHeader):
            # wraps at spaces: every word must fit its column, and the wrapped lines the header's height
            word = max(fm.horizontalAdvance(w) for w in text.split()) + 12
            if word > size:
                problems.append(f"column {section} title {text[:30]!r} has a word that needs {word} px, has {size}")
            tall = fm.boundingRect(QRect(0, 0, max(1, size - 12), 10_000), int(Qt.TextFlag.TextWordWrap),
                                   text).height() + 4
            if tall > header.height():
                problems.append(f"column {section} title {text[:30]!r} needs {tall} px of height, has {header.height()}")
        elif horizontal:
            lines = text.split("\n")
            need = max(fm.horizontalAdvance(line) for line in lines) + 12
            if need > size:
                problems.append(f"column {section} title {text[:30]!r} needs {need} px, has {size}")
            tall = fm.height() * len(lines) + 4
            if tall > header.height():
                problems.append(f"column {section} title {text[:30]!r} needs {tall} px of height, has {header.height()}")
    return problems


def audit(window: QWidget) -> list[str]:
    """Every layout problem visible in ``window`` right now (empty when all is well)."""
    problems: list[str] = []
    win_rect = window.rect()
    for widget in [window, *window.findChildren(QWidget)]:
        if not _shown(widget) or widget.isWindow() and widget is not window:
            continue
        if widget.window() is not window:
            continue
        if _inside_item_view_or_combo(widget):
            continue
        where = _name(widget)
        # outside its window
        top_left = widget.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        if not _allowed(widget, "outside") and not _in_scrolled_content(widget) \
                and not win_rect.contains(_visible_rect(widget).translated(top_left)):
            problems.append(f"outside the window: {where} at {rect.getRect()}")
        # text cut off
        cut = None if _allowed(widget, "clipped") else _text_cut(widget)
        if cut:
            problems.append(f"text cut off: {where}: {cut}")
        # horizontal scroll bars, and content wider than a scroll area that does not scroll sideways
        if isinstance(widget, QAbstractScrollArea) and not _allowed(widget, "hscroll"):
            bar: QScrollBar = widget.horizontalScrollBar()
            if bar.isVisible() and bar.maximum() > 0:
                problems.append(f"horizontal scroll bar: {where}")
            content = widget.widget() if isinstance(widget, QScrollArea) else None
            if content is not None and content.width() > widget.viewport().width() + 1:
                problems.append(f"cut off sideways: the content of {where} is {content.width()} px wide, "
                                f"{widget.viewport().width()} px show")
        # table headers: a column title wider than its column is elided
        if isinstance(widget, QTableView) and not _allowed(widget, "header"):
            problems.extend(f"header of {where}: {p}" for p in _header_cut(widget.horizontalHeader()))
        # list rows
        if isinstance(widget, QListView) and not _allowed(widget, "rows"):
            problems.extend(f"list {where}: {p}" for p in _list_rows(widget))
        # overlapping siblings in one layout
        if widget.layout() is not None and not isinstance(widget, QStackedWidget) and not _allowed(widget, "overlap"):
            placed = [w for w in _layout_widgets(widget.layout()) if _shown(w)]
            for i, a in enumerate(placed):
                for b in placed[i + 1:]:
                    if a.parentWidget() is not b.parentWidget():
                        continue
                    both = a.geometry().intersected(b.geometry())
                    if both.width() > 1 and both.height() > 1:
                        problems.append(f"overlap in {where}: {_name(a)} and {_name(b)}")
    return problems


def _distinct_colours(image, rect: QRect) -> int:
    seen = set()
    for y in range(rect.top(), rect.bottom()):
        for x in range(rect.left(), rect.right()):
            seen.add(image.pixel(x, y))
            if len(seen) > 3:
                return len(seen)
    return len(seen)


def audit_popups(window: QWidget, wait, seen: set | None = None) -> list[str]:
    """Open each visible combo box of ``window``; every row (current and hovered too) must show text.

    ``wait(ms)`` lets the event loop run (``qtbot.wait``). Combo boxes already in ``seen`` (by
    accessible name and rows) are skipped, and the ones checked are added to it.
    """
    problems = []
    for combo in window.findChildren(QComboBox):
        if not _shown(combo) or combo.count() == 0 or combo.window() is not window:
            continue
        key = (combo.accessibleName(), tuple(combo.itemText(i) for i in range(min(combo.count(), 5))))
        if seen is not None:
            if key in seen:
                continue
            seen.add(key)
        combo.showPopup()
        wait(100)
        view = combo.view()
        hovered = min(1, combo.count() - 1) if combo.currentIndex() == 0 else 0
        rect = view.visualRect(view.model().index(hovered, 0))
        if rect.isValid():
            from PySide6.QtCore import QPointF
            from PySide6.QtGui import QMouseEvent
            from PySide6.QtCore import QEvent

            pos = QPointF(rect.center())
            move = QMouseEvent(QEvent.Type.MouseMove, pos, view.viewport().mapToGlobal(pos),
                               Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
            QApplication.sendEvent(view.viewport(), move)
            view.setCurrentIndex(view.model().index(hovered, 0))
            wait(40)
        image = view.viewport().grab().toImage()
        for row in range(min(combo.count(), 30)):
            r = view.visualRect(view.model().index(row, 0))
            if not r.isValid() or not view.viewport().rect().intersects(r):
                continue
            r = r.intersected(view.viewport().rect()).adjusted(2, 1, -2, -1)
            if _distinct_colours(image, r) < 2:
                state = "current" if row == combo.currentIndex() else "hovered" if row == hovered else "plain"
                problems.append(f"popup of {_name(combo)}: row {row} ({state}) {combo.itemText(row)!r} shows no text")
        combo.hidePopup()
        wait(20)
    return problems


def stray_windows(expected) -> list[str]:
    """Visible top-level widgets other than ``expected`` and real dialogs or popups: a widget shown
    before it had a parent becomes a window of its own, and takes activation from the app."""
    problems = []
    for w in QApplication.topLevelWidgets():
        if not w.isVisible() or w in expected:
            continue
        kind = w.windowType()
        if kind in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.Dialog, Qt.WindowType.Sheet,
                    Qt.WindowType.Drawer, Qt.WindowType.Tool, Qt.WindowType.SplashScreen):
            continue
        problems.append(f"a stray window is shown: {_name(w)} ({type(w).__name__}, {w.width()}x{w.height()})")
    return problems

"""Helpers shared by the exercise editor tests."""

from ui.exercises import registry


def make(qtbot, kind, data=None):
    """A form editor of ``kind``, filled with ``data`` when given."""
    ed = registry.editors()[kind].EDITOR(None)
    qtbot.addWidget(ed)
    if data is not None:
        ed.set_data(data)
    return ed


def follows(a, b, origin, *, rtl: bool = False, slack: int = 2) -> bool:
    """Whether ``b`` comes after ``a`` in reading order on screen (both mapped to ``origin``):
    lower down, or on the same line and further along the line."""
    from PySide6.QtCore import QPoint, QRect

    ra = QRect(a.mapTo(origin, QPoint(0, 0)), a.size())
    rb = QRect(b.mapTo(origin, QPoint(0, 0)), b.size())
    if rb.top() >= ra.bottom() - slack:
        return True
    if rb.bottom() <= ra.top() + slack:
        return False
    return rb.right() <= ra.left() + slack if rtl else rb.left() >= ra.right() - slack

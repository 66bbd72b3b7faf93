"""A word-wrapped label that remembers its height for a width.

Qt's layouts ask a word-wrapped label for its height at a width many times in one layout pass (each
nesting level asks again for its minimum, its hint and its height), and QLabel lays its whole text out
anew for every question. On a page of cards that made adding two entry cards to a clinician's patient
page cost about 70 ms of layout and painting on the 2-core VM (a chart card about 80, a window resize
about 85); with the answer remembered per width, 28, 20 and 22-45 ms (bench/open_patients.py measures
the page). The answer is forgotten whenever anything it depends on changes: the text, its format,
wrapping, margins and indent, the font, the style, the direction.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel

# Events after which a height worked out before may be wrong.
_FORGET_ON = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange,
                        QEvent.Type.ContentsRectChange, QEvent.Type.ApplicationFontChange})
_MAX_WIDTHS = 16  # a resize asks at many widths; the ones of the last few passes are the ones asked again


class WrapLabel(QLabel):
    """A QLabel whose ``heightForWidth`` is worked out once per width (see the module's note)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= _MAX_WIDTHS:
                self._heights.clear()
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() in _FORGET_ON:
            self._heights.clear()
        super().changeEvent(event)


def _forgetting(name: str):
    """QLabel's setter ``name``, first forgetting the heights worked out (it changes how the text is laid out)."""
    base = getattr(QLabel, name)

    def setter(self, *args):
        self._heights.clear()
        return base(self, *args)

    setter.__name__ = setter.__qualname__ = name
    return setter


# Every setter that moves the text. Called from Python, or through a signal connected to the bound method, each
# forgets first; QLabel's C++ code calling its own setText directly would not (Hearth connects none so).
for _name in ("setText", "setNum", "clear", "setTextFormat", "setWordWrap", "setIndent", "setMargin", "setPixmap",
              "setFont", "setStyleSheet"):
    setattr(WrapLabel, _name, _forgetting(_name))

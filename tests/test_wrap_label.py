"""WrapLabel remembers its height per width: it must always answer what a plain QLabel in the same state
answers, through every change that moves the text (ui/wrap_label.py)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets import make_label
from ui.wrap_label import WrapLabel

TEXT = ("Thought: I will make a fool of myself at the meeting. Evidence for: I stumbled over my words last "
        "time. Evidence against: two colleagues said the talk was clear. ") * 3
WIDTHS = (120, 200, 333, 480)


@pytest.fixture
def pair(qtbot):
    """A WrapLabel and a QLabel side by side in one styled parent, both word-wrapped with the same text."""
    parent = QWidget()
    parent.setStyleSheet('QLabel[role="big"] { font-size: 22pt; padding: 9px; }')
    lay = QVBoxLayout(parent)
    labels = (WrapLabel(), QLabel())
    for lab in labels:
        lab.setWordWrap(True)
        lab.setText(TEXT)
        lay.addWidget(lab)
    qtbot.addWidget(parent)
    parent.show()
    qtbot.waitExposed(parent)
    return parent, labels


def _same(labels) -> None:
    cached, plain = labels
    for w in WIDTHS:
        first = cached.heightForWidth(w)
        assert first == plain.heightForWidth(w), w
        assert cached.heightForWidth(w) == first  # the second answer comes from memory


def _changes():
    def restyle(lab):  # a new role: the style sheet's bigger font and padding (the app re-polishes so)
        lab.setProperty("role", "big")
        lab.style().unpolish(lab)
        lab.style().polish(lab)

    return {
        "text": lambda lab: lab.setText(TEXT + " And one more sentence that makes it longer still."),
        "number": lambda lab: lab.setNum(123456789),
        "cleared": lambda lab: lab.clear(),
        "rich text": lambda lab: (lab.setTextFormat(lab.textFormat().RichText),
                                  lab.setText("<b>" + TEXT + "</b><br><br>" + TEXT)),
        "no wrap": lambda lab: lab.setWordWrap(False),
        "indent": lambda lab: lab.setIndent(40),
        "margin": lambda lab: lab.setMargin(25),
        "contents margins": lambda lab: lab.setContentsMargins(30, 10, 30, 10),
        "font": lambda lab: lab.setFont(QFont(lab.font().family(), 21)),
        "own style sheet": lambda lab: lab.setStyleSheet("font-size: 19pt; padding: 14px;"),
        "role re-polished": restyle,
    }


@pytest.mark.parametrize("change", list(_changes()))
def test_heights_follow_every_change(pair, qtbot, change):
    _parent, labels = pair
    _same(labels)  # remembered at every width first
    for lab in labels:
        _changes()[change](lab)
    qtbot.wait(1)  # posted events (a font change from a style) arrive
    _same(labels)


def test_parent_font_change_reaches_the_label(pair, qtbot):
    parent, labels = pair
    parent.setStyleSheet("")  # a style sheet decides the font itself; without one the parent's font is inherited
    qtbot.wait(1)
    _same(labels)
    parent.setFont(QFont(parent.font().family(), 24))
    qtbot.wait(1)
    _same(labels)


def test_app_labels_are_wrap_labels(qtbot):
    assert isinstance(make_label(), WrapLabel)


def test_memory_is_bounded(pair):
    cached = pair[1][0]
    for w in range(100, 400):
        cached.heightForWidth(w)
    assert len(cached._heights) <= 16

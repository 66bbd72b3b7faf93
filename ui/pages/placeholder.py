"""Sections whose features arrive with later work: say what will appear there."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import N_, _
from ui.widgets import EmptyState, make_label

TEXTS = {
    "messages": (N_("Messages"), N_("No messages"),
                 N_("If you work with a clinician, their messages and comments on your exercises will "
                    "appear here after you open a feedback file from them.")),
}


class PlaceholderPage(QWidget):
    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"page-{key}")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 28)
        self.heading = make_label("heading")
        self.empty = EmptyState()
        lay.addWidget(self.heading)
        lay.addWidget(self.empty, 1)

    def retranslate(self) -> None:
        heading, title, text = TEXTS[self.key]
        self.heading.setText(_(heading))
        self.empty.set_texts(_(title), _(text))

"""Reflection: one answer box per prompt (or one free box without prompts)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from app.i18n import _, content
from ui.widgets import make_label

KIND = "reflection"


class ReflectionEditor(QWidget):
    changed = Signal()

    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(parent)
        self.prompts = list((spec or {}).get("prompts") or [])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.labels, self.boxes = [], []
        for _i in range(max(1, len(self.prompts))):
            label = make_label()
            box = QPlainTextEdit()
            box.setMinimumHeight(90)
            box.setTabChangesFocus(True)
            label.setBuddy(box)
            box.textChanged.connect(self.changed)
            lay.addWidget(label)
            lay.addWidget(box)
            self.labels.append(label)
            self.boxes.append(box)
        lay.addStretch(1)
        self.retranslate()

    def field_widget(self, _key: str) -> QWidget:
        """Nothing written: the first box is where to start."""
        return self.boxes[0]

    def get_data(self) -> dict:
        texts = [b.toPlainText() for b in self.boxes]
        return {"answers": texts, "text": ""} if self.prompts else {"answers": [], "text": texts[0]}

    def set_data(self, data: dict) -> None:
        answers = list(data.get("answers") or [])
        if not self.prompts:
            answers = [data.get("text", "")]
        for i, box in enumerate(self.boxes):
            box.setPlainText(answers[i] if i < len(answers) else "")

    def retranslate(self) -> None:
        if self.prompts:
            for label, box, prompt in zip(self.labels, self.boxes, self.prompts):
                label.setText(content(prompt))
                box.setAccessibleName(label.text())
        else:
            self.labels[0].setText(_("What is on your mind? Write as much or as little as you like."))
            self.boxes[0].setAccessibleName(_("Reflection"))


EDITOR = ReflectionEditor

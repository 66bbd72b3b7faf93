"""A thread of messages with one contact, and a box to write one for the next package."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidgetItem, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.exchange import outbox, readable
from app.i18n import _, isolate
from ui.widgets import WrappingList, make_label


class MessageThread(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.contact = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = make_label("subheading")
        self.empty = make_label("muted")
        self.list = WrappingList()
        self.list.setObjectName("messageList")
        self.list.setMinimumHeight(120)
        self.list.setMaximumHeight(260)
        self.compose = QPlainTextEdit()
        self.compose.setObjectName("messageCompose")
        self.compose.setTabChangesFocus(True)
        self.compose.setMaximumHeight(80)
        self.add = QPushButton()
        self.add.clicked.connect(self.add_message)
        self.note = make_label("muted")
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.add)
        for w in (self.title, self.empty, self.list, self.compose):
            lay.addWidget(w)
        lay.addLayout(row)
        self.retranslate()

    def set_contact(self, contact) -> None:
        self.contact = contact
        self.load()

    def load(self) -> None:
        self.list.clear()
        if self.ctx.session is None or self.contact is None:
            return
        for m in outbox.messages(self.ctx.session.store, self.contact):
            if m.direction == "in":
                head = _("{name}, {when}:").format(name=self.contact.display_name, when=readable.when(m.created_at))
            elif m.sent:
                head = _("You, {when}:").format(when=readable.when(m.created_at))
            else:
                head = _("You, {when} (waiting for the next file you send):").format(when=readable.when(m.created_at))
            item = QListWidgetItem(head + "\n" + isolate(m.body))  # the body keeps its own direction
            self.list.addItem(item)
        self.list.scrollToBottom()
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)

    def add_message(self) -> None:
        text = self.compose.toPlainText()
        if self.contact is None or self.ctx.session is None or not text.strip():
            self.compose.setFocus()
            return
        outbox.add_message(self.ctx.session.store, self.contact, text)
        self.compose.clear()
        self.load()

    def clear(self) -> None:
        self.contact = None
        self.list.clear()
        self.compose.clear()

    def retranslate(self) -> None:
        self.title.setText(_("Messages"))
        self.empty.setText(_("No messages yet. Write one below; it travels with the next file you send."))
        self.list.setAccessibleName(_("Messages"))
        self.compose.setAccessibleName(_("Write a message"))
        self.compose.setPlaceholderText(_("Write a message\u2026"))
        self.add.setText(_("Add to the next file"))
        self.add.setAccessibleName(_("Add the message to the next file you send"))
        self.note.setText(_("Messages are not sent at once: they travel inside the next file you save."))
        self.load()

"""One homework or exercise entry a patient shared, with the clinician's comments and a box for one more."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QWidget

from app.exchange import outbox, readable
from app.exercises import readable as entry_form
from app.i18n import _
from ui.widgets import card, make_label


class EntryCard(QWidget):
    commented = Signal()

    def __init__(self, ctx, contact, entry: dict, parent=None):
        super().__init__(parent)
        self.ctx, self.contact, self.entry = ctx, contact, entry
        self.setObjectName(f"entry-{entry['id']}")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        frame, inner = card()
        lay.addWidget(frame)
        title = readable.describe("homework", entry)
        self.title = make_label("subheading")
        self.title.setText(title)
        self.text = make_label(selectable=True)
        self.text.setObjectName("entryText")
        self.text.setTextFormat(Qt.TextFormat.RichText)  # the labels in bold; what the patient wrote is escaped
        self.text.setText(entry_form.as_html(entry_form.entry_lines(entry)))
        self.comments = make_label("muted", selectable=True)
        self.inner = inner
        self._box: QPlainTextEdit | None = None  # made when the clinician starts a comment (a page shows many cards)
        self.add = QPushButton()
        self.add.clicked.connect(self.add_comment)
        self.row = QHBoxLayout()
        self.row.addStretch(1)
        self.row.addWidget(self.add)
        for w in (self.title, self.text, self.comments):
            inner.addWidget(w)
        inner.addLayout(self.row)
        self._button_text()
        self._fill_comments(entry.get("comments", []))

    @property
    def box(self) -> QPlainTextEdit:
        """The comment box, made the first time it is needed; it stays for the card's life."""
        if self._box is None:
            title = self.title.text()
            self._box = QPlainTextEdit()
            self._box.setTabChangesFocus(True)
            self._box.setMaximumHeight(70)
            self._box.setAccessibleName(_("Comment on: {entry}").format(entry=title))
            self._box.setPlaceholderText(_("Write a comment on this entry\u2026"))
            self.inner.insertWidget(self.inner.indexOf(self.comments) + 1, self._box)
            if self.isVisible():
                self._box.show()  # a layout would show it only later, too late for the focus
            QWidget.setTabOrder(self._box, self.add)
            self._button_text()
        return self._box

    def _button_text(self) -> None:
        title = self.title.text()
        if self._box is None:
            self.add.setText(_("Comment\u2026"))
            self.add.setAccessibleName(_("Write a comment on: {entry}").format(entry=title))
        else:
            self.add.setText(_("Add comment"))
            self.add.setAccessibleName(_("Add the comment on: {entry}").format(entry=title))

    def _fill_comments(self, comments) -> None:
        lines = []
        for c in comments:
            lines.append(_("Your comment ({when}):").format(when=readable.when(c.created_at)) + "\n" + c.body)
        self.comments.setText("\n\n".join(lines))
        self.comments.setVisible(bool(lines))

    def pending_text(self) -> str:
        return self._box.toPlainText() if self._box is not None else ""

    def add_comment(self) -> None:
        """Opens the comment box the first time; then adds what it holds to the next feedback file."""
        if self._box is None:
            self.box.setFocus()
            return
        text = self.box.toPlainText()
        if not text.strip() or self.ctx.session is None:
            self.box.setFocus()
            return
        store = self.ctx.session.store
        outbox.add_comment(store, self.contact, self.entry["id"], text, self.entry.get("kind", ""))
        self.box.clear()
        self._fill_comments(outbox.comments_for_entry(store, self.entry["id"], contact_id=self.contact.id))
        self.commented.emit()

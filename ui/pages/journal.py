"""Exercises & journal: free-text entries, autosaved as you type."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from app import drafts, journal
from app.i18n import _, format_when
from ui.widgets import EmptyState, make_label, primary_button

AUTOSAVE_MS = 600


def _entry_label(e: journal.Entry) -> str:
    from datetime import datetime

    when = format_when(datetime.fromisoformat(e.created_at).astimezone())
    first = e.title or (e.body.strip().splitlines() or [""])[0]
    return f"{first[:60]}\n{when}"


class JournalPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.editing_id: str | None = None
        self._last_deleted: journal.Entry | None = None
        self._loading = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 20)
        lay.setSpacing(12)
        self.heading = make_label("heading")
        self.exercises_note = make_label("muted")
        lay.addWidget(self.heading)
        lay.addWidget(self.exercises_note)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.new_button = QPushButton()
        self.list = QListWidget()
        self.list.setObjectName("journalList")
        self.list.setAlternatingRowColors(True)
        self.empty = EmptyState()
        ll.addWidget(self.new_button)
        ll.addWidget(self.empty)
        ll.addWidget(self.list, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        self.title.setMaxLength(journal.MAX_TITLE)
        self.body = QPlainTextEdit()
        self.notice = make_label("muted")
        row = QHBoxLayout()
        self.delete_button = QPushButton()
        self.undo_button = QPushButton()
        self.undo_button.hide()
        self.save_button = primary_button()
        row.addWidget(self.delete_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(self.notice)
        row.addWidget(self.save_button)
        rl.addWidget(self.title)
        rl.addWidget(self.body, 1)
        rl.addLayout(row)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        lay.addWidget(split, 1)

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.flush)
        self.title.textChanged.connect(self._changed)
        self.body.textChanged.connect(self._changed)
        self.new_button.clicked.connect(self.new_entry)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.undo_button.clicked.connect(self.undo_delete)
        self.list.currentItemChanged.connect(self._selected)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_entry)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.retranslate()

    # --- store ----------------------------------------------------------------

    @property
    def store(self):
        return self.ctx.session.store if self.ctx.session else None

    def _draft_key(self) -> str:
        return journal.draft_key_for(self.editing_id) if self.editing_id else journal.NEW_ENTRY_DRAFT

    def load(self) -> None:
        if self.store is None:
            return
        self.flush()
        self._fill_list()
        if self.editing_id is None:
            self._open(None)

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for e in journal.entries(self.store):
            item = QListWidgetItem(_entry_label(e))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.list.addItem(item)
            if e.id == self.editing_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        has = self.list.count() > 0
        self.list.setVisible(has)
        self.empty.setVisible(not has)

    def _open(self, entry_id: str | None) -> None:
        """Show an entry (or a new one), preferring an unsaved draft if there is one."""
        self.editing_id = entry_id
        title = body = ""
        if entry_id:
            found = [e for e in journal.entries(self.store) if e.id == entry_id]
            if found:
                title, body = found[0].title, found[0].body
        draft = drafts.load(self.store, self._draft_key())
        restored = False
        if draft:
            try:
                d = json.loads(draft)
                title, body, restored = d.get("title", ""), d.get("body", ""), True
            except (ValueError, AttributeError):
                pass
        self._loading = True
        self.title.setText(title)
        self.body.setPlainText(body)
        self._loading = False
        self.delete_button.setEnabled(entry_id is not None)
        self.notice.setText(_("Your unsaved text was restored.") if restored else "")

    def _selected(self, current, _previous) -> None:
        if current is None or self.store is None:
            return
        self.flush()
        self._open(current.data(Qt.ItemDataRole.UserRole))

    def _changed(self) -> None:
        if self._loading or self.store is None:
            return
        self.notice.setText(_("Saving draft\u2026"))
        self.autosave.start()

    def flush(self) -> None:
        """Write what is in the editor to the draft store now (autosave, and before locking)."""
        if not self.autosave.isActive() and not self.notice.text() == _("Saving draft\u2026"):
            return
        self.autosave.stop()
        if self.store is None:
            return
        title, body = self.title.text(), self.body.toPlainText()
        payload = json.dumps({"title": title, "body": body}) if (title or body) else ""
        drafts.save(self.store, self._draft_key(), payload)
        self.notice.setText(_("Draft saved"))

    # --- actions ----------------------------------------------------------------

    def new_entry(self) -> None:
        if self.store is None:
            return
        self.flush()
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self._open(None)
        self.body.setFocus()

    def save(self) -> None:
        if self.store is None:
            return
        title, body = self.title.text(), self.body.toPlainText()
        if not (title.strip() or body.strip()):
            self.notice.setText(_("Write something first, then save."))
            return
        self.autosave.stop()
        if self.editing_id:
            journal.update(self.store, self.editing_id, title, body)
        else:
            entry = journal.add(self.store, title, body)
            self.editing_id = entry.id
        self._fill_list()
        self.delete_button.setEnabled(True)
        self.notice.setText(_("Saved"))

    def delete(self) -> None:
        if self.store is None or not self.editing_id:
            return
        self.autosave.stop()
        drafts.discard(self.store, self._draft_key())
        self._last_deleted = journal.delete(self.store, self.editing_id)
        self.editing_id = None
        self._fill_list()
        self._open(None)
        self.notice.setText(_("Entry deleted."))
        self.undo_button.setVisible(self._last_deleted is not None)

    def undo_delete(self) -> None:
        if self.store is None or self._last_deleted is None:
            return
        journal.restore(self.store, self._last_deleted)
        self.editing_id = self._last_deleted.id
        self._last_deleted = None
        self.undo_button.hide()
        self._fill_list()
        self._open(self.editing_id)
        self.notice.setText(_("Entry restored."))

    def clear(self) -> None:
        self.autosave.stop()
        self._loading = True
        self.title.clear()
        self.body.clear()
        self._loading = False
        self.list.blockSignals(True)
        self.list.clear()
        self.list.blockSignals(False)
        self.editing_id = None
        self._last_deleted = None
        self.undo_button.hide()
        self.notice.clear()

    def retranslate(self) -> None:
        self.heading.setText(_("Exercises & journal"))
        self.exercises_note.setText(_("Exercises from your program, such as thought records and activity "
                                      "diaries, will appear here too. Until then, your journal is a private "
                                      "place to write."))
        self.new_button.setText(_("New entry"))
        self.new_button.setToolTip(_("New entry ({shortcut})").format(
            shortcut=QKeySequence(QKeySequence.StandardKey.New).toString(QKeySequence.SequenceFormat.NativeText)))
        self.list.setAccessibleName(_("Journal entries"))
        self.empty.set_texts(_("Your journal is empty"),
                             _("Write your first entry on the right, then press Save (Ctrl+S). What you "
                               "type is kept as a draft as you go, so nothing is lost."))
        self.title.setPlaceholderText(_("Title (optional)"))
        self.title.setAccessibleName(_("Entry title"))
        self.body.setPlaceholderText(_("What happened, and how did you feel?"))
        self.body.setAccessibleName(_("Entry text"))
        self.save_button.setText(_("Save"))
        self.delete_button.setText(_("Delete"))
        self.undo_button.setText(_("Undo delete"))

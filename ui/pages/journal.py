"""The journal: dated free-text entries, autosaved as you type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app import journal
from app.exercises.limits import Missing
from app.i18n import N_, _
from ui.entry_browser import EntryBrowser
from ui.widgets import make_label


class JournalAdapter:
    draft_prefix = "journal"
    search_source, search_exercise_id = "journal", None  # app.search

    def entries(self, store, only: list[str] | None = None):
        """Every entry, newest first, or only those with the ids ``only`` (a search's results, in its order)."""
        for e in (journal.entries(store) if only is None else journal.by_ids(store, only)):
            yield e.id, e.title or (e.body.strip().splitlines() or [""])[0][:60], e.created_at

    def load(self, store, entry_id):
        found = journal.by_ids(store, [entry_id])  # one row (an entry a search found may be years old)
        return {"title": found[0].title, "body": found[0].body} if found else {}

    def save(self, store, entry_id, data, draft_key):
        title, body = data.get("title", ""), data.get("body", "")
        if not (title.strip() or body.strip()):
            raise Missing("body", N_("Write something first, then save."))
        if entry_id:
            journal.update(store, entry_id, title, body)
            return entry_id
        return journal.add(store, title, body, draft_key=draft_key).id

    def delete(self, store, entry_id):
        return journal.delete(store, entry_id)

    def restore(self, store, entry):
        journal.restore(store, entry)
        return entry.id

    def incomplete_message(self):
        return _("Write something first, then save.")

    def empty_texts(self):
        return (_("Your journal is empty"),
                _("Write your first entry in the editor beside this list, then press Save (Ctrl+S). What you "
                  "type is kept as a draft as you go, so nothing is lost."))


class JournalEditor(QWidget):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title = QLineEdit()
        self.title.setMaxLength(journal.MAX_TITLE)
        self.body = QPlainTextEdit()
        self.body.setMinimumHeight(240)
        self.body.setTabChangesFocus(True)  # Tab moves on; a tab character is of no use in a journal
        lay.addWidget(self.title)
        lay.addWidget(self.body, 1)
        self.title.textChanged.connect(self.changed)
        self.body.textChanged.connect(self.changed)

    def start_widget(self) -> QWidget:
        """A new entry starts in its text; the title is optional."""
        return self.body

    def get_data(self) -> dict:
        return {"title": self.title.text(), "body": self.body.toPlainText()}

    def set_data(self, data: dict) -> None:
        self.title.setText(data.get("title", ""))
        self.body.setPlainText(data.get("body", ""))

    def retranslate(self) -> None:
        self.title.setPlaceholderText(_("Title (optional)"))
        self.title.setAccessibleName(_("Entry title"))
        self.body.setPlaceholderText(_("What happened, and how did you feel?"))
        self.body.setAccessibleName(_("Entry text"))


class JournalPage(QWidget):
    """The journal: an intro line above its entries and editor."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.intro = make_label("muted")
        self.editor = JournalEditor()
        self.browser = EntryBrowser(ctx, JournalAdapter(), self.editor)
        lay.addWidget(self.intro)
        lay.addWidget(self.browser, 1)
        # Short names used by tests and the screenshot command.
        b = self.browser
        self.title, self.body = self.editor.title, self.editor.body
        self.list, self.empty, self.notice = b.list, b.empty, b.notice
        self.delete_button, self.undo_button, self.save_button = b.delete_button, b.undo_button, b.save_button
        self.retranslate()

    def load(self) -> None:
        self.browser.load()

    def flush(self) -> None:
        self.browser.flush()

    def clear(self) -> None:
        self.browser.clear()

    def retranslate(self) -> None:
        self.intro.setText(_("Your journal is a private place to write about your days. Choose another exercise "
                             "above, such as a thought record or an activity diary."))
        self.browser.retranslate()

"""One exercise: its title and instructions above an EntryBrowser of its entries."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.exercises import readable
from app.exercises import registry as kinds
from app.exercises import store as ex_store
from app.i18n import _, content
from ui.entry_browser import EntryBrowser
from ui.exercises import registry
from ui.widgets import make_label


class ExerciseAdapter:
    def __init__(self, kind: str, spec: dict | None, program_id: str | None, module_id: str | None):
        self.kind, self.spec = kind, spec
        self.exercise_id = spec.get("id") if spec else None
        self.program_id, self.module_id = program_id, module_id
        self.draft_prefix = f"exercise:{kind}:{self.exercise_id or '-'}"
        self.search_source, self.search_exercise_id = kind, None  # app.search (the list's own rule filters)

    def entries(self, store, only: list[str] | None = None):
        """The history list, newest first, or only the entries with the ids ``only`` that belong in it."""
        dated = getattr(kinds.get(self.kind), "DATED", False)
        found = (ex_store.listed(store, self.kind, self.exercise_id) if only is None else
                 [e for e in ex_store.by_ids(store, only) if ex_store.shown_in(e, self.kind, self.exercise_id)])
        for e in found:
            yield e.id, e.summary, None if dated else e.created_at

    def load(self, store, entry_id):
        e = ex_store.get(store, entry_id)
        return e.data if e else {}

    def readable(self, store, entry_id) -> str:
        """The saved entry in words, as a clinician would read it (the list's tooltip)."""
        e = ex_store.get(store, entry_id)
        if e is None:
            return ""
        return readable.as_text(readable.lines(e.kind, e.data, program_id=e.program_id, exercise_id=e.exercise_id),
                                limit=1500)

    def save(self, store, entry_id, data, draft_key):
        if entry_id:
            return ex_store.update(store, entry_id, data, draft_key=draft_key).id
        return ex_store.add(store, self.kind, data, exercise_id=self.exercise_id, program_id=self.program_id,
                            module_id=self.module_id, draft_key=draft_key).id

    def delete(self, store, entry_id):
        return ex_store.delete(store, entry_id)

    def restore(self, store, entry):
        ex_store.restore(store, entry)
        return entry.id

    def comments(self, store, entry_id):
        """(clinician's name, when, text) of the comments received on this entry, oldest first."""
        from app.exchange import patient

        return patient.received_comments(store, entry_id)

    def comments_seen(self, store, entry_id):
        from app.exchange import patient

        patient.mark_comments_seen(store, entry_id)

    def incomplete_message(self):
        return _("There is nothing to save yet. Fill in the main parts first, then save.")

    def empty_texts(self):
        return (_("Nothing saved yet"),
                _("Fill in the form beside this list and press Save (Ctrl+S). Your typing is kept as a "
                  "draft as you go."))


class ExerciseHost(QWidget):
    """``open_requested(kind)``: the editor asked to open another exercise (a worry on to problem solving).
    An editor that keeps settings of its own in the store has ``use_context(ctx)``; it is given the app context."""

    open_requested = Signal(str)

    def __init__(self, ctx, kind: str, spec: dict | None = None, *, program_id: str | None = None,
                 module_id: str | None = None, parent=None):
        super().__init__(parent)
        self.kind, self.spec = kind, spec
        self.editor = registry.editors()[kind].EDITOR(spec)
        if hasattr(self.editor, "use_context"):
            self.editor.use_context(ctx)
        if hasattr(self.editor, "open_exercise"):
            self.editor.open_exercise.connect(self.open_requested)
        self.browser = EntryBrowser(ctx, ExerciseAdapter(kind, spec, program_id, module_id), self.editor)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.heading = make_label("subheading")
        self.description = make_label("muted")
        lay.addWidget(self.heading)
        lay.addWidget(self.description)
        lay.addWidget(self.browser, 1)
        self.retranslate()

    def load(self) -> None:
        self.browser.load()

    def flush(self) -> None:
        self.browser.flush()

    def clear(self) -> None:
        self.browser.clear()
        if hasattr(self.editor, "forget"):  # settings of its own read from the profile (at lock)
            self.editor.forget()

    def retranslate(self) -> None:
        module = kinds.get(self.kind)
        title = content(self.spec["title"]) if self.spec and self.spec.get("title") else _(module.TITLE)
        self.heading.setText(title)
        self.description.setText(_(module.DESCRIPTION))
        self.browser.retranslate()

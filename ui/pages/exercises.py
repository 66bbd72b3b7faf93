"""Exercises & journal: the journal, the person's safety plan, this module's exercises and every tool."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.exercises import registry as kinds
from app.i18n import _, content
from app.exchange.patient import has_clinician
from app.programs import loader, progress, unlock
from app.safety.plan import TARGET as SAFETY_PLAN
from ui import tab_order
from ui.exercises import registry as editors
from ui.exercises.host import ExerciseHost
from ui.pages.journal import JournalPage
from ui.safety_plan import SafetyPlanView
from ui.widgets import make_label

JOURNAL = "journal"


class ExercisesPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.hosts: dict[str, QWidget] = {}
        self._choices: list[tuple[str, str, dict | None, str | None, str | None]] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 20)
        lay.setSpacing(10)
        self.heading = make_label("heading")
        form = QFormLayout()
        self.choose_label, self.chooser = QLabel(), QComboBox()
        self.choose_label.setBuddy(self.chooser)
        form.addRow(self.choose_label, self.chooser)
        self.stack = QStackedWidget()
        self.journal = JournalPage(ctx)
        self.hosts[JOURNAL] = self.journal
        self.stack.addWidget(self.journal)
        self._plan: SafetyPlanView | None = None  # built when first shown (see plan)
        lay.addWidget(self.heading)
        lay.addLayout(form)
        lay.addWidget(self.stack, 1)
        self.chooser.activated.connect(lambda i: self._show(*self._choices[i][1:]))
        self.retranslate()

    @property
    def plan(self) -> SafetyPlanView:
        """The safety plan, a page here (not a dialog: the sidebar leads to it). Built when first asked for: it
        was a quarter of this page's first build, and most visits are to the journal."""
        if self._plan is None:
            self._plan = SafetyPlanView(self.ctx)
            self.hosts[SAFETY_PLAN] = self._plan
            self.stack.addWidget(self._plan)
        return self._plan

    # --- what can be chosen ------------------------------------------------------------

    def _program_exercises(self):
        store = self.ctx.session.store if self.ctx.session else None
        enrolment = progress.active(store) if store else None
        program = loader.cached(enrolment.program_id) if enrolment else None
        if program is None:
            return []
        current = unlock.current_module(progress.states(store, program, has_clinician=has_clinician(store)))
        module = program.module(current) if current else None
        if module is None:
            return []
        return [(ex["kind"], ex, program.id, module.id) for ex in module.exercises if ex["kind"] in editors.editors()]

    def _fill_chooser(self) -> None:
        current = self.chooser.currentData()
        self._choices = [(_("Journal"), JOURNAL, None, None, None),
                         (_("My safety plan"), SAFETY_PLAN, None, None, None)]
        for kind, spec, pid, mid in self._program_exercises():
            self._choices.append((_("This week: {title}").format(title=content(spec["title"])),
                                  kind, spec, pid, mid))
        for kind in editors.tools():
            self._choices.append((_(kinds.get(kind).TITLE), kind, None, None, None))
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for label, kind, spec, _p, _m in self._choices:
            self.chooser.addItem(label, self._key(kind, spec))
        self.chooser.setCurrentIndex(max(self.chooser.findData(current), 0))
        self.chooser.blockSignals(False)

    @staticmethod
    def _key(kind: str, spec: dict | None) -> str:
        return kind if kind in (JOURNAL, SAFETY_PLAN) else f"{kind}:{spec['id'] if spec else '-'}"

    # --- showing one ----------------------------------------------------------------------

    def _show(self, kind: str, spec: dict | None, program_id: str | None, module_id: str | None) -> None:
        key = self._key(kind, spec)
        host = self.plan if key == SAFETY_PLAN else self.hosts.get(key)
        if host is None:
            host = ExerciseHost(self.ctx, kind, spec, program_id=program_id, module_id=module_id)
            host.open_requested.connect(lambda other: self.open(other))
            self.hosts[key] = host
            self.stack.addWidget(host)
        current = self.stack.currentWidget()
        if current is not host and hasattr(current, "flush"):
            current.flush()
        self.stack.setCurrentWidget(host)
        idx = self.chooser.findData(key)
        if idx < 0:  # opened from a lesson link to another module's exercise
            self.chooser.addItem(content(spec["title"]) if spec else _(kinds.get(kind).TITLE), key)
            idx = self.chooser.count() - 1
        self.chooser.setCurrentIndex(idx)
        if self.ctx.session:
            host.load()
        self._order_tabs()

    def _order_tabs(self) -> None:
        """The chooser, then the shown exercise's list and form: Tab follows the page from top to bottom."""
        shown = self.stack.currentWidget()
        stops = shown.tab_stops() if shown is self._plan else shown.browser.tab_stops()
        tab_order.chain([self.chooser, *stops])

    def open(self, kind: str, spec: dict | None = None, program_id: str | None = None,
             module_id: str | None = None) -> None:
        """Open an exercise (from a lesson's "try it now"), the journal, or the safety plan."""
        if kind not in (JOURNAL, SAFETY_PLAN) and kind not in editors.editors():
            return
        self._fill_chooser()
        self._show(kind, spec, program_id, module_id)
        if kind == SAFETY_PLAN:
            self.plan.focus_start()  # from Home or a lesson: straight to where one writes

    def open_safety_plan(self) -> None:
        self.open(SAFETY_PLAN)

    def open_entry(self, entry_id: str) -> None:
        """Open the exercise an entry belongs to, with that entry (and a clinician's comments on it) shown."""
        from app.exercises import store as ex_store

        entry = ex_store.get(self.ctx.session.store, entry_id) if self.ctx.session else None
        if entry is None:
            return
        program = loader.cached(entry.program_id) if entry.program_id else None
        spec = program.all_exercises().get(entry.exercise_id) if program and entry.exercise_id else None
        self.open(entry.kind, spec, entry.program_id if spec else None, entry.module_id if spec else None)
        host = self.stack.currentWidget()
        if getattr(host, "kind", None) == entry.kind:
            host.browser.select(entry_id)

    # --- page life ------------------------------------------------------------------------

    def load(self) -> None:
        self._fill_chooser()
        self.stack.currentWidget().load()
        self._order_tabs()

    def flush(self) -> None:
        for host in self.hosts.values():
            host.flush()

    def clear(self) -> None:
        for key, host in list(self.hosts.items()):
            host.clear()
            if key not in (JOURNAL, SAFETY_PLAN):
                self.stack.removeWidget(host)
                host.deleteLater()
                del self.hosts[key]
        self.stack.setCurrentWidget(self.journal)
        self.chooser.clear()

    def retranslate(self) -> None:
        self.heading.setText(_("Exercises & journal"))
        self.choose_label.setText(_("Exercise:"))
        self.chooser.setAccessibleName(_("Choose an exercise"))
        for host in self.hosts.values():
            host.retranslate()
        if self.ctx.session is not None:
            self._fill_chooser()

"""The patient's unlocked app: Home, Program, Exercises, Measures, Progress, Clinician, Settings."""

from __future__ import annotations

from PySide6.QtCore import Signal

from app.i18n import N_
from ui.section_shell import LazyPages, SectionShell

# (key, sidebar label) in sidebar order; Ctrl+1..7 jump to them.
SECTIONS = (
    ("home", N_("Home")),
    ("program", N_("Program")),
    ("journal", N_("Exercises & journal")),
    ("measures", N_("Measures")),
    ("progress", N_("Progress")),
    ("clinician", N_("Clinician")),
    ("settings", N_("Settings")),
)


# The pages' modules, in the order ui.warm imports them ahead (the first page first).
PAGE_MODULES = tuple(f"ui.pages.{name}" for name in ("home", "program", "exercises", "measures", "progress",
                                                        "clinician", "settings"))


def _page(module: str, name: str):
    import importlib

    return getattr(importlib.import_module(f"ui.pages.{module}"), name)


class ShellPage(SectionShell):
    SECTIONS = SECTIONS

    clinician_changed = Signal()  # something was sent or imported on the Clinician page

    def __init__(self, ctx, parent=None):
        # Each page's module is imported when the page is first built: unlocking imports Home's alone (the others
        # are imported by ui.warm in a thread meanwhile; all of them at once were 110-420 ms of imports, on the
        # GUI thread when the password was pasted and Enter pressed at once).
        super().__init__(ctx, LazyPages({
            "home": self._home_page,
            "program": lambda: _page("program", "ProgramPage")(ctx, self.open_exercise),
            "journal": lambda: _page("exercises", "ExercisesPage")(ctx),
            "measures": lambda: _page("measures", "MeasuresPage")(ctx),
            "progress": lambda: _page("progress", "ProgressPage")(ctx),
            "clinician": self._clinician_page,
            "settings": lambda: _page("settings", "SettingsPage")(ctx),
        }), parent)
        self.retranslate_sections()  # Home, built just now, set its own words

    def _home_page(self):
        return _page("home", "HomePage")(self.ctx, self.go, self.open_module, open_entry=self.open_entry,
                                         open_measure=self.open_measure, open_plan=self.open_safety_plan,
                                         open_tool=lambda kind: self.open_exercise(kind, None, None, None))

    def _clinician_page(self):
        page = _page("clinician", "ClinicianPage")(self.ctx)
        page.changed.connect(self._exchange_changed)
        page.changed.connect(self.clinician_changed.emit)
        page.sync.changed.connect(lambda: self.sync.start())
        return page

    def _exchange_changed(self) -> None:
        """Feedback arrived or progress was sent: the page being shown refreshes if it shows that (the
        others are filled afresh whenever they are shown)."""
        if self.current_key() in ("home", "program", "measures"):
            self.load_shown()

    def _synced(self, result) -> None:
        super()._synced(result)
        if self.current_key() == "clinician":
            self.load_shown()
        self._exchange_changed()

    def open_exercise(self, kind: str, spec: dict | None, program_id: str | None, module_id: str | None) -> None:
        self.go("journal")
        self.pages["journal"].open(kind, spec, program_id, module_id)

    def open_safety_plan(self) -> None:
        """The person's safety plan, as a page of Exercises & journal (from Home)."""
        self.go("journal")
        self.pages["journal"].open_safety_plan()

    def open_module(self, module_id: str | None) -> None:
        self.go("program")
        self.pages["program"].load(module_id)

    def open_entry(self, entry_id: str) -> None:
        """An exercise entry with its comments (from Home's "From your clinician")."""
        self.go("journal")
        self.pages["journal"].open_entry(entry_id)

    def open_measure(self, measure_id: str) -> None:
        """Start a questionnaire (one the clinician asked for, from Home)."""
        from app.measures import engine

        self.go("measures")
        measure = engine.shipped().get(measure_id)
        if measure is not None:
            self.pages["measures"].start(measure)

    def _row_changed(self, row: int) -> None:
        super()._row_changed(row)
        if row >= 0 and self.SECTIONS[row][0] == "clinician" and self.ctx.unlocked:
            from app.exchange import patient

            patient.mark_messages_read(self.ctx.session.store)  # the page shows every message

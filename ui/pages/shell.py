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


class ShellPage(SectionShell):
    SECTIONS = SECTIONS

    clinician_changed = Signal()  # something was sent or imported on the Clinician page

    def __init__(self, ctx, parent=None):
        # Each page's module is imported when the page is first built: unlocking imports Home's alone (the others
        # are imported by ui.warm in a thread meanwhile; all of them at once were 110-420 ms of imports, on the
        # GUI thread when the password was pasted and Enter pressed at once). The imports are written out, not
        # computed, so that the bundle's analysis (PyInstaller) finds them.
        super().__init__(ctx, LazyPages({
            "home": self._home_page,
            "program": self._program_page,
            "journal": self._exercises_page,
            "measures": self._measures_page,
            "progress": self._progress_page,
            "clinician": self._clinician_page,
            "settings": self._settings_page,
        }), parent)
        self.retranslate_sections()  # Home, built just now, set its own words

    def _home_page(self):
        from ui.pages.home import HomePage

        return HomePage(self.ctx, self.go, self.open_module, open_entry=self.open_entry,
                        open_measure=self.open_measure, open_plan=self.open_safety_plan,
                        open_tool=lambda kind: self.open_exercise(kind, None, None, None))

    def _program_page(self):
        from ui.pages.program import ProgramPage

        return ProgramPage(self.ctx, self.open_exercise)

    def _exercises_page(self):
        from ui.pages.exercises import ExercisesPage

        return ExercisesPage(self.ctx)

    def _measures_page(self):
        from ui.pages.measures import MeasuresPage

        return MeasuresPage(self.ctx)

    def _progress_page(self):
        from ui.pages.progress import ProgressPage

        return ProgressPage(self.ctx)

    def _settings_page(self):
        from ui.pages.settings import SettingsPage

        return SettingsPage(self.ctx)

    def _clinician_page(self):
        from ui.pages.clinician import ClinicianPage

        page = ClinicianPage(self.ctx)
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

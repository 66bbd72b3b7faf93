"""A clinician workspace's window body: Patients, Outcomes, Audit and Settings in a sidebar (Ctrl+1..4)."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.i18n import N_, _
from ui.exchange.audit_view import AuditView
from ui.pages.settings import SettingsPage
from ui.section_shell import SectionShell
from ui.widgets import make_label
from ui.workspace.outcomes_page import OutcomesPage
from ui.workspace.patients import PatientsPage

SECTIONS = (
    ("patients", N_("Patients")),
    ("outcomes", N_("Outcomes")),
    ("audit", N_("Exchange log")),
    ("settings", N_("Settings")),
)


class AuditPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("page-audit")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 28)
        self.heading = make_label("heading")
        self.view = AuditView(ctx)
        lay.addWidget(self.heading)
        lay.addWidget(self.view, 1)
        self.retranslate()

    def load(self) -> None:
        stack = self.parentWidget()
        if isinstance(stack, QStackedWidget) and stack.currentWidget() is not self:
            return  # read when its section is chosen (every export and import is a row: not at unlock)
        self.view.load()

    def clear(self) -> None:
        self.view.clear()

    def retranslate(self) -> None:
        self.heading.setText(_("Exchange log"))
        self.view.retranslate()


class WorkspaceShell(SectionShell):
    SECTIONS = SECTIONS

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, {"patients": PatientsPage(ctx), "outcomes": OutcomesPage(ctx), "audit": AuditPage(ctx),
                               "settings": SettingsPage(ctx)}, parent)
        self.pages["outcomes"].open_patient.connect(self._open_patient)
        self.setObjectName("workspaceShell")
        self.pages["patients"].sync.changed.connect(lambda: self.sync.start())
        self.retranslate_sections()  # each page set its own words when it was made

    def _open_patient(self, contact_id: str) -> None:
        self.go("patients")
        self.pages["patients"].open_patient_id(contact_id)

    def _synced(self, result) -> None:
        super()._synced(result)
        for imported in result.imported:  # only their rows change
            self.pages["patients"].refresh_patient(imported.contact.id)

"""Patients: the list (flags first), adding a patient, opening a progress file; then one patient's page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from app.exchange import clinic, readable, workspace
from app.i18n import _
from ui import theme
from ui.exchange.button_row import ButtonRow
from ui.exchange.fitted_table import FittedTable
from ui.exchange.flows import import_flow
from ui.exchange.pairing import pair_flow
from ui.exchange.panels import OwnCardPanel, SyncFolderPanel
from ui.widgets import EmptyState, make_label, primary_button, scroll_area
from ui.workspace.patient_page import PatientPage

COLUMNS = 6
SCORE_COLUMNS = {3: ("phq9", "PHQ-9"), 4: ("gad7", "GAD-7")}
CHANGE_COLOURS = {clinic.WORSE: "error", clinic.BETTER: "ok"}  # a second cue: the words say it first


def flags_text(row: workspace.PatientRow) -> str:
    """Each current flag in words; for PHQ-9 item 9 also how often and how recently it was above 0."""
    lines = []
    for f in row.flags:
        lines.append("\u26a0 " + readable.flag_word(f))
        if f == workspace.SUICIDAL and row.item9:
            lines.append(readable.item9_summary(row.item9))
    return "\n".join(lines)


class PatientsPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[workspace.PatientRow] = []
        self.setObjectName("page-patients")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.views = QStackedWidget()
        outer.addWidget(self.views)
        body = QWidget()
        self.views.addWidget(scroll_area(body))
        lay = QVBoxLayout(body)
        lay.setContentsMargins(32, 28, 32, 28)
        lay.setSpacing(14)
        self.heading = make_label("heading")
        self.intro = make_label("muted")
        row = ButtonRow()
        self.add = primary_button()
        self.open_file = QPushButton()
        self.open_patient = QPushButton()
        self.add.clicked.connect(self._add)
        self.open_file.clicked.connect(self._open_file)
        self.open_patient.clicked.connect(self._open_selected)
        for b in (self.add, self.open_file, self.open_patient):
            row.addWidget(b)
        self.empty = EmptyState()
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("patientTable")
        self.fitted = FittedTable(self.table, stretch=(1, 5), after_fit=self._fit_rows)  # program; flags
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(220)
        self.table.activated.connect(lambda index: self.open_patient_at(index.row()))
        self.table.doubleClicked.connect(lambda index: self.open_patient_at(index.row()))
        self.own = OwnCardPanel(ctx)
        self.sync = SyncFolderPanel(ctx)
        for w in (self.heading, self.intro):
            lay.addWidget(w)
        lay.addWidget(row)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.own)
        lay.addWidget(self.sync)
        self.patient = PatientPage(ctx)
        self.patient.back.clicked.connect(self.show_list)
        self.patient.changed.connect(self.refresh)
        self.views.addWidget(self.patient)
        ctx.appearance_changed.connect(self.refresh)  # the change colours follow the theme
        self.retranslate()

    # --- data -------------------------------------------------------------------------

    def load(self) -> None:
        if self.ctx.session is None:
            return
        self.refresh()
        self.own.load()
        self.sync.load()

    def refresh(self) -> None:
        if self.ctx.session is None:
            return
        self.rows = workspace.patient_rows(self.ctx.session.store)
        self.table.setRowCount(len(self.rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        colours = theme.colors(self.ctx.theme_name)
        for i, r in enumerate(self.rows):
            name = ("\u26a0 " + r.name) if r.priority < 2 else r.name
            program = (_("{program}, module {module}").format(program=readable.program_title(r.program_id),
                                                              module=readable.module_title(r.program_id, r.module_id))
                       if r.program_id else _("No program shared yet"))
            cells = [name, program, readable.when(r.last_package_at) or _("No file yet"), "", "", flags_text(r)]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.contact_id)
                if j in SCORE_COLUMNS:
                    measure_id, measure_name = SCORE_COLUMNS[j]
                    shown, spoken, moved = readable.score_change(measure_name, *r.totals[measure_id])
                    item.setText(shown)
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
                    if moved in CHANGE_COLOURS:
                        item.setForeground(QBrush(QColor(colours[CHANGE_COLOURS[moved]])))
                if r.priority < 2:
                    item.setFont(bold)
                    item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, flags_text(r))
                self.table.setItem(i, j, item)
        self.fitted.measure()
        self._fit_rows()
        self.table.setVisible(bool(self.rows))
        self.open_patient.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        if self.rows and self.table.currentRow() < 0:
            self.table.selectRow(0)
        if self.views.currentWidget() is self.patient and self.patient.contact_id:
            self.patient.load(self.patient.contact_id)

    # --- actions ----------------------------------------------------------------------

    def _add(self) -> None:
        if pair_flow(self, self.ctx.session):
            self.refresh()

    def _open_file(self) -> None:
        import_flow(self, self.ctx, lambda result: (self.refresh(), self.open_patient_id(result.contact.id)),
                    _("Open a progress file from a patient"))

    def _open_selected(self) -> None:
        if self.table.currentRow() >= 0:
            self.open_patient_at(self.table.currentRow())

    def _fit_rows(self) -> None:
        """The table as tall as its rows (wrapped at the current widths); every patient visible up to a screenful."""
        rows = sum(self.table.rowHeight(i) for i in range(self.table.rowCount()))
        self.table.setMinimumHeight(min(max(120, rows + self.table.horizontalHeader().height() + 6), 520))

    def open_patient_at(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_patient_id(self.rows[row].contact_id)

    def open_patient_id(self, contact_id: str) -> None:
        self.patient.load(contact_id)
        self.views.setCurrentWidget(self.patient)
        self.patient.back.setFocus()

    def show_list(self) -> None:
        self.patient.flush()
        self.views.setCurrentIndex(0)
        self.refresh()
        self.table.setFocus()

    def flush(self) -> None:
        self.patient.flush()

    def clear(self) -> None:
        self.rows = []
        self.table.setRowCount(0)
        self.patient.clear()
        self.own.clear()
        self.sync.clear()
        self.views.setCurrentIndex(0)

    def retranslate(self) -> None:
        self.heading.setText(_("Patients"))
        self.intro.setText(_("Patients whose newest PHQ-9 item 9 (thoughts of being better off dead or of hurting "
                             "oneself) is above 0, then those who got reliably worse, are listed first and marked "
                             "\u26a0. Open a patient to see what changed and to write feedback."))
        self.add.setText(_("Add a patient\u2026"))
        self.add.setAccessibleName(_("Add a patient from their card file"))
        self.open_file.setText(_("Open progress file\u2026"))
        self.open_file.setAccessibleName(_("Open a progress file from a patient"))
        self.open_patient.setText(_("Open patient"))
        self.open_patient.setAccessibleName(_("Open the selected patient"))
        self.table.setHorizontalHeaderLabels([_("Name"), _("Program and module"), _("Last file"), _("PHQ-9"),
                                              _("GAD-7"), _("Flags")])
        self.table.setAccessibleName(_("Patients"))
        self.empty.set_texts(_("No patients yet"), _(
            "Ask your patient to choose \u201cShare my card\u201d on their Clinician page and give you the file. "
            "Then choose \u201cAdd a patient\u201d and compare the fingerprint with them. Give them your own "
            "card (below) so they can pair with you too."))
        for w in (self.own, self.sync, self.patient):
            w.retranslate()
        if self.ctx.session is not None:
            self.refresh()

"""The clinic's Outcomes page: the rates services report, with the numbers behind them, each patient's
outcomes, and the CSV for the service (pseudonymous unless names are asked for)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QMessageBox, QPushButton, QTableView, QTableWidget,
                               QTableWidgetItem, QWidget)

from app.exchange import outcome_words, outcomes, outcomes_csv
from app.i18n import _, format_number, ngettext
from ui.exchange.common import save_file, show_error
from ui.exchange.fitted_table import FittedTable
from ui.widgets import EmptyState, card, make_label, scrolled_page
from ui.worker import run_async

Role = Qt.ItemDataRole


def _columns() -> list[str]:
    return [_("Patient"), _("First and last scores"), _("Reliable change"), _("Recovery"), _("Progress"),
            _("Guidance time"), _("Treatment")]


def patient_cells(p: outcomes.PatientOutcome) -> list[str]:
    return [p.name, outcome_words.all_scores(p), outcome_words.change(p), outcome_words.recovery(p),
            outcome_words.progress(p), outcome_words.guidance(p), outcome_words.treatment(p)]


class OutcomeModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[outcomes.PatientOutcome] = []
        self.cells: list[list[str]] = []
        self.headers: list[str] = []

    def set_rows(self, rows, cells, headers) -> None:
        self.beginResetModel()
        self.rows, self.cells, self.headers = list(rows), list(cells), list(headers)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Role.DisplayRole):
        if not index.isValid():
            return None
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            return self.cells[index.row()][index.column()]
        if role == Role.UserRole:
            return self.rows[index.row()].contact_id
        return None

    def headerData(self, section, orientation, role=Role.DisplayRole):  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole and section < len(self.headers):
            return self.headers[section]
        return None


def _work(store, ended_only: bool):
    """In a worker: the clinic summary and every patient's cells, in words (no Qt)."""
    summary = outcomes.clinic_summary(store, ended_only=ended_only)
    rows = sorted(summary.rows, key=lambda p: p.name.casefold())
    return summary, rows, [patient_cells(p) for p in rows], _columns()


class OutcomesPage(QWidget):
    open_patient = Signal(str)  # a row was activated: show that patient's page

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.summary: outcomes.ClinicSummary | None = None
        self._asked = 0  # which load() the figures shown answer
        self.setObjectName("page-outcomes")
        _body, lay = scrolled_page(self, spacing=14)
        self.heading = make_label("heading")
        self.intro = make_label("muted")
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        options = QHBoxLayout()
        self.ended_only = QCheckBox()
        self.ended_only.toggled.connect(lambda _on: self.load())
        options.addWidget(self.ended_only, 1)
        lay.addLayout(options)
        self.empty = EmptyState()
        lay.addWidget(self.empty)

        self.rates_frame, rates = card()
        self.rates_title = make_label("subheading")
        self.rates = QTableWidget(0, 4)
        self.rates.setObjectName("outcomeRates")
        self.rates_fit = FittedTable(self.rates, stretch=(3,), after_fit=lambda: self._fit_height(self.rates))
        self.others = make_label(selectable=True)
        rates.addWidget(self.rates_title)
        rates.addWidget(self.rates)
        rates.addWidget(self.others)
        lay.addWidget(self.rates_frame)

        self.table_frame, inner = card()
        self.table_title = make_label("subheading")
        self.model = OutcomeModel(self)
        self.table = QTableView()
        self.table.setObjectName("outcomePatients")
        self.table.setModel(self.model)
        self.table_fit = FittedTable(self.table, stretch=(1, 3), after_fit=lambda: self._fit_height(self.table))
        self.table.activated.connect(lambda index: self.open_patient.emit(index.data(Role.UserRole)))
        inner.addWidget(self.table_title)
        inner.addWidget(self.table)
        export_row = QHBoxLayout()
        self.names = QCheckBox()
        self.export = QPushButton()
        self.export.clicked.connect(self.export_csv)
        export_row.addWidget(self.names, 1)
        export_row.addWidget(self.export)
        inner.addLayout(export_row)
        lay.addWidget(self.table_frame)
        lay.addStretch(1)
        self.retranslate()

    # --- data ---------------------------------------------------------------------------

    def load(self) -> None:
        """Work the figures out when the page is shown (not for every page at unlock), in a worker."""
        session = self.ctx.session
        if session is None or not self.isVisible():
            return
        self._asked += 1
        asked = self._asked

        def done(result) -> None:
            if self.ctx.session is session and asked == self._asked:  # an older question answers late: dropped
                self._show(*result)

        def failed(exc) -> None:
            if self.ctx.session is session:
                show_error(self, exc, _("Outcomes not worked out"))

        ended_only = self.ended_only.isChecked()
        run_async(lambda: _work(session.store, ended_only), done, failed, self)

    def clear(self) -> None:
        self.summary = None
        self.model.set_rows([], [], [])
        self.rates.setRowCount(0)

    def _show(self, summary, rows, cells, headers) -> None:
        self.summary = summary
        has = summary.patients > 0
        self.empty.setVisible(not has)
        self.rates_frame.setVisible(has)
        self.table_frame.setVisible(has)
        self._fill_rates(summary)
        self.model.set_rows(rows, cells, headers)
        self.table_fit.measure()
        self.export.setEnabled(has)

    def _fill_rates(self, summary) -> None:
        t = self.rates
        t.setColumnCount(4)
        t.setHorizontalHeaderLabels([_("Outcome"), _("Patients"), _("Percent"), _("Not counted")])
        t.setRowCount(len(outcomes.OUTCOMES))
        for i, outcome in enumerate(outcomes.OUTCOMES):
            rate = summary.rates[outcome]
            left_out = "; ".join(_("{count} {reason}").format(count=format_number(n),
                                                             reason=_(outcomes.EXCLUSION_LABELS[r]))
                                 for r, n in rate.excluded) or "-"
            values = [_(outcomes.OUTCOME_LABELS[outcome]),
                      # Translators: the numbers behind a rate, e.g. "2 of 3".
                      _("{count} of {total}").format(count=format_number(rate.numerator),
                                                      total=format_number(rate.denominator)),
                      outcomes.percent_text(rate.percent), left_out]
            for j, text in enumerate(values):
                t.setItem(i, j, QTableWidgetItem(text))
        self.rates_fit.measure()
        lines = [outcomes.patients_line(summary), *outcomes.other_lines(summary, every_reason=False)]
        self.others.setText("\n".join(lines))

    @staticmethod
    def _fit_height(table) -> None:
        """As tall as its rows: the page scrolls, not the table."""
        height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.model().rowCount()))
        table.setFixedHeight(height + 2 * table.frameWidth() + 2)

    # --- the CSV -------------------------------------------------------------------------

    def export_csv(self) -> None:
        session = self.ctx.session
        if session is None or self.summary is None:
            return
        names = self.names.isChecked()
        from ui.workspace.report import confirm_plain_file, default_folder

        if not confirm_plain_file(self, _("The CSV file is not encrypted"), outcomes_csv.warning(names)):
            return

        path = save_file(self, _("Save the outcomes as CSV"), str(default_folder() / outcomes_csv.file_name()),
                         _("CSV files (*.csv)"))
        if path is None:
            return
        if path.suffix.lower() != ".csv":
            path = path.with_name(path.name + ".csv")
        rows = list(self.summary.rows)

        def done(written) -> None:
            QMessageBox.information(self, _("Outcomes saved"), ngettext(
                "{count} patient was written to the CSV file. It is not encrypted: keep it with your clinical "
                "records and delete it when you no longer need it.",
                "{count} patients were written to the CSV file. It is not encrypted: keep it with your clinical "
                "records and delete it when you no longer need it.", written.rows).format(
                count=format_number(written.rows)))

        run_async(lambda: outcomes_csv.write(session.store, path, names=names, rows=rows), done,
                  lambda exc: show_error(self, exc, _("CSV not saved")), self)

    # --- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(_("Outcomes"))
        self.intro.setText(_(
            "Outcomes as NHS Talking Therapies services report them, from the PHQ-9 and GAD-7 scores your patients "
            "shared: a case is a score at or above the cut-off (PHQ-9 10, GAD-7 8); a reliable change is 6 points "
            "or more on the PHQ-9 and 4 or more on the GAD-7; recovery is moving from a case to not a case. Every "
            "rate shows the patients behind it and who is not counted."))
        self.ended_only.setText(_("Count only patients whose treatment is recorded as ended"))
        self.empty.set_texts(_("No patients yet"), _(
            "Add a patient on the Patients page. Their outcomes appear here once they share two or more PHQ-9 "
            "or GAD-7 scores."))
        self.rates_title.setText(_("The clinic"))
        self.table_title.setText(_("Each patient"))
        self.table.setAccessibleName(_("Each patient's outcomes"))
        self.rates.setAccessibleName(_("The clinic's outcome rates"))
        self.names.setText(_("Put names in the file (otherwise each patient has a pseudonym)"))
        self.export.setText(_("Save as CSV\u2026"))
        self.export.setAccessibleName(_("Save every patient's outcomes as a CSV file (not encrypted)"))
        if self.ctx.session is not None and self.summary is not None:
            self.load()

    def focus_start(self) -> None:
        self.ended_only.setFocus(Qt.FocusReason.ShortcutFocusReason)

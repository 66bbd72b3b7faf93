"""Patients: the list (flags first), adding a patient, opening a progress file; then one patient's page.

The list is worked out in a worker (reading every patient's records grows with the caseload) and
at most once per turn of the event loop, however many times a refresh is asked for; an import
or a sent file refreshes only its patient's row.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QItemSelectionModel, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget

from app import i18n
from app.exchange import workspace
from app.i18n import _
from ui import theme
from ui.exchange.button_row import ButtonRow
from ui.exchange.fitted_table import FittedTable
from ui.exchange.flows import import_flow
from ui.exchange.pairing import pair_flow
from ui.exchange.panels import OwnCardPanel, SyncFolderPanel
from ui.widgets import EmptyState, make_label, primary_button, scroll_area
from ui.worker import run_async
from ui.workspace.patient_page import PatientPage
from ui.workspace.patient_table import COLUMNS, PatientTableModel, flags_text, row_texts  # noqa: F401


WARM_CHARTS_MS = 1500  # after the list has shown: a person reads it before opening anyone


class PatientsPage(QWidget):
    loaded = Signal()  # the list shows what the store holds (after a refresh's worker is done)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._scheduled = self._running = self._again = False
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
        self.model = PatientTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
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
        self.views.addWidget(self.patient)
        self.patient.changed.connect(lambda: self.refresh_patient(self.patient.contact_id))
        ctx.appearance_changed.connect(lambda: self._show_rows(self.rows, self.model.texts))  # colours follow the theme
        self.retranslate()

    # --- data -------------------------------------------------------------------------

    def load(self) -> None:
        if self.ctx.session is None:
            return
        self.refresh()
        self.own.load()
        self.sync.load()

    @property
    def rows(self) -> list[workspace.PatientRow]:
        return self.model.rows

    @property
    def loading(self) -> bool:
        """A refresh is asked for or running: ``rows`` may not show the store yet (``loaded`` follows)."""
        return self._scheduled or self._running

    def refresh(self) -> None:
        """Work the list out again, in a worker; the calls of one turn of the event loop make one."""
        if self.ctx.session is None or self._scheduled:
            return
        self._scheduled = True
        QTimer.singleShot(0, self._start)

    def _start(self) -> None:
        self._scheduled = False
        session = self.ctx.session
        if session is None:
            return
        if self._running:
            self._again = True  # the running one may have read the store before the change
            return
        self._running = True

        language = i18n.current_language()

        def work():
            rows = workspace.patient_rows(session.store)
            return rows, [row_texts(r) for r in rows]  # the words too: formatting 600 cells takes a while

        def done(result) -> None:
            self._finished()
            if self.ctx.session is session:
                rows, texts = result
                self._show_rows(rows, texts if i18n.current_language() == language else None)
                self.loaded.emit()
                if rows:
                    QTimer.singleShot(WARM_CHARTS_MS, self._warm_charts)

        def failed(_exc) -> None:
            self._finished()  # locked meanwhile: nothing to show

        run_async(work, done, failed, self)

    def _warm_charts(self) -> None:
        """Load matplotlib in a worker while the clinician reads the list, so that opening the first patient
        does not pay for it (importing it holds Python's lock for long stretches: the window stalled)."""
        from ui.charts import mpl

        if self.ctx.session is not None and not mpl.ready():
            data_dir = self.ctx.data_dir
            run_async(lambda: mpl.warm(data_dir), lambda _r: None, lambda _e: None, self)

    def _finished(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.refresh()

    def refresh_patient(self, contact_id: str | None) -> None:
        """One patient's row again (after a file from them was imported, or one to them was sent)."""
        if self.ctx.session is None or not contact_id:
            return
        if self._running:
            self._again = True  # the list being worked out may have read the store before this change
        row = workspace.patient_row(self.ctx.session.store, contact_id)
        rows = [r for r in self.rows if r.contact_id != contact_id]
        old = next((i for i, r in enumerate(self.rows) if r.contact_id == contact_id), None)
        texts = [t for r, t in zip(self.rows, self.model.texts) if r.contact_id != contact_id]
        if row is None:
            self._show_rows(rows, texts)
            return
        keys = [workspace.sort_key(r) for r in rows]
        place = bisect.bisect_left(keys, workspace.sort_key(row))
        if place == old and self.rows[old] == row:
            return  # nothing on the list changed (a file was sent to them, say)
        if place == old:
            self.model.set_row(old, row)
            self.fitted.measure()
            self._fit_rows()
        else:
            self._show_rows(rows[:place] + [row] + rows[place:], texts[:place] + [row_texts(row)] + texts[place:])

    def _show_rows(self, rows: list | None = None, texts: list | None = None) -> None:
        """Put ``rows`` (by default the ones shown) on the screen in the current language and theme;
        ``texts`` are their words if already made. Nothing is read from the store."""
        if self.ctx.session is None:
            return
        if rows is None:
            rows = self.rows
        current = self.table.currentIndex().row()
        chosen = self.rows[current].contact_id if 0 <= current < len(self.rows) else None
        bold = QFont(self.table.font())
        bold.setBold(True)
        self.model.set_look(theme.colors(self.ctx.theme_name), bold)
        self.model.set_rows(rows, texts)
        self.fitted.measure()
        self._fit_rows()
        self.table.setVisible(bool(self.rows))
        self.open_patient.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
        again = next((i for i, r in enumerate(self.rows) if r.contact_id == chosen), 0 if self.rows else -1)
        if again >= 0:  # not selectRow(): in a right-to-left table it looks for the first column at the far edge
            self.table.selectionModel().setCurrentIndex(
                self.model.index(again, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    # --- actions ----------------------------------------------------------------------

    def _add(self) -> None:
        if pair_flow(self, self.ctx.session):
            self.refresh()

    def _open_file(self) -> None:
        import_flow(self, self.ctx, lambda result: (self.refresh_patient(result.contact.id),
                                                    self.open_patient_id(result.contact.id)),
                    _("Open a progress file from a patient"))

    def _open_selected(self) -> None:
        if self.table.currentIndex().row() >= 0:
            self.open_patient_at(self.table.currentIndex().row())

    def _fit_rows(self) -> None:
        """The table as tall as its rows (wrapped at the current widths); every patient visible up to a screenful."""
        rows = sum(self.table.rowHeight(i) for i in range(self.model.rowCount()))
        self.table.setMinimumHeight(min(max(120, rows + self.table.horizontalHeader().height() + 6), 520))

    def open_patient_at(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.open_patient_id(self.rows[row].contact_id)

    def open_patient_id(self, contact_id: str) -> None:
        self.patient.open(contact_id)
        self.views.setCurrentWidget(self.patient)
        self.patient.back.setFocus()

    def show_list(self) -> None:
        self.patient.flush()
        self.views.setCurrentIndex(0)
        self.refresh_patient(self.patient.contact_id)  # imports refresh their rows as they come
        self.table.setFocus()

    def flush(self) -> None:
        self.patient.flush()

    def clear(self) -> None:
        self.model.set_rows([])
        self.empty.hide()  # until the next list is worked out
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
        self.model.set_headers([_("Name"), _("Program and module"), _("Last file"), _("PHQ-9"), _("GAD-7"),
                                _("Flags")])
        self.table.setAccessibleName(_("Patients"))
        self.empty.set_texts(_("No patients yet"), _(
            "Ask your patient to choose \u201cShare my card\u201d on their Clinician page and give you the file. "
            "Then choose \u201cAdd a patient\u201d and compare the fingerprint with them. Give them your own "
            "card (below) so they can pair with you too."))
        for w in (self.own, self.sync, self.patient):
            w.retranslate()
        self._show_rows()

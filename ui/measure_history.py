"""A questionnaire's history on the Measures page: every time it was answered, newest first, with the total,
its band, a reliable change since the first score, and for a question about thoughts of self-harm (PHQ-9
item 9) the answer given, in words; a button goes to its chart on Progress. A table a screen reader reads
cell by cell (with its column names)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QTableWidget, QTableWidgetItem

from app.i18n import _, format_date, format_number
from app.measures import engine, results
from app.measures.labels import band_label
from ui.exchange.fitted_table import FittedTable
from ui.scrolling_dialog import ScrollingDialog
from ui.widgets import make_label


def _total(value: float | None) -> str:
    if value is None:
        return _("not scored")
    return format_number(int(value) if float(value).is_integer() else round(value, 1))


def rows(store, measure: engine.Measure) -> list[list[str]]:
    """The table's rows, newest first (no Qt: the words only)."""
    found = results.history(store, measure.id)
    flagged = [i for i, item in enumerate(measure.items) if item.flag == engine.SUICIDAL_IDEATION]
    labels = {value: label for value, label in measure.options}  # the answer's words, as it was asked
    first = next((r.total for r in found if r.total is not None), None)
    out = []
    for r in reversed(found):
        change = ""
        if first is not None and r.total is not None and measure.reliable_change_points() is not None:
            change = {engine.IMPROVEMENT: _("Reliable improvement since the first score"),
                      engine.DETERIORATION: _("Reliable deterioration since the first score")}.get(
                engine.reliable_change(measure, first, r.total), "")
        row = [format_date(r.taken_at), _total(r.total) if not measure.categorical else "",
               band_label(measure, r.band), change]
        if flagged:
            value = r.answers[flagged[0]] if len(r.answers) > flagged[0] else None
            row.append("-" if value is None else labels.get(value, format_number(value)))
        out.append(row)
    return out


def headers(measure: engine.Measure) -> list[str]:
    names = [_("Date"), _("Score"), _("Band"), _("Change")]
    if any(item.flag == engine.SUICIDAL_IDEATION for item in measure.items):
        # Translators: the column of PHQ-9 item 9's answers (thoughts of being better off dead or of self-harm).
        names.append(_("Thoughts of self-harm (question 9)"))
    return names


class MeasureHistoryDialog(ScrollingDialog):
    def __init__(self, store, measure: engine.Measure, on_chart=None, parent=None):
        super().__init__(parent)
        self.setObjectName("measureHistory")
        self.setMinimumWidth(560)
        self.setWindowTitle(_("{name}: every answer").format(name=measure.name))
        self.heading.setText(_("{name}: every answer").format(name=measure.name))
        found = rows(store, measure)
        self.table = QTableWidget(len(found), len(headers(measure)))
        self.table.setHorizontalHeaderLabels(headers(measure))
        self.table.setAccessibleName(_("Every time you answered the {name}, newest first").format(name=measure.name))
        # columns share the width and long headers wrap (German, the pseudo-locale): never scrolls sideways
        self.fitted = FittedTable(self.table, stretch=(3,), after_fit=self.table.resizeRowsToContents)
        for i, row in enumerate(found):
            for j, text in enumerate(row):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.fitted.measure()
        self.empty = make_label("muted")
        self.empty.setText(_("Not answered yet."))
        self.empty.setVisible(not found)
        self.table.setVisible(bool(found))
        self.body_layout.addWidget(self.empty)
        self.body_layout.addWidget(self.table)
        self.chart = QPushButton(_("See the chart on Progress"))
        self.chart.setVisible(bool(found) and on_chart is not None)
        if on_chart is not None:
            self.chart.clicked.connect(lambda: (self.accept(), on_chart()))
        close = QPushButton(_("Close"))
        close.clicked.connect(self.accept)
        self.buttons.addButton(self.chart, self.buttons.ButtonRole.ActionRole)
        self.buttons.addButton(close, self.buttons.ButtonRole.RejectRole)

"""The patient list's table model: one row per patient, its cells worked out once when the rows are set.

A model instead of a QTableWidget: 100 patients are 600 cells, and one import changes one row
(``set_row``), not the whole table.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.exchange import clinic, readable, workspace
from app.i18n import _

COLUMNS = 6
SCORE_COLUMNS = {3: ("phq9", "PHQ-9"), 4: ("gad7", "GAD-7")}
CHANGE_COLOURS = {clinic.WORSE: "error", clinic.BETTER: "ok"}  # a second cue: the words say it first
Role = Qt.ItemDataRole


def flags_text(row: workspace.PatientRow) -> str:
    """Each current flag in words; for PHQ-9 item 9 also how often and how recently it was above 0."""
    lines = []
    for f in row.flags:
        lines.append("\u26a0 " + readable.flag_word(f))
        if f == workspace.SUICIDAL and row.item9:
            lines.append(readable.item9_summary(row.item9))
    if row.withheld:  # so that an empty cell is not read as "nothing to worry about"
        lines.append(readable.withheld_text(row.withheld, short=True))
    return "\n".join(lines)


def program_scores_text(row: workspace.PatientRow) -> list[str]:
    """One line per questionnaire of the patient's program besides PHQ-9 and GAD-7: a score and how it moved,
    or for a yes/no questionnaire (the PHQ panic questions) its result in words."""
    from app.measures import engine
    from app.measures.labels import band_label

    shipped = engine.shipped()
    lines = []
    for mid, latest, previous, band in row.program_scores:
        measure = shipped.get(mid)
        if measure is None or latest is None:  # nothing answered yet: no line (the program may not ask yet)
            continue
        if measure.categorical:
            shown = band_label(measure, band)
        else:
            shown = readable.score_change(measure.name, latest, previous)[0]
        lines.append(_("{measure}: {score}").format(measure=measure.name, score=shown))
    return lines


def row_texts(row: workspace.PatientRow) -> list[dict]:
    """The words of one patient's six cells, each as {role: text}, in the current language.

    Only strings: safe to work out in a worker (colours and fonts are added by :func:`cells`)."""
    name = ("\u26a0 " + row.name) if row.priority < 2 else row.name
    program = (_("{program}, module {module}").format(program=readable.program_title(row.program_id),
                                                      module=readable.module_title(row.program_id, row.module_id))
               if row.program_id else _("No program shared yet"))
    program = "\n".join([program, *program_scores_text(row)])
    texts = [name, program, readable.when(row.last_package_at) or _("No file yet"), "", "", flags_text(row)]
    out = []
    for j, text in enumerate(texts):
        cell = {Role.DisplayRole: text, Role.UserRole: row.contact_id}
        if j in SCORE_COLUMNS:
            measure_id, measure_name = SCORE_COLUMNS[j]
            shown, spoken, moved = readable.score_change(measure_name, *row.totals[measure_id])
            cell[Role.DisplayRole] = shown
            cell[Role.AccessibleTextRole] = spoken
            cell[_MOVED] = moved
        if row.priority < 2:
            cell[Role.AccessibleDescriptionRole] = texts[5]
        out.append(cell)
    return out


_MOVED = -1  # not a Qt role: which way a score moved, for its colour


def cells(row: workspace.PatientRow, texts: list[dict], colours: dict, bold: QFont) -> list[dict]:
    """``texts`` with the theme's colour for a change and the bold font of a flagged row."""
    out = []
    for cell in texts:
        cell = dict(cell)
        moved = cell.pop(_MOVED, None)
        if moved in CHANGE_COLOURS:
            cell[Role.ForegroundRole] = QBrush(QColor(colours[CHANGE_COLOURS[moved]]))
        if row.priority < 2:
            cell[Role.FontRole] = bold
        out.append(cell)
    return out


class PatientTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[workspace.PatientRow] = []
        self.texts: list[list[dict]] = []  # row_texts of each row, in the language they were made in
        self._cells: list[list[dict]] = []
        self._headers: list[str] = [""] * COLUMNS
        self._look: tuple[dict, QFont] = ({}, QFont())

    # --- filling ----------------------------------------------------------------------

    def set_look(self, colours: dict, bold: QFont) -> None:
        """The theme's colours and the bold font for flagged rows (call ``set_rows`` after)."""
        self._look = (colours, bold)

    def set_headers(self, labels: list[str]) -> None:
        self._headers = list(labels)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def set_rows(self, rows: list[workspace.PatientRow], texts: list[list[dict]] | None = None) -> None:
        """Show ``rows``; ``texts`` are their :func:`row_texts` if already made (in a worker)."""
        self.beginResetModel()
        self.rows = list(rows)
        self.texts = list(texts) if texts is not None else [row_texts(r) for r in self.rows]
        self._cells = [cells(r, t, *self._look) for r, t in zip(self.rows, self.texts)]
        self.endResetModel()

    def set_row(self, i: int, row: workspace.PatientRow) -> None:
        """Patient ``i`` changed and keeps its place: only that row is worked out again."""
        self.rows[i] = row
        self.texts[i] = row_texts(row)
        self._cells[i] = cells(row, self.texts[i], *self._look)
        self.dataChanged.emit(self.index(i, 0), self.index(i, COLUMNS - 1))

    # --- Qt ---------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Role.DisplayRole):
        if not index.isValid() or index.row() >= len(self._cells):
            return None
        return self._cells[index.row()][index.column()].get(int(role))  # IntEnum keys: equal to their int

    def headerData(self, section: int, orientation, role: int = Role.DisplayRole):  # noqa: N802 - Qt override
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole and 0 <= section < COLUMNS:
            return self._headers[section]
        return None

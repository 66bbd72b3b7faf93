"""Form building blocks shared by the list-style exercise editors: rows that can
be added and removed, tab order in reading order, accessible names."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QComboBox, QFrame, QHBoxLayout, QLabel, QLayout, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from app.exercises import limits
from app.i18n import N_, _
from ui.exercises._activity_common import NumberSpin, note_box
from ui.tab_order import chain, reading_order
from ui.widgets import make_label


def set_name(widget: QWidget, name: str) -> None:
    """Accessible name, also on a spin box's inner line edit (screen readers land there)."""
    widget.setAccessibleName(name)
    if isinstance(widget, QAbstractSpinBox):
        for inner in widget.findChildren(QLineEdit):
            inner.setAccessibleName(name)


def line_edit(changed: Signal) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(limits.MAX_SHORT)
    edit.textChanged.connect(changed)
    return edit


def text_box(changed: Signal) -> QPlainTextEdit:
    """The project's note box (Tab moves on); edits emit ``changed``."""
    box = note_box()
    box.textChanged.connect(changed)
    return box


class Row(QFrame):
    """One row of a RowList: subclasses add their inputs, place ``self.remove`` and name
    the list's Add button (``ADD``, an ``N_`` message)."""

    changed = Signal()
    ADD = N_("Add")
    REMOVE = N_("Remove item {number}")

    def __init__(self):
        super().__init__()
        self.remove = QPushButton()

    def line(self, *widgets: QWidget) -> None:
        """Lay the row out as one line: the first widget stretches, Remove comes last."""
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(widgets[0], 1)
        for w in (*widgets[1:], self.remove):
            lay.addWidget(w)

    def focus_first(self) -> None:
        """Put the cursor in the row's first input.

        Rows have no focus proxy on purpose: a proxy makes the row's frame a tab stop of its own,
        left behind in the focus chain when the inputs are put in reading order (a Tab loop)."""
        stops = reading_order(self.layout())
        (stops[0] if stops else self.remove).setFocus(Qt.FocusReason.TabFocusReason)

    def retranslate(self, number: int) -> None:
        self.remove.setText(_("Remove"))
        set_name(self.remove, _(self.REMOVE).format(number=number))

    def dispose(self) -> None:
        self.hide()
        self.deleteLater()


class RowList(QWidget):
    """Rows that grow with an Add button and shrink with each row's Remove button."""

    changed = Signal()
    rows_changed = Signal()

    def __init__(self, row_type: type[Row], limit: int, parent=None):
        super().__init__(parent)
        self.row_type, self.limit, self.rows = row_type, limit, []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.box = QVBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._add_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        lay.addLayout(self.box)
        lay.addLayout(bar)

    def add(self, value=None) -> Row:
        row = self.row_type()
        row.set_value(value or {})
        row.changed.connect(self.changed)
        row.remove.clicked.connect(lambda: self.remove(row))
        self.rows.append(row)
        self.box.addWidget(row)
        self._rows_changed()
        return row

    def _add_clicked(self) -> None:
        self.add().focus_first()
        self.changed.emit()

    def remove(self, row: Row) -> None:
        i = self.rows.index(row)
        self.rows.pop(i).dispose()
        if self.rows:
            self.rows[min(i, len(self.rows) - 1)].focus_first()
        else:
            self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
        self._rows_changed()
        self.changed.emit()

    def values(self) -> list:
        return [row.value() for row in self.rows]

    def set_values(self, values: list) -> None:
        """Show these rows (one empty row when there are none)."""
        for row in self.rows:
            row.dispose()
        self.rows = []
        for value in list(values)[: self.limit] or [None]:
            self.add(value)

    def _rows_changed(self) -> None:
        self.add_button.setEnabled(len(self.rows) < self.limit)
        self.retranslate()
        self.rows_changed.emit()

    def retranslate(self) -> None:
        for number, row in enumerate(self.rows, 1):
            row.retranslate(number)


class FormEditor(QWidget):
    """Base for form editors: one column of labelled parts, quiet loading, tab order kept in reading order.

    Labels, hints and accessible names come from ``N_`` messages given to ``field`` and ``section``
    and are set again on every ``retranslate``. Subclasses define ``load(data)`` and ``get_data()``;
    ``refresh()`` updates anything derived from the inputs.
    """

    changed = Signal()

    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(parent)
        self.spec = spec
        self.form = QVBoxLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.texts: list[tuple] = []  # (label, hint label or None, named widget or None, message, hint)

    def field(self, message: str, widget: QWidget, hint: str = "", *, layout: QLayout | None = None,
              row: QHBoxLayout | None = None, beside: bool = False) -> QWidget:
        """A word-wrapped label, ``widget``'s buddy, above (or ``beside``) ``row`` or the widget.

        ``hint`` shows as the input's placeholder text. Returns the widget."""
        top = layout is None and not beside  # a main question of the form
        label, layout = make_label("subheading" if top else None), layout or self.form
        label.setBuddy(widget)
        if beside:
            row = row or QHBoxLayout()
            row.insertWidget(0, label, 1)
        else:
            self._add(layout, label, space=top)
        self._add(layout, row or widget)
        self.texts.append((label, None, widget, message, hint))
        return widget

    def section(self, message: str, hint: str, *parts) -> QLabel:
        """A heading and a muted hint above ``parts`` (widgets or layouts); returns the heading."""
        heading, hint_label = make_label("subheading"), make_label("muted")
        self._add(self.form, heading, space=True)
        for part in (hint_label, *parts):
            self._add(self.form, part)
        self.texts.append((heading, hint_label, None, message, hint))
        return heading

    @staticmethod
    def _add(layout: QLayout, part, space: bool = False) -> None:
        if space and layout.count():
            layout.addSpacing(10)
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)

    def text_box(self) -> QPlainTextEdit:
        return text_box(self.changed)

    def row_list(self, row_type: type[Row], limit: int) -> RowList:
        rows = RowList(row_type, limit)
        rows.changed.connect(self.changed)
        rows.rows_changed.connect(self.order_tabs)
        return rows

    def tab_stops(self) -> list[QWidget]:
        """Every input of the form, in reading order."""
        return reading_order(self.form)

    def order_tabs(self) -> None:
        chain(self.tab_stops())

    def set_data(self, data: dict) -> None:
        blocked = self.blockSignals(True)  # the host ignores changes while loading anyway
        try:
            self.load(data if isinstance(data, dict) else {})
        finally:
            self.blockSignals(blocked)
        self.order_tabs()
        self.refresh()

    def refresh(self) -> None:
        """Update anything derived from the inputs (after loading and on every change)."""

    def retranslate(self) -> None:
        for label, hint_label, widget, message, hint in self.texts:
            label.setText(_(message))
            if hint_label is not None:
                hint_label.setText(_(hint))
            if widget is not None:
                set_name(widget, _(message))
                if hint:
                    widget.setPlaceholderText(_(hint))
        for rows in self.findChildren(RowList):
            rows.add_button.setText(_(rows.row_type.ADD))
            rows.retranslate()
        for spin in self.findChildren(NumberSpin):
            spin.retranslate()
        self.refresh()


# --- values and activities -------------------------------------------------------

def fill_combo(combo: QComboBox, choices) -> None:
    """(Re)label a combo's items from (id, N_ label) pairs, keeping the selection."""
    current = combo.currentIndex()
    combo.blockSignals(True)
    combo.clear()
    for choice_id, label in choices:
        combo.addItem(_(label), choice_id)
    combo.setCurrentIndex(current)
    combo.blockSignals(False)


def select(combo: QComboBox, choice_id) -> None:
    combo.setCurrentIndex(combo.findData(choice_id))

"""Fear ladder editor: a named ladder of steps, each with the distress expected; steps can be added,
split in two, moved (buttons, or Alt+Up / Alt+Down in the step), sorted by distress and marked done."""

from __future__ import annotations

import datetime
import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout

from app.exercises.kinds import fear_ladder as core
from app.i18n import N_, _, format_date
from ui.exercises._activity_common import NumberSpin
from ui.exercises._forms import FormEditor, Row, RowList, line_edit, set_name
from ui.widgets import make_label

KIND = "fear-ladder"


def new_id() -> str:
    return uuid.uuid4().hex


class StepRow(Row):
    """One step: what it is, the distress expected, done (with the date), and buttons to move or split it."""

    ADD = N_("Add a step")
    REMOVE = N_("Remove step {number}")

    def __init__(self):
        super().__init__()
        self.setProperty("role", "card")
        self.step_id, self.done_on, self.number = new_id(), None, 1
        self.label = make_label(wrap=False)
        self.text = line_edit(self.changed)
        self.label.setBuddy(self.text)
        self.distress_label = make_label()
        self.distress = NumberSpin(0, 100)
        self.distress.set_number(None)
        self.distress_label.setBuddy(self.distress)
        self.distress.valueChanged.connect(self.changed)
        self.done = QCheckBox()
        self.done.toggled.connect(self._done_toggled)
        self.up, self.down, self.split = QPushButton(), QPushButton(), QPushButton()
        lay = QVBoxLayout(self)
        first = QHBoxLayout()
        first.addWidget(self.label)
        first.addWidget(self.text, 1)
        second = QHBoxLayout()
        second.addWidget(self.distress_label, 1)
        second.addWidget(self.distress)
        second.addSpacing(12)
        second.addWidget(self.done)
        third = QHBoxLayout()
        for button in (self.up, self.down, self.split, self.remove):
            third.addWidget(button)
        third.addStretch(1)
        for part in (first, second, third):
            lay.addLayout(part)
        # Alt+Up / Alt+Down move the step while the keyboard is anywhere in it (no dragging needed).
        self.move_up_key = QShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up), self)
        self.move_down_key = QShortcut(QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down), self)
        for shortcut in (self.move_up_key, self.move_down_key):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _done_toggled(self, on: bool) -> None:
        self.done_on = (self.done_on or datetime.date.today().isoformat()) if on else None
        self._name_done()
        self.changed.emit()

    def value(self) -> dict:
        return {"id": self.step_id, "text": self.text.text().strip(), "distress": self.distress.number(),
                "done_on": self.done_on}

    def set_value(self, value: dict) -> None:
        step_id = value.get("id")
        self.step_id = step_id if isinstance(step_id, str) and core.STEP_ID.fullmatch(step_id) else new_id()
        self.text.setText(value.get("text") or "")
        self.distress.set_number(value.get("distress"))
        done_on = value.get("done_on")
        self.done_on = done_on if isinstance(done_on, str) and done_on else None
        self.done.blockSignals(True)
        self.done.setChecked(self.done_on is not None)
        self.done.blockSignals(False)
        self._name_done()

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def _name_done(self) -> None:
        if self.done_on:
            try:
                when = format_date(datetime.date.fromisoformat(self.done_on))
            except ValueError:
                when = self.done_on
            # Translators: a ticked check box on a step of a fear ladder, with the date it was ticked.
            self.done.setText(_("Done on {date}").format(date=when))
        else:
            # Translators: a check box: this step of the fear ladder has been done.
            self.done.setText(_("Done"))
        set_name(self.done, _("Step {number} done").format(number=self.number))
        self.done.setAccessibleDescription(self.done.text())

    def retranslate(self, number: int) -> None:
        super().retranslate(number)
        self.number = number
        self.label.setText(_("Step {number}").format(number=number))
        set_name(self.text, _("Step {number}").format(number=number))
        self.text.setPlaceholderText(_("A place, situation or feeling you avoid"))
        # Translators: label before a 0-100 rating of how upsetting the person expects a step to be.
        self.distress_label.setText(_("How upsetting do you expect it to be? (0 to 100)"))
        set_name(self.distress, _("Expected distress for step {number}, from 0 to 100").format(number=number))
        self.distress.retranslate()
        self._name_done()
        # Translators: buttons on a step of a fear ladder: move it one place up or down in the ladder.
        self.up.setText(_("Move up"))
        self.down.setText(_("Move down"))
        # Translators: a button that splits one step of a fear ladder into two smaller steps.
        self.split.setText(_("Split in two"))
        set_name(self.up, _("Move step {number} up (Alt+Up)").format(number=number))
        set_name(self.down, _("Move step {number} down (Alt+Down)").format(number=number))
        set_name(self.split, _("Split step {number} into two smaller steps").format(number=number))
        for button in (self.up, self.down, self.split):
            button.setToolTip(button.accessibleName())


class StepList(RowList):
    """The ladder's steps: a RowList whose rows can also be moved, split and sorted."""

    def add(self, value=None) -> Row:
        row = super().add(value)
        self._wire(row)
        return row

    def _wire(self, row: StepRow) -> None:
        row.up.clicked.connect(lambda: self.move(row, -1))
        row.down.clicked.connect(lambda: self.move(row, 1))
        row.move_up_key.activated.connect(lambda: self.move(row, -1))
        row.move_down_key.activated.connect(lambda: self.move(row, 1))
        row.split.clicked.connect(lambda: self.split(row))

    def _relayout(self) -> None:
        for row in self.rows:
            self.box.removeWidget(row)
        for row in self.rows:
            self.box.addWidget(row)
        self._rows_changed()
        self.changed.emit()

    def move(self, row: StepRow, delta: int) -> None:
        i = self.rows.index(row)
        j = i + delta
        if not 0 <= j < len(self.rows):
            return
        focus = QApplication.focusWidget()
        had_focus = focus if focus is not None and row.isAncestorOf(focus) else None
        self.rows[i], self.rows[j] = self.rows[j], self.rows[i]
        self._relayout()
        # The keyboard stays with the step it moved (on the same button, or where it was typing).
        target = had_focus if had_focus is not None and had_focus.isEnabled() else row.text
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def split(self, row: StepRow) -> None:
        """A new step just after this one, starting with its text and rating (both editable): the
        person rewrites the two as a smaller and a bigger step. The first keeps its id and done date."""
        if len(self.rows) >= self.limit:
            return
        value = row.value()
        new = self.row_type()
        new.set_value({"text": value["text"], "distress": value["distress"]})
        self.add_row_at(new, self.rows.index(row) + 1)
        new.text.setFocus(Qt.FocusReason.OtherFocusReason)
        new.text.selectAll()

    def add_row_at(self, row: StepRow, index: int) -> None:
        row.changed.connect(self.changed)
        row.remove.clicked.connect(lambda: self.remove(row))
        self._wire(row)
        self.rows.insert(index, row)
        self._relayout()

    def sort_by_distress(self) -> None:
        """Easiest first; steps not rated yet go last, each group keeping its order."""
        self.rows.sort(key=lambda r: (r.distress.number() is None, r.distress.number() or 0))
        self._relayout()

    _loading = False

    def set_values(self, values: list) -> None:
        """Build every row first, then number and order them once (not once per row added)."""
        self._loading = True
        try:
            super().set_values(values)
        finally:
            self._loading = False
        self._rows_changed()

    def _rows_changed(self) -> None:
        if self._loading:
            return
        super()._rows_changed()
        full = len(self.rows) >= self.limit
        for i, row in enumerate(self.rows):
            row.up.setEnabled(i > 0)
            row.down.setEnabled(i < len(self.rows) - 1)
            row.split.setEnabled(not full)


class FearLadderEditor(FormEditor):
    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.name = self.field(N_("What is this ladder about?"), line_edit(self.changed),
                               N_("For example: taking the bus, or a racing heart"))
        self.goal = self.field(N_("What would you like to be able to do?"), self.text_box(), N_(
            "The top of your ladder. For example: \u201cTake the bus into town on my own on a busy day.\u201d"))
        self.steps = StepList(StepRow, core.MAX_STEPS)
        self.steps.changed.connect(self.changed)
        self.steps.rows_changed.connect(self.order_tabs)
        self.sort_button = QPushButton()
        self.sort_button.clicked.connect(self.steps.sort_by_distress)
        sort_row = QHBoxLayout()
        sort_row.addWidget(self.sort_button)
        sort_row.addStretch(1)
        self.section(N_("Steps"), N_(
            "Write each place, situation or body feeling you avoid as one step, and how upsetting you expect it "
            "to be, from 0 (not at all) to 100 (the worst you can imagine). Start with a step you expect to be "
            "about 30 to 50. "
            "If a step feels too big, split it into two smaller ones."), sort_row, self.steps)
        self.form.addStretch(1)
        self.set_data({})
        self.retranslate()

    def field_widget(self, key: str):
        if key == "steps":
            return self.steps.rows[0].text if self.steps.rows else self.steps.add_button
        return getattr(self, key, None)

    def get_data(self) -> dict:
        return {"name": self.name.text().strip(), "goal": self.goal.toPlainText(),
                "steps": [s for s in self.steps.values() if s["text"]]}

    def load(self, data: dict) -> None:
        self.name.setText(data.get("name") or "")
        self.goal.setPlainText(data.get("goal") or "")
        steps = data.get("steps")
        self.steps.set_values([s for s in steps if isinstance(s, dict)] if isinstance(steps, list) else [])

    def retranslate(self) -> None:
        # Translators: a button that puts the steps of a fear ladder in order, the least upsetting first.
        self.sort_button.setText(_("Sort by distress, lowest first"))
        set_name(self.sort_button, self.sort_button.text())
        super().retranslate()


EDITOR = FearLadderEditor

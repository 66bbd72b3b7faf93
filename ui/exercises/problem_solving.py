"""Problem solving editor: define, list ideas with pros and cons, choose one, plan steps, review."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout

from app.exercises.kinds import problem_solving as core
from app.i18n import N_, _
from ui.exercises._forms import FormEditor, Row, line_edit, set_name, text_box
from ui.widgets import make_label

KIND = "problem-solving"


class OptionRow(Row):
    """One idea with its good and bad points."""

    ADD = N_("Add an idea")
    REMOVE = N_("Remove idea {number}")

    def __init__(self):
        super().__init__()
        self.setProperty("role", "card")
        grid = QGridLayout(self)
        # Short labels, not word-wrapped: a wrapped label can be squeezed to nothing in a grid.
        self.text, self.text_label = line_edit(self.changed), make_label(wrap=False)
        self.pros, self.cons = text_box(self.changed), text_box(self.changed)
        self.pros_label, self.cons_label = make_label(wrap=False), make_label(wrap=False)
        for col, (label, widget) in enumerate(((self.pros_label, self.pros), (self.cons_label, self.cons))):
            label.setBuddy(widget)
            grid.addWidget(label, 2, col)
            grid.addWidget(widget, 3, col)
        self.text_label.setBuddy(self.text)
        line = QHBoxLayout()
        line.addWidget(self.text, 1)
        line.addWidget(self.remove)
        grid.addWidget(self.text_label, 0, 0, 1, 2)
        grid.addLayout(line, 1, 0, 1, 2)

    def value(self) -> dict:
        return {"text": self.text.text().strip(), "pros": self.pros.toPlainText(), "cons": self.cons.toPlainText()}

    def set_value(self, value: dict) -> None:
        self.text.setText(value.get("text", ""))
        self.pros.setPlainText(value.get("pros", ""))
        self.cons.setPlainText(value.get("cons", ""))

    def blank(self) -> bool:
        return not any(v.strip() for v in self.value().values())

    def retranslate(self, number: int) -> None:
        super().retranslate(number)
        self.text_label.setText(_("Idea {number}").format(number=number))
        set_name(self.text, self.text_label.text())
        self.text.setPlaceholderText(_("Any idea counts, even one that seems silly"))
        self.pros_label.setText(_("Good points"))
        set_name(self.pros, _("Good points of idea {number}").format(number=number))
        self.cons_label.setText(_("Bad points"))
        set_name(self.cons, _("Bad points of idea {number}").format(number=number))


class StepRow(Row):
    """One small step of the plan, ticked when done."""

    ADD = N_("Add a step")
    REMOVE = N_("Remove step {number}")

    def __init__(self):
        super().__init__()
        self.text, self.done = line_edit(self.changed), QCheckBox()
        self.done.toggled.connect(self.changed)
        self.line(self.text, self.done)

    def value(self) -> dict:
        return {"text": self.text.text().strip(), "done": self.done.isChecked()}

    def set_value(self, value: dict) -> None:
        self.text.setText(value.get("text", ""))
        self.done.setChecked(bool(value.get("done")))

    def retranslate(self, number: int) -> None:
        super().retranslate(number)
        set_name(self.text, _("Step {number}").format(number=number))
        self.text.setPlaceholderText(_("What will you do, when and where?"))
        # Translators: a check box: this step of the plan has been carried out.
        self.done.setText(_("Done"))
        set_name(self.done, _("Step {number} done").format(number=number))


class ProblemSolvingEditor(FormEditor):
    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.problem = self.field(N_("What is the problem?"), self.text_box(), N_(
            "Be specific and stick to the facts. For example: \u201cI haven\u2019t opened my post for three "
            "weeks.\u201d"))
        self.goal = self.field(N_("What would be different if it were a little better?"), self.text_box(),
                               N_("A small goal you can reach"))
        self.options = self.row_list(OptionRow, core.MAX_OPTIONS)
        self.section(N_("Ideas"), N_("Write down every idea you can think of, without judging them yet. Then "
                                     "note the good and bad points of each one."), self.options)
        self.choice = self.field(N_("Which idea will you try?"), QComboBox())
        self.choice.currentIndexChanged.connect(self._chose)
        self.steps = self.row_list(StepRow, core.MAX_STEPS)
        self.section(N_("Your plan, in small steps"),
                     N_("Break the idea you chose into small steps. Tick each one when it is done."), self.steps)
        self.review = self.field(N_("How did it go?"), self.text_box(), N_(
            "Did it help? What did you learn? If it did not work, which idea could you try next?"))
        self.status = make_label("muted")
        self.form.insertWidget(0, self.status)
        self.form.addStretch(1)
        self._chosen_row = None
        self.changed.connect(self.refresh)
        self.set_data({})
        self.retranslate()

    def _chose(self, index: int) -> None:
        self._chosen_row = self.choice.itemData(index) if index > 0 else None
        self.changed.emit()

    def refresh(self) -> None:
        """Keep the choice list in step with the ideas, and show how far along this is."""
        rows = self.options.rows
        if self._chosen_row not in rows:
            self._chosen_row = None
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(_("Not chosen yet"), None)
        for number, row in enumerate(rows, 1):
            self.choice.addItem(row.text.text().strip() or _("Idea {number}").format(number=number), row)
        self.choice.setCurrentIndex(rows.index(self._chosen_row) + 1 if self._chosen_row else 0)
        self.choice.blockSignals(False)
        label = _(core.STATUS_LABELS[core.status(self.get_data())])
        self.status.setText(_("Where you are: {status}").format(status=label))

    def get_data(self) -> dict:
        kept = [row for row in self.options.rows if not row.blank()]
        chosen = kept.index(self._chosen_row) if self._chosen_row in kept else None
        return {"problem": self.problem.toPlainText(), "goal": self.goal.toPlainText(),
                "options": [row.value() for row in kept], "chosen": chosen,
                "steps": [s for s in self.steps.values() if s["text"]], "review": self.review.toPlainText()}

    def load(self, data: dict) -> None:
        for key in ("problem", "goal", "review"):
            getattr(self, key).setPlainText(data.get(key) or "")
        self.options.set_values(data.get("options") or [])
        chosen, rows = data.get("chosen"), self.options.rows
        valid = isinstance(chosen, int) and not isinstance(chosen, bool) and 0 <= chosen < len(rows)
        self._chosen_row = rows[chosen] if valid else None
        self.steps.set_values(data.get("steps") or [])


EDITOR = ProblemSolvingEditor

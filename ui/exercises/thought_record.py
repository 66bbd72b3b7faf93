"""Thought record editor: situation, feelings, thoughts, thinking traps, evidence, balanced thought, re-rating."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from app.exercises import limits
from app.exercises.kinds import thought_record as core
from app.i18n import N_, _
from ui.exercises._activity_common import NumberSpin
from ui.exercises._forms import FormEditor, Row, line_edit, set_name
from ui.widgets import make_label

KIND = "thought-record"


def rating() -> NumberSpin:
    """0-100, starting at "not rated" so no number is invented for the person."""
    spin = NumberSpin(0, 100)
    spin.set_number(None)
    return spin


class EmotionRow(Row):
    """A feeling's name and strength; its re-rating widgets are placed in the "now" section."""

    ADD = N_("Add a feeling")
    REMOVE = N_("Remove feeling {number}")

    def __init__(self):
        super().__init__()
        self.name, self.intensity = line_edit(self.changed), rating()
        self.after_label, self.after = make_label(), rating()
        self.after_label.setBuddy(self.after)
        self.name.textChanged.connect(self.retranslate_names)
        self.intensity.valueChanged.connect(self.changed)
        self.after.valueChanged.connect(self.changed)
        self.line(self.name, self.intensity)
        self.number = 1

    def value(self) -> dict:
        return {"name": self.name.text().strip(), "intensity": self.intensity.number(),
                "rerated": self.after.number()}

    def set_value(self, value: dict) -> None:
        self.name.setText(value.get("name", ""))
        self.intensity.set_number(value.get("intensity"))
        self.after.set_number(value.get("rerated"))

    def dispose(self) -> None:
        for w in (self.after_label, self.after):
            w.hide()
            w.deleteLater()
        super().dispose()

    def retranslate(self, number: int) -> None:
        super().retranslate(number)
        self.number = number
        self.name.setPlaceholderText(_("For example: sad, worried, angry"))
        set_name(self.name, _("Feeling {number}").format(number=number))
        self.intensity.retranslate()
        self.after.retranslate()
        self.retranslate_names()

    def retranslate_names(self) -> None:
        name = self.name.text().strip() or _("Feeling {number}").format(number=self.number)
        set_name(self.intensity, _("How strong {feeling} was, from 0 to 100").format(feeling=name))
        self.after_label.setText(name)
        set_name(self.after, _("How strong {feeling} is now, from 0 to 100").format(feeling=name))


class ThoughtRecordEditor(FormEditor):
    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.situation = self.field(N_("What was happening?"), self.text_box(), N_(
            "Where were you, when, and who was there? Stick to the facts, as a camera would see them."))
        self.emotions = self.row_list(EmotionRow, core.MAX_EMOTIONS)
        self.emotions.rows_changed.connect(self._place_rerating)
        self.section(N_("How did you feel?"), N_("Name each feeling and rate how strong it was, from 0 (not at "
                                                 "all) to 100 (the strongest you can imagine)."), self.emotions)
        self.thoughts = self.field(N_("What went through your mind?"), self.text_box(), N_(
            "Write the thoughts just as they came. For example: \u201cI can\u2019t do anything right.\u201d"))
        self.belief = self._rating_line(N_("How much did you believe the thought? (0 to 100)"))

        traps_box = QFrame()
        traps_box.setProperty("role", "card")
        self.trap_grid = QGridLayout()
        self.trap_checks = {trap_id: self._add_check() for trap_id in core.TRAP_IDS}
        self.custom_checks: dict[str, QCheckBox] = {}
        self.new_trap, self.add_trap = line_edit(self.changed), QPushButton()
        self.new_trap.returnPressed.connect(self.add_custom_trap)
        self.add_trap.clicked.connect(self.add_custom_trap)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_trap, 1)
        add_row.addWidget(self.add_trap)
        traps_lay = QVBoxLayout(traps_box)
        traps_lay.addLayout(self.trap_grid)
        self.field(N_("Add your own thinking trap"), self.new_trap, N_("Give it a name, then press Add"),
                   layout=traps_lay, row=add_row)
        self.section(N_("Any thinking traps?"), N_("Tick any that fit these thoughts. One thought can fit more "
                                                   "than one trap, so do not worry about picking exactly the "
                                                   "right name."), traps_box)

        self.evidence_for = self.field(N_("What facts support the thought?"), self.text_box(), N_(
            "Only facts, not feelings or guesses. For example: \u201cI missed the deadline on Tuesday.\u201d"))
        self.evidence_against = self.field(N_("What facts do not fit the thought?"), self.text_box(), N_(
            "If a friend had this thought, what would you tell them? Have there been times when it was not true?"))
        self.balanced = self.field(N_("A more balanced thought"), self.text_box(), N_(
            "Bring the facts together in a sentence or two you can believe. For example: \u201cI made a "
            "mistake, and I also did most of the work well.\u201d"))
        self.rerating = QGridLayout()
        self.rerating.setColumnStretch(0, 1)
        self.section(N_("How do you feel now?"), N_("Rate each feeling again, from 0 to 100. A drop of 10 or 20 "
                                                    "points is a good result."), self.rerating)
        self.belief_after = self._rating_line(N_("How much do you believe the first thought now? (0 to 100)"))
        self.form.addStretch(1)
        self.set_data({})
        self.retranslate()

    def _rating_line(self, message: str) -> NumberSpin:
        spin, line = rating(), QHBoxLayout()
        spin.valueChanged.connect(self.changed)
        line.addWidget(spin)
        return self.field(message, spin, row=line, beside=True)

    def _add_check(self) -> QCheckBox:
        check = QCheckBox()
        check.toggled.connect(self.changed)
        n = self.trap_grid.count()
        self.trap_grid.addWidget(check, n // 2, n % 2)
        return check

    def _custom_trap(self, name: str) -> QCheckBox:
        check = self._add_check()
        check.setText(name)
        set_name(check, name)
        self.custom_checks[name] = check
        return check

    def add_custom_trap(self) -> None:
        """Tick the trap named in the "Add your own" box, adding it if it is new."""
        name = limits.short(self.new_trap.text())
        same = [c for c in (*self.trap_checks.values(), *self.custom_checks.values())
                if c.text().casefold() == name.casefold()]
        if not name or not same and len(self.custom_checks) >= core.MAX_CUSTOM_TRAPS:
            return
        (same[0] if same else self._custom_trap(name)).setChecked(True)
        self.new_trap.clear()
        self.order_tabs()

    def _place_rerating(self) -> None:
        while self.rerating.count():
            self.rerating.takeAt(0)
        for i, row in enumerate(self.emotions.rows):
            self.rerating.addWidget(row.after_label, i, 0)
            self.rerating.addWidget(row.after, i, 1)
        self.order_tabs()  # the re-ratings are placed after the rows changed: order them now

    def get_data(self) -> dict:
        data = {key: getattr(self, key).toPlainText() for key in core.TEXT_FIELDS}
        data["belief"], data["belief_after"] = self.belief.number(), self.belief_after.number()
        data["emotions"] = [e for e in self.emotions.values() if e["name"]]
        data["traps"] = [t for t, check in self.trap_checks.items() if check.isChecked()]
        data["custom_traps"] = [name for name, check in self.custom_checks.items() if check.isChecked()]
        return data

    def load(self, data: dict) -> None:
        for key in core.TEXT_FIELDS:
            getattr(self, key).setPlainText(data.get(key) or "")
        self.belief.set_number(data.get("belief"))
        self.belief_after.set_number(data.get("belief_after"))
        self.emotions.set_values(data.get("emotions") or [])
        ticked = set(data.get("traps") or [])
        for trap_id, check in self.trap_checks.items():
            check.setChecked(trap_id in ticked)
        for check in self.custom_checks.values():
            self.trap_grid.removeWidget(check)
            check.hide()
            check.deleteLater()
        self.custom_checks = {}
        for name in data.get("custom_traps") or []:
            self._custom_trap(name).setChecked(True)
        self.new_trap.clear()

    def retranslate(self) -> None:
        for (_trap_id, label), check in zip(core.TRAPS, self.trap_checks.values()):
            check.setText(_(label))
            set_name(check, _(label))
        self.add_trap.setText(_("Add"))
        set_name(self.add_trap, _("Add this thinking trap"))
        super().retranslate()


EDITOR = ThoughtRecordEditor

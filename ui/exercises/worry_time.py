"""Worry time editor: the daily slot (saved at once), a box to park a worry during the day (saved at once),
and one worry-time session: each parked worry looked at (no longer a worry / practical, on to problem
solving / a "what if" let go), distress before and after, a note.

The slot and the parked worries live in the kind's own settings (``app/exercises/worry_slot.py``), so this
editor needs the store: the host gives it the app context with ``use_context``. After the session is saved
(``saved``), the worries it looked at leave the parking list; worries not looked at stay parked.
"""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout

from app.exercises import limits, worry_slot
from app.exercises.kinds import worry_time as core
from app.i18n import N_, _, ngettext
from ui.exercises._activity_common import NumberSpin
from ui.exercises._forms import FormEditor, Row, line_edit, set_name
from ui.exercises._worry_common import TimeField, choice_combo, choose, label_combo, percent_spin
from ui.widgets import make_label, show_error

KIND = core.KIND


class WorryRow(Row):
    """One worry of the session: its words, what the person decided, and a way on to problem solving."""

    ADD = N_("Add a worry")
    REMOVE = N_("Remove worry {number}")
    open_problem_solving = Signal()

    def __init__(self):
        super().__init__()
        self.parked_id = None
        self.text = line_edit(self.changed)
        self.outcome = choice_combo(core.OUTCOMES, core.NOT_YET)
        self.outcome.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.outcome.setMinimumContentsLength(12)
        self.outcome.currentIndexChanged.connect(self.changed)
        self.outcome.currentIndexChanged.connect(self._show_link)
        self.to_problem_solving = QPushButton()
        self.to_problem_solving.clicked.connect(self.open_problem_solving)
        self.setProperty("role", "card")  # text and choice read as one worry
        grid = QGridLayout(self)
        grid.addWidget(self.text, 0, 0)
        grid.addWidget(self.remove, 0, 1)
        grid.addWidget(self.outcome, 1, 0)
        grid.addWidget(self.to_problem_solving, 1, 1)
        grid.setColumnStretch(0, 1)
        self._show_link()

    def _show_link(self) -> None:
        self.to_problem_solving.setVisible(self.outcome.currentData() == core.PRACTICAL)

    def value(self) -> dict:
        return {"text": self.text.text().strip(), "outcome": self.outcome.currentData(), "parked_id": self.parked_id}

    def set_value(self, value: dict) -> None:
        text = value.get("text")
        self.text.setText(text if isinstance(text, str) else "")
        outcome = value.get("outcome")
        choose(self.outcome, outcome if outcome in core.OUTCOME_IDS else None)
        parked = value.get("parked_id")
        self.parked_id = parked if isinstance(parked, str) else None

    def retranslate(self, number: int) -> None:
        super().retranslate(number)
        set_name(self.text, _("Worry {number}").format(number=number))
        self.text.setPlaceholderText(_("The worry, in a few words"))
        label_combo(self.outcome, core.OUTCOMES, core.NOT_YET)
        set_name(self.outcome, _("What to do with worry {number}").format(number=number))
        self.to_problem_solving.setText(_("Problem solving"))
        set_name(self.to_problem_solving, _("Open problem solving for worry {number}").format(number=number))


class WorryTimeEditor(FormEditor):
    open_exercise = Signal(str)  # the host opens this kind (problem solving for a practical worry)

    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.ctx = None
        # The daily slot: kept as soon as it is changed (not part of a session entry; placed last).
        self.slot_box = QGroupBox()
        slot_lay = QVBoxLayout(self.slot_box)
        self.start, self.length = TimeField(), NumberSpin(*worry_slot.LENGTH, optional=False)
        self.slot_hint = make_label("muted")
        slot_lay.addWidget(self.slot_hint)
        row = QHBoxLayout()
        self.start_label, self.length_label = make_label(wrap=False), make_label(wrap=False)
        self.start_label.setBuddy(self.start)
        self.length_label.setBuddy(self.length)
        for w in (self.start_label, self.start, self.length_label, self.length):
            row.addWidget(w)
        row.addStretch(1)
        slot_lay.addLayout(row)
        self.start.timeChanged.connect(self._slot_changed)
        self.length.valueChanged.connect(self._slot_changed)

        # Parking: one line, saved at once.
        self.park_box = QGroupBox()
        park_lay = QVBoxLayout(self.park_box)
        self.park_hint = make_label("muted")
        self.park_edit = QLineEdit()  # not part of the session: no "changed"
        self.park_edit.setMaxLength(limits.MAX_SHORT)
        self.park_edit.returnPressed.connect(self.park)
        self.park_button = QPushButton()
        self.park_button.clicked.connect(self.park)
        line = QHBoxLayout()
        line.addWidget(self.park_edit, 1)
        line.addWidget(self.park_button)
        self.park_error = make_label("error")
        self.park_error.hide()
        self.parked_list = make_label("muted", selectable=False)
        for part in (self.park_hint, line, self.park_error, self.parked_list):
            self._add(park_lay, part)
        self.form.addWidget(self.park_box)

        # The session.
        self.bring_in = QPushButton()
        self.bring_in.clicked.connect(self.add_parked)
        bring = QHBoxLayout()
        bring.addWidget(self.bring_in)
        bring.addStretch(1)
        self.worries = self.row_list(WorryRow, core.MAX_WORRIES)
        self.worries.rows_changed.connect(self._link_rows)
        self.session_heading = self.section(N_("This worry time"), N_(
            "Look at each worry in turn. Is it still a worry? If it is about a real problem you can act on, "
            "turn it into problem solving. If it is a \u201cwhat if\u201d worry, notice it and let it go. "
            "Worries you do not get to stay parked for next time."), bring, self.worries)
        self.distress_before = self._rating(N_("How upset do you feel as you start? (0 to 100)"))
        self.distress_after = self._rating(N_("How upset do you feel at the end? (0 to 100)"))
        self.note = self.field(N_("Note (optional)"), self.text_box(), N_("What did you notice?"))
        self.form.addSpacing(10)
        self.form.addWidget(self.slot_box)  # set once, changed rarely: last
        self.form.addStretch(1)
        self._loading_slot = False
        self.set_data({})
        self.retranslate()

    # --- the store ------------------------------------------------------------------------

    def use_context(self, ctx) -> None:
        self.ctx = ctx

    @property
    def store(self):
        session = getattr(self.ctx, "session", None) if self.ctx is not None else None
        return session.store if session is not None else None

    def _rating(self, message: str):
        spin, line = percent_spin(), QHBoxLayout()
        spin.valueChanged.connect(self.changed)
        line.addWidget(spin)
        return self.field(message, spin, row=line, beside=True)

    def _link_rows(self) -> None:
        for row in self.worries.rows:
            if not getattr(row, "linked", False):
                row.open_problem_solving.connect(lambda: self.open_exercise.emit("problem-solving"))
                row.linked = True

    def field_widget(self, key: str):
        if key == "worries" and self.worries.rows:  # the first worry's choice, or its words when blank
            row = self.worries.rows[0]
            row.show()  # a row just added is shown by a queued call: show it now, the error goes there
            return row.outcome if row.text.text().strip() else row.text
        return getattr(self, key, None)

    def start_widget(self):
        return self.park_edit

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Worries may have been parked elsewhere (another copy of this form): show the list as it is now."""
        super().showEvent(event)
        if self.store is not None:
            self._load_slot()
            self._show_parked()

    # --- slot -----------------------------------------------------------------------------

    def _slot_changed(self) -> None:
        if self._loading_slot or self.store is None:
            self._slot_text()
            return
        t = self.start.time()
        worry_slot.set_slot(self.store, t.hour(), t.minute(), self.length.value())
        self._slot_text()

    def _load_slot(self) -> None:
        slot = worry_slot.slot(self.store) if self.store is not None else \
            worry_slot.Slot(*worry_slot.DEFAULT_START, worry_slot.DEFAULT_LENGTH)
        self._loading_slot = True
        self.start.setTime(QTime(slot.hour, slot.minute))
        self.length.setValue(slot.minutes)
        self._loading_slot = False
        self._slot_text()

    def _slot_text(self) -> None:
        self.slot_hint.setText(_(
            "Pick the same time each day, for about 20 to 30 minutes, not close to bedtime, in a place you do not "
            "use for relaxing or sleeping. It is kept as soon as you change it."))

    # --- parking ------------------------------------------------------------------------------

    def park(self) -> None:
        if self.store is None:
            return
        try:
            worry_slot.park(self.store, self.park_edit.text())
        except limits.Missing as missing:
            show_error(self.park_error, _(missing.message), self.park_edit)
            return
        show_error(self.park_error, "")
        self.park_edit.clear()
        self._show_parked(announce=True)

    def _pending(self) -> list:
        """Parked worries not already in this session's form."""
        if self.store is None:
            return []
        here = {row.parked_id for row in self.worries.rows if row.parked_id}
        return [p for p in worry_slot.parked(self.store) if p.id not in here]

    def add_parked(self) -> None:
        """Bring the parked worries into this session (one row each; a blank first row is used up)."""
        pending = self._pending()
        blank = [row for row in self.worries.rows if not row.text.text().strip()]
        for p in pending:
            if len(self.worries.rows) - len(blank) >= core.MAX_WORRIES:
                break
            row = blank.pop(0) if blank else self.worries.add()
            row.set_value({"text": p.text, "parked_id": p.id})
        self.worries.retranslate()
        self.order_tabs()
        if pending:
            self.changed.emit()
        self._show_parked()

    def _show_parked(self, announce: bool = False) -> None:
        items = worry_slot.parked(self.store) if self.store is not None else []
        self.parked_list.setText("\n".join([_("Waiting for worry time:"), *(f"\u2022 {p.text}" for p in items)]))
        self.parked_list.setVisible(bool(items))
        count = len(self._pending())
        self.bring_in.setText((_("Add the parked worry") if count == 1 else ngettext(
            "Add the {count} parked worry", "Add the {count} parked worries", count).format(count=count))
            if count else _("No parked worries to add"))
        self.bring_in.setEnabled(bool(count))
        if announce:
            from ui import a11y

            a11y.announce(self.park_edit, ngettext("Parked. {count} worry is waiting for worry time.",
                                                   "Parked. {count} worries are waiting for worry time.",
                                                   len(items)).format(count=len(items)))

    def saved(self) -> None:
        """The session was saved: the worries it looked at leave the parking list."""
        if self.store is None:
            return
        worry_slot.unpark(self.store, [row.parked_id for row in self.worries.rows
                                       if row.parked_id and row.outcome.currentData()])
        self._show_parked()

    # --- the entry -------------------------------------------------------------------------

    def get_data(self) -> dict:
        worries = [w for w in self.worries.values() if w["text"]]
        return {"worries": worries, "distress_before": self.distress_before.number(),
                "distress_after": self.distress_after.number(), "note": self.note.toPlainText()}

    def load(self, data: dict) -> None:
        worries = data.get("worries")
        self.worries.set_values([w for w in worries if isinstance(w, dict)] if isinstance(worries, list) else [])
        self.distress_before.set_number(data.get("distress_before"))
        self.distress_after.set_number(data.get("distress_after"))
        note = data.get("note")
        self.note.setPlainText(note if isinstance(note, str) else "")
        show_error(self.park_error, "")
        self._load_slot()
        if not data:  # a new session: the parked worries are what it is for
            self.add_parked()
        self._show_parked()

    def retranslate(self) -> None:
        self.slot_box.setTitle(_("My worry time"))
        self.start_label.setText(_("Every day at"))
        set_name(self.start, _("Worry time starts at"))
        self.length_label.setText(_("for (minutes)"))
        set_name(self.length, _("Worry time length in minutes"))
        self.start.retranslate()
        self._slot_text()
        self.park_box.setTitle(_("Park a worry"))
        self.park_hint.setText(_("When a worry comes during the day, write it here in a few words and press "
                                 "Park it. Then turn back to what you were doing: it will wait for worry time."))
        set_name(self.park_edit, _("A worry to park"))
        self.park_edit.setPlaceholderText(_("For example: what if the car fails its test?"))
        self.park_button.setText(_("Park it"))
        set_name(self.park_button, _("Park this worry for worry time"))
        self.parked_list.setAccessibleName(_("Parked worries"))
        super().retranslate()
        self._show_parked()


EDITOR = WorryTimeEditor

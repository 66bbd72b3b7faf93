"""Worry diary editor: when, the worry, practical or hypothetical (with one question to help), distress
before, what I did with it, distress after."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from app.exercises import limits
from app.exercises.kinds import worry_diary as core
from app.i18n import N_, _
from ui.exercises._activity_common import DateField
from ui.exercises._forms import FormEditor, line_edit, set_name
from ui.exercises._worry_common import TimeField, choice_combo, choose, label_combo, percent_spin
from ui.widgets import make_label

KIND = core.KIND
NOT_SURE = N_("Not sure yet")
NOT_YET = N_("Nothing yet")
# The answers to the one question that sorts a worry (core.QUESTION), in the person's words.
ANSWERS = (
    (core.PRACTICAL, N_("Yes: it is a practical worry")),
    (core.HYPOTHETICAL, N_("No: it is a \u201cwhat if\u201d (hypothetical) worry")),
)
TYPE_HINT = N_("A practical worry is about a real problem you can act on now: turn it into problem solving. "
               "A \u201cwhat if\u201d worry is about something that might happen one day: postpone it to "
               "worry time, or notice it and let it go.")


class WorryDiaryEditor(FormEditor):
    open_exercise = Signal(str)  # the host opens this kind (problem solving for a practical worry)

    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.date, self.time = DateField(), TimeField()
        when = QHBoxLayout()
        when.addWidget(self.time)
        when.addStretch(1)
        self.field(N_("When did the worry come?"), self.date, layout=None, row=self._row(self.date, when))
        self.worry = self.field(N_("What is the worry?"), self.text_box(), N_(
            "Write it as it goes through your mind. For example: \u201cWhat if I get ill and cannot work?\u201d"))
        self.type = self.field(core.QUESTION, choice_combo(ANSWERS, NOT_SURE))
        self.type_hint = make_label("muted")
        self.form.addWidget(self.type_hint)
        self.distress_before = self._rating(N_("How upset did the worry make you? (0 to 100)"))
        self.action = self.field(N_("What did you do with it?"), choice_combo(core.ACTIONS, NOT_YET))
        self.action_note = self.field(N_("A short note (optional)"), line_edit(self.changed),
                                      N_("For example: a first step, or what helped"))
        self.to_problem_solving = QPushButton()
        self.to_problem_solving.clicked.connect(lambda: self.open_exercise.emit("problem-solving"))
        link = QHBoxLayout()
        link.addWidget(self.to_problem_solving)
        link.addStretch(1)
        self.form.addLayout(link)
        self.distress_after = self._rating(N_("How upset are you now? (0 to 100)"))
        self.form.addStretch(1)
        for w in (self.date, self.time):
            (w.dateChanged if w is self.date else w.timeChanged).connect(self.changed)
        for combo in (self.type, self.action):
            combo.currentIndexChanged.connect(self.changed)
        self.changed.connect(self.refresh)
        self.set_data({})
        self.retranslate()

    @staticmethod
    def _row(first, row: QHBoxLayout) -> QHBoxLayout:
        row.insertWidget(0, first)
        return row

    def _rating(self, message: str):
        spin, line = percent_spin(), QHBoxLayout()
        spin.valueChanged.connect(self.changed)
        line.addWidget(spin)
        return self.field(message, spin, row=line, beside=True)

    def start_widget(self):
        return self.worry

    def refresh(self) -> None:
        self.to_problem_solving.setVisible(self.action.currentData() == "problem-solving"
                                           or self.type.currentData() == core.PRACTICAL)

    def get_data(self) -> dict:
        return {"date": self.date.iso(), "time": self.time.clock(), "worry": self.worry.toPlainText(),
                "type": self.type.currentData(), "distress_before": self.distress_before.number(),
                "action": self.action.currentData(), "action_note": limits.short(self.action_note.text()),
                "distress_after": self.distress_after.number()}

    def load(self, data: dict) -> None:
        self.date.set_iso(data.get("date"))
        self.time.set_clock(data.get("time"))
        worry = data.get("worry")
        self.worry.setPlainText(worry if isinstance(worry, str) else "")
        choose(self.type, data.get("type") if data.get("type") in core.TYPE_IDS else None)
        choose(self.action, data.get("action") if data.get("action") in core.ACTION_IDS else None)
        note = data.get("action_note")
        self.action_note.setText(note if isinstance(note, str) else "")
        self.distress_before.set_number(data.get("distress_before"))
        self.distress_after.set_number(data.get("distress_after"))

    def retranslate(self) -> None:
        label_combo(self.type, ANSWERS, NOT_SURE)
        self.type_hint.setText(_(TYPE_HINT))
        label_combo(self.action, core.ACTIONS, NOT_YET)
        self.time.retranslate()
        self.date.retranslate()
        set_name(self.time, _("Time the worry came"))
        self.to_problem_solving.setText(_("Open problem solving"))
        set_name(self.to_problem_solving, _("Open problem solving for this practical worry"))
        super().retranslate()


EDITOR = WorryDiaryEditor

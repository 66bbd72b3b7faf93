"""Behavioural experiment editor: the plan (belief and its strength, the experiment, the prediction, the safety
behaviours to drop), then afterwards what happened, what I learned and the belief re-rated. A plan can be
saved and completed later in the same entry."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout

from app.exercises.kinds import behavioural_experiment as core
from app.i18n import N_, _
from ui.exercises._forms import FormEditor
from ui.exercises._worry_common import percent_spin
from ui.widgets import make_label

KIND = core.KIND


class BehaviouralExperimentEditor(FormEditor):
    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.status = make_label("muted")
        self.form.addWidget(self.status)
        self.section(N_("Plan your experiment"), N_("You can save the plan now and fill in the rest after you "
                                                    "have tried it."))
        self.belief = self.field(N_("What belief do you want to test?"), self.text_box(), N_(
            "For example: \u201cIf I don\u2019t check my work three times, I will make a serious mistake.\u201d"))
        self.belief_before = self._rating(N_("How strongly do you believe it? (0 to 100%)"))
        self.experiment = self.field(N_("The experiment: what will you do, when and where?"), self.text_box(), N_(
            "Something small and specific. For example: \u201cOn Tuesday at work, send the report after "
            "checking it once.\u201d"))
        self.prediction = self.field(N_("What do you predict will happen?"), self.text_box(), N_(
            "Be as exact as you can, so you can tell afterwards whether it happened."))
        self.safety_behaviours = self.field(N_("Which safety behaviours will you drop?"), self.text_box(), N_(
            "Things you do to feel safe that stop you finding out, such as checking, asking for reassurance "
            "or avoiding."))
        self.section(N_("Afterwards"), N_("Look back on what really happened, not on what you feared."))
        self.outcome = self.field(N_("What actually happened?"), self.text_box(), N_(
            "Stick to the facts. Did your prediction come true? All of it, some of it, or none?"))
        self.learned = self.field(N_("What did you learn?"), self.text_box(), N_(
            "What does this tell you about the belief? Is there another experiment you could try next?"))
        self.belief_after = self._rating(N_("How strongly do you believe it now? (0 to 100%)"))
        self.form.addStretch(1)
        self.changed.connect(self.refresh)
        self.set_data({})
        self.retranslate()

    def _rating(self, message: str):
        spin, line = percent_spin(), QHBoxLayout()
        spin.setSuffix("%")
        spin.valueChanged.connect(self.changed)
        line.addWidget(spin)
        return self.field(message, spin, row=line, beside=True)

    def start_widget(self):
        return self.belief

    def refresh(self) -> None:
        """Where the experiment is (nothing on a blank form: it is not planned until the belief is written)."""
        data = self.get_data()
        label = core.STATUS_LABELS[core.status(data)]
        # Translators: where a behavioural experiment is: "Planned" or "Done".
        self.status.setText(_("Stage: {status}").format(status=_(label)) if data["belief"].strip() else "")
        self.status.setVisible(bool(self.status.text()))

    def get_data(self) -> dict:
        data = {key: getattr(self, key).toPlainText() for key in core.TEXT_FIELDS}
        data["belief_before"], data["belief_after"] = self.belief_before.number(), self.belief_after.number()
        return data

    def load(self, data: dict) -> None:
        for key in core.TEXT_FIELDS:
            value = data.get(key)
            getattr(self, key).setPlainText(value if isinstance(value, str) else "")
        self.belief_before.set_number(data.get("belief_before"))
        self.belief_after.set_number(data.get("belief_after"))


EDITOR = BehaviouralExperimentEditor

"""Values and activities editor: a life area, what matters, and activities."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.exercises.kinds import values_activities as core
from app.i18n import N_, _
from ui.exercises._forms import FormEditor, Row, fill_combo, line_edit, select, set_name
from ui.widgets import make_label

KIND = "values-activities"


class ActivityRow(Row):
    ADD = N_("Add an activity")
    REMOVE = N_("Remove activity {number}")

    def __init__(self):
        super().__init__()
        self.text, self.difficulty = line_edit(self.changed), QComboBox()
        fill_combo(self.difficulty, core.DIFFICULTIES)
        self.difficulty.currentIndexChanged.connect(self.changed)
        # A visible label: on Linux a screen reader names a combo box by its label, not its accessible name.
        self.difficulty_label = make_label(wrap=False)
        self.difficulty_label.setBuddy(self.difficulty)
        self.line(self.text, self.difficulty_label, self.difficulty)

    def value(self) -> dict:
        return {"text": self.text.text().strip(), "difficulty": self.difficulty.currentData()}

    def set_value(self, value: dict) -> None:
        self.text.setText(value.get("text", ""))
        select(self.difficulty, value.get("difficulty") or core.DIFFICULTY_IDS[0])

    def retranslate(self, number: int) -> None:
        super().retranslate(number)
        set_name(self.text, _("Activity {number}").format(number=number))
        self.text.setPlaceholderText(_("Something small, for example: call Ravi on Sunday"))
        fill_combo(self.difficulty, core.DIFFICULTIES)
        # Translators: label before a choice of Easy, Medium or Hard for one activity.
        self.difficulty_label.setText(_("How hard?"))
        set_name(self.difficulty, _("How hard activity {number} feels").format(number=number))


OWN_AREA = "own"


class ValuesActivitiesEditor(FormEditor):
    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.area = self.field(N_("Which part of your life is this about?"), QComboBox())
        self.own_area = self.field(N_("Name it in your own words"), line_edit(self.changed),
                                   N_("For example: my garden"))
        self.own_area_label = self.texts[-1][0]
        self.value = self.field(N_("What matters to you here?"), self.text_box(),
                                N_("The kind of person you want to be. For example: \u201ca friend who stays "
                                   "in touch\u201d"))
        self.activities = self.row_list(ActivityRow, core.MAX_ACTIVITIES)
        self.section(N_("Small things you could do"),
                     N_("List a few small activities that fit what matters to you, and how hard each one "
                        "feels. Start with easy ones."), self.activities)
        self.form.addStretch(1)
        self.area.currentIndexChanged.connect(self.changed)
        self.changed.connect(self.refresh)
        self.set_data({})
        self.retranslate()

    def refresh(self) -> None:
        own = self.area.currentData() == OWN_AREA
        self.own_area.setVisible(own)
        self.own_area_label.setVisible(own)

    def get_data(self) -> dict:
        area = self.area.currentData() or ""
        own = area == OWN_AREA
        return {"area": "" if own else area, "own_area": self.own_area.text().strip() if own else "",
                "value": self.value.toPlainText(), "activities": [a for a in self.activities.values() if a["text"]]}

    def load(self, data: dict) -> None:
        own_area = data.get("own_area") or ""
        select(self.area, data.get("area") or (OWN_AREA if own_area else None))
        self.own_area.setText(own_area)
        self.value.setPlainText(data.get("value") or "")
        self.activities.set_values(data.get("activities") or [])

    def retranslate(self) -> None:
        fill_combo(self.area, (*core.AREAS, (OWN_AREA, N_("Something else"))))
        self.area.setPlaceholderText(_("Choose a part of your life"))
        super().retranslate()


EDITOR = ValuesActivitiesEditor

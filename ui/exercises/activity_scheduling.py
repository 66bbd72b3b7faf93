"""Activity planner: when and what (and for which part of life), then afterwards
whether it was done, with mood before and after, mastery and pleasure (0-10)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit

from app.exercises import limits
from app.exercises.kinds.activity_scheduling import AFTER, KIND
from app.i18n import N_, _
from ui.exercises._activity_common import ActivityBase, Fields

__all__ = ["KIND", "EDITOR"]


class ActivitySchedulingEditor(ActivityBase):
    HOUR_OPTIONAL = True
    ACTIVITY_LABEL = N_("What I plan to do")
    HINT = N_("Keep it small and specific. If you miss a planned activity, that is fine: make the next "
              "step smaller and plan it again.")

    def build(self) -> None:
        self.area = self.fields.add(N_("Life area or value (optional)"), QLineEdit())
        self.area.setMaxLength(limits.MAX_SHORT)
        self.after = QGroupBox()
        self.after_fields = Fields(QFormLayout(self.after))
        self.groups.append(self.after_fields)
        self.done = QCheckBox()
        self.after_fields.form.addRow(self.done)
        self.ratings = self.add_ratings(self.after_fields, AFTER, {"mood": N_("Mood after (0-10)")})
        self.done.toggled.connect(self._sync_done)
        self.lay.addWidget(self.after)

    def inputs(self) -> list:
        return [self.area, self.done, *self.ratings.values()]

    def _sync_done(self, done: bool) -> None:
        for spin in self.ratings.values():
            spin.setEnabled(done)
            self.after_fields.form.labelForField(spin).setEnabled(done)

    def get_data(self) -> dict:
        done = self.done.isChecked()
        return {**super().get_data(), "area": self.area.text().strip(), "done": done,
                **{k: s.number() if done else None for k, s in self.ratings.items()}}

    def set_data(self, data: dict) -> None:
        super().set_data(data)
        area = data.get("area")
        self.area.setText(area if isinstance(area, str) else "")
        self.done.setChecked(data.get("done") is True)
        for key, spin in self.ratings.items():
            spin.set_number(data.get(key))
        self._sync_done(self.done.isChecked())

    def retranslate(self) -> None:
        super().retranslate()
        self.activity.setPlaceholderText(_("For example: a ten-minute walk after lunch"))
        self.area.setPlaceholderText(_("For example: health, family, work, fun"))
        self.after.setTitle(_("Afterwards"))
        self.done.setText(_("I did this"))


EDITOR = ActivitySchedulingEditor

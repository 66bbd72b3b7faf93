"""Activity diary: date, hour, what I did, and mood, mastery and pleasure (0-10)."""

from __future__ import annotations

from app.exercises.kinds.activity_monitoring import KIND, RATINGS
from app.i18n import N_, _
from ui.exercises._activity_common import ActivityBase, note_box

__all__ = ["KIND", "EDITOR"]


class ActivityMonitoringEditor(ActivityBase):
    HINT = N_("0 means none at all and 10 means the most you can imagine. Your first guess is fine: "
              "the aim is to notice, not to be perfect.")

    def build(self) -> None:
        self.ratings = self.add_ratings(self.fields, RATINGS)
        self.note = self.fields.add(N_("Note (optional)"), note_box())

    def inputs(self) -> list:
        return [*self.ratings.values(), self.note]

    def get_data(self) -> dict:
        return {**super().get_data(), **{k: s.number() for k, s in self.ratings.items()},
                "note": self.note.toPlainText()}

    def set_data(self, data: dict) -> None:
        super().set_data(data)
        for key, spin in self.ratings.items():
            spin.set_number(data.get(key))
        note = data.get("note")
        self.note.setPlainText(note if isinstance(note, str) else "")

    def retranslate(self) -> None:
        super().retranslate()
        self.activity.setPlaceholderText(_("For example: walked to the shop, phoned my sister"))


EDITOR = ActivityMonitoringEditor

"""Exposure practice log editor: the ladder step practised (chosen from the person's fear ladders), the
date and length, the prediction, safety behaviours dropped, distress before / at its highest / at the
end, what happened and what was learned; with a chart of this practice (within the session) and of the
step's saved practices (between sessions)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout

from app.exercises import exposure
from app.exercises.kinds import exposure_log as core
from app.i18n import N_, _
from ui.exercises._activity_common import DateField, NumberSpin
from ui.exercises._forms import FormEditor, line_edit, set_name

KIND = "exposure-log"
OTHER = "other"  # the step choice "something not on a ladder"


class MinutesSpin(NumberSpin):
    EMPTY = N_("not given")

    def __init__(self):
        super().__init__(0, core.MAX_MINUTES)
        self.set_number(None)


def rating() -> NumberSpin:
    spin = NumberSpin(0, 100)
    spin.set_number(None)
    return spin


class ExposureLogEditor(FormEditor):
    def __init__(self, spec: dict | None = None, parent=None):
        super().__init__(spec, parent)
        self.ctx = None
        self.choices: list = []   # exposure.LadderStep for each ladder step in the combo, in order
        self.links: dict = {}     # combo item key -> (ladder id, step id, ladder name, step text)
        self.kept = None          # the stored link of an entry whose step is no longer on a ladder
        self.step_choice = self.field(N_("Which step did you practise?"), QComboBox())
        self.step_choice.currentIndexChanged.connect(self._step_changed)
        # Right under the choice (no gap of its own): shown only for "Something not on a ladder".
        self.step = self.field(N_("What did you practise?"), line_edit(self.changed),
                               N_("For example: stood in a queue at the supermarket"), layout=self.form)
        self.step_label = self.texts[-1][0]
        self.date = self.field(N_("Date"), DateField())
        self.date.dateChanged.connect(self.changed)
        self.minutes = self._number_line(N_("How long did you practise? (minutes)"), MinutesSpin())
        self.predicted = self.field(N_("What did you expect would happen?"), self.text_box(), N_(
            "Write it before you start: what do you fear will happen? For example: \u201cI will faint on the bus "
            "and everyone will stare.\u201d"))
        self.safety_dropped = self.field(N_("Safety behaviours you dropped"), self.text_box(), N_(
            "Things you usually do to feel safer, that you did without this time. For example: sitting near the "
            "door, holding a bottle of water, checking your pulse."))
        ratings = QVBoxLayout()
        self.section(N_("How upsetting was it?"), N_(
            "Rate your distress from 0 (calm) to 100 (the worst you can imagine). It is fine if it stays high: "
            "staying with the feeling and finding out what really happens is what counts."), ratings)
        self.ratings = {key: self._number_line(core.RATING_LABELS[key], rating(), layout=ratings)
                        for key in core.RATINGS}
        self.happened = self.field(N_("What actually happened?"), self.text_box(), N_(
            "Compare it with what you expected. Did the thing you feared happen? If something hard happened, "
            "how did you cope?"))
        self.learned = self.field(N_("What did you learn?"), self.text_box(), N_(
            "For example: \u201cMy heart raced and I stayed on the bus anyway. The feeling passed on its own.\u201d"))
        self.charts = QVBoxLayout()
        self.practice_card = self.step_card = None
        self.form.addStretch(1)
        self._chart_timer = QTimer(self, singleShot=True, interval=400)
        self._chart_timer.timeout.connect(self._refresh_practice_chart)
        self.changed.connect(self.refresh)
        self.set_data({})
        self.retranslate()

    def _number_line(self, message: str, spin: NumberSpin, *, layout=None) -> NumberSpin:
        spin.valueChanged.connect(self.changed)
        line = QHBoxLayout()
        line.addWidget(spin)
        return self.field(message, spin, row=line, beside=True, layout=layout)

    # --- the app context: the person's ladders and the charts ------------------------------

    def use_context(self, ctx) -> None:
        """Read the person's ladders from ``ctx``'s store, and show charts when the app can draw them."""
        self.ctx = ctx
        if hasattr(ctx, "data_dir") and hasattr(ctx, "theme_name") and self.practice_card is None:
            from ui.charts.card import ChartCard
            from ui.charts.exposure import practice_spec, step_spec

            self.practice_card = ChartCard(ctx, practice_spec(ctx, {}))
            self.step_card = ChartCard(ctx, step_spec(ctx, "", "", ""))
            self.charts.addWidget(self.practice_card)
            self.charts.addWidget(self.step_card)
            self.form.insertLayout(self.form.count() - 1, self.charts)
            self._refresh_step_chart()
            self._refresh_practice_chart()

    @property
    def store(self):
        session = getattr(self.ctx, "session", None)
        return session.store if session is not None else None

    def saved(self) -> None:
        self._refresh_step_chart()

    def _linked(self):
        """(ladder id, step id, ladder name, step text) of the chosen ladder step, or None."""
        return self.links.get(self.step_choice.currentData() or "")

    def _step_changed(self, _index: int) -> None:
        self.refresh()
        self._refresh_step_chart()
        self.changed.emit()

    def _refresh_step_chart(self) -> None:
        if self.step_card is None:
            return
        linked = self._linked()
        self.step_card.setVisible(linked is not None and self.store is not None)
        if linked is None or self.store is None:
            return
        from ui.charts.exposure import step_spec

        ladder_id, step_id, _ladder, step = linked
        self.step_card.spec = step_spec(self.ctx, ladder_id, step_id, step)
        self.step_card.refresh()

    def _refresh_practice_chart(self) -> None:
        if self.practice_card is None or self.store is None:
            return
        from ui.charts.exposure import practice_spec

        self.practice_card.spec = practice_spec(self.ctx, {k: s.number() for k, s in self.ratings.items()})
        self.practice_card.refresh()

    # --- the step choice ---------------------------------------------------------------------

    def _fill_choices(self, link: tuple | None) -> None:
        """The person's ladder steps, "something else", and the stored step if it is no longer on a ladder."""
        self.choices = exposure.ladder_steps(self.store) if self.store is not None else []
        known = {(c.ladder_id, c.step_id) for c in self.choices}
        self.kept = link if link and link[:2] not in known else None
        self._label_choices()

    @staticmethod
    def links_key(ladder_id: str, step_id: str) -> str:
        return f"{ladder_id}/{step_id}"

    def _label_choices(self) -> None:
        combo = self.step_choice
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(_("Choose a step"), "")
        self.links = {}
        for c in self.choices:
            key = self.links_key(c.ladder_id, c.step_id)
            self.links[key] = (c.ladder_id, c.step_id, c.ladder, c.step)
            # Translators: one choice of step to practise: the ladder's name, then the step.
            combo.addItem(_("{ladder}: {step}").format(ladder=c.ladder, step=c.step), key)
        if self.kept:
            key = self.links_key(*self.kept[:2])
            self.links[key] = self.kept
            # Translators: a step practised earlier that has since been removed from its ladder (or the ladder deleted).
            combo.addItem(_("{step} (no longer on a ladder)").format(step=self.kept[3]), key)
        combo.addItem(_("Something not on a ladder"), OTHER)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    # --- data ----------------------------------------------------------------------------------

    def field_widget(self, key: str):
        if key == "step":
            return self.step if self.step_choice.currentData() == OTHER else self.step_choice
        return getattr(self, key, None)

    def refresh(self) -> None:
        other = self.step_choice.currentData() == OTHER
        self.step.setVisible(other)
        self.step_label.setVisible(other)
        if self.practice_card is not None:
            self._chart_timer.start()

    def get_data(self) -> dict:
        linked = self._linked()
        if linked:
            ladder_id, step_id, ladder, step = linked
        else:
            ladder_id = step_id = ladder = ""
            step = self.step.text().strip() if self.step_choice.currentData() == OTHER else ""
        data = {"ladder_id": ladder_id, "step_id": step_id, "ladder": ladder, "step": step,
                "date": self.date.iso(), "minutes": self.minutes.number()}
        data.update({k: s.number() for k, s in self.ratings.items()})
        data.update({k: getattr(self, k).toPlainText() for k in core.TEXTS})
        return data

    def load(self, data: dict) -> None:
        ladder_id, step_id = data.get("ladder_id") or "", data.get("step_id") or ""
        step = data.get("step") if isinstance(data.get("step"), str) else ""
        link = (ladder_id, step_id, data.get("ladder") or "", step) if ladder_id and step_id else None
        self.step_choice.blockSignals(True)
        self.step_choice.setCurrentIndex(-1)
        self._fill_choices(link)
        if link:
            self.step_choice.setCurrentIndex(max(0, self.step_choice.findData(self.links_key(*link[:2]))))
        elif step:
            self.step_choice.setCurrentIndex(self.step_choice.findData(OTHER))
        else:
            self.step_choice.setCurrentIndex(0)
        self.step_choice.blockSignals(False)
        self.step.setText(step if not link else "")
        self.date.set_iso(data.get("date"))
        self.minutes.set_number(data.get("minutes"))
        for key, spin in self.ratings.items():
            spin.set_number(data.get(key))
        for key in core.TEXTS:
            value = data.get(key)
            getattr(self, key).setPlainText(value if isinstance(value, str) else "")
        self._refresh_step_chart()
        self._refresh_practice_chart()

    def retranslate(self) -> None:
        self._label_choices()
        set_name(self.step_choice, _("Which step did you practise?"))
        super().retranslate()
        if self.practice_card is not None:
            self.practice_card.retranslate()
            self.step_card.retranslate()


EDITOR = ExposureLogEditor

"""Interoceptive exercises: a health check before the first one, then one exercise at a time with its
steps and cautions, a timer (Space starts and stops it), the ratings afterwards, and this exercise's
distress on earlier tries."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QVBoxLayout, QWidget)

from app.exercises import interoceptive_catalogue as catalogue
from app.exercises import readable
from app.exercises.countdown import Countdown
from app.exercises.kinds import interoceptive as core
from app.i18n import N_, _, format_date, format_list, format_number
from ui import a11y
from ui.exercises._activity_common import Fields
from ui.exercises._countdown import TimedExercise, time_text
from ui.widgets import card, make_label
from ui.wrap_label import WrapLabel

KIND = core.KIND


class _TickLabel(WrapLabel):
    """A question's text beside its tick box; a click on the text ticks the box too."""

    def __init__(self, box: QCheckBox):
        super().__init__()
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.box.toggle()
        super().mouseReleaseEvent(event)


class HealthCheck(QGroupBox):
    """The questions asked before the first exercise; ``answered`` carries {condition id: yes}."""

    answered = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        self.intro = make_label()
        lay.addWidget(self.intro)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.boxes: dict[str, QCheckBox] = {}
        self.labels: dict[str, QLabel] = {}
        for row, (condition, _text) in enumerate(catalogue.CONDITIONS):
            box = QCheckBox()
            label = _TickLabel(box)
            grid.addWidget(box, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            self.boxes[condition], self.labels[condition] = box, label
        lay.addLayout(grid)
        row = QHBoxLayout()
        self.save = QPushButton()
        self.save.clicked.connect(lambda: self.answered.emit(self.answers()))
        row.addWidget(self.save)
        row.addStretch(1)
        lay.addLayout(row)

    def answers(self) -> dict[str, bool]:
        return {c: box.isChecked() for c, box in self.boxes.items()}

    def set_answers(self, answers: dict[str, bool] | None) -> None:
        for c, box in self.boxes.items():
            box.setChecked(bool((answers or {}).get(c)))

    def retranslate(self) -> None:
        self.setTitle(_("Before your first exercise: a health check"))
        self.intro.setText(_("These exercises bring on strong body feelings on purpose. For most people that is "
                             "safe, but not with some health problems. Tick each one that applies to you now. "
                             "Your answers stay on this computer, encrypted, and you can change them at any time."))
        for (condition, text) in catalogue.CONDITIONS:
            self.labels[condition].setText(_(text))
            self.boxes[condition].setAccessibleName(_(text))
        self.save.setText(_("Save my answers"))


class InteroceptiveEditor(TimedExercise):
    COUNT = ("seconds_done", N_("Seconds done"), core.MAX_SECONDS)
    RATINGS = (("intensity", N_("How strong were the body feelings? (0-100)"), 100),
               ("distress", N_("How anxious or upset did you feel? (0-100)"), 100),
               ("similarity", N_("How much did it feel like panic? (0-100)"), 100))

    def build(self, lay) -> None:
        self.ctx = None
        self.answers: dict[str, bool] | None = None
        self.countdown = Countdown(60)
        self.done_before = 0.0  # seconds done in earlier runs of this entry's timer
        self.health = HealthCheck()
        self.health.answered.connect(self._answered)
        lay.addWidget(self.health)
        self.health_summary = make_label()
        self.advice = make_label()
        self.change_health = QPushButton()
        self.change_health.clicked.connect(self._ask_again)
        change_row = QHBoxLayout()
        change_row.addWidget(self.change_health)
        change_row.addStretch(1)
        for w in (self.health_summary, self.advice):
            lay.addWidget(w)
        lay.addLayout(change_row)

        self.practice = QWidget()
        pl = QVBoxLayout(self.practice)
        pl.setContentsMargins(0, 0, 0, 0)
        self.choice = Fields(QFormLayout())
        self.exercise = self.choice.add(N_("Choose an exercise"), QComboBox())
        self.exercise.currentIndexChanged.connect(self._exercise_changed)
        pl.addLayout(self.choice.form)
        self.brings_on = make_label("muted")
        self.steps_heading = make_label("subheading")
        self.steps = make_label()
        frame, inner = card()
        self.cautions = make_label()
        inner.addWidget(self.cautions)
        self.cautions_frame = frame
        self.cue = make_label()
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.make_clock())
        row.addWidget(self.toggle)
        row.addStretch(1)
        self.history_heading = make_label("subheading")
        self.history = make_label("muted")
        for w in (self.brings_on, self.steps_heading, self.steps, frame, self.cue):
            pl.addWidget(w)
        pl.addLayout(row)
        for w in (self.history_heading, self.history):
            pl.addWidget(w)
        lay.addWidget(self.practice)

    # --- the store (the host gives its context; without one the answers are kept for this window only) ---

    def use_context(self, ctx) -> None:
        self.ctx = ctx
        self._read_answers()
        self._show_health()

    def _store(self):
        session = getattr(self.ctx, "session", None) if self.ctx is not None else None
        return session.store if session is not None else None

    def _read_answers(self) -> None:
        store = self._store()
        if store is not None:
            self.answers = catalogue.load_answers(store)

    def forget(self) -> None:
        """Drop what was read from the profile (the host calls this when the profile locks)."""
        self.pause()
        self.answers = None
        self._show_health()
        self.history.clear()
        self.history_heading.hide()
        self.history.hide()

    def _answered(self, answers: dict) -> None:
        store = self._store()
        self.answers = catalogue.save_answers(store, answers) if store is not None else dict(answers)
        self._show_health()
        a11y.announce(self, " ".join(t for t in (self.health_summary.text(), self.advice.text()) if t))
        target = self.exercise if catalogue.offered(self.answers) else self.change_health
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _ask_again(self) -> None:
        self.pause()
        self.health.set_answers(self.answers)
        self.health.show()
        for w in (self.health_summary, self.advice, self.change_health, self.practice, self.log_box):
            w.hide()
        self.health.boxes[catalogue.CONDITION_IDS[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_health(self, keep: str | None = None) -> None:
        asked = self.answers is not None
        self.health.setVisible(not asked)
        self.health.set_answers(self.answers)
        self.change_health.setVisible(asked)
        self._fill_exercises(keep or self.exercise.currentData())
        usable = asked and self.exercise.count() > 0
        self.practice.setVisible(usable)
        self.log_box.setVisible(usable)
        withheld = catalogue.withheld(self.answers)
        if not asked:
            summary, advice = "", ""
        elif not withheld:
            summary, advice = _("Thank you. If your health changes, change your answers here."), ""
        elif not catalogue.offered(self.answers):
            summary = _("Because of your answers, none of these exercises is offered for now.")
            advice = _("Please talk to your doctor before doing exercises that bring on body feelings. You can "
                       "still read the lessons, and change your answers here if your doctor says it is safe.")
        else:
            summary = _("Because of your answers, these exercises are not offered: {names}.").format(
                names=format_list([_(e.name) for e in withheld]))
            advice = _("Please ask your doctor whether they are safe for you before you try them. You can still "
                       "read the lessons and do the other exercises.")
        self.health_summary.setText(summary)
        self.health_summary.setVisible(bool(summary))
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))

    def _fill_exercises(self, keep: str | None) -> None:
        """The offered exercises, and the one an opened entry names even if it is no longer offered."""
        shown = list(catalogue.offered(self.answers))
        if keep in catalogue.BY_ID and catalogue.BY_ID[keep] not in shown:
            shown.append(catalogue.BY_ID[keep])
        before = self.exercise.currentData()
        blocked = self.exercise.blockSignals(True)
        self.exercise.clear()
        for e in shown:
            self.exercise.addItem(_(e.name), e.id)
        index = self.exercise.findData(keep)
        self.exercise.setCurrentIndex(index if index >= 0 else 0)
        self.exercise.blockSignals(blocked)
        if self.exercise.currentData() != before:
            self._reset_timer()

    # --- the exercise ---------------------------------------------------------------------------------

    def current(self) -> catalogue.Exercise | None:
        return catalogue.BY_ID.get(self.exercise.currentData())

    def offered_now(self) -> bool:
        found = self.current()
        return found is not None and found in catalogue.offered(self.answers)

    def _reset_timer(self) -> None:
        found = self.current()
        self.pause()
        self.countdown.reset(found.seconds if found else 60)
        self._show()

    def _exercise_changed(self, _index: int) -> None:
        self.done_before = 0.0
        self._reset_timer()
        self.log.set_data({**self.log.get_data(), "seconds_done": 0})
        self._show_history()
        self.changed.emit()

    def start(self) -> None:
        if not self.offered_now():
            return
        if self.countdown.finished:  # once more: the time of this entry adds up
            self.done_before += self.countdown.elapsed
            self.countdown.reset()
        super().start()
        if self.ticker.is_running():
            a11y.announce(self, _("Started.") + " " + time_text(self.countdown.remaining()))
        self._show()

    def pause(self) -> None:
        was = self.ticker.is_running()
        super().pause()
        if was and not self.countdown.finished:
            a11y.announce(self, _("Stopped.") + " " + time_text(self.countdown.remaining()))
        if hasattr(self, "cue"):
            self._show()

    def advance(self, seconds: float) -> None:
        """Count down (the timer calls this with the real time elapsed; tests call it directly)."""
        before = self.countdown.remaining()
        ended = self.countdown.advance(seconds)
        self.log.measure(int(self.done_before + self.countdown.elapsed))
        self.say_progress(before, self.countdown.remaining(), self.countdown.length)
        if ended:
            self.ticker.stop()
            a11y.announce(self, self._cue_text())
        self._show()

    def _cue_text(self) -> str:
        if not self.offered_now():
            return _("This exercise is not offered because of your health answers. Please ask your doctor first.")
        if self.countdown.finished:
            return _("Time is up. Well done for staying with it. Notice the feelings fade, then rate them below.")
        if self.ticker.is_running():
            return _("Keep going. Let the feelings come, and notice them without fighting them.")
        if self.countdown.started:
            return _("Stopped. Press Start to carry on, or rate what you felt below.")
        return _("Read the steps, then press Start (or Space) when you are ready.")

    def _show(self) -> None:
        found = self.current()
        if found is not None:
            self.brings_on.setText(_("What you may feel: {feelings}").format(feelings=_(found.brings_on)))
            self.steps.setText("\n".join(_("{number}. {step}").format(number=format_number(n), step=_(s))
                                         for n, s in enumerate(found.steps, 1)))
            # Who must not do it comes from the same list that withholds it, so the two can never disagree.
            ruled_out = [_(text) for cid, text in catalogue.CONDITIONS if cid in found.avoid_with]
            self.cautions.setText("\n".join([_("Take care: {cautions}").format(cautions=_(found.cautions)),
                                             _("Not for anyone with:"), *(f"\u2022 {c}" for c in ruled_out)]))
        self.clock.show_seconds(self.countdown.remaining())
        self.cue.setText(self._cue_text())
        self.toggle.setEnabled(self.offered_now())
        self.retranslate_toggle()

    def _show_history(self) -> None:
        store, found = self._store(), self.current()
        tries = core.tries(store, found.id) if store is not None and found is not None else []
        rated = [(when, value) for when, value in tries if value is not None]
        self.history_heading.setVisible(bool(rated))
        self.history.setVisible(bool(rated))
        lines = []
        for when, value in rated:
            # Translators: one earlier try of an exercise in a list, e.g. "1 Dec 2026: 60 out of 100".
            lines.append(_("{date}: {rating}").format(date=format_date(datetime.fromisoformat(when).astimezone()),
                                                      rating=readable.rating(value, 100)))
        self.history.setText("\n".join(lines))

    def retranslate_toggle(self) -> None:
        # Translators: a button that starts or stops the exercise's timer.
        self.toggle.setText(_("Stop") if self.ticker.is_running() else _("Start"))

    # --- the editor's interface -----------------------------------------------------------------------

    def field_widget(self, key: str):
        if key == "exercise":  # no exercise yet: the health check comes first
            return self.exercise if self.practice.isVisibleTo(self) else \
                self.health.boxes[catalogue.CONDITION_IDS[0]]
        return self.log.ratings.get(key) or super().field_widget(key)

    def start_widget(self):
        if self.answers is None:
            return self.health.boxes[catalogue.CONDITION_IDS[0]]
        return self.exercise if self.practice.isVisibleTo(self) else self.change_health

    def get_data(self) -> dict:
        exercise = self.exercise.currentData() if self.practice.isVisibleTo(self) else None
        return {"exercise": exercise or "", **self.log.get_data()}

    def set_data(self, data: dict) -> None:
        self.pause()
        self.done_before = 0.0
        self._read_answers()
        self._show_health(keep=data.get("exercise") if isinstance(data.get("exercise"), str) else None)
        self._reset_timer()
        self.log.set_data(data)
        self._show_history()
        self._show()

    def retranslate(self) -> None:
        super().retranslate()
        self.health.retranslate()
        self.change_health.setText(_("Change my health answers"))
        self.choice.retranslate()
        self.steps_heading.setText(_("How to do it"))
        self.history_heading.setText(_("How anxious you felt on earlier tries (0-100)"))
        self.log_box.setTitle(_("Afterwards: how did it feel?"))
        self._show_health()  # the exercises' names in the new language
        self._show_history()
        self._show()


EDITOR = InteroceptiveEditor

"""Progressive muscle relaxation: a timed, step-by-step guide through the muscle
groups (tense, then let go), with Back / Start-Pause / Next, and a practice log."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from app.exercises.kinds import muscle_relaxation as core
from app.i18n import N_, _, ngettext
from ui.exercises._activity_common import TimedPractice
from ui.widgets import card, make_label

KIND = core.KIND


class MuscleRelaxationEditor(TimedPractice):
    COUNT = ("groups_completed", N_("Muscle groups completed"), len(core.STEPS))
    RATINGS = (("tension_before", N_("Tension before (0-10)")), ("tension_after", N_("Tension after (0-10)")))

    def build(self, lay) -> None:
        self.guide = core.Guide()
        self.started = False
        self.intro = make_label("muted")
        self.step_title = make_label("subheading")
        self.how = make_label()
        self.instruction = make_label("muted")
        frame, inner = card()
        self.cue = make_label("subheading")
        self.countdown = make_label("muted")
        for label in (self.cue, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            inner.addWidget(label)
        self.back, self.next = QPushButton(), QPushButton()
        self.back.clicked.connect(lambda: self._move(self.guide.back))
        self.next.clicked.connect(lambda: self._move(self.guide.next))
        row = QHBoxLayout()
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.toggle)
        row.addStretch(1)
        row.addWidget(self.next)
        for w in (self.intro, self.step_title, self.how, self.instruction, frame):
            lay.addWidget(w)
        lay.addLayout(row)

    def _move(self, action) -> None:
        action()
        self.started = True
        self._after_change()

    def start(self) -> None:
        if self.guide.finished:
            self.guide.restart()
        self.started = True
        super().start()
        self._show()

    def advance(self, seconds: float) -> None:
        """Count down (the timer calls this with the real time elapsed; tests call it directly)."""
        self.guide.advance(seconds)
        self._after_change()

    def _after_change(self) -> None:
        self.log.measure(len(self.guide.completed))
        if self.guide.finished:
            self.pause()
        self._show()

    def _show(self) -> None:
        g = self.guide
        step = g.step
        self.step_title.setText(_("Step {number} of {total}: {name}").format(
            number=g.index + 1, total=len(g.steps), name=_(step.name)))
        self.how.setText(_(step.how))
        self.instruction.setText(
            ngettext("Tense for about {count} second and notice the tension.",
                     "Tense for about {count} seconds and notice the tension.", step.tense).format(count=step.tense)
            + " " + ngettext("Then let go and notice the difference for about {count} second.",
                             "Then let go and notice the difference for about {count} seconds.",
                             step.relax).format(count=step.relax))
        if g.finished:
            cue = _("All done. Sit quietly for a moment and notice how your body feels.")
        elif not self.started:
            cue = _("Press Start when you are ready.")
        elif g.phase == core.TENSE:
            cue = _("Tense\u2026 and notice the tension.")
        else:
            cue = _("Let go\u2026 and notice the difference.")
        self.cue.setText(cue)
        n = math.ceil(g.remaining())
        self.countdown.setText(ngettext("{count} second", "{count} seconds", n).format(count=n))
        self.countdown.setVisible(self.started and not g.finished)
        self.back.setEnabled(g.index > 0 or g.finished or g.into > 0 or g.phase == core.RELAX)
        self.next.setEnabled(not g.finished)
        self.retranslate_toggle()

    def get_data(self) -> dict:
        return self.log.get_data()

    def set_data(self, data: dict) -> None:
        self.pause()
        self.guide.reset()
        self.started = False
        self.log.set_data(data)
        self._show()

    def retranslate(self) -> None:
        super().retranslate()
        self.intro.setText(_("Sit or lie somewhere comfortable. Tense firmly but never to the point of pain, "
                             "and skip any part of your body that is injured or sore."))
        self.back.setText(_("Back"))
        self.next.setText(_("Next"))
        self._show()


EDITOR = MuscleRelaxationEditor

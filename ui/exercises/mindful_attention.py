"""Mindful attention: a guided practice of 3, 5 or 10 minutes, its steps shown in turn, pause and resume
(Space too), a soft chime at the end that can be turned off, and how present you felt."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QFormLayout, QHBoxLayout

from app.exercises.kinds import mindful_attention as core
from app.i18n import N_, _, format_number, ngettext
from ui import a11y
from ui.exercises._activity_common import Fields
from ui.exercises._countdown import TimedExercise
from ui.widgets import card, make_label

KIND = core.KIND


def chime() -> None:
    """The end-of-practice sound. QtMultimedia (QSoundEffect) is not part of PySide6-Essentials, which Hearth
    uses, so this is the system's own alert sound; on some systems it is silent, which is why the words
    on screen (and for screen readers) say the practice has ended too."""
    QApplication.beep()


class MindfulAttentionEditor(TimedExercise):
    COUNT = ("minutes_practised", N_("Minutes practised"), core.MAX_MINUTES)
    RATINGS = (("presence", N_("How present did you feel? (0-10)")),)

    def build(self, lay) -> None:
        self.ctx = None
        self.guide = core.Guide()
        self.done_before = 0.0  # seconds practised in earlier runs of this entry's timer
        self.setup = Fields(QFormLayout())
        self.length = self.setup.add(N_("Length of the practice"), QComboBox())
        for minutes in core.LENGTHS:
            self.length.addItem("", minutes)
        self.length.currentIndexChanged.connect(self._length_changed)
        self.chime_on = QCheckBox()
        self.chime_on.setChecked(True)
        self.chime_on.toggled.connect(self._chime_toggled)
        self.setup.form.addRow(self.chime_on)
        lay.addLayout(self.setup.form)
        frame, inner = card()
        self.step_title = make_label("subheading")
        self.step_text = make_label()
        for w in (self.step_title, self.step_text):
            inner.addWidget(w)
        lay.addWidget(frame)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.make_clock())
        row.addWidget(self.toggle)
        row.addStretch(1)
        lay.addLayout(row)

    # --- settings kept in the profile (when the host gives its context) -------------------------------

    def use_context(self, ctx) -> None:
        self.ctx = ctx
        store = self._store()
        if store is not None:
            from app.exercises import kind_settings

            on = kind_settings.get(store, *core.CHIME_KEY, True)
            blocked = self.chime_on.blockSignals(True)
            self.chime_on.setChecked(on is not False)
            self.chime_on.blockSignals(blocked)

    def _store(self):
        session = getattr(self.ctx, "session", None) if self.ctx is not None else None
        return session.store if session is not None else None

    def _chime_toggled(self, on: bool) -> None:
        store = self._store()
        if store is not None:
            from app.exercises import kind_settings

            kind_settings.put(store, *core.CHIME_KEY, bool(on))

    # --- the practice -----------------------------------------------------------------------------------

    def minutes(self) -> int:
        return self.length.currentData() or core.DEFAULT_LENGTH

    def _length_changed(self, _index: int) -> None:
        self.pause()
        self.done_before += self.guide.countdown.elapsed
        self.guide.reset(self.minutes())
        self.changed.emit()
        self._show()

    def start(self) -> None:
        if self.guide.finished:  # once more: the minutes of this entry add up
            self.done_before += self.guide.countdown.elapsed
            self.guide.reset()
        resumed = self.guide.countdown.started
        super().start()
        if self.ticker.is_running():
            a11y.announce(self, (_("Resumed.") if resumed else _("Started.")) + " " + self._step_words())
        self._show()

    def pause(self) -> None:
        was = self.ticker.is_running()
        super().pause()
        if was and not self.guide.finished:
            a11y.announce(self, _("Paused."))
        if hasattr(self, "step_title"):
            self._show()

    def advance(self, seconds: float) -> None:
        """Move on (the timer calls this with the real time elapsed; tests call it directly)."""
        countdown = self.guide.countdown
        step, before = self.guide.index(), countdown.remaining()
        ended = self.guide.advance(seconds)
        self.log.measure(round((self.done_before + countdown.elapsed) / 60))
        if ended:
            self.ticker.stop()
            if self.chime_on.isChecked():
                chime()
            a11y.announce(self, self._cue())
        elif self.guide.index() != step:
            a11y.announce(self, self._step_words())  # a new step: read its words
        else:
            self.say_progress(before, countdown.remaining(), countdown.length)
        self._show()

    def _step_words(self) -> str:
        step = self.guide.step
        return _(step.title) + ". " + _(step.text)

    def _cue(self) -> str:
        if self.guide.finished:
            return _("The practice has ended. Take a moment before you move on, then rate how present you felt.")
        return ""

    def _show(self) -> None:
        g = self.guide
        if g.finished:
            self.step_title.setText(_("Well done"))
            self.step_text.setText(self._cue())
        else:
            # Translators: the step of a guided practice, e.g. "Step 2 of 5: The breath".
            self.step_title.setText(_("Step {number} of {total}: {name}").format(
                number=format_number(g.index() + 1), total=format_number(len(g.steps)), name=_(g.step.title)))
            self.step_text.setText(_(g.step.text))
        self.clock.show_seconds(g.countdown.remaining())
        self.retranslate_toggle()

    def retranslate_toggle(self) -> None:
        if self.ticker.is_running():
            # Translators: a button that pauses a timed practice.
            text = _("Pause")
        elif hasattr(self, "guide") and self.guide.countdown.started and not self.guide.finished:
            # Translators: a button that carries on a paused practice.
            text = _("Resume")
        else:
            text = _("Start")
        self.toggle.setText(text)

    # --- the editor's interface -----------------------------------------------------------------------

    def start_widget(self):
        return self.toggle

    def get_data(self) -> dict:
        return {"length": self.minutes(), **self.log.get_data()}

    def set_data(self, data: dict) -> None:
        self.pause()
        length = data.get("length")
        index = self.length.findData(length if length in core.LENGTHS and not isinstance(length, bool)
                                     else core.DEFAULT_LENGTH)
        blocked = self.length.blockSignals(True)
        self.length.setCurrentIndex(index)
        self.length.blockSignals(blocked)
        self.done_before = 0.0
        self.guide.reset(self.minutes())
        self.log.set_data(data)
        self._show()

    def retranslate(self) -> None:
        super().retranslate()
        self.setup.retranslate()
        for i, minutes in enumerate(core.LENGTHS):
            self.length.setItemText(i, ngettext("{count} minute", "{count} minutes", minutes).format(
                count=format_number(minutes)))
        self.chime_on.setText(_("Play a soft chime at the end"))
        self.log_box.setTitle(_("Afterwards"))
        self._show()


EDITOR = MindfulAttentionEditor

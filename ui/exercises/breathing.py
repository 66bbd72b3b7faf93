"""Paced breathing: an animated circle (or a steady cue), a spoken-word cue label,
an adjustable rhythm and session length, and a log of the practice."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QSizePolicy, QWidget

from app.exercises.kinds import breathing as core
from app.i18n import N_, _, localize_digits
from ui.exercises._activity_common import Fields, NumberSpin, TimedPractice
from ui.widgets import make_label

KIND = core.KIND
STEADY_LEVEL = 0.75


class BreathCircle(QWidget):
    """A circle that grows with the in-breath and shrinks with the out-breath (``level`` 0..1)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.level = STEADY_LEVEL
        self.setMinimumSize(180, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_level(self, level: float) -> None:
        if level != self.level:
            self.level = level
            self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt override)
        pal = self.palette()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, self.height() / 2)
        full = min(self.width(), self.height()) / 2 - 4
        radius = full * (0.35 + 0.65 * self.level)
        p.setPen(QPen(pal.mid().color(), 2, Qt.PenStyle.DashLine))
        p.drawEllipse(centre, full, full)
        fill = QColor(pal.highlight().color())
        fill.setAlpha(90)
        p.setPen(QPen(pal.highlight().color(), 3))
        p.setBrush(fill)
        p.drawEllipse(QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius))
        p.end()


class BreathingEditor(TimedPractice):
    COUNT = ("minutes_practised", N_("Minutes practised"), core.MAX_MINUTES)
    RATINGS = (("calm_before", N_("Calm before (0-10)")), ("calm_after", N_("Calm after (0-10)")))

    def build(self, lay) -> None:
        self.pacer = core.Pacer()
        self.session_end = 0.0
        self.finished = False
        self.circle = BreathCircle()
        self.cue = make_label("subheading")
        self.cue.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_left = make_label("muted")
        self.time_left.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.toggle)
        row.addStretch(1)
        for w in (self.circle, self.cue, self.time_left):
            lay.addWidget(w)
        lay.addLayout(row)
        self.rhythm = Fields(QFormLayout())
        self.spins = {}
        for key, label, (lo, hi) in (("inhale", N_("Breathe in (seconds)"), core.INHALE),
                                     ("hold", N_("Hold (seconds)"), core.HOLD),
                                     ("exhale", N_("Breathe out (seconds)"), core.EXHALE)):
            self.spins[key] = self.rhythm.add(label, NumberSpin(lo, hi, optional=False))
            self.spins[key].valueChanged.connect(self._rhythm_changed)
        self.minutes = self.rhythm.add(N_("Session length (minutes)"), NumberSpin(*core.SESSION_MINUTES, optional=False))
        self.minutes.setValue(5)
        self.steady = QCheckBox()
        self.rhythm.form.addRow(self.steady)
        self.steady.toggled.connect(lambda _on: self._show())
        lay.addLayout(self.rhythm.form)

    def _rhythm(self) -> tuple[int, int, int]:
        return tuple(self.spins[k].value() for k in ("inhale", "hold", "exhale"))

    def _rhythm_changed(self) -> None:
        self.pacer.set_rhythm(*self._rhythm())
        self.changed.emit()
        self._show()

    def start(self) -> None:
        if self.finished or self.session_end <= self.pacer.total:
            self.pacer.phase, self.pacer.into, self.finished = core.IN, 0.0, False
            self.session_end = self.pacer.total + self.minutes.value() * 60
        self.pacer.set_rhythm(*self._rhythm())
        super().start()
        self._show()

    def pause(self) -> None:
        super().pause()
        self._show()

    def advance(self, seconds: float) -> None:
        """Move the pacer on (the timer calls this with the real time elapsed; tests call it directly)."""
        seconds = min(seconds, max(0.0, self.session_end - self.pacer.total))
        self.pacer.advance(seconds)
        self.log.measure(round(self.pacer.total / 60))
        if self.pacer.total >= self.session_end:
            self.finished = True
            self.pause()
        self._show()

    def _show(self) -> None:
        running = self.ticker.is_running()
        if self.finished:
            cue = _("Well done. Notice how you feel now.")
        elif running or self.pacer.total > 0:
            cue = _(core.CUES[self.pacer.phase])
        else:
            cue = _("Press Start and follow the circle, or just the words.")
        self.cue.setText(cue)
        animate = (running or self.pacer.total > 0) and not (self.finished or self.steady.isChecked())
        self.circle.set_level(self.pacer.level() if animate else STEADY_LEVEL)
        left = int(max(0.0, self.session_end - self.pacer.total)) if running or self.pacer.total else \
            self.minutes.value() * 60
        clock = localize_digits(f"{left // 60}:{left % 60:02d}")  # the locale's own digits
        # Translators: {time} is minutes and seconds left, for example 4:30.
        self.time_left.setText(_("{time} left").format(time=clock))

    def get_data(self) -> dict:
        return {**self.log.get_data(), **dict(zip(("inhale", "hold", "exhale"), self._rhythm()))}

    def set_data(self, data: dict) -> None:
        self.pause()
        self.pacer.reset()
        self.session_end, self.finished = 0.0, False
        for key, default in zip(("inhale", "hold", "exhale"), core.DEFAULT):
            self.spins[key].set_number(data.get(key, default))
        self.log.set_data(data)
        self._show()

    def retranslate(self) -> None:
        super().retranslate()
        self.rhythm.retranslate()
        self.steady.setText(_("Show a steady cue instead of animation"))
        self.circle.setAccessibleName(_("Breathing pace"))
        self._show()


EDITOR = BreathingEditor

"""Progress: charts of questionnaires, daily mood, activities, exposure practice and homework over time.

Charts are built only when this page is shown, drawn off the GUI thread, and
reused until their data change (see ui/charts/card.py).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app import trends
from app.i18n import _
from app.measures import engine
from ui.charts import card as chart_card
from ui.charts import exposure as exposure_charts
from ui.charts import specs
from ui.turns import TURN_MS, Turns
from ui.widgets import EmptyState, make_label, scrolled_page


# Depression, anxiety, then functioning and the short screens; a clinic's own instruments last.
ORDER = ["phq9", "phq8", "gad7", "pswq", "phq-panic", "wsas", "phq2", "gad2"]
# Cards made and filled at once when the page is shown (the first screenful); the others one per turn of the
# event loop after, so that the window answers between them: all at once held it 70-150 ms at five years of
# entries (each card reads its data on the GUI thread, up to 15 ms for the homework weeks).
CARDS_AT_ONCE = 2


class ProgressPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("page-progress")
        self.cards: dict[str, chart_card.ChartCard] = {}
        self._pending = False
        self._cards = Turns(self, self._fill, per_turn=1, done=self._filled)  # (index, spec) to make or refresh
        self.body, lay = scrolled_page(self)
        self.heading = make_label("heading")
        self.intro = make_label("muted")
        self.empty = EmptyState()
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        lay.addWidget(self.empty)
        self.chart_box = QVBoxLayout()
        self.chart_box.setSpacing(16)
        lay.addLayout(self.chart_box)
        lay.addStretch(1)
        self.retranslate()

    def _wanted(self, store) -> list[chart_card.ChartSpec]:
        measures = engine.available(self.ctx.data_dir / "measures")
        used = trends.measures_with_results(store)
        used.sort(key=lambda mid: ORDER.index(mid) if mid in ORDER else len(ORDER))
        wanted = [specs.measure_spec(self.ctx, measures[mid]) for mid in used if mid in measures]
        for chart, spec in ((trends.MOOD, specs.mood_spec), (trends.ACTIVITIES, specs.activities_spec),
                            (trends.EXPOSURE, exposure_charts.progress_spec), (trends.HOMEWORK, specs.homework_spec)):
            if trends.has_data(store, chart):
                wanted.append(spec(self.ctx))
        return wanted

    def load(self) -> None:
        """Build or refresh the charts; waits until the page is actually shown."""
        if self.ctx.session is None:
            return
        if not self.isVisible():
            self._pending = True
            return
        self._pending = False
        wanted = self._wanted(self.ctx.session.store)
        keys = [s.key for s in wanted]
        for key in list(self.cards):
            if key not in keys:
                self.cards.pop(key).deleteLater()
        self._cards.start(enumerate(wanted), CARDS_AT_ONCE)
        self.empty.setVisible(not wanted)
        self.intro.setVisible(bool(wanted))

    def _fill(self, specs: list) -> None:
        """Make (or refresh) these cards; they draw once all are in (``ChartCard.held``)."""
        if self.ctx.session is None:
            return
        for i, spec in specs:
            card = self.cards.get(spec.key)
            if card is None:
                card = self.cards[spec.key] = chart_card.ChartCard(self.ctx, spec)
            card.held = True
            self.chart_box.insertWidget(i, card)
            card.refresh()

    def _filled(self) -> None:
        QTimer.singleShot(TURN_MS, self, self._draw_all)  # the page painted first

    def _draw_all(self) -> None:
        if self.filled and self.ctx.session is not None:  # (not if it is being filled again meanwhile)
            for card in self.cards.values():
                card.release()

    @property
    def filled(self) -> bool:
        """Every card wanted is on the page and has read its data."""
        return not self._cards.busy

    def showEvent(self, event):  # noqa: N802 - Qt API
        super().showEvent(event)
        if self._pending:
            self.load()

    @property
    def all_drawn(self) -> bool:
        return self.filled and all(c.drawn for c in self.cards.values())

    def clear(self) -> None:
        self._cards.cancel()
        for card in self.cards.values():
            card.clear()
            card.deleteLater()
        self.cards.clear()
        chart_card.forget_all()
        self.empty.setVisible(True)

    def retranslate(self) -> None:
        self.heading.setText(_("Progress"))
        self.intro.setText(_("How things have changed over the weeks. Every chart can also be read as a table."))
        self.empty.set_texts(_("Nothing to chart yet"),
                             _("Once you have answered a questionnaire, checked in on Home or kept your activity "
                               "diary, charts of how things change over the weeks will appear here."))
        for card in self.cards.values():
            card.retranslate()
        if self.ctx.session is not None and self.isVisible():
            self.load()  # dates, numbers and direction follow the language

"""Exposure charts: peak distress per practice on the Progress page (one line per ladder step), and
in the practice log, the practices of one step (between sessions) and the three ratings of one
practice (within the session). Data from ``app.exercises.exposure``; drawn by ``ui/charts/draw.py``."""

from __future__ import annotations

from app import trends
from app.exercises import exposure
from app.exercises.kinds import exposure_log
from app.i18n import _, format_date
from ui.charts import draw
from ui.charts.card import ChartSpec
from ui.charts.specs import DOT, LINE, _colors, _n

# Legend symbols for draw.STEP_MARKERS, in the same order.
MARKER_SYMBOLS = ("\u25cf", "\u25a0", "\u25b2", "\u25bc", "\u25c6", "\u271a", "\u2716", "\u2605")


def _dark(ctx) -> bool:
    from ui import theme

    return theme.resolve(ctx.theme_name) == "dark"


def progress_spec(ctx) -> ChartSpec:
    def texts(series):
        legend = []
        for i, s in enumerate(series):
            color, _marker = draw.step_style(i, _dark(ctx))
            legend.append((color, MARKER_SYMBOLS[i % len(MARKER_SYMBOLS)], s.step))
        return (_("Exposure practice"),
                _("The highest distress you rated in each practice (0 to 100), one line for each step of your "
                  "fear ladders. It often comes down as you repeat a step, but not always in a straight line."),
                legend)

    def table(series):
        # Translators: table column headings of the exposure chart.
        rows = [[s.step, format_date(p.day), _n(p.peak)] for s in series for p in s.practices]
        return [_("Step"), _("Date"), _("Highest distress")], rows

    def waiting(series):
        if any(len(s.practices) >= trends.MIN_PRACTICES for s in series):
            return None
        return _("After you have practised one step twice and rated your highest distress, how it changes "
                 "appears here.")

    return ChartSpec("exposure", trends.EXPOSURE, exposure.peak_series, draw.exposure_chart, table, texts, waiting)


def step_spec(ctx, ladder_id: str, step_id: str, step: str) -> ChartSpec:
    """Between sessions: every saved practice of one ladder step."""
    def texts(practices):
        c = _colors(ctx)
        return (_("Your practices of \u201c{step}\u201d").format(step=step),
                _("The highest distress you rated in each practice of this step, from the first practice on."),
                [(c["accent"], LINE, _("Highest distress"))])

    def table(practices):
        return ([_("Practice"), _("Date"), _("Highest distress")],
                [[_n(i), format_date(p.day), _n(p.peak)] for i, p in enumerate(practices, 1)])

    def waiting(practices):
        if len(practices) >= trends.MIN_PRACTICES:
            return None
        return _("Once you have saved two practices of this step with your highest distress, you can see "
                 "how it changes from one practice to the next here.")

    return ChartSpec(f"exposure-step:{ladder_id}:{step_id}", trends.EXPOSURE,
                     lambda store: exposure.step_peaks(store, ladder_id, step_id), draw.step_practices_chart,
                     table, texts, waiting)


def practice_spec(ctx, ratings: dict) -> ChartSpec:
    """Within one practice: the ratings as they stand in the form (saved or not)."""
    values = tuple(ratings.get(k) for k in exposure_log.RATINGS)

    def labelled():
        # Translators: short labels under the points of the chart of one practice.
        return [(_("Before"), values[0]), (_("Highest"), values[1]), (_("End"), values[2])]

    def texts(_data):
        c = _colors(ctx)
        return (_("This practice"),
                _("Your distress just before, at its highest and at the end of this practice (0 to 100)."),
                [(c["accent"], DOT, _("Distress"))])

    def table(_data):
        return [_("When"), _("Distress")], [[label, _n(v)] for label, v in labelled()]

    def waiting(_data):
        if sum(v is not None for v in values) >= 2:
            return None
        return _("Rate your distress before, at its highest and at the end to see it drawn here.")

    key = "exposure-practice:" + "-".join("x" if v is None else str(v) for v in values)
    return ChartSpec(key, trends.EXPOSURE, lambda _store: values,
                     lambda data, style: draw.practice_chart(labelled(), style), table, texts, waiting)

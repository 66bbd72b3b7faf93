"""What each Progress chart shows: where its numbers come from, its words and its table."""

from __future__ import annotations

from app import i18n, trends
from app.i18n import _, format_date
from app.measures import engine
from app.measures.labels import band_label
from ui.charts import draw
from ui.charts.card import ChartSpec

# The legend symbols match the markers drawn in ui/charts/draw.py.
LINE, DOT, SQUARE, UP, DOWN, DASH = "\u2501", "\u25cf", "\u25a0", "\u25b2", "\u25bc", "\u2504"


def _n(value) -> str:
    if value is None:
        return ""
    return i18n.format_number(int(value) if float(value).is_integer() else round(value, 1))


def _colors(ctx) -> dict:
    from ui import theme

    return theme.colors(ctx.theme_name)


def _change_word(change: str | None) -> str:
    if change == engine.IMPROVEMENT:
        return _("Reliable improvement")
    if change == engine.DETERIORATION:
        return _("Reliable deterioration")
    return ""


def measure_spec(ctx, measure: engine.Measure) -> ChartSpec:
    def texts(series):
        c = _colors(ctx)
        legend = [(c["accent"], LINE, _("Your scores"))]
        for (band_id, lo, hi), color in zip(draw.band_edges(measure), draw.band_colors(len(measure.bands))):
            legend.append((color, SQUARE, band_label(measure, band_id)))
        if measure.categorical:
            note = _("Each point shows whether your answers met this questionnaire's criteria (upper band) or not "
                     "(lower band). It is a yes-or-no result, not a severity score.")
            return _("{name} over time").format(name=measure.name), note, legend
        if not measure.bands:
            note = _("Lower is better. This questionnaire has no published severity bands, so none are shaded.")
            if series.reliable_points is not None:
                note += " " + _("A change of {points} or more on this scale is bigger than chance ups and downs "
                                "(reliable change).").format(points=_n(series.reliable_points))
            return _("{name} over time").format(name=measure.name), note, legend
        if series.reliable_points is not None:
            legend += [(c["ok"], DOWN, _("Reliable improvement since the first score")),
                       (c["error"], UP, _("Reliable deterioration since the first score"))]
            note = _("Lower is better. Shaded areas are the severity bands. A change of {points} or more on this "
                     "scale is bigger than chance ups and downs (reliable change).").format(
                points=_n(series.reliable_points))
        else:
            note = _("Lower is better. Shaded areas are the severity bands. This questionnaire has no published "
                     "value for reliable change, so none is marked.")
        return _("{name} over time").format(name=measure.name), note, legend

    def table(series):
        # Translators: table column headings; "Score" is the questionnaire total, "Band" its severity level.
        headers = [_("Date"), _("Score"), _("Band"), _("Change since the first score")]
        rows = [[format_date(p.taken_at), "" if measure.categorical else _n(p.total),
                 band_label(measure, p.band) if p.band else "",
                 _change_word(p.change)] for p in series.points]
        return headers, rows

    def waiting(series):
        if len(series.points) >= trends.MIN_SCORES:
            return None
        return _("After you have answered {name} a second time, your scores over time appear here.").format(
            name=measure.name)

    return ChartSpec(f"measure:{measure.id}", trends.MEASURES,
                     lambda store: trends.measure_series(store, measure), draw.measure_chart, table, texts, waiting)


def mood_spec(ctx) -> ChartSpec:
    def texts(series):
        c = _colors(ctx)
        return (_("Daily mood"),
                _("Each dot is one daily check-in, from 0 (very low) to 10 (very good); the line is the average of "
                  "each week."),
                [(c["muted"], DOT, _("Check-in")), (c["accent"], LINE, _("Weekly average"))])

    def table(series):
        weekly = {w: a for w, a in series.weekly}
        rows = []
        for d, mood in series.daily:
            monday = d.fromordinal(d.toordinal() - d.weekday())
            rows.append([format_date(d), _n(mood), _n(round(weekly.get(monday, 0), 1))])
        return [_("Date"), _("Mood"), _("Average that week")], rows

    def waiting(series):
        if len(series.daily) >= trends.MIN_CHECKINS:
            return None
        return _("After your second check-in, your mood over time appears here.")

    return ChartSpec("mood", trends.MOOD, trends.mood_series, draw.mood_chart, table, texts, waiting)


def activities_spec(ctx) -> ChartSpec:
    def texts(data):
        c = _colors(ctx)
        rows, overall = data
        legend = [(c["accent"], SQUARE, _("Average mood during the activity"))]
        if overall is not None:
            legend.append((c["text"], DASH, _("Your average over all activities: {mood}").format(mood=_n(round(overall, 1)))))
        return (_("Activities and mood"),
                _("From your activity diary: your most frequent activities and the mood you rated while doing "
                  "them (0 to 10)."), legend)

    def table(data):
        rows, _overall = data
        # Translators: table column headings; "Times" means how many times the activity was logged.
        return ([_("Activity"), _("Times"), _("Average mood")],
                [[r.activity, _n(r.count), _n(round(r.mean_mood, 1))] for r in rows])

    def waiting(data):
        if len(data[0]) >= trends.MIN_ACTIVITIES:
            return None
        return _("Once your activity diary has two different activities with a mood rating, you can compare "
                 "them here.")

    return ChartSpec("activities", trends.ACTIVITIES, trends.activity_moods,
                     lambda data, style: draw.activities_chart(data[0], data[1], style), table, texts, waiting)


def homework_spec(ctx) -> ChartSpec:
    def texts(weeks):
        c = _colors(ctx)
        return (_("Homework and exercises per week"),
                _("Homework you ticked off, and exercises you wrote, each week (up to the last six months)."),
                [(c["accent"], SQUARE, _("Homework ticked off")), (c["muted"], SQUARE, _("Exercises written"))])

    def table(weeks):
        return ([_("Week starting"), _("Homework ticked off"), _("Exercises written")],
                [[format_date(w.monday), _n(w.homework), _n(w.exercises)] for w in weeks])

    def waiting(weeks):
        if len(weeks) >= trends.MIN_WEEKS:
            return None
        return _("From your second week on, your homework and exercises appear here week by week.")

    return ChartSpec("homework", trends.HOMEWORK, trends.homework_weeks, draw.homework_chart, table, texts, waiting)

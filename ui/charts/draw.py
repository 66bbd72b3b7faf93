"""Draw the Progress charts as matplotlib figures (no Qt here, so a worker thread can do it).

Text inside a chart is only tick labels and short names; titles, legends and
explanations live in Qt widgets around the chart, which shape and order every
script properly. Matplotlib does neither, so right-to-left text drawn here goes
through Arabic shaping and the Unicode bidi algorithm first (``visual``), dates
in right-to-left languages use numeric patterns, and the time axis runs from
right to left. Numbers and dates come from ``app.i18n`` in the language's own
digits; invisible directional marks are dropped (matplotlib would draw boxes).

Time axes start at the first data point (first use), and span at least a week.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from app import i18n
from ui.charts import mpl

_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
MAX_NAME = 28

# Band shading, from the lowest (best) band to the highest; alpha keeps grid and line readable.
BAND_COLORS = ("#4c9a5a", "#a4b83f", "#e0b13c", "#e07b39", "#c8453a")


@dataclass(frozen=True)
class Style:
    colors: dict      # ui.theme.LIGHT or DARK
    dark: bool
    rtl: bool
    width: int = 640  # logical pixels
    height: int = 240
    dpr: float = 1.0


def visual(text: str, rtl: bool) -> str:
    """Text in the order and shapes matplotlib must draw it (it knows neither bidi nor Arabic joining)."""
    if not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text) and not rtl:
        return text.translate(_BIDI_CONTROLS)
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text), base_dir="R" if rtl else "L").translate(_BIDI_CONTROLS)


def band_colors(count: int) -> list[str]:
    """``count`` shading colours spread over the ramp (two bands: first and last)."""
    if count <= 1:
        return [BAND_COLORS[0]] * count
    step = (len(BAND_COLORS) - 1) / (count - 1)
    return [BAND_COLORS[round(i * step)] for i in range(count)]


def band_edges(measure) -> list[tuple[str, float, float]]:
    """(band id, lower edge, upper edge) for shading; edges sit halfway between neighbouring bands."""
    lows = [b.get("min", b.get("above")) for b in measure.bands]
    highs = [b.get("max", b.get("below")) for b in measure.bands]
    lowest, highest = measure.min_total, measure.max_total
    out = []
    for i, band in enumerate(measure.bands):
        lo = lowest if i == 0 else (highs[i - 1] + lows[i]) / 2
        hi = highest if i == len(measure.bands) - 1 else (highs[i] + lows[i + 1]) / 2
        out.append((band["id"], lo, hi))
    return out


def _number(value: float) -> str:
    return i18n.format_number(int(value) if float(value).is_integer() else round(value, 1))


def _date_formatter(style: Style, first: date, last: date):
    from matplotlib.dates import num2date
    from matplotlib.ticker import FuncFormatter

    long_span = (last - first).days > 300
    if style.rtl:
        skeleton = "yM" if long_span else "Md"
    else:
        skeleton = "yMMM" if long_span else "MMMd"
    def fmt(x, _pos=None):
        return visual(i18n.format_skeleton(skeleton, num2date(x).date()), style.rtl)

    return FuncFormatter(fmt)


def _axes(style: Style, *, dates: tuple[date, date] | None = None):
    """A figure with one styled axes (theme colours, grid, direction)."""
    from matplotlib.dates import AutoDateLocator
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    c = style.colors
    fig = mpl.figure(style.width, style.height, style.dpr)
    fig.set_layout_engine("constrained")
    fig.set_facecolor(c["base"])
    ax = fig.add_subplot()
    ax.set_facecolor(c["base"])
    for side, spine in ax.spines.items():
        spine.set_color(c["border"])
        spine.set_visible(side in ("bottom", "left" if not style.rtl else "right"))
    ax.tick_params(colors=c["muted"], labelcolor=c["text"], labelsize=8.5)
    ax.grid(True, axis="y", color=c["border"], linewidth=0.6, alpha=0.7)
    ax.set_axisbelow(True)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p=None: visual(_number(v), style.rtl)))
    if style.rtl:
        ax.yaxis.tick_right()
    if dates is not None:
        locator = AutoDateLocator(minticks=3, maxticks=max(3, style.width // 110))
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(_date_formatter(style, *dates))
    return fig, ax


def _finish(ax, style: Style) -> None:
    if style.rtl:
        ax.invert_xaxis()  # time (and bar length) runs from right to left


def _as_datetime(d) -> datetime:
    return d if isinstance(d, datetime) else datetime(d.year, d.month, d.day)


def _time_span(ax, first: float, last: float, *, days: float = 7, pad: float = 0.5) -> None:
    """The time axis from the first point (first use) to at least ``days`` later; a little room each side."""
    ax.set_xlim(first - pad, max(last, first + days) + pad)


MOOD_DOT_SIZE = 28  # points squared (about 7 px across): clearly visible, still apart at one dot a day


def measure_chart(series, style: Style):
    """Scores over time on shaded severity bands, with reliable-change markers."""
    from matplotlib.dates import date2num

    m, points = series.measure, series.points
    first = points[0].taken_at.date() if points else date.today()
    last = points[-1].taken_at.date() if points else date.today()
    fig, ax = _axes(style, dates=(first, last))
    alpha = 0.28 if style.dark else 0.2
    for (band_id, lo, hi), color in zip(band_edges(m), band_colors(len(m.bands))):
        ax.axhspan(lo, hi, color=color, alpha=alpha, linewidth=0, label=f"band:{band_id}")
    xs = [date2num(p.taken_at) for p in points]
    ys = [p.total for p in points]
    ax.plot(xs, ys, color=style.colors["accent"], linewidth=1.8, marker="o", markersize=4,
            label="scores", zorder=3)
    for change, marker, key in (("improvement", "v", "ok"), ("deterioration", "^", "error")):
        sel = [(x, p.total) for x, p in zip(xs, points) if p.change == change]
        if sel:
            ax.scatter([x for x, _y in sel], [y for _x, y in sel], marker=marker, s=70, zorder=4,
                       color=style.colors[key], edgecolors=style.colors["base"], linewidths=0.8,
                       label=f"change:{change}")
    pad = 0.1 if m.categorical else 0  # met / not met sit on the edges: keep their markers whole
    ax.set_ylim(m.min_total - pad, m.max_total + pad)
    if xs:
        _time_span(ax, xs[0], xs[-1], days=14, pad=1)
    _finish(ax, style)
    return fig


def mood_chart(series, style: Style):
    """Daily check-ins as dots, the weekly average as a line, on a 0-10 scale."""
    from matplotlib.dates import date2num

    days = [d for d, _m in series.daily] or [date.today()]
    fig, ax = _axes(style, dates=(days[0], days[-1]))
    c = style.colors
    # Opaque dots in the muted text colour: at least 3:1 against the chart in both themes (WCAG 1.4.11).
    ax.scatter([date2num(_as_datetime(d)) for d, _m in series.daily], [m for _d, m in series.daily],
               s=MOOD_DOT_SIZE, color=c["muted"], edgecolors=c["base"], linewidths=0.6, label="daily", zorder=2)
    # The weekly mean is drawn at the middle of its week (Thursday).
    ax.plot([date2num(_as_datetime(w)) + 3 for w, _a in series.weekly], [a for _w, a in series.weekly],
            color=c["accent"], linewidth=2, label="weekly", zorder=3)
    ax.set_ylim(-0.3, 10.3)
    _time_span(ax, date2num(_as_datetime(days[0])), date2num(_as_datetime(days[-1])))
    _finish(ax, style)
    return fig


def activities_chart(rows, overall: float | None, style: Style):
    """Average mood per activity (most frequent first), with the overall average as a line."""
    from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator

    fig, ax = _axes(style)
    c = style.colors
    ys = list(range(len(rows)))
    ax.barh(ys, [r.mean_mood for r in rows], color=c["accent"], height=0.6, label="activities")
    if overall is not None:
        ax.axvline(overall, color=c["text"], linestyle="--", linewidth=1, label="overall")
    names = [visual(_clip(r.activity), style.rtl) for r in rows]
    ax.yaxis.set_major_locator(FixedLocator(ys))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, p=None: names[int(v)] if 0 <= int(v) < len(names) else ""))
    # The most frequent at the top (an inverted axis); room for at least five rows keeps a few bars slim.
    ax.set_ylim(max(len(rows), 5) - 0.5, -0.5)
    ax.set_xlim(0, 10)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p=None: visual(_number(v), style.rtl)))
    ax.grid(True, axis="x", color=c["border"], linewidth=0.6, alpha=0.7)
    ax.grid(False, axis="y")
    _finish(ax, style)
    return fig


def homework_chart(weeks, style: Style):
    """Homework ticked and exercises written, per week, as paired bars."""
    from matplotlib.dates import date2num

    first = weeks[0].monday if weeks else date.today()
    last = weeks[-1].monday if weeks else date.today()
    fig, ax = _axes(style, dates=(first, last))
    c = style.colors
    xs = [date2num(_as_datetime(w.monday)) + 3 for w in weeks]
    ax.bar([x - 1.4 for x in xs], [w.homework for w in weeks], width=2.6, color=c["accent"], label="homework")
    ax.bar([x + 1.4 for x in xs], [w.exercises for w in weeks], width=2.6, color=c["muted"], label="exercises")
    ax.set_ylim(0, max([w.homework for w in weeks] + [w.exercises for w in weeks] + [3]) + 1)
    if weeks:  # from the first week with anything done to the end of this one
        _time_span(ax, date2num(_as_datetime(first)), date2num(_as_datetime(last)) + 7, days=14, pad=0)
    _finish(ax, style)
    return fig


def _clip(name: str) -> str:
    name = " ".join(name.split())
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1].rstrip() + "\u2026"


# Exposure lines, one per ladder step: colour-blind-safe hues (Okabe & Ito) that keep 3:1 against the chart
# in each theme, each with its own marker so the lines differ by shape as well as colour.
STEP_COLORS = {False: ("#0072b2", "#c04d00", "#007a5a", "#b4478c", "#8a6d00", "#3b5bdb", "#6b7280", "#9c2f8f"),
               True: ("#56b4e9", "#f08c4a", "#35c29a", "#e397c7", "#e6c34a", "#9fb4ff", "#c0c6cf", "#d98cd0")}
STEP_MARKERS = ("o", "s", "^", "v", "D", "P", "X", "*")


def step_style(index: int, dark: bool) -> tuple[str, str]:
    """(colour, marker) of the ``index``-th exposure line."""
    colors = STEP_COLORS[dark]
    return colors[index % len(colors)], STEP_MARKERS[index % len(STEP_MARKERS)]


def _distress_axis(ax) -> None:
    ax.set_ylim(-2, 102)


def exposure_chart(series, style: Style):
    """Peak distress of each practice over time, one line per ladder step (0-100)."""
    from matplotlib.dates import date2num

    days = sorted(p.day for s in series for p in s.practices) or [date.today()]
    fig, ax = _axes(style, dates=(days[0], days[-1]))
    for i, s in enumerate(series):
        color, marker = step_style(i, style.dark)
        ax.plot([date2num(_as_datetime(p.day)) for p in s.practices], [p.peak for p in s.practices],
                color=color, marker=marker, markersize=6, linewidth=1.8, label=f"step:{i}", zorder=3)
    _distress_axis(ax)
    _time_span(ax, date2num(_as_datetime(days[0])), date2num(_as_datetime(days[-1])))
    _finish(ax, style)
    return fig


def step_practices_chart(practices, style: Style):
    """Between sessions: the peak distress of each practice of one step, by practice number."""
    from matplotlib.ticker import MaxNLocator

    fig, ax = _axes(style)
    xs = list(range(1, len(practices) + 1))
    ax.plot(xs, [p.peak for p in practices], color=style.colors["accent"], marker="o", markersize=6,
            linewidth=1.8, label="peaks", zorder=3)
    ax.xaxis.set_major_locator(MaxNLocator(nbins=min(10, max(2, len(xs))), integer=True))
    ax.xaxis.set_major_formatter(_number_formatter(style))
    ax.set_xlim(0.7, max(len(xs), 2) + 0.3)
    _distress_axis(ax)
    _finish(ax, style)
    return fig


def practice_chart(values, style: Style):
    """Within one practice: distress before, at its highest and at the end (``values``: three
    (label, rating or None) pairs; a rating left out leaves a gap)."""
    from matplotlib.ticker import FixedLocator, FuncFormatter

    fig, ax = _axes(style)
    xs = [0, 1, 2]
    ys = [float("nan") if v is None else v for _label, v in values]
    ax.plot(xs, ys, color=style.colors["accent"], marker="o", markersize=7, linewidth=2, label="practice", zorder=3)
    names = [visual(label, style.rtl) for label, _v in values]
    ax.xaxis.set_major_locator(FixedLocator(xs))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p=None: names[int(round(v))] if 0 <= round(v) < 3 else ""))
    ax.set_xlim(-0.3, 2.3)
    _distress_axis(ax)
    _finish(ax, style)
    return fig


def _number_formatter(style: Style):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _p=None: visual(_number(v), style.rtl))

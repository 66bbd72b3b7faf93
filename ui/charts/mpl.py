"""Matplotlib, loaded on first use and kept off the start-up path.

Its config and font-cache folder is placed inside Hearth's own data folder,
never the user's home cache, before matplotlib is imported. Figures are
built with the object API and the Agg canvas only (no pyplot, no Qt backend),
so they can be drawn in a worker thread; the PNG bytes stay in memory.
"""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

from app import fsutil

_lock = threading.Lock()
_draw_lock = threading.Lock()
_ready = False


def drawing():
    """Hold while building and rendering a figure: matplotlib is not thread-safe, so one at a time."""
    return _draw_lock


def load(data_dir: Path) -> None:
    """Point matplotlib at ``<data>/cache/matplotlib`` and import it (once)."""
    global _ready
    with _lock:
        if _ready:
            return
        folder = Path(data_dir) / "cache" / "matplotlib"
        fsutil.make_private_dir(folder.parent)  # owner-only whatever the umask (font cache lives here)
        fsutil.make_private_dir(folder)
        os.environ["MPLCONFIGDIR"] = str(folder)
        os.environ.setdefault("MPLBACKEND", "Agg")
        import matplotlib

        matplotlib.use("Agg", force=True)
        # parse_math off: names people type (an activity "Paid $5, owed $10") are text, never TeX: two dollar
        # signs set the words between them as a formula, and a stray backslash stopped the chart being drawn.
        matplotlib.rcParams.update({"svg.fonttype": "path", "font.size": 9, "axes.titlesize": 9,
                                    "figure.max_open_warning": 0, "text.parse_math": False})
        _ready = True
    from ui import heap

    heap.loaded_more()  # matplotlib stays loaded: its objects need no more walks by the collector (ui.heap)


def ready() -> bool:
    return _ready


def warm(data_dir: Path) -> None:
    """Load matplotlib and the modules a first figure needs, ahead of time (in a worker)."""
    load(data_dir)
    from matplotlib.backends import backend_agg  # noqa: F401 - imported for its side effect: loaded once
    from matplotlib import figure as _figure  # noqa: F401
    from matplotlib import font_manager

    # the font cache read (or built) now, not at the first chart
    font_manager.findfont(font_manager.FontProperties(family=["sans-serif"]))


def figure(width_px: int, height_px: int, dpr: float = 1.0):
    """A new Figure of that size in logical pixels, drawn at ``dpr`` device pixels per pixel."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    dpi = 96 * dpr
    fig = Figure(figsize=(max(width_px, 200) / 96, max(height_px, 120) / 96), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


def to_rgba(fig) -> tuple[bytes, int, int]:
    """Render once for the screen: the RGBA pixels, their width and height. ``savefig`` would lay a figure with
    a layout engine out in a draw of its own before the real one, then encode a PNG that the screen decodes
    again; together about half of what a Progress chart cost (issue 15)."""
    canvas = fig.canvas
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    rgba = bytes(canvas.buffer_rgba())
    _release(fig)
    return rgba, width, height


def _release(fig) -> None:
    """Let go of a drawn figure's pixels and artists at once. A figure and its parts refer to each other, so
    without this they waited for Python's next full collection, each chart's pixel buffer (about 1 MB) with them."""
    fig.clear()
    fig.canvas.__dict__.pop("renderer", None)


def to_bytes(fig, fmt: str = "png", dpi: float | None = None) -> bytes:
    """Render to PNG or SVG in memory (never a temporary file)."""
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi or fig.dpi, facecolor=fig.get_facecolor())
    _release(fig)
    return buf.getvalue()

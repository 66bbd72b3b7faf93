"""One chart on the Progress page: picture, legend, table view and "Save image".

The picture is drawn in a worker thread and kept in memory (never on disk)
until the data it shows change, the theme or language changes, or the size
changes noticeably. Locking forgets every picture (``forget_all``).

Until its data are enough to mean something (``ChartSpec.waiting``), a card
shows a short text saying what the chart will show and when, not a chart.
The legend belongs to the picture: the table view hides it.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QScrollArea, QSizePolicy, QStackedWidget, QStyle, QTableView,
                               QWidget)

from app import i18n, trends
from app.errors import HearthError
from app.fsutil import atomic_write_bytes
from app.i18n import _
from ui import theme
from ui.charts import draw, mpl
from ui.widgets import card_in, make_label
from ui.wrap_label import WrapLabel
from ui.worker import run_async

CHART_HEIGHT = 250
_CACHE: OrderedDict = OrderedDict()  # key -> QPixmap (shared with the label that shows it: no second copy)
_CACHE_BYTES = 32 * 2**20            # pictures not shown any more are dropped, oldest first, beyond this


def forget_all() -> None:
    """Drop every rendered chart (on lock)."""
    _CACHE.clear()


def _trim_cache() -> None:
    """Keep the newest pictures within ``_CACHE_BYTES`` (a picture still shown costs nothing more: it is shared)."""
    total = sum(_size(p) for p in _CACHE.values())
    while total > _CACHE_BYTES and len(_CACHE) > 1:
        total -= _size(_CACHE.popitem(last=False)[1])


def _size(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4


@dataclass
class ChartSpec:
    key: str                                   # unique per chart, e.g. "measure:phq9"
    source: str                                # trends.MEASURES / MOOD / ...
    fetch: Callable                            # store -> data (GUI thread; quick)
    draw: Callable                             # (data, draw.Style) -> Figure (worker thread)
    table: Callable                            # data -> (headers, rows of strings)
    texts: Callable                            # data -> (title, description, legend [(colour, symbol, label)])
    waiting: Callable = lambda _data: None     # data -> what will appear and when, or None once it can be drawn


class _Table(QAbstractTableModel):
    def __init__(self, headers: list[str], rows: list[list[str]]):
        super().__init__()
        self.headers, self.rows = headers, rows

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.rows[index.row()][index.column()]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ChartCard(QWidget):
    def __init__(self, ctx, spec: ChartSpec, parent=None):
        super().__init__(parent)
        self.ctx, self.spec = ctx, spec
        self.data = None
        self.rendered_key = None
        self._drawing_key = None
        self._generation = 0
        # While the page around it is still being filled, the card draws nothing: a drawing's worker (importing
        # matplotlib the first time) and the GUI thread laying out the next cards took turns with Python's lock,
        # and each went at half speed (bench/pages.py: the Progress page held the window 100-150 ms).
        self.held = False
        self.setObjectName(f"chart-{spec.key}")
        lay = card_in(self)
        self.title = make_label("subheading")
        self.description = make_label("muted")
        self.legend = WrapLabel()
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.waiting = make_label("muted")
        self.waiting.hide()
        self.picture = QLabel()
        self.picture.setMinimumHeight(CHART_HEIGHT)
        # The picture follows the card's width; it must never widen the page itself.
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.picture.installEventFilter(self)
        self.table = QTableView()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(CHART_HEIGHT)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrow keys move between cells
        # The corner "select all" button: no row header is shown, so it serves nothing; named all the same.
        self.table.setCornerButtonEnabled(False)
        self.corner = self.table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        self.views = QStackedWidget()
        self.views.addWidget(self.picture)
        self.views.addWidget(self.table)
        self.show_table = QPushButton()
        self.show_table.setCheckable(True)
        self.show_table.toggled.connect(self._toggle_table)
        self.save = QPushButton()
        self.save.clicked.connect(self.save_image)
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.show_table)
        row.addWidget(self.save)
        row.addStretch(1)
        for w in (self.title, self.description, self.waiting, self.views, self.legend, self.buttons):
            lay.addWidget(w)
        self._resize_timer = QTimer(self, singleShot=True)
        self._resize_timer.timeout.connect(self._draw)
        self.retranslate()

    # --- data and drawing --------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the data if it changed and show the (cached or newly drawn) picture."""
        store = self.ctx.session.store
        self.version = trends.version(store, self.spec.source)
        self.data = self.spec.fetch(store)
        self.retranslate()
        if not self.is_waiting:
            self._resize_timer.start(0)  # once the layout has given the picture its width

    def release(self) -> None:
        """Draw from now on (see ``held``)."""
        self.held = False
        if self.data is not None and not self.is_waiting:
            self._draw()

    @property
    def is_waiting(self) -> bool:
        """Whether the data are still too few to chart (the card says what will appear, and when)."""
        return self.data is not None and self.spec.waiting(self.data) is not None

    def _style(self, width: int | None = None, dpr: float | None = None) -> draw.Style:
        name = theme.resolve(self.ctx.theme_name)
        return draw.Style(theme.colors(name), name == "dark", i18n.is_rtl(), width or self._chart_width(),
                          CHART_HEIGHT, dpr or self.devicePixelRatioF())

    def _chart_width(self) -> int:
        width = self.picture.width() if self.isVisible() else 0
        if width > 100:
            width -= self._scroll_bar_room()
        width = max(320, min(width if width > 100 else 640, 1400))
        return width - width % 20  # steps of 20 px: never wider than the space, few re-draws

    def _scroll_bar_room(self) -> int:
        """The width a vertical scroll bar would take from the page while it is hidden. A picture drawn before
        the scroll bar appears (cards are added one after another, the page grows) would otherwise be drawn
        again a few milliseconds later at the narrower width: every chart of the Progress page was drawn
        twice on its first show."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is None or parent.verticalScrollBar().isVisible() \
                or parent.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            return 0
        return parent.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, parent)

    def _cache_key(self, style: draw.Style) -> tuple:
        return (self.spec.key, self.version, style.dark, style.rtl, i18n.current_language(),
                style.width, style.dpr)

    def _draw(self) -> None:
        if self.data is None or self.is_waiting or self.held:
            return
        style = self._style()
        key = self._cache_key(style)
        if key == self._drawing_key:
            return
        cached = _CACHE.get(key)
        if key == self.rendered_key or cached is not None:
            # What is shown, or cached: a drawing still under way (at another width) is no longer wanted. Without
            # this its result came later and replaced the right picture with one of the wrong width, and nothing
            # asked for a drawing again.
            self._generation += 1
            self._drawing_key = None
            if key != self.rendered_key:
                _CACHE.move_to_end(key)
                self._show(cached, key)
            return
        self._generation += 1
        self._drawing_key = key
        generation, data, data_dir = self._generation, self.data, self.ctx.data_dir
        self.picture.setText(_("Drawing the chart\u2026"))

        def work():
            mpl.load(data_dir)
            with mpl.drawing():
                rgba, width, height = mpl.to_rgba(self.spec.draw(data, style))
            # A QImage may be made off the GUI thread (a QPixmap may not); converted here to the format the
            # screen paints without converting again.
            return QImage(rgba, width, height, QImage.Format.Format_RGBA8888).convertToFormat(
                QImage.Format.Format_ARGB32_Premultiplied)

        def done(image: QImage) -> None:
            if generation != self._generation:
                return  # a newer drawing was asked for meanwhile
            self._drawing_key = None
            image.setDevicePixelRatio(style.dpr)
            pixmap = QPixmap.fromImage(image)
            _CACHE[key] = pixmap
            _trim_cache()
            self._show(pixmap, key)

        def failed(_exc) -> None:
            if generation == self._generation:
                self._drawing_key = None
                self.picture.setText(_("This chart could not be drawn. The table shows the same numbers."))

        run_async(work, done, failed, self)

    def _show(self, pixmap: QPixmap, key: tuple) -> None:
        self.picture.setPixmap(pixmap)
        self.rendered_key = key

    @property
    def drawn(self) -> bool:
        """Whether the card shows what it should: the current picture, or its "not yet" text."""
        if self.is_waiting:
            return True
        return self.rendered_key is not None and self.rendered_key == self._cache_key(self._style())

    def eventFilter(self, obj, event):  # noqa: N802 - Qt API
        if obj is self.picture and event.type() == QEvent.Type.Resize and self.data is not None \
                and not self.is_waiting:
            # The first picture as soon as the layout has given the card its width (a 250 ms wait here was most of
            # what the Progress page's first paint added to bare matplotlib); a re-draw at a new width waits
            # until resizing settles.
            self._resize_timer.start(0 if self.rendered_key is None else 250)
        return False

    def clear(self) -> None:
        self._generation += 1
        self.data = None
        self.rendered_key = self._drawing_key = None
        self.picture.clear()
        self.table.setModel(None)

    # --- table and saving ----------------------------------------------------------------

    def _toggle_table(self, on: bool) -> None:
        if on and self.data is not None:
            headers, rows = self.spec.table(self.data)
            self.table.setModel(_Table(headers, rows))
        self.views.setCurrentIndex(1 if on else 0)
        self.retranslate()

    def save_image(self) -> None:
        if self.data is None or self.is_waiting:
            return
        answer = QMessageBox.warning(
            self, _("Save the chart as a picture"),
            _("The picture will not be encrypted: anyone who can open the file can see what it shows. Save it "
              "only somewhere private, and delete it when you no longer need it."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Save:
            return
        png_filter, svg_filter = _("PNG image (*.png)"), _("SVG image (*.svg)")
        # Qt's own dialog: a native one may add the file to the desktop's recent-files list.
        path, chosen = QFileDialog.getSaveFileName(
            self, _("Save the chart as a picture"), str(Path.home() / f"{self.spec.key.replace(':', '-')}.png"),
            f"{png_filter};;{svg_filter}", "", QFileDialog.Option.DontUseNativeDialog)
        if path:
            self.write_image(Path(path), "svg" if chosen == svg_filter or path.lower().endswith(".svg") else "png")

    def write_image(self, path: Path, fmt: str) -> None:
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        try:
            mpl.load(self.ctx.data_dir)
            with mpl.drawing():
                data = mpl.to_bytes(self.spec.draw(self.data, self._style(width=900, dpr=2.0)), fmt)
            atomic_write_bytes(path, data)
        except (OSError, HearthError):
            QMessageBox.warning(self, _("Save the chart as a picture"),
                                _("The picture could not be saved there. Choose another folder, or check that "
                                  "the disk is not full."))

    # --- language ------------------------------------------------------------------------

    def _show_parts(self) -> None:
        """The "not yet" text or the chart; in table view, the table without the picture's legend."""
        waiting = self.is_waiting
        self.waiting.setVisible(waiting)
        for w in (self.description, self.views, self.buttons):
            w.setVisible(not waiting)
        self.legend.setVisible(not waiting and not self.show_table.isChecked())

    def retranslate(self) -> None:
        self.show_table.setText(_("Show as chart") if self.show_table.isChecked() else _("Show as table"))
        self.save.setText(_("Save image\u2026"))
        if self.corner is not None:
            self.corner.setAccessibleName(_("Select the whole table"))
        if self.data is None:
            return
        self._show_parts()
        title, description, legend = self.spec.texts(self.data)
        self.title.setText(title)
        self.waiting.setText(self.spec.waiting(self.data) or "")
        self.description.setText(description)
        self.legend.setText("&nbsp;&nbsp; ".join(
            f'<span style="color:{color}">{escape(symbol)}</span>&nbsp;{escape(label)}'
            for color, symbol, label in legend))
        self.picture.setAccessibleName(_("Chart: {title}").format(title=title))
        self.picture.setAccessibleDescription(description)
        self.table.setAccessibleName(_("Table: {title}").format(title=title))
        self.show_table.setAccessibleName((_("Show {title} as a chart") if self.show_table.isChecked()
                                           else _("Show {title} as a table")).format(title=title))
        self.save.setAccessibleName(_("Save {title} as a picture").format(title=title))

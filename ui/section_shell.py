"""The body of an unlocked window: a sidebar of sections (Ctrl+1..N), a notice bar, one page per section.

The patient's shell and the clinician workspace differ only in their sections;
both keep a sync-folder watcher running while unlocked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from app.i18n import _
from ui.exchange.sync import NoticeBar, SyncWatcher, notice_text
from ui import a11y
from ui.widgets import WrappingList, focus_first_in


class LazyPages(dict):
    """Section key -> page, each page built by its factory the first time it is asked for (``pages[key]``).
    ``values()`` and ``items()`` give only the pages built so far: a page never shown has nothing to flush,
    clear or retranslate."""

    def __init__(self, factories: dict, on_built=None):
        super().__init__()
        self.factories = factories
        self.on_built = on_built

    def __getitem__(self, key):
        if not dict.__contains__(self, key):
            page = self.factories[key]()
            dict.__setitem__(self, key, page)
            if self.on_built is not None:
                self.on_built(key, page)
        return dict.__getitem__(self, key)

    def __contains__(self, key) -> bool:
        return key in self.factories

    def built(self, key) -> bool:
        return dict.__contains__(self, key)


class SectionShell(QWidget):
    SECTIONS: tuple[tuple[str, str], ...] = ()  # (key, untranslated sidebar label) in order

    def __init__(self, ctx, pages: dict, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.pages = pages
        self._built = False  # until the end of __init__: showing the first section fills nothing (load() does)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.sidebar = WrappingList()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(230)
        self.stack = QStackedWidget()
        self.notice = NoticeBar()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self.notice)
        right.addWidget(self.stack, 1)
        lay.addWidget(self.sidebar)
        lay.addLayout(right, 1)
        lazy = isinstance(pages, LazyPages)
        if lazy:
            pages.on_built = self._page_built
        for key, _label in self.SECTIONS:
            # a lazy page waits behind an empty stand-in until it is first shown (issue 15: unlock built all seven)
            self.stack.addWidget(QWidget() if lazy and not pages.built(key) else self.pages[key])
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        for i in range(len(self.SECTIONS)):
            sc = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            sc.activated.connect(lambda i=i: self.jump_to(i))
        self.sidebar.setCurrentRow(0)
        self.sync = SyncWatcher(ctx, self)
        self.sync.scanned.connect(self._synced)
        self._built = True

    def _page_built(self, key: str, page) -> None:
        index = [k for k, _l in self.SECTIONS].index(key)
        stand_in = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)

    def _synced(self, result) -> None:
        """New files arrived through the sync folder: say so, and let subclasses refresh."""
        self.notice.show_text(notice_text(result))

    def go(self, key: str) -> None:
        self.sidebar.setCurrentRow([k for k, _l in self.SECTIONS].index(key))

    def jump_to(self, row: int) -> None:
        """Ctrl+number: open a section and put focus where its work starts (not on the sidebar)."""
        self.sidebar.setCurrentRow(row)
        page = self.stack.currentWidget()
        a11y.announce(self, _(self.SECTIONS[row][1]))
        focus_start = getattr(page, "focus_start", None)
        # after the page has shown what it just built (new widgets appear at the next turn)
        def start() -> None:
            if focus_start is not None:
                focus_start()
            elif not focus_first_in(page):
                self.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)  # nothing to press yet: stay on the section
        QTimer.singleShot(0, self, start)  # not once the shell is gone

    def current_key(self) -> str:
        return self.SECTIONS[self.stack.currentIndex()][0]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages[self.SECTIONS[row][0]]  # built the first time it is shown
        self.stack.setCurrentIndex(row)
        if self._built:
            self.load_shown()

    def load(self) -> None:
        """Start at the first section and fill only it from the newly opened session: every other page is
        filled when it is shown (``_row_changed``), so unlocking does not wait for pages nobody looks at."""
        if self.sidebar.currentRow() != 0:
            self.sidebar.setCurrentRow(0)  # shows and loads it
        else:
            self.load_shown()
        self.sync.start()

    def load_shown(self) -> None:
        page = self.stack.currentWidget()
        if self.ctx.unlocked and hasattr(page, "load"):
            page.load()

    def flush(self) -> None:
        """Save what is being typed as drafts (before locking)."""
        for page in self.pages.values():
            if hasattr(page, "flush"):
                page.flush()

    def clear(self) -> None:
        """Forget everything shown from the store (on lock)."""
        self.sync.stop()
        self.notice.clear()
        for page in self.pages.values():
            if hasattr(page, "clear"):
                page.clear()
        self.sidebar.setCurrentRow(0)

    def retranslate(self) -> None:
        self.retranslate_sections()
        for page in self.pages.values():
            page.retranslate()

    def retranslate_sections(self) -> None:
        """The sidebar's and the notice's words (a page's own are set when it is built, and by ``retranslate``)."""
        self.sidebar.setAccessibleName(_("Sections"))
        for i, (_key, label) in enumerate(self.SECTIONS):
            item = self.sidebar.item(i)
            item.setText(_(label))
            item.setToolTip(_("{section} (Ctrl+{number})").format(section=_(label), number=i + 1))
        self.notice.retranslate()

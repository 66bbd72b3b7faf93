"""The unlocked app: a navigation sidebar and one page per section."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from app.i18n import N_, _
from ui.exchange.sync import NoticeBar, SyncWatcher, notice_text
from ui.pages.clinician import ClinicianPage
from ui.pages.exercises import ExercisesPage
from ui.pages.home import HomePage
from ui.pages.measures import MeasuresPage
from ui.pages.program import ProgramPage
from ui.pages.progress import ProgressPage
from ui.pages.settings import SettingsPage

# (key, sidebar label) in sidebar order; Ctrl+1..7 jump to them.
SECTIONS = (
    ("home", N_("Home")),
    ("program", N_("Program")),
    ("journal", N_("Exercises & journal")),
    ("measures", N_("Measures")),
    ("progress", N_("Progress")),
    ("clinician", N_("Clinician")),
    ("settings", N_("Settings")),
)


class ShellPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.sidebar = QListWidget()
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
        self.pages = {
            "home": HomePage(ctx, self.go, self.open_module),
            "program": ProgramPage(ctx, self.open_exercise),
            "journal": ExercisesPage(ctx),
            "measures": MeasuresPage(ctx),
            "progress": ProgressPage(ctx),
            "clinician": ClinicianPage(ctx),
            "settings": SettingsPage(ctx),
        }
        for key, _label in SECTIONS:
            self.stack.addWidget(self.pages[key])
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        for i in range(len(SECTIONS)):
            sc = QShortcut(QKeySequence(f"Ctrl+{i + 1}"), self)
            sc.activated.connect(lambda i=i: self.sidebar.setCurrentRow(i))
        self.sidebar.setCurrentRow(0)
        self.pages["clinician"].changed.connect(self._exchange_changed)
        self.pages["clinician"].sync.changed.connect(lambda: self.sync.start())
        self.sync = SyncWatcher(ctx, self)
        self.sync.scanned.connect(self._synced)
        self.retranslate()

    def _exchange_changed(self) -> None:
        """Feedback arrived or progress was sent: pages that show it refresh."""
        for key in ("home", "program", "measures"):
            self.pages[key].load()

    def _synced(self, result) -> None:
        self.notice.show_text(notice_text(result))
        self.pages["clinician"].load()
        self._exchange_changed()

    def go(self, key: str) -> None:
        self.sidebar.setCurrentRow([k for k, _l in SECTIONS].index(key))

    def open_exercise(self, kind: str, spec: dict | None, program_id: str | None, module_id: str | None) -> None:
        self.go("journal")
        self.pages["journal"].open(kind, spec, program_id, module_id)

    def open_module(self, module_id: str | None) -> None:
        self.go("program")
        self.pages["program"].load(module_id)

    def current_key(self) -> str:
        return SECTIONS[self.stack.currentIndex()][0]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if self.ctx.unlocked and hasattr(page, "load"):
            page.load()

    def load(self) -> None:
        """Fill every page from the newly opened session, starting at Home."""
        self.sidebar.setCurrentRow(0)
        for page in self.pages.values():
            if hasattr(page, "load"):
                page.load()
        self.sync.start()

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
        self.sidebar.setAccessibleName(_("Sections"))
        for i, (_key, label) in enumerate(SECTIONS):
            item = self.sidebar.item(i)
            item.setText(_(label))
            item.setToolTip(_("{section} (Ctrl+{number})").format(section=_(label), number=i + 1))
        for page in self.pages.values():
            page.retranslate()
        self.notice.retranslate()

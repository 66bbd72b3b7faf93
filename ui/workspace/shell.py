"""A clinician workspace's window body: Patients, Audit and Settings in a sidebar (Ctrl+1..3)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QVBoxLayout, QWidget

from app.i18n import N_, _
from ui.exchange.audit_view import AuditView
from ui.exchange.sync import NoticeBar, SyncWatcher, notice_text
from ui.pages.settings import SettingsPage
from ui.widgets import make_label
from ui.workspace.patients import PatientsPage

SECTIONS = (
    ("patients", N_("Patients")),
    ("audit", N_("Exchange log")),
    ("settings", N_("Settings")),
)


class AuditPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("page-audit")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 28)
        self.heading = make_label("heading")
        self.view = AuditView(ctx)
        lay.addWidget(self.heading)
        lay.addWidget(self.view, 1)
        self.retranslate()

    def load(self) -> None:
        self.view.load()

    def clear(self) -> None:
        self.view.clear()

    def retranslate(self) -> None:
        self.heading.setText(_("Exchange log"))
        self.view.retranslate()


class WorkspaceShell(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workspaceShell")
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
        self.pages = {"patients": PatientsPage(ctx), "audit": AuditPage(ctx), "settings": SettingsPage(ctx)}
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
        self.sync = SyncWatcher(ctx, self)
        self.sync.scanned.connect(self._synced)
        self.pages["patients"].sync.changed.connect(lambda: self.sync.start())
        self.retranslate()

    def go(self, key: str) -> None:
        self.sidebar.setCurrentRow([k for k, _l in SECTIONS].index(key))

    def current_key(self) -> str:
        return SECTIONS[self.stack.currentIndex()][0]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        page = self.stack.currentWidget()
        if self.ctx.unlocked and hasattr(page, "load"):
            page.load()

    def _synced(self, result) -> None:
        self.notice.show_text(notice_text(result))
        self.pages["patients"].refresh()

    def load(self) -> None:
        self.sidebar.setCurrentRow(0)
        for page in self.pages.values():
            if hasattr(page, "load"):
                page.load()
        self.sync.start()

    def flush(self) -> None:
        for page in self.pages.values():
            if hasattr(page, "flush"):
                page.flush()

    def clear(self) -> None:
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

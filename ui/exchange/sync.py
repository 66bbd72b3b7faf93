"""The sync folder: scanned on unlock and every 60 s while unlocked, in a worker thread.

New files show a notice that does not interrupt (a bar above the page). The
folder path is a preference inside the encrypted store, never in plain settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

from app.exchange import readable, syncfolder
from app.i18n import _, ngettext
from ui.widgets import make_label
from ui.worker import run_async

INTERVAL_MS = 60_000


class SyncWatcher(QObject):
    scanned = Signal(object)  # syncfolder.ScanResult, only when something was imported or refused

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.scan)

    def start(self) -> None:
        self.timer.start()
        self.scan()

    def stop(self) -> None:
        self.timer.stop()

    def scan(self) -> None:
        session = self.ctx.session
        folder = self.ctx.prefs.sync_folder if session else ""
        if self.busy or not folder or not Path(folder).is_dir():
            return
        self.busy = True

        def done(result) -> None:
            self.busy = False
            if self.ctx.session is session and (result.imported or result.refused):
                self.scanned.emit(result)

        def failed(_exc) -> None:
            self.busy = False  # locked meanwhile, or the folder vanished: try again next time

        run_async(lambda: syncfolder.scan(session, Path(folder)), done, failed, self)


def notice_text(result) -> str:
    parts = []
    for imp in result.imported:
        parts.append(_("New file from {name} imported: {what}.").format(
            name=imp.contact.display_name, what=readable.counts_text(imp.counts)))
    if result.refused:
        n = len(result.refused)
        parts.append(ngettext("{count} file in the sync folder was refused: {reason}",
                              "{count} files in the sync folder were refused; the first: {reason}", n).format(
            count=n, reason=result.refused[0][1].message()))
    return " ".join(parts)


class NoticeBar(QFrame):
    """A dismissable line of news above the page (screen readers get it as the accessible description)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setProperty("role", "card")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        self.text = make_label()
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.hide)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.close_button)
        self.hide()
        self.retranslate()

    def show_text(self, text: str) -> None:
        from ui import a11y

        self.text.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(text))
        a11y.announce(self, text)

    def clear(self) -> None:
        self.text.clear()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setText(_("Dismiss"))
        self.close_button.setAccessibleName(_("Dismiss this notice"))

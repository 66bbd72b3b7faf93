"""Fresh Hearth windows for the real-display lane: one data folder, language and theme per test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app import i18n
from app.crypto.keyfile import TEST_KDF
from app.profiles import ProfileManager
from tests.conftest import PASSWORD
from ui import theme
from ui.context import AppContext
from ui.main_window import MainWindow

# The configurations every layout check runs in: (locale, theme).
# Persian: the second right-to-left language, with its own digits (French, Spanish and Ukrainian are
# covered by en_XA's 40% longer text; looked at in real windows when they were added).
CONFIGS = [("en", "light"), ("de", "light"), ("ar", "light"), ("en_XA", "light"), ("en", "dark"), ("fa", "light")]
CONFIG_IDS = [f"{loc}-{th}" for loc, th in CONFIGS]


class Windows:
    """Makes MainWindows on a fresh data folder; closes them and restores English/light after."""

    def __init__(self, qtbot, tmp_path):
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.windows = []

    def manager(self) -> ProfileManager:
        return ProfileManager(self.tmp_path / "data", TEST_KDF)

    def open(self, *, locale: str = "en", theme_name: str = "light", size=(1100, 740), before_show=None):
        """A window at its first show; ``before_show(win, ctx)`` runs between building and showing it."""
        manager = self.manager()
        ctx = AppContext(self.tmp_path / "data", manager, forced_locale=locale)
        ctx.device.theme = theme_name
        ctx.apply_device_settings()
        win = MainWindow(ctx)
        win.resize(*size)
        if before_show is not None:
            before_show(win, ctx)
        self.qtbot.addWidget(win)
        win.show()
        self.qtbot.waitExposed(win)
        win.activateWindow()
        self.qtbot.waitUntil(win.isActiveWindow, timeout=3000)
        self.qtbot.wait(50)
        self.windows.append(win)
        return win, ctx

    def close(self) -> None:
        for win in self.windows:
            if win.ctx.unlocked:
                win.lock()
            win.close()
        i18n.set_language("en")
        app = QApplication.instance()
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        theme.apply(app, "light")


def make_profile(manager: ProfileManager, name: str = "Alex", *, kind: str = "patient", fill=None):
    """A locked profile, optionally filled by ``fill(session)`` first."""
    session, _key = manager.create(name, PASSWORD, kind=kind)
    if fill is not None:
        fill(session)
    session.lock()
    return manager.find(name)


def unlock(qtbot, win, password: str = PASSWORD) -> None:
    """Type the password and press Enter, as a person would; wait until the shell is shown."""
    page = win.unlock_page
    qtbot.keyClicks(page.password.edit, password)
    qtbot.keyClick(page.password.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.ctx.unlocked and win.stack.currentWidget() is win.shell, timeout=15000)
    qtbot.wait(100)

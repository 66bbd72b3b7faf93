"""The window: a toolbar (Get help now, Lock) over one stack of pages."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QMainWindow, QMessageBox, QSizePolicy, QStackedWidget, QToolBar,
                               QToolButton, QWidget)

from app.i18n import _
from app.profiles.manager import KEYFILE
from ui import a11y, app_icon, heap, warm
from ui.clipboard_guard import ClipboardGuard
from ui.idle import IdleWatcher


REMINDERS_AFTER_MS = 300


class MainWindow(QMainWindow):
    def __init__(self, ctx):
        super().__init__()
        a11y.install()
        self.ctx = ctx
        self.setWindowTitle("Hearth")  # never the profile name or any content
        self.setWindowIcon(app_icon.icon())
        self.resize(1100, 740)
        self.setMinimumSize(760, 540)

        bar = QToolBar()
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.addToolBar(bar)
        self.help_action = QAction(self)
        self.help_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.help_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.help_action.triggered.connect(lambda: self.show_help())
        self.help_button = QToolButton()
        self.help_button.setObjectName("helpButton")
        self.help_button.setDefaultAction(self.help_action)
        bar.addWidget(self.help_button)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.send_action = QAction(self)  # patients paired with a clinician only
        self.send_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.send_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.send_action.triggered.connect(self.send_progress)
        self.send_action.setVisible(False)
        bar.addAction(self.send_action)
        bar.widgetForAction(self.send_action).setObjectName("sendProgressButton")
        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(self.lock)
        bar.addAction(self.lock_action)
        bar.widgetForAction(self.lock_action).setObjectName("lockButton")
        for action in (self.send_action, self.lock_action):  # tool bar buttons take no focus by default
            bar.widgetForAction(action).setFocusPolicy(Qt.FocusPolicy.TabFocus)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._pages: dict[str, QWidget] = {}
        self._shell_key = "shell"  # "workspace" while a clinician workspace is open
        ctx.language_changed.connect(self.retranslate)
        ctx.appearance_changed.connect(self._apply_autolock)
        ctx.session_ended.connect(self._after_lock)
        # Queued even from this thread: a check that ended before the window listened reports at once, in the
        # middle of opening the session; the lock must come after the opening has finished.
        ctx.store_damaged.connect(self._store_damaged, Qt.ConnectionType.QueuedConnection)
        ctx.help_requested.connect(self.show_help)

        self.idle = IdleWatcher(QGuiApplication.instance(), self.lock, owner=self)
        self.clipboard_guard = ClipboardGuard(self)
        self._reminders = None
        self._told_tray = False
        # The tray and the reminders' clock a moment after the window has painted (their modules were about
        # 10 ms of start-up); made at once wherever they are needed first.
        QTimer.singleShot(REMINDERS_AFTER_MS, self, lambda: self.reminders)
        self.retranslate()
        self.show_start()

    @property
    def reminders(self):
        if self._reminders is None:
            from ui.tray import Reminders

            self._reminders = Reminders(self.ctx, self)
            self._reminders.quit_requested.connect(self.quit)
            if self._reminders.in_tray:  # the window may close while Hearth stays in the tray
                QApplication.setQuitOnLastWindowClosed(False)
            if self.ctx.unlocked:  # a profile opened before (the demo opens one at once)
                self._reminders.session_started()
        return self._reminders

    # --- pages, built on first use (start-up builds only the first one) -----------

    def _page(self, key: str):
        page = self._pages.get(key)
        if page is None:
            page = self._build(key)
            self._pages[key] = page
            self.stack.addWidget(page)
        return page

    def _build(self, key: str):
        ctx = self.ctx
        if key == "welcome":
            from ui.pages.welcome import WelcomePage

            page = WelcomePage(ctx)
            page.start_requested.connect(lambda: self.show_page(self.create))
            page.profile_arrived.connect(self.show_start)
            page.language_chosen.connect(ctx.set_language)
        elif key == "create":
            from ui.pages.create_profile import CreateProfilePage

            page = CreateProfilePage(ctx)
            page.language_chosen.connect(ctx.set_language)
            page.created.connect(self._session_opened)
            page.cancelled.connect(self.show_start)
        elif key == "unlock":
            from ui.pages.unlock import UnlockPage

            page = UnlockPage(ctx)
            page.unlocked.connect(self._session_opened)
            page.forgot.connect(self._forgot)
            page.create_requested.connect(lambda: self.show_page(self.create))
        elif key == "recover":
            from ui.pages.recover import RecoverPage

            page = RecoverPage(ctx)
            page.recovered.connect(self._recovered)
            page.cancelled.connect(self.show_start)
        elif key == "workspace":
            from ui.workspace.shell import WorkspaceShell

            page = WorkspaceShell(ctx)
        else:
            from ui.pages.shell import ShellPage

            page = ShellPage(ctx)
            page.clinician_changed.connect(self.update_send_action)
        return page

    welcome = property(lambda self: self._page("welcome"))
    create = property(lambda self: self._page("create"))
    unlock_page = property(lambda self: self._page("unlock"))
    recover = property(lambda self: self._page("recover"))
    shell = property(lambda self: self._page(self._shell_key))  # the patient's, or the clinician's workspace

    # --- navigation ---------------------------------------------------------------

    def show_page(self, page) -> None:
        if page is self._pages.get("create"):
            page.reset()
        self.stack.setCurrentWidget(page)
        focus_start = getattr(page, "focus_start", None)
        if focus_start is not None:
            focus_start()  # where a person starts typing on this page
        unlocked = page is not None and page in (self._pages.get("shell"), self._pages.get("workspace"))
        self.lock_action.setEnabled(unlocked)
        self.lock_action.setVisible(unlocked)
        self.update_send_action()

    def update_send_action(self) -> None:
        """Offer "Send progress" in the toolbar while a patient paired with a clinician is unlocked."""
        session = self.ctx.session
        show = False
        if session is not None and session.kind == "patient" and self.stack.currentWidget() is self._pages.get("shell"):
            from app.exchange.patient import has_clinician

            show = has_clinician(session.store)
        self.send_action.setVisible(show)
        self.send_action.setEnabled(show)

    def send_progress(self) -> None:
        if not self.send_action.isEnabled():
            return
        self.shell.go("clinician")
        self.shell.pages["clinician"].send_progress()

    def show_start(self) -> None:
        """Welcome on first run; otherwise the unlock page."""
        if self.ctx.manager.list():
            self.unlock_page.refresh()
            self.show_page(self.unlock_page)
        else:
            self.show_page(self.welcome)

    def _forgot(self, profile) -> None:
        if profile is None:
            return
        self.recover.start(profile)
        self.show_page(self.recover)

    def _session_opened(self, session) -> None:
        self._shell_key = "workspace" if session.kind == "clinician" else "shell"
        self.ctx.start_session(session)
        self.shell.load()
        self.show_page(self.shell)
        self._apply_autolock()
        QTimer.singleShot(300, self, self._settled)  # once Home has been painted; not if the window goes

    def _settled(self) -> None:
        if self.ctx.unlocked:
            heap.session_settled()  # what is loaded now stays for the session (ui.heap)
        warm.idle()
        warm.after_unlock()

    def _recovered(self, session) -> None:
        self._session_opened(session)
        self.shell.notice.show_text(_("Your new password is set. Use it the next time you unlock Hearth. "
                                      "Your recovery key has not changed: keep it safe."))

    def _apply_autolock(self) -> None:
        minutes = self.ctx.prefs.autolock_minutes if self.ctx.unlocked else 0
        self.idle.set_interval_ms(minutes * 60_000)

    # --- lock -------------------------------------------------------------------

    def lock(self) -> None:
        if not self.ctx.unlocked:
            return
        if self._shell_key in self._pages:
            try:
                self.shell.flush()  # the draft being typed is kept, encrypted
            except Exception:
                pass
        from ui.safety_plan import SafetyPlanEditor

        for editor in self.findChildren(SafetyPlanEditor):  # also in a dialog over Get help now
            try:
                editor.flush()
            except Exception:
                pass
        self.ctx.lock()

    # --- closing: to the tray when reminders are waiting, otherwise quit ----------------

    def keeps_running(self) -> bool:
        """Whether closing the window leaves Hearth in the tray (a tray, and a reminder to show or a start at
        login chosen)."""
        if self._reminders is None or not self._reminders.in_tray:  # no tray made yet: nothing to stay in
            return False
        if self.reminders.clock.has_any():
            return True
        from app.autostart import Autostart

        try:
            return Autostart().enabled()
        except Exception:
            return False

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.keeps_running() and not getattr(self, "_quitting", False):
            event.ignore()
            self.lock()  # out of sight means locked: nobody finds it open in the tray
            self.hide()
            if not self._told_tray:
                self._told_tray = True
                self.reminders.tray.showMessage(
                    _("Hearth"), _("Hearth keeps running in the tray to show your reminders. To quit, choose "
                                   "“Quit Hearth” in its menu."), app_icon.icon(), 8000)
            return
        super().closeEvent(event)
        if not QApplication.quitOnLastWindowClosed():
            QTimer.singleShot(0, QApplication.quit)

    def quit(self) -> None:
        """Quit Hearth (the tray's Quit): lock, then leave."""
        self._quitting = True
        self.lock()
        self.close()
        QTimer.singleShot(0, QApplication.quit)

    def erase_current_profile(self) -> None:
        """Lock, then erase the open profile (its password or recovery key was checked already)."""
        session = self.ctx.session
        if session is None:
            return
        name, manager = session.display_name, self.ctx.manager
        profile = manager.find(session.profile_id)
        self.lock()
        try:
            manager.erase(profile)
            self.reminders.forget(profile.profile_id)
            text = _("The profile \u201c{name}\u201d and everything in it were erased from this computer.")
        except OSError:
            if (profile.folder / KEYFILE).exists():
                text = _("The profile \u201c{name}\u201d could not be erased: its files could not be changed. "
                         "Nothing was erased. Check that the disk is not full or read-only, then try again.")
            else:
                text = _("The profile \u201c{name}\u201d could not be erased completely: a file could not be "
                         "removed. Its key file is gone, so what is left cannot be opened. Try again, or "
                         "delete its folder.")
        self.show_start()
        QMessageBox.information(self, _("Erase this profile"), text.format(name=name))

    def _store_damaged(self, profile_id: str, damage) -> None:
        """The check after open found the file damaged: lock, and say so where the person unlocks, with the
        backup to restore (as an unlock that found it would have)."""
        if self.ctx.session is None or self.ctx.session.profile_id != profile_id:
            return
        self.lock()
        self.unlock_page.show_failure(damage, profile_id)

    def _after_lock(self) -> None:
        self.idle.stop()
        self.clipboard_guard.session_ended()
        for key in ("shell", "workspace"):
            if key in self._pages:
                self._pages[key].clear()
        for dlg in self.findChildren(QWidget):
            if dlg.isWindow() and dlg is not self and dlg.isVisible() and dlg.objectName() != "helpDialog":
                dlg.close()
        help_dialog = self._help_dialog()
        if help_dialog is not None:
            help_dialog.refresh_plan()  # crisis lines stay; the person's own plan goes
        self.show_start()

    # --- help --------------------------------------------------------------------

    def _help_dialog(self):
        """The "Get help now" dialog if it has been made (found by name: its module loads when first shown)."""
        return self.findChild(QDialog, "helpDialog")

    def show_help(self, after_answer: bool = False) -> None:
        existing = self._help_dialog()
        if existing is not None and existing.isVisible():
            if after_answer and not existing.after_answer:
                existing.after_answer = True
                existing.retranslate()
            existing.raise_()
            existing.activateWindow()
            return
        from ui.help_dialog import HelpDialog  # when first asked for: not before the first window (start-up)

        dlg = HelpDialog(self.ctx, self, after_answer=after_answer)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    # --- language -----------------------------------------------------------------

    def retranslate(self) -> None:
        self.help_action.setText(_("Get help now"))
        self.help_action.setToolTip(_("Crisis lines and emergency numbers (F1)"))
        self.help_button.setAccessibleName(_("Get help now"))
        self.send_action.setText(_("Send progress"))
        self.send_action.setToolTip(_("Write an encrypted progress file for your clinician (Ctrl+Shift+S)"))
        self.lock_action.setText(_("Lock"))
        self.lock_action.setToolTip(_("Lock Hearth (Ctrl+L)"))
        for page in self._pages.values():
            page.retranslate()
        help_dialog = self._help_dialog()
        if help_dialog is not None:
            help_dialog.retranslate()

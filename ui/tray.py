"""Reminders on the desktop: the tray icon and its menu, the clock's ticks, and the plan kept up to date.

While Hearth runs, locked or not, the tray shows the operating system's notification at each planned
time (``app.reminders``). Before any profile was unlocked in this run, the plans come from the profiles'
mirrors (times only) and say "a reminder you set". While a profile is unlocked, only its reminders show,
and each is checked once more against the store just before it shows, so a task done a minute ago is not
reminded. Without a tray (some desktops), Hearth shows the reminder in a small window of its own.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from app.i18n import _, ngettext
from app.reminders import arrivals, due, mirror, plan, words
from app.reminders import settings as rs
from app.reminders.clock import Clock
from ui import app_icon

TICK_MS = 15_000
REPLAN_EVERY = dt.timedelta(minutes=10)


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Reminders(QObject):
    """``window`` is the main window (shown by Open, locked by Lock); ``now`` can be given for tests."""

    shown = Signal(object)    # plan.Firing, as it is shown
    quit_requested = Signal()

    def __init__(self, ctx, window, *, use_tray: bool | None = None, now=None):
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self._now = now or (lambda: dt.datetime.now().astimezone())
        self.clock = Clock()
        self.last = None                       # the last reminder shown (what Snooze snoozes)
        self._specific: dict[str, bool] = {}   # per profile: say what a reminder is for
        self._snooze: dict[str, int] = {}
        self._on: dict[str, bool] = {}
        self._watch: tuple[str, arrivals.Watch] | None = None
        self._planned_at: dt.datetime | None = None
        self.note = None
        self.tray = None
        if use_tray if use_tray is not None else tray_available():
            self._make_tray()
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        ctx.session_started.connect(self.session_started)
        ctx.about_to_lock.connect(self.replan)
        ctx.language_changed.connect(self.retranslate)
        self.load_mirrors()
        self.timer.start()

    # --- the tray -----------------------------------------------------------------------

    def _make_tray(self) -> None:
        self.tray = QSystemTrayIcon(app_icon.icon(), self)
        menu = QMenu()
        self.open_action = QAction(menu)
        self.open_action.triggered.connect(self.open_window)
        self.snooze_action = QAction(menu)
        self.snooze_action.triggered.connect(self.snooze_last)
        self.snooze_action.setEnabled(False)
        self.lock_action = QAction(menu)
        self.lock_action.triggered.connect(lambda: self.window.lock())
        self.quit_action = QAction(menu)
        self.quit_action.triggered.connect(self.quit_requested.emit)
        for action in (self.open_action, self.snooze_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        menu.addAction(self.quit_action)
        self._menu = menu
        self.tray.setContextMenu(menu)
        self.tray.activated.connect(self._activated)
        self.tray.messageClicked.connect(self.open_window)
        self.retranslate()
        self.tray.show()

    def _activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window()

    @property
    def in_tray(self) -> bool:
        """Whether Hearth can keep running with its window closed (a tray icon is showing)."""
        return self.tray is not None and self.tray.isVisible()

    def open_window(self) -> None:
        w = self.window
        w.showNormal() if w.isMinimized() else w.show()
        w.raise_()
        w.activateWindow()

    def retranslate(self) -> None:
        if self.tray is not None:
            self.tray.setToolTip(_("Hearth"))
            self.open_action.setText(_("Open Hearth"))
            minutes = self._snooze_minutes(self.last)
            self.snooze_action.setText(ngettext("Remind me again in {count} minute",
                                                "Remind me again in {count} minutes", minutes).format(count=minutes))
            self.lock_action.setText(_("Lock"))
            self.quit_action.setText(_("Quit Hearth"))
        if self.note is not None:
            self.note.retranslate()

    # --- plans ----------------------------------------------------------------------------

    def load_mirrors(self) -> None:
        """Every profile's coming reminders as its mirror holds them (profiles unlocked in this run keep the
        plan made from their store)."""
        known = set(self._on)
        for profile in self.ctx.manager.list():
            if profile.profile_id in known or profile.kind != "patient":
                continue
            firings, quiet = mirror.read(profile.folder, profile.profile_id)
            self.clock.set_plan(profile.profile_id, firings, quiet)

    def _patient(self):
        s = self.ctx.session
        return s if s is not None and getattr(s, "kind", "patient") == "patient" else None

    def _folder(self, session):
        return self.ctx.manager.profiles_dir / session.profile_id

    def session_started(self) -> None:
        self.replan()
        self._watch_sync_folder()

    def replan(self) -> None:
        """Plan the open profile's reminders from its store and write its mirror (at unlock, before it locks,
        when its reminder settings change, and every few minutes while it is open)."""
        session = self._patient()
        if session is None:
            return
        try:
            settings = rs.load(session.store)
            firings = plan.plan(session.store, settings, session.profile_id, self.ctx.data_dir / "measures",
                                self._now())
            pid = session.profile_id
            self._specific[pid], self._snooze[pid] = settings.specific_words, settings.snooze_minutes
            self._on[pid] = settings.get(rs.SYNC_FILE).on
            self.clock.set_plan(pid, firings, settings.quiet)
            self._planned_at = self._now()
            mirror.write(self._folder(session), firings, settings.quiet)
        except Exception:  # a reminder must never stop a lock or an unlock (e.g. a full disk for the mirror)
            pass

    def settings_changed(self) -> None:
        self.replan()
        self._watch_sync_folder()

    def forget(self, profile_id: str) -> None:
        """A profile was erased or moved away: nothing of it may remind any more."""
        self.clock.forget(profile_id)
        for d in (self._specific, self._snooze, self._on):
            d.pop(profile_id, None)
        if self._watch is not None and self._watch[0] == profile_id:
            self._watch = None

    def _watch_sync_folder(self) -> None:
        from app.exchange import contacts, keys

        session = self._patient()
        if session is None:
            return
        self._watch = None
        folder = self.ctx.prefs.sync_folder
        own = keys.load(session.store)
        if not folder or own is None or not self._on.get(session.profile_id):
            return
        senders = {c.key_id[:12] for c in contacts.all_contacts(session.store)}
        self._watch = (session.profile_id, arrivals.Watch(folder, own.key_id[:12], senders))

    # --- the clock ------------------------------------------------------------------------

    def tick(self) -> list:
        """Show what is due now; returns what was shown (for tests)."""
        now = self._now()
        session = self._patient()
        if session is not None and (self._planned_at is None or now - self._planned_at >= REPLAN_EVERY):
            self.replan()
        if self._watch is not None:
            pid, watch = self._watch
            if watch.new() and not (session is not None and self.window.isActiveWindow()):
                self.clock.arrived(pid, rs.SYNC_FILE, now)
        shown = []
        for firing in self.clock.take(now, session.profile_id if session is not None else None):
            if session is not None and firing.kind not in (None, rs.SYNC_FILE):
                try:
                    if not due.is_due(firing.kind, session.store, firing.at, self.ctx.data_dir / "measures", now):
                        continue  # done since it was planned
                except Exception:
                    pass
            self.show(firing)
            shown.append(firing)
        return shown

    def _snooze_minutes(self, firing) -> int:
        return self._snooze.get(firing.profile_id, 10) if firing is not None else 10

    def show(self, firing, specific: bool | None = None) -> None:
        """Show ``firing`` in the words its profile chose (``specific`` overrides them, for a try-out)."""
        self.last = firing
        if specific is None:
            specific = self._specific.get(firing.profile_id, False)
        text = words.text(firing.kind, specific)
        if self.in_tray:
            self.snooze_action.setEnabled(True)
            self.retranslate()
            self.tray.showMessage(words.title(), text, app_icon.icon(), 15_000)
        else:
            if self.note is None:
                from ui.reminder_note import ReminderNote

                self.note = ReminderNote()
                self.note.open_requested.connect(self.open_window)
                self.note.snooze_requested.connect(self.snooze_last)
            self.note.show_reminder(words.title(), text, self._snooze_minutes(firing))
        QApplication.alert(self.window)
        self.shown.emit(firing)

    def snooze_last(self) -> None:
        if self.last is None:
            return
        self.clock.snooze(self.last, self._snooze_minutes(self.last), self._now())
        if self.tray is not None:
            self.snooze_action.setEnabled(False)

    def show_test(self, specific: bool) -> None:
        """Show a reminder now, in the words being chosen (Settings → Reminders → Show a reminder now)."""
        session = self._patient()
        pid = session.profile_id if session is not None else ""
        self.show(plan.Firing(self._now(), rs.CHECKIN, pid), specific)

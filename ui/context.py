"""The state the pages share: data folder, profile manager, the open session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app import i18n, preferences, settings
from app.profiles import ProfileManager, Session
from ui import qt_setup, theme


class AppContext(QObject):
    session_started = Signal()
    session_ended = Signal()
    about_to_lock = Signal()  # the store is still open: last words before it closes (e.g. the reminder plan)
    language_changed = Signal()
    appearance_changed = Signal()
    help_requested = Signal(bool)  # True: after an answer that needs a safety follow-up
    # The check after open found the file damaged (app/store/check.py): (profile id, StoreDamaged). Emitted
    # from the check's thread; Qt queues it to the window's.
    store_damaged = Signal(str, object)

    def __init__(self, data_dir: Path, manager: ProfileManager | None = None, *,
                 demo_password: str | None = None, forced_locale: str | None = None):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.manager = manager or ProfileManager(self.data_dir)
        self.device = settings.load(self.data_dir)
        self.session: Session | None = None
        self.prefs = preferences.Preferences()
        self.demo_password = demo_password
        self.forced_locale = forced_locale
        self.theme_name = "light"

    # --- start-up ---------------------------------------------------------------

    def apply_device_settings(self) -> None:
        code = self.forced_locale or self.device.language or i18n.system_language()
        self._apply_language(code)
        self.theme_name = theme.apply(QApplication.instance(), self.device.theme or "system")

    # --- session ------------------------------------------------------------------

    def start_session(self, session: Session) -> None:
        self.session = session
        self.prefs = preferences.load(session.store)
        if self.prefs.language and not self.forced_locale and self.prefs.language != i18n.current_language():
            self._apply_language(self.prefs.language)
            self.language_changed.emit()
        self.theme_name = theme.apply(QApplication.instance(), self.prefs.theme, self.prefs.text_scale)
        self.appearance_changed.emit()
        self.session_started.emit()
        session.store.on_checked(lambda damage, pid=session.profile_id: damage is not None
                                 and self.store_damaged.emit(pid, damage))

    def lock(self) -> None:
        if self.session is None:
            return
        try:
            self.about_to_lock.emit()
        except Exception:  # nothing may stop a lock
            pass
        session, self.session = self.session, None
        session.lock()
        from ui import heap

        heap.session_closed()  # the closed session's objects are the collector's again
        self.prefs = preferences.Preferences()
        self.session_ended.emit()

    @property
    def unlocked(self) -> bool:
        return self.session is not None

    # --- preferences --------------------------------------------------------------

    def set_language(self, code: str) -> None:
        code = self._apply_language(code)
        self.device.language = code
        settings.save(self.data_dir, self.device)
        if self.session:
            self.prefs = preferences.save(self.session.store, language=code)
        self.language_changed.emit()

    def set_appearance(self, *, theme_choice: str | None = None, text_scale: int | None = None) -> None:
        if theme_choice is not None:
            self.device.theme = theme_choice
            settings.save(self.data_dir, self.device)
            if self.session:
                self.prefs = preferences.save(self.session.store, theme=theme_choice)
        if text_scale is not None and self.session:
            self.prefs = preferences.save(self.session.store, text_scale=text_scale)
        current_theme = self.prefs.theme if self.session else self.device.theme
        self.theme_name = theme.apply(QApplication.instance(), current_theme or "system", self.prefs.text_scale)
        self.appearance_changed.emit()

    def set_country(self, country: str) -> None:
        self.device.country = country
        settings.save(self.data_dir, self.device)

    def country(self) -> str | None:
        from PySide6.QtCore import QLocale

        from app.safety.crisis import country_from_locale

        return self.device.country or country_from_locale(QLocale.system().name())

    def _apply_language(self, code: str) -> str:
        code = i18n.set_language(code)
        qt_setup.apply_language(QApplication.instance(), code)
        return code

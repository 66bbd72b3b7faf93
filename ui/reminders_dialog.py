"""Settings → Reminders: which reminders, when, on which days, quiet hours, their words, snooze, and
starting Hearth at login. Saved in the encrypted store (``app.reminders.settings``) with Save."""

from __future__ import annotations

from babel import Locale
from babel.dates import get_day_names

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QRadioButton, QWidget)

from app import i18n
from app.autostart import Autostart
from app.errors import HearthError
from app.i18n import _, ngettext
from app.reminders import settings as rs
from ui.exercises._worry_common import TimeField
from ui.scrolling_dialog import ScrollingDialog
from ui.widgets import make_label, primary_button

WITH_DAYS = (rs.CHECKIN, rs.HOMEWORK)


def _labels() -> dict[str, str]:
    return {
        rs.CHECKIN: _("My daily check-in"),
        rs.HOMEWORK: _("This week's homework"),
        rs.QUESTIONNAIRES: _("Questionnaires, on the days they are due"),
        rs.PROGRESS: _("Sending my progress, when a week has passed"),
        rs.WORRY_TIME: _("My worry time, when it starts"),
        rs.SYNC_FILE: _("A file from my clinician arriving in the sync folder"),
    }


def reminder_names(kinds) -> list[str]:
    """Short names of reminders, for a summary (Settings)."""
    short = {rs.CHECKIN: _("check-in"), rs.HOMEWORK: _("homework"), rs.QUESTIONNAIRES: _("questionnaires"),
             rs.PROGRESS: _("sending progress"), rs.WORRY_TIME: _("worry time"), rs.SYNC_FILE: _("new files")}
    return [short[k] for k in kinds]


def _time(field: TimeField) -> tuple[int, int]:
    t = field.time()
    return t.hour(), t.minute()


class DayButtons(QWidget):
    """Seven toggles, in the order the language's week starts, named in full for screen readers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.buttons: dict[int, QPushButton] = {}
        for day in range(7):
            b = QPushButton()  # checked days take the accent colour (theme: QPushButton:checked)
            b.setCheckable(True)
            b.setStyleSheet("padding: 5px 7px;")  # seven in a row fit a narrow dialog
            self.buttons[day] = b
        self._order: list[int] = []
        self.retranslate()

    def retranslate(self) -> None:
        locale = i18n.babel_locale()
        try:
            first = Locale.parse(locale).first_week_day  # 0 = Monday, as Python counts
        except (ValueError, LookupError):
            first = 0
        order = [(first + i) % 7 for i in range(7)]
        if order != self._order:
            lay = self.layout()
            for b in self.buttons.values():
                lay.removeWidget(b)
            for day in order:
                lay.addWidget(self.buttons[day])
            self._order = order
        short = get_day_names("abbreviated", locale=locale)
        if max(len(name) for name in short.values()) > 4:  # e.g. Arabic, where they are the whole names
            short = get_day_names("short", locale=locale)
        full = get_day_names("wide", locale=locale)
        for day, b in self.buttons.items():
            b.setText(i18n.localize_digits(short[day]))
            b.setAccessibleName(full[day])
            b.setToolTip(full[day])

    def days(self) -> tuple[int, ...]:
        return tuple(d for d, b in self.buttons.items() if b.isChecked())

    def set_days(self, days) -> None:
        for d, b in self.buttons.items():
            b.setChecked(d in days)


class RemindersDialog(ScrollingDialog):
    """``reminders`` is the tray controller (``ui.tray.Reminders``) or None; ``autostart`` can be given for tests."""

    def __init__(self, ctx, reminders=None, parent=None, *, autostart: Autostart | None = None):
        super().__init__(parent)
        self.setObjectName("remindersDialog")
        self.ctx, self.reminders = ctx, reminders
        self.autostart = autostart or Autostart()
        store = ctx.session.store
        self.settings = rs.load(store)
        body = self.body_layout
        self.intro = make_label()
        body.addWidget(self.intro)

        # One reminder under another: its switch, then (indented) its time and days, so the dialog stays
        # narrow enough for a long language, a large text size or a small screen.
        self.checks: dict[str, QCheckBox] = {}
        self.times: dict[str, TimeField] = {}
        self.days: dict[str, DayButtons] = {}
        for kind in self._kinds():
            r = self.settings.get(kind)
            check = QCheckBox()
            check.setChecked(r.on)
            self.checks[kind] = check
            body.addWidget(check)
            if kind in (rs.WORRY_TIME, rs.SYNC_FILE):
                continue  # worry time follows its slot; an arrival has no time
            row = QHBoxLayout()
            row.setContentsMargins(28, 0, 0, 4)
            field = TimeField()
            field.setTime(QTime(r.hour, r.minute))
            field.timeChanged.connect(self._check_quiet)
            self.times[kind] = field
            row.addWidget(field)
            if kind in WITH_DAYS:
                days = DayButtons()
                days.set_days(r.days)
                self.days[kind] = days
                row.addWidget(days)
            row.addStretch(1)
            body.addLayout(row)
            check.toggled.connect(self._check_quiet)

        self.quiet_check = QCheckBox()
        self.quiet_check.setChecked(self.settings.quiet.on)
        self.quiet_from, self.quiet_to = TimeField(), TimeField()
        self.quiet_from.setTime(QTime(*self.settings.quiet.start))
        self.quiet_to.setTime(QTime(*self.settings.quiet.end))
        self.quiet_from_label, self.quiet_to_label = QLabel(), QLabel()
        self.quiet_from_label.setBuddy(self.quiet_from)
        self.quiet_to_label.setBuddy(self.quiet_to)
        body.addWidget(self.quiet_check)
        self.quiet_text = make_label("muted")
        self.quiet_text.setContentsMargins(28, 0, 0, 0)
        body.addWidget(self.quiet_text)
        quiet_row = QHBoxLayout()
        quiet_row.setContentsMargins(28, 0, 0, 0)
        quiet_row.addWidget(self.quiet_from_label)
        quiet_row.addWidget(self.quiet_from)
        quiet_row.addWidget(self.quiet_to_label)
        quiet_row.addWidget(self.quiet_to)
        quiet_row.addStretch(1)
        body.addLayout(quiet_row)
        for w in (self.quiet_check, self.quiet_from, self.quiet_to):
            (w.toggled if isinstance(w, QCheckBox) else w.timeChanged).connect(self._check_quiet)
        self.quiet_warning = make_label("muted")
        self.quiet_warning.hide()
        body.addWidget(self.quiet_warning)

        self.words_title = make_label("subheading")
        self.private_words, self.specific_words = QRadioButton(), QRadioButton()
        self._words = QButtonGroup(self)
        self._words.addButton(self.private_words)
        self._words.addButton(self.specific_words)
        (self.specific_words if self.settings.specific_words else self.private_words).setChecked(True)
        self.private_text, self.specific_text = make_label("muted"), make_label("muted")
        body.addWidget(self.words_title)
        for radio, text in ((self.private_words, self.private_text), (self.specific_words, self.specific_text)):
            text.setContentsMargins(28, 0, 0, 0)
            body.addWidget(radio)
            body.addWidget(text)
        self.try_button = QPushButton()
        self.try_button.clicked.connect(self._try)
        self.try_button.setEnabled(reminders is not None)
        try_row = QHBoxLayout()
        try_row.addWidget(self.try_button)
        try_row.addStretch(1)
        body.addLayout(try_row)

        snooze_row = QHBoxLayout()
        self.snooze_label, self.snooze = QLabel(), QComboBox()
        self.snooze_label.setBuddy(self.snooze)
        snooze_row.addWidget(self.snooze_label)
        snooze_row.addWidget(self.snooze)
        snooze_row.addStretch(1)
        body.addLayout(snooze_row)

        self.login = QCheckBox()
        self.login.setChecked(self._autostart_enabled())
        self.login_note = make_label("muted")
        self.login_note.setContentsMargins(28, 0, 0, 0)
        body.addWidget(self.login)
        body.addWidget(self.login_note)
        self.error = make_label("error")
        self.error.hide()
        body.addWidget(self.error)
        body.addStretch(1)

        self.save_button = primary_button()
        self.cancel_button = QPushButton()
        self.buttons.addButton(self.save_button, self.buttons.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, self.buttons.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.retranslate()
        self._check_quiet()

    def _kinds(self) -> list[str]:
        """The reminders that make sense for this person now: progress once paired, worry time once its
        slot was chosen or the program teaches it, a file's arrival once a sync folder is set."""
        from app.exchange.patient import has_clinician
        from app.exercises import worry_slot
        from app.programs import progress

        store = self.ctx.session.store
        kinds = [rs.CHECKIN, rs.HOMEWORK, rs.QUESTIONNAIRES]
        if has_clinician(store):
            kinds.append(rs.PROGRESS)
        enrolment = progress.active(store)
        if worry_slot.slot(store).chosen or (enrolment is not None and enrolment.program_id == "worry") \
                or self.settings.get(rs.WORRY_TIME).on:
            kinds.append(rs.WORRY_TIME)
        if self.ctx.prefs.sync_folder or self.settings.get(rs.SYNC_FILE).on:
            kinds.append(rs.SYNC_FILE)
        return kinds

    def _autostart_enabled(self) -> bool:
        try:
            return self.autostart.enabled()
        except Exception:
            return False

    def _quiet(self) -> rs.Quiet:
        return rs.Quiet(self.quiet_check.isChecked(), _time(self.quiet_from), _time(self.quiet_to))

    def _check_quiet(self, *_args) -> None:
        for kind, check in self.checks.items():  # a reminder's time and days only matter while it is on
            for w in (self.times.get(kind), self.days.get(kind)):
                if w is not None:
                    w.setEnabled(check.isChecked())
        quiet = self._quiet()
        self.quiet_from.setEnabled(quiet.on)
        self.quiet_to.setEnabled(quiet.on)
        clash = [kind for kind, field in self.times.items()
                 if self.checks[kind].isChecked() and quiet.covers(*_time(field))]
        labels = _labels()
        self.quiet_warning.setVisible(bool(clash))
        if clash:
            self.quiet_warning.setText(ngettext(
                "{names} falls in your quiet hours, so it will not show. Choose another time or change the "
                "quiet hours.",
                "{names} fall in your quiet hours, so they will not show. Choose other times or change the "
                "quiet hours.", len(clash)).format(names=i18n.format_list([labels[k] for k in clash])))

    def chosen(self) -> rs.ReminderSettings:
        s = self.settings
        for kind, check in self.checks.items():
            old = s.get(kind)
            hour, minute = _time(self.times[kind]) if kind in self.times else (old.hour, old.minute)
            days = self.days[kind].days() if kind in self.days else old.days
            s = s.with_reminder(rs.Reminder(kind, check.isChecked(), hour, minute, days))
        from dataclasses import replace

        return replace(s, quiet=self._quiet(), specific_words=self.specific_words.isChecked(),
                       snooze_minutes=self.snooze.currentData() or 10)

    def save(self) -> None:
        chosen = self.chosen()
        empty = [k for k in WITH_DAYS if k in self.checks and chosen.get(k).on and not chosen.get(k).days]
        if empty:
            self.error.setText(_("Choose at least one day for {name}, or turn it off.").format(
                name=_labels()[empty[0]]))
            self.error.show()
            self.days[empty[0]].buttons[0].setFocus()
            return
        try:
            self.settings = rs.save(self.ctx.session.store, chosen)
            if self.login.isChecked() != self._autostart_enabled():
                if self.login.isChecked():
                    from app.paths import default_data_dir

                    custom = self.ctx.data_dir if self.ctx.data_dir != default_data_dir() else None
                    self.autostart.enable(custom)
                else:
                    self.autostart.disable()
        except (HearthError, OSError):
            self.error.setText(_("The reminders could not be saved: the disk may be full or read-only. Nothing "
                                 "was changed; try again."))
            self.error.show()
            return
        if self.reminders is not None:
            self.reminders.settings_changed()
        self.accept()

    def _try(self) -> None:
        if self.reminders is not None:
            self.reminders.show_test(self.specific_words.isChecked())

    def retranslate(self) -> None:
        self.setWindowTitle(_("Reminders"))
        self.heading.setText(_("Reminders"))
        self.intro.setText(_("Hearth can remind you while it is running, also when it is locked. A reminder is "
                             "skipped on a day you have already done what it is about. Each one is off until you "
                             "turn it on."))
        labels = _labels()
        for kind, check in self.checks.items():
            check.setText(labels[kind])
            if kind in self.times:
                self.times[kind].setAccessibleName(_("Time for: {name}").format(name=labels[kind]))
            if kind in self.days:
                self.days[kind].retranslate()
        self.quiet_check.setText(_("Quiet hours"))
        self.quiet_text.setText(_("No reminder shows between these times, for example at night."))
        self.quiet_from_label.setText(_("From:"))
        self.quiet_from.setAccessibleName(_("Quiet hours start"))
        self.quiet_to_label.setText(_("Until:"))
        self.quiet_to.setAccessibleName(_("Quiet hours end"))
        self.words_title.setText(_("What a reminder says"))
        self.private_words.setText(_("Only \u201cHearth: a reminder you set\u201d"))
        self.private_text.setText(_("Nobody else learns what it is about."))
        self.specific_words.setText(_("What it is for"))
        self.specific_text.setText(_("For example \u201cTime for your daily check-in\u201d. Anyone who sees your "
                                     "screen can read it."))
        self.snooze_label.setText(_("Remind me again after:"))
        self.snooze.setAccessibleName(_("Remind me again after"))
        current = self.snooze.currentData() or self.settings.snooze_minutes
        self.snooze.clear()
        for m in rs.SNOOZE_CHOICES:
            self.snooze.addItem(ngettext("{count} minute", "{count} minutes", m).format(count=m), m)
        self.snooze.setCurrentIndex(max(0, self.snooze.findData(current)))
        self.login.setText(_("Start Hearth when I log in"))
        from ui.tray import tray_available

        self.login_note.setText(_("Hearth then starts hidden in the tray, so reminders can show from the moment "
                                  "you log in, before you unlock. This setting is for everyone who uses this "
                                  "computer account.")
                                if tray_available() else
                                _("This desktop shows no tray icons: Hearth will open its window at login instead."))
        self.try_button.setText(_("Show a reminder now"))
        self.save_button.setText(_("Save"))
        self.cancel_button.setText(_("Cancel"))

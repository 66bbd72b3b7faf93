"""Reminders as a person sets and meets them: Settings → Set reminders…, a reminder a minute ahead appears,
snooze brings it back, a task done today is not reminded, a locked (or just started) Hearth still reminds,
and nothing private shows unless the person chose it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialogButtonBox

from app import checkins
from app.reminders import mirror
from app.reminders import settings as rs
from tests.test_ui import make_window, unlock  # noqa: F401 - fixture
from ui.reminders_dialog import RemindersDialog


def opened(qtbot, make_window):  # noqa: F811
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    return win, ctx


class FakeNow:
    def __init__(self, moment):
        self.moment = moment

    def __call__(self):
        return self.moment

    def advance(self, **kw):
        self.moment += dt.timedelta(**kw)


def set_checkin(qtbot, win, ctx, at: dt.datetime, *, specific=False, snooze=10) -> RemindersDialog:
    dlg = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg)
    dlg.checks[rs.CHECKIN].setChecked(True)
    dlg.times[rs.CHECKIN].setTime(QTime(at.hour, at.minute))
    dlg.days[rs.CHECKIN].set_days(rs.EVERY_DAY)
    dlg.quiet_check.setChecked(False)
    (dlg.specific_words if specific else dlg.private_words).setChecked(True)
    dlg.snooze.setCurrentIndex(dlg.snooze.findData(snooze))
    dlg.save()
    return dlg


def noon_today():
    return dt.datetime.combine(dt.date.today(), dt.time(12, 0)).astimezone()


def test_settings_offers_reminders_and_the_dialog_saves_them_in_the_store(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    win.shell.go("settings")
    page = win.shell.pages["settings"]
    assert page.set_reminders.isVisible() and "No reminders are set" in page.remind_text.text()
    dlg = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not any(c.isChecked() for c in dlg.checks.values())  # off until chosen
    assert rs.PROGRESS not in dlg.checks and rs.SYNC_FILE not in dlg.checks  # not paired, no sync folder
    dlg.checks[rs.HOMEWORK].setChecked(True)
    dlg.days[rs.HOMEWORK].set_days(())
    dlg.save()
    assert dlg.error.isVisible() and "at least one day" in dlg.error.text()
    assert not rs.load(ctx.session.store).any_on()  # nothing saved
    dlg.days[rs.HOMEWORK].set_days((1, 3))
    dlg.times[rs.HOMEWORK].setTime(QTime(17, 45))
    dlg.save()
    saved = rs.load(ctx.session.store).get(rs.HOMEWORK)
    assert saved == rs.Reminder(rs.HOMEWORK, True, 17, 45, (1, 3))
    page.retranslate()
    assert "homework" in page.remind_text.text()


def test_the_day_buttons_are_named_in_full_for_screen_readers(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    dlg = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg)
    names = {b.accessibleName() for b in dlg.days[rs.CHECKIN].buttons.values()}
    assert names == {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def test_a_time_inside_quiet_hours_is_pointed_out(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    dlg = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.checks[rs.CHECKIN].setChecked(True)
    dlg.times[rs.CHECKIN].setTime(QTime(23, 0))
    assert dlg.quiet_warning.isVisible() and "quiet hours" in dlg.quiet_warning.text()
    dlg.times[rs.CHECKIN].setTime(QTime(21, 0))
    assert not dlg.quiet_warning.isVisible()


def test_a_reminder_set_a_minute_ahead_appears_and_snooze_brings_it_back(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    now = FakeNow(noon_today())
    win.reminders._now = now
    set_checkin(qtbot, win, ctx, now.moment + dt.timedelta(minutes=1), snooze=5)
    with qtbot.assertNotEmitted(win.reminders.shown):
        win.reminders.tick()  # not yet
    now.advance(minutes=1, seconds=5)
    shown = win.reminders.tick()
    assert [f.kind for f in shown] == [rs.CHECKIN]
    note = win.reminders.note
    assert note.isVisible() and note.text.text() == "A reminder you set"  # private by default
    note.snooze_button.click()
    assert not note.isVisible()
    now.advance(minutes=4)
    assert win.reminders.tick() == []
    now.advance(minutes=2)
    assert [f.kind for f in win.reminders.tick()] == [rs.CHECKIN] and note.isVisible()


def test_no_reminder_once_today_s_check_in_is_done(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    now = FakeNow(noon_today())
    win.reminders._now = now
    set_checkin(qtbot, win, ctx, now.moment + dt.timedelta(minutes=1))
    checkins.save(ctx.session.store, 7)  # done after the plan was made
    now.advance(minutes=2)
    assert win.reminders.tick() == []


def test_chosen_words_say_what_the_reminder_is_for(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    now = FakeNow(noon_today())
    win.reminders._now = now
    set_checkin(qtbot, win, ctx, now.moment + dt.timedelta(minutes=1), specific=True)
    now.advance(minutes=2)
    win.reminders.tick()
    assert "check-in" in win.reminders.note.text.text()


def test_a_locked_hearth_still_reminds_and_a_new_one_reads_the_times_from_the_mirror(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    now = FakeNow(noon_today())
    win.reminders._now = now
    set_checkin(qtbot, win, ctx, now.moment + dt.timedelta(minutes=30))
    folder = ctx.manager.profiles_dir / ctx.session.profile_id
    assert (folder / mirror.FILE).is_file()
    win.lock()
    assert not ctx.unlocked
    now.advance(minutes=31)
    assert [f.kind for f in win.reminders.tick()] == [rs.CHECKIN]
    # A Hearth started afterwards (at login, say) has only the mirror: the reminder comes, unnamed.
    win2, ctx2, _ = make_window()
    later = FakeNow(noon_today() + dt.timedelta(days=1, minutes=31))
    win2.reminders._now = later
    shown = win2.reminders.tick()
    assert [f.kind for f in shown] == [None] and win2.reminders.note.text.text() == "A reminder you set"


def test_erasing_a_profile_ends_its_reminders(qtbot, make_window, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    win, ctx = opened(qtbot, make_window)
    now = FakeNow(noon_today())
    win.reminders._now = now
    set_checkin(qtbot, win, ctx, now.moment + dt.timedelta(minutes=1))
    assert win.reminders.clock.has_any()
    win.erase_current_profile()
    qtbot.waitUntil(lambda: not ctx.unlocked)
    assert not win.reminders.clock.has_any()
    now.advance(minutes=2)
    assert win.reminders.tick() == []


def test_start_at_login_is_turned_on_and_off_in_the_dialog(qtbot, make_window, tmp_path):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    entry = tmp_path / "xdg-config" / "autostart" / "hearth.desktop"
    dlg = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg)
    assert not dlg.login.isChecked()
    dlg.login.setChecked(True)
    dlg.save()
    assert entry.is_file() and "--tray" in entry.read_text()
    dlg2 = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg2)
    assert dlg2.login.isChecked()
    dlg2.login.setChecked(False)
    dlg2.save()
    assert not entry.exists()


def test_a_reminder_that_cannot_be_saved_says_so_and_changes_nothing(qtbot, make_window, monkeypatch):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    dlg = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.checks[rs.CHECKIN].setChecked(True)
    dlg.login.setChecked(True)

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dlg.autostart, "enable", full_disk)
    dlg.save()
    assert dlg.error.isVisible() and "could not be saved" in dlg.error.text()
    assert dlg.isVisible() or dlg.result() != dlg.DialogCode.Accepted


def test_the_dialog_buttons_and_try_it(qtbot, make_window):  # noqa: F811
    win, ctx = opened(qtbot, make_window)
    dlg = RemindersDialog(ctx, win.reminders, win)
    qtbot.addWidget(dlg)
    roles = {dlg.buttons.buttonRole(b) for b in (dlg.save_button, dlg.cancel_button)}
    assert roles == {QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole}
    dlg.show()
    assert not dlg.times[rs.CHECKIN].isEnabled()  # off: its time waits
    dlg.checks[rs.CHECKIN].setChecked(True)
    assert dlg.times[rs.CHECKIN].isEnabled() and dlg.days[rs.CHECKIN].isEnabled()
    with qtbot.waitSignal(win.reminders.shown):
        dlg.try_button.click()
    assert win.reminders.note.isVisible()


def test_a_file_from_the_clinician_arriving_while_locked_is_reminded(qtbot, make_window, tmp_path):  # noqa: F811
    from app import preferences
    from app.crypto.keyfile import TEST_KDF
    from app.exchange import keys, syncfolder
    from app.profiles import ProfileManager
    from tests import exchange_util as xu
    from tests.conftest import PASSWORD

    manager = ProfileManager(tmp_path / "data", TEST_KDF)
    doc, (pat,) = xu.workspace(manager)
    sync = tmp_path / "sync"
    sync.mkdir()
    preferences.save(pat.store, sync_folder=str(sync))
    rs.save(pat.store, rs.ReminderSettings().with_reminder(rs.Reminder(rs.SYNC_FILE, True)))
    doc_key, pat_key = keys.ensure(doc.store).key_id, keys.ensure(pat.store).key_id
    doc.lock()
    pat.lock()
    win, ctx, _ = make_window()
    combo = win.unlock_page.profile
    combo.setCurrentIndex(next(i for i in range(combo.count()) if "Pat" in combo.itemText(i)))
    unlock(qtbot, win, PASSWORD)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    now = FakeNow(noon_today())
    win.reminders._now = now
    win.lock()
    assert win.reminders.tick() == []
    (sync / syncfolder.file_name(doc_key, pat_key, 1)).write_bytes(b"not read, only its name counts")
    (sync / "holiday.jpg").write_bytes(b"x")
    assert [f.kind for f in win.reminders.tick()] == [rs.SYNC_FILE]
    assert win.reminders.tick() == []  # once per file

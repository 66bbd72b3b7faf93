"""Reminders in app/: settings, what is due (one answer for Home and the tray), the plan, quiet hours,
snooze, the clock, the mirror a locked Hearth reads, arrivals, and starting at login."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app import checkins
from app.autostart import Autostart, desktop_entry
from app.exercises import store as ex_store
from app.reminders import arrivals, due, mirror, plan, words
from app.reminders import settings as rs
from app.reminders.clock import Clock
from app.reminders.plan import Firing


def local(y, m, d, hh=0, mm=0):
    return dt.datetime(y, m, d, hh, mm).astimezone()


def on(settings, kind, hour=20, minute=0, days=rs.EVERY_DAY):
    return settings.with_reminder(rs.Reminder(kind, True, hour, minute, days))


# --- settings ------------------------------------------------------------------------

def test_every_reminder_is_off_until_chosen_and_settings_round_trip_through_the_store(session):
    s = rs.load(session.store)
    assert not s.any_on() and all(not s.get(k).on for k in rs.KINDS)
    chosen = on(on(s, rs.CHECKIN, 21, 15), rs.HOMEWORK, 18, 0, (0, 3))
    chosen = rs.ReminderSettings(chosen.reminders, rs.Quiet(True, (23, 0), (6, 30)), True, 30)
    rs.save(session.store, chosen)
    back = rs.load(session.store)
    assert back.get(rs.CHECKIN) == rs.Reminder(rs.CHECKIN, True, 21, 15, rs.EVERY_DAY)
    assert back.get(rs.HOMEWORK).days == (0, 3)
    assert back.quiet == rs.Quiet(True, (23, 0), (6, 30)) and back.specific_words and back.snooze_minutes == 30


@pytest.mark.parametrize("stored", [
    "not json", "[]", json.dumps({"reminders": {"checkin": {"on": True, "time": [25, 0], "days": [0]}}}),
    json.dumps({"reminders": {"checkin": {"on": True, "time": [8, 0], "days": [9]}}}),
    json.dumps({"reminders": {"nonsense": {"on": True, "time": [8, 0], "days": [0]}}}),
    json.dumps({"quiet": {"on": True, "start": "22:00", "end": [7, 0]}, "snooze_minutes": 7}),
    "x" * (rs.MAX_BYTES + 1),
])
def test_damaged_or_strange_reminder_settings_read_as_the_defaults(session, stored):
    with session.store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO preferences(key, value) VALUES (?, ?)", (rs.KEY, stored))
    s = rs.load(session.store)
    assert not s.any_on() and s.quiet == rs.Quiet() and s.snooze_minutes == 10


def test_quiet_hours_across_midnight_and_within_a_day():
    night = rs.Quiet(True, (22, 0), (7, 0))
    assert night.covers(23, 30) and night.covers(6, 59) and night.covers(22, 0)
    assert not night.covers(7, 0) and not night.covers(12, 0)
    lunch = rs.Quiet(True, (12, 0), (13, 0))
    assert lunch.covers(12, 30) and not lunch.covers(13, 0) and not lunch.covers(11, 59)
    assert not rs.Quiet(False).covers(23, 0)


# --- what is due ---------------------------------------------------------------------

def test_a_check_in_reminder_is_skipped_once_today_s_check_in_is_done(session):
    today = dt.date.today()
    at = dt.datetime.combine(today, dt.time(23, 59)).astimezone()
    assert due.is_due(rs.CHECKIN, session.store, at, None)
    checkins.save(session.store, 6)
    assert not due.is_due(rs.CHECKIN, session.store, at, None)
    tomorrow = at + dt.timedelta(days=1)
    assert due.is_due(rs.CHECKIN, session.store, tomorrow, None)


def test_homework_reminders_need_open_homework_and_stop_for_the_day_once_some_is_done(session):
    from app.programs import progress

    at = dt.datetime.combine(dt.date.today(), dt.time(23, 0)).astimezone()
    assert not due.is_due(rs.HOMEWORK, session.store, at, None)  # no program, no homework
    progress.enrol(session.store, "low-mood")
    assert due.open_homework(session.store)
    assert due.is_due(rs.HOMEWORK, session.store, at, None)
    ex_store.add(session.store, "reflection", {"answers": ["a"]})
    assert not due.is_due(rs.HOMEWORK, session.store, at, None)
    assert due.is_due(rs.HOMEWORK, session.store, at + dt.timedelta(days=1), None)  # tomorrow it counts again


def test_questionnaire_reminders_follow_the_program_schedule_home_shows(session):
    from app.measures import engine, results
    from app.programs import progress

    now = dt.datetime.now().astimezone()
    assert due.questionnaires(session.store, None) == []
    progress.enrol(session.store, "low-mood")
    ids = due.questionnaires(session.store, None)
    assert "phq9" in ids
    assert due.is_due(rs.QUESTIONNAIRES, session.store, now, None, now)
    for mid in ids:
        m = engine.shipped()[mid]
        results.save(session.store, m, [0] * len(m.items))
    assert not due.is_due(rs.QUESTIONNAIRES, session.store, now, None, now)
    # a week on, the weekly ones are due again: the plan can see that far
    assert due.is_due(rs.QUESTIONNAIRES, session.store, now + dt.timedelta(days=8), None, now)


# --- the plan ------------------------------------------------------------------------

def test_plan_lists_the_coming_two_weeks_on_the_chosen_days_outside_quiet_hours(session):
    s = on(rs.ReminderSettings(), rs.CHECKIN, 20, 0)
    s = on(s, rs.QUESTIONNAIRES, 23, 0)  # inside quiet hours (22-7): never shown
    monday_morning = local(2026, 11, 30, 9, 0)
    firings = plan.plan(session.store, s, "p1", None, monday_morning)
    assert [f.kind for f in firings] == [rs.CHECKIN] * plan.DAYS
    assert firings[0].at == local(2026, 11, 30, 20, 0)
    s = on(rs.ReminderSettings(), rs.CHECKIN, 20, 0, days=(0, 2))  # Mondays and Wednesdays
    firings = plan.plan(session.store, s, "p1", None, monday_morning)
    assert {f.at.weekday() for f in firings} == {0, 2} and len(firings) == 4


def test_plan_leaves_out_today_once_its_task_is_done_and_the_hours_already_past(session):
    now = dt.datetime.combine(dt.date.today(), dt.time(8, 0)).astimezone()
    s = on(rs.ReminderSettings(), rs.CHECKIN, 20, 0)
    assert plan.plan(session.store, s, "p1", None, now)[0].at.date() == now.date()
    checkins.save(session.store, 5)
    first = plan.plan(session.store, s, "p1", None, now)[0]
    assert first.at.date() == now.date() + dt.timedelta(days=1)
    late = now.replace(hour=21)
    assert all(f.at > late for f in plan.plan(session.store, s, "p1", None, late))
    assert plan.plan(session.store, rs.ReminderSettings(), "p1", None, now) == []


def test_worry_time_reminders_follow_the_worry_slot(session):
    from app.exercises import worry_slot

    worry_slot.set_slot(session.store, 17, 30)
    s = on(rs.ReminderSettings(), rs.WORRY_TIME, 9, 0)  # its own time is ignored: the slot decides
    tomorrow = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(8, 0)).astimezone()
    firings = plan.plan(session.store, s, "p1", None, tomorrow)
    assert firings and all((f.at.hour, f.at.minute) == (17, 30) for f in firings)


# --- the clock -----------------------------------------------------------------------

def test_the_clock_shows_each_reminder_once_at_its_time_and_never_hours_late():
    c = Clock()
    at = local(2026, 12, 1, 20, 0)
    c.set_plan("p1", [Firing(at, rs.CHECKIN, "p1"), Firing(at + dt.timedelta(days=1), rs.CHECKIN, "p1")], None)
    assert c.take(at - dt.timedelta(seconds=30)) == []
    assert [f.at for f in c.take(at + dt.timedelta(seconds=10))] == [at]
    assert c.take(at + dt.timedelta(seconds=40)) == []  # shown once
    nxt = at + dt.timedelta(days=1)
    assert c.take(nxt + dt.timedelta(hours=3)) == []  # the computer slept through it: not shown late
    assert c.next_at() == nxt  # (not shown, but past)


def test_while_a_profile_is_unlocked_only_its_own_reminders_show():
    c = Clock()
    at = local(2026, 12, 1, 20, 0)
    c.set_plan("mine", [Firing(at, rs.CHECKIN, "mine")], None)
    c.set_plan("theirs", [Firing(at, None, "theirs")], None)
    assert [f.profile_id for f in c.take(at, only_profile="mine")] == ["mine"]
    c2 = Clock()
    c2.set_plan("mine", [Firing(at, rs.CHECKIN, "mine")], None)
    c2.set_plan("theirs", [Firing(at, None, "theirs")], None)
    assert {f.profile_id for f in c2.take(at)} == {"mine", "theirs"}  # locked: everyone's


def test_snooze_shows_the_reminder_again_later_but_waits_out_quiet_hours():
    c = Clock()
    at = local(2026, 12, 1, 21, 50)
    first = Firing(at, rs.CHECKIN, "p1")
    c.set_plan("p1", [first], rs.Quiet(True, (22, 0), (7, 0)))
    assert c.take(at) == [first]
    again = c.snooze(first, 5, at)
    assert again.at == at + dt.timedelta(minutes=5) and again.held
    assert c.take(at + dt.timedelta(minutes=4)) == []
    assert c.take(at + dt.timedelta(minutes=6)) == [again]  # 21:56: before quiet hours
    c.snooze(first, 15, at)  # 22:05: inside quiet hours
    assert c.take(local(2026, 12, 1, 22, 6)) == []
    assert c.take(local(2026, 12, 2, 3, 0)) == []
    morning = c.take(local(2026, 12, 2, 7, 0))
    assert [f.kind for f in morning] == [rs.CHECKIN]


def test_forgetting_a_profile_drops_its_plan_and_snoozes():
    c = Clock()
    at = local(2026, 12, 1, 20, 0)
    f = Firing(at, rs.CHECKIN, "gone")
    c.set_plan("gone", [f], None)
    c.snooze(f, 10, at)
    c.forget("gone")
    assert not c.has_any() and c.take(at + dt.timedelta(minutes=10)) == []


# --- words ---------------------------------------------------------------------------

def test_a_reminder_says_nothing_private_unless_the_person_chose_so():
    for kind in (*rs.KINDS, None):
        assert words.text(kind, specific=False) == "A reminder you set"
    assert "check-in" in words.text(rs.CHECKIN, specific=True)
    assert words.text(None, specific=True) == "A reminder you set"  # from the mirror: not known


# --- the mirror ----------------------------------------------------------------------

def test_the_mirror_holds_times_only_and_reads_back_as_unnamed_reminders(tmp_path):
    at = local(2026, 12, 1, 20, 0)
    firings = [Firing(at, rs.CHECKIN, "p1"), Firing(at + dt.timedelta(days=1), rs.WORRY_TIME, "p1")]
    assert mirror.write(tmp_path, firings, rs.Quiet(True, (22, 0), (7, 0)))
    raw = (tmp_path / mirror.FILE).read_text()
    for word in ("checkin", "worry", "p1", "homework"):
        assert word not in raw
    assert not mirror.write(tmp_path, firings, rs.Quiet(True, (22, 0), (7, 0)))  # unchanged: not rewritten
    back, quiet = mirror.read(tmp_path, "p1")
    assert [f.at for f in back] == [f.at for f in firings] and all(f.kind is None for f in back)
    assert quiet == rs.Quiet(True, (22, 0), (7, 0))
    assert mirror.write(tmp_path, [], rs.Quiet())  # nothing to remind of: the file goes
    assert not (tmp_path / mirror.FILE).exists()


@pytest.mark.parametrize("content", [b"", b"{", b"[]", b'{"version": 2, "times": []}',
                                     b'{"version": 1, "times": ["not a time", 5, "2026-12-01T20:00"]}',
                                     b'{"version": 1, "times": "2026"}', b"x" * (mirror.MAX_BYTES + 1)])
def test_a_damaged_mirror_reads_as_no_reminders(tmp_path, content):
    (tmp_path / mirror.FILE).write_bytes(content)
    firings, _quiet = mirror.read(tmp_path, "p1")
    assert firings == []  # (a time without its zone is not trusted either)


# --- arrivals ------------------------------------------------------------------------

def test_a_new_file_for_this_profile_from_a_paired_contact_counts_as_arrived(tmp_path):
    own, sender = "a" * 12, "b" * 12
    (tmp_path / f"hearth-{sender}-to-{own}-000001.age").write_bytes(b"x")
    watch = arrivals.Watch(tmp_path, own, {sender})
    assert watch.new() == 0  # there before: not news
    (tmp_path / f"hearth-{sender}-to-{own}-000002.age").write_bytes(b"x")
    (tmp_path / f"hearth-{'c' * 12}-to-{own}-000003.age").write_bytes(b"x")  # unknown sender
    (tmp_path / f"hearth-{own}-to-{sender}-000004.age").write_bytes(b"x")  # our own outgoing
    (tmp_path / "notes.txt").write_bytes(b"x")
    assert watch.new() == 1
    assert watch.new() == 0
    assert arrivals.waiting(tmp_path / "missing", own, {sender}) == set()


# --- start at login ------------------------------------------------------------------

def test_start_at_login_on_linux_writes_an_xdg_autostart_entry_and_removes_it(tmp_path):
    a = Autostart("linux", home=tmp_path, env={"XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert not a.enabled()
    a.enable(tmp_path / "my data")
    entry = tmp_path / "cfg" / "autostart" / "hearth.desktop"
    text = entry.read_text()
    assert a.enabled() and "--tray" in text and '"' + str(tmp_path / "my data") + '"' in text
    assert "Type=Application" in text and "Alex" not in text
    a.disable()
    assert not entry.exists() and not a.enabled()
    a.disable()  # twice is fine


def test_start_at_login_without_xdg_config_home_uses_dot_config(tmp_path):
    a = Autostart("linux", home=tmp_path, env={})
    a.enable()
    assert (tmp_path / ".config" / "autostart" / "hearth.desktop").is_file()


def test_start_at_login_on_macos_writes_a_launch_agent(tmp_path):
    import plistlib

    a = Autostart("darwin", home=tmp_path)
    a.enable()
    plist = plistlib.loads((tmp_path / "Library" / "LaunchAgents" / "org.hearth.Hearth.plist").read_bytes())
    assert plist["RunAtLoad"] is True and "--tray" in plist["ProgramArguments"]
    a.disable()
    assert not a.enabled()


class FakeRegistry:
    HKEY_CURRENT_USER, KEY_SET_VALUE, REG_SZ = "HKCU", 2, 1

    def __init__(self):
        self.values = {}

    class _Key:
        def __init__(self, reg, path):
            self.reg, self.path = reg, path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def OpenKey(self, root, path, *_a):  # noqa: N802 - winreg's names
        return self._Key(self, path)

    CreateKey = OpenKey

    def QueryValueEx(self, key, name):  # noqa: N802
        if (key.path, name) not in self.values:
            raise FileNotFoundError(name)
        return self.values[(key.path, name)], self.REG_SZ

    def SetValueEx(self, key, name, _reserved, _type, value):  # noqa: N802
        self.values[(key.path, name)] = value

    def DeleteValue(self, key, name):  # noqa: N802
        if self.values.pop((key.path, name), None) is None:
            raise FileNotFoundError(name)


def test_start_at_login_on_windows_sets_and_deletes_the_run_value():
    reg = FakeRegistry()
    a = Autostart("win32", registry=reg)
    assert not a.enabled()
    a.enable()
    (path, name), value = next(iter(reg.values.items()))
    assert name == "Hearth" and path.endswith(r"CurrentVersion\Run") and "--tray" in value
    assert a.enabled()
    a.disable()
    assert reg.values == {} and not a.enabled()
    a.disable()


def test_desktop_entry_quotes_paths_with_spaces_and_percent_signs(tmp_path):
    text = desktop_entry(["/opt/my apps/hearth", "--tray", "--data-dir", "/data/100%"], tmp_path)
    assert 'Exec="/opt/my apps/hearth" --tray --data-dir /data/100%%' in text

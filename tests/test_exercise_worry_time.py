"""Worry time: the session entry, the daily slot and the parked worries (kept in the encrypted store),
the editor, and Home's card."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QTime

from app.exercises import kind_settings, limits, worry_slot
from app.exercises import store as ex_store
from app.exercises.kinds import worry_time as core
from tests.editors import make

FULL = {"worries": [{"text": "Boiler makes a noise", "outcome": "practical"},
                    {"text": "What if Mum falls ill", "outcome": "let-go"},
                    {"text": "Exam results", "outcome": None}],
        "distress_before": 60, "distress_after": 35, "note": "Easier than I thought"}


def host(qtbot, session):
    from ui.exercises.host import ExerciseHost

    h = ExerciseHost(SimpleNamespace(session=session), core.KIND)
    qtbot.addWidget(h)
    h.load()
    return h


# --- the entry ---------------------------------------------------------------------------

def test_normalize_keeps_a_full_session_exactly_and_drops_form_bookkeeping():
    assert core.normalize(FULL) == FULL
    with_ids = {**FULL, "worries": [{**w, "parked_id": "abc"} for w in FULL["worries"]]}
    assert core.normalize(with_ids) == FULL
    assert core.summary(FULL) == "2/3 \u00b7 60\u219235"


def test_readable_says_each_worry_with_what_was_decided():
    from app.exercises import readable

    by = {x.label: x.value for x in readable.lines(core.KIND, FULL)}
    assert by["Worries looked at"].splitlines() == [
        "Boiler makes a noise (Practical: I will work on it with problem solving)",
        "What if Mum falls ill (A \u201cwhat if\u201d worry: I let it go)", "Exam results (Not looked at yet)"]
    assert by["Distress before and after"] == "60 \u2192 35 out of 100"


@pytest.mark.parametrize("empty", [{}, {"worries": [{"text": "x"}]}, {"worries": [{"text": "", "outcome": "gone"}]},
                                   {"note": "  "}])
def test_an_empty_session_is_refused_with_a_kind_message(empty):
    with pytest.raises(limits.Missing) as err:
        core.normalize(empty)
    assert err.value.field == "worries" and "Look at one of your worries" in err.value.message


@pytest.mark.parametrize("bad", [{"worries": "x"}, {"worries": ["x"]}, {"worries": [{"text": "a", "outcome": "later"}]},
                                 {"worries": [{"text": 3, "outcome": "gone"}]}, {"note": 4},
                                 {"distress_before": "a lot"}])
def test_malformed_sessions_are_refused(bad):
    with pytest.raises(ValueError) as err:
        core.normalize({**FULL, **bad})
    assert not isinstance(err.value, limits.Missing)


def test_lists_and_texts_are_bounded():
    clean = core.normalize({"worries": [{"text": "w" * 1000, "outcome": "gone"}] * 80})
    assert len(clean["worries"]) == core.MAX_WORRIES and len(clean["worries"][0]["text"]) == limits.MAX_SHORT


# --- the slot and the parked worries -------------------------------------------------------

def test_the_slot_defaults_to_six_pm_for_fifteen_minutes_until_chosen(session):
    assert worry_slot.slot(session.store) == worry_slot.Slot(18, 0, 20, chosen=False)
    worry_slot.set_slot(session.store, 19, 30, 20)
    assert worry_slot.slot(session.store) == worry_slot.Slot(19, 30, 20, chosen=True)
    assert worry_slot.start_text(worry_slot.slot(session.store)) == "7:30\u202fPM"


@pytest.mark.parametrize("hour, minute, minutes", [(24, 0, 15), (-1, 0, 15), (18, 60, 15), (18, 0, 4),
                                                   (18, 0, 61), (True, 0, 15), (18, 0, "15")])
def test_a_slot_out_of_range_is_refused_and_nothing_changes(session, hour, minute, minutes):
    with pytest.raises(ValueError):
        worry_slot.set_slot(session.store, hour, minute, minutes)
    assert not worry_slot.slot(session.store).chosen


@pytest.mark.parametrize("stored", ['{"hour": 99, "minute": 0, "minutes": 15}', '"18:00"', "not json", "[1, 2]"])
def test_a_damaged_slot_setting_reads_as_the_default(session, stored):
    with session.store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO preferences(key, value) VALUES ('kind:worry-time:slot', ?)", (stored,))
    assert worry_slot.slot(session.store) == worry_slot.Slot(18, 0, worry_slot.DEFAULT_LENGTH)


def test_next_start_is_today_before_the_slot_and_tomorrow_after_it(session):
    worry_slot.set_slot(session.store, 18, 0, 15)
    morning = datetime.datetime(2026, 12, 1, 9, 0).astimezone()
    assert worry_slot.next_start(session.store, morning) == datetime.datetime(2026, 12, 1, 18, 0).astimezone()
    night = datetime.datetime(2026, 12, 1, 18, 1).astimezone()
    assert worry_slot.next_start(session.store, night) == datetime.datetime(2026, 12, 2, 18, 0).astimezone()


def test_parking_saves_at_once_in_the_store_and_unparking_removes(session):
    first = worry_slot.park(session.store, "  What if   the car fails its test?  ")
    second = worry_slot.park(session.store, "Rent")
    assert [p.text for p in worry_slot.parked(session.store)] == ["What if the car fails its test?", "Rent"]
    assert kind_settings.get(session.store, core.KIND, "parked")[0]["id"] == first.id
    worry_slot.unpark(session.store, [first.id, "unknown"])
    assert worry_slot.parked(session.store) == [second]


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_parking_nothing_is_refused_kindly(session, text):
    with pytest.raises(limits.Missing) as err:
        worry_slot.park(session.store, text)
    assert "few words" in err.value.message and worry_slot.parked(session.store) == []


def test_parking_a_non_text_and_a_full_list_are_refused(session):
    with pytest.raises(ValueError):
        worry_slot.park(session.store, 5)
    for n in range(worry_slot.MAX_PARKED):
        worry_slot.park(session.store, f"worry {n}")
    with pytest.raises(limits.Missing) as err:
        worry_slot.park(session.store, "one more")
    assert "full" in err.value.message and len(worry_slot.parked(session.store)) == worry_slot.MAX_PARKED


def test_damaged_parked_items_are_left_out(session):
    kept = {"id": "a", "text": "kept", "parked_at": "2026-12-01T09:00:00+00:00"}
    kind_settings.put(session.store, core.KIND, "parked", [kept, {"id": 1}, "x", None])
    assert [p.text for p in worry_slot.parked(session.store)] == ["kept"]
    kind_settings.put(session.store, core.KIND, "parked", {"not": "a list"})
    assert worry_slot.parked(session.store) == []


def test_due_counts_todays_parked_worries_from_half_an_hour_before_the_slot(session):
    worry_slot.set_slot(session.store, 18, 0, 15)
    today = datetime.datetime(2026, 12, 1, 10, 0).astimezone()
    yesterday = today - datetime.timedelta(days=1)
    worry_slot.park(session.store, "old", at=yesterday.astimezone(datetime.timezone.utc).isoformat())
    assert worry_slot.due(session.store, today.replace(hour=19)) == 0  # nothing parked today
    worry_slot.park(session.store, "new", at=today.astimezone(datetime.timezone.utc).isoformat())
    assert worry_slot.due(session.store, today.replace(hour=17, minute=29)) == 0
    assert worry_slot.due(session.store, today.replace(hour=17, minute=30)) == 1
    assert worry_slot.due(session.store, today.replace(hour=22)) == 1


# --- the editor ------------------------------------------------------------------------------

def test_editor_round_trip_through_the_store(qtbot, session):
    ed = make(qtbot, core.KIND, FULL)
    entry = ex_store.add(session.store, core.KIND, ed.get_data())
    assert entry.data == FULL
    again = make(qtbot, core.KIND, ex_store.get(session.store, entry.id).data)
    assert core.normalize(again.get_data()) == FULL
    assert again.worries.rows[0].to_problem_solving.isVisibleTo(again)
    assert not again.worries.rows[1].to_problem_solving.isVisibleTo(again)


def test_park_review_save_and_the_looked_at_worries_leave_the_list(qtbot, session):
    h = host(qtbot, session)
    ed = h.editor
    qtbot.keyClicks(ed.park_edit, "What if I fail the exam")
    qtbot.keyClick(ed.park_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(ed.park_edit, "Fix the bike")
    ed.park_button.click()
    assert [p.text for p in worry_slot.parked(session.store)] == ["What if I fail the exam", "Fix the bike"]
    assert ed.park_edit.text() == "" and "Fix the bike" in ed.parked_list.text()
    assert ed.bring_in.text() == "Add the 2 parked worries"
    ed.add_parked()
    assert [r.text.text() for r in ed.worries.rows] == ["What if I fail the exam", "Fix the bike"]
    assert not ed.bring_in.isEnabled()
    ed.worries.rows[0].outcome.setCurrentIndex(ed.worries.rows[0].outcome.findData(core.LET_GO))
    ed.distress_before.set_number(70)
    with qtbot.waitSignal(ed.open_exercise) as opened:
        ed.worries.rows[1].outcome.setCurrentIndex(ed.worries.rows[1].outcome.findData(core.PRACTICAL))
        ed.worries.rows[1].to_problem_solving.click()
    assert opened.args == ["problem-solving"]
    ed.worries.rows[1].outcome.setCurrentIndex(0)  # not looked at after all: it stays parked
    h.browser.save()
    [entry] = ex_store.entries(session.store, kind=core.KIND)
    assert entry.data["worries"] == [{"text": "What if I fail the exam", "outcome": "let-go"},
                                     {"text": "Fix the bike", "outcome": None}]
    assert [p.text for p in worry_slot.parked(session.store)] == ["Fix the bike"]
    h.browser.new_entry()  # a new session starts with what is still parked
    assert [r.text.text() for r in h.editor.worries.rows] == ["Fix the bike"]


def test_parking_an_empty_line_shows_the_message_beside_the_box(qtbot, session):
    h = host(qtbot, session)
    ed = h.editor
    ed.park_button.click()
    assert ed.park_error.text() == "Write the worry in a few words first."
    assert ed.park_edit.accessibleDescription() == ed.park_error.text()
    assert worry_slot.parked(session.store) == []


def test_the_slot_is_kept_as_soon_as_it_changes(qtbot, session):
    h = host(qtbot, session)
    ed = h.editor
    assert ed.start.time() == QTime(18, 0) and ed.length.value() == 20
    ed.start.setTime(QTime(17, 45))
    ed.length.setFocus()
    qtbot.keyClick(ed.length, Qt.Key.Key_Up)
    assert worry_slot.slot(session.store) == worry_slot.Slot(17, 45, 21, chosen=True)
    h2 = host(qtbot, session)
    again = h2.editor
    assert again.start.time() == QTime(17, 45) and again.length.value() == 21


def test_a_draft_keeps_the_parked_links_so_a_restored_session_still_unparks(qtbot, session):
    from app import drafts

    worry_slot.park(session.store, "Dentist")
    h = host(qtbot, session)
    h.editor.worries.rows[0].outcome.setCurrentIndex(1)
    qtbot.waitUntil(lambda: drafts.load(session.store, "exercise:worry-time:-:new") is not None, timeout=2000)
    restored = host(qtbot, session)  # as after a crash: the draft is opened again
    assert restored.browser.notice.text() == "Your unsaved text was restored."
    restored.browser.save()
    assert worry_slot.parked(session.store) == []


def test_home_shows_the_card_when_worries_were_parked_and_the_slot_is_near(qtbot, session, monkeypatch):
    from ui.pages.home import HomePage

    opened = []
    ctx = SimpleNamespace(session=session, data_dir=session.store.path.parent / "no-clinic-files")
    worry_slot.park(session.store, "Rent")
    monkeypatch.setattr(worry_slot, "due", lambda store, now=None: 0)
    page = HomePage(ctx, lambda _k: None, lambda _m: None, open_tool=opened.append)
    qtbot.addWidget(page)
    page.load()
    assert page.worry_frame.isHidden()
    monkeypatch.setattr(worry_slot, "due", lambda store, now=None: 1)
    page.load()
    assert not page.worry_frame.isHidden()
    assert page.worry_text.text().startswith("You parked 1 worry today. Your worry time is at 6:00\u202fPM, for 20")
    page.worry_button.click()
    assert opened == ["worry-time"]


def test_saving_an_untouched_session_points_at_the_first_worrys_choice(qtbot, session):
    worry_slot.park(session.store, "Rent")
    h = host(qtbot, session)
    h.show()
    h.browser.save()
    first = h.editor.worries.rows[0]
    assert h.browser.error.text().startswith("Look at one of your worries")
    assert first.outcome.accessibleDescription() == h.browser.error.text()
    assert ex_store.count(session.store) == 0 and len(worry_slot.parked(session.store)) == 1


def test_a_parked_worry_is_never_in_plain_text_on_disk(created, tmp_path):
    from tests.conftest import PASSWORD

    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    marker = "OTTER-PARKED-5521"
    worry_slot.park(s.store, marker)
    worry_slot.set_slot(s.store, 7, 15, 10)
    assert worry_slot.parked(s.store)[0].text == marker
    for phase in ("open", "closed"):
        for p in tmp_path.rglob("*"):
            if p.is_file():
                data = p.read_bytes()
                assert marker.encode() not in data and marker.encode("utf-16-le") not in data, (phase, p)
        s.lock()

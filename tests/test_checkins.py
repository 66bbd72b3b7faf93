"""The daily check-in: one per day, bounded, kept across edits, averaged per week."""

from datetime import date

import pytest

from app import checkins


def test_second_checkin_same_day_updates_and_keeps_id(session):
    d = date(2026, 3, 2)
    first = checkins.save(session.store, 4, "tired", day=d)
    second = checkins.save(session.store, 7, "  walked  ", day=d)
    assert second.id == first.id and second.mood == 7 and second.note == "walked"
    assert [c.mood for c in checkins.history(session.store)] == [7]


@pytest.mark.parametrize("bad", [-1, 11, 3.5, "5", True, None])
def test_out_of_range_mood_is_refused_and_nothing_saved(session, bad):
    with pytest.raises(ValueError):
        checkins.save(session.store, bad)
    assert checkins.history(session.store) == []


def test_note_is_clipped(session):
    c = checkins.save(session.store, 5, "x" * (checkins.MAX_NOTE + 50))
    assert len(c.note) == checkins.MAX_NOTE


def test_history_since_and_order(session):
    for i, m in enumerate([3, 5, 8]):
        checkins.save(session.store, m, day=date(2026, 1, 10 - i))
    assert [c.day.day for c in checkins.history(session.store)] == [8, 9, 10]
    assert [c.mood for c in checkins.history(session.store, since=date(2026, 1, 9))] == [5, 3]


def test_delete_and_restore_keep_the_same_entry(session):
    c = checkins.save(session.store, 6, "ok", day=date(2026, 2, 1))
    gone = checkins.delete(session.store, date(2026, 2, 1))
    assert checkins.get(session.store, date(2026, 2, 1)) is None
    checkins.restore(session.store, gone)
    back = checkins.get(session.store, date(2026, 2, 1))
    assert (back.id, back.mood, back.note) == (c.id, 6, "ok")


def test_weekly_average_groups_by_iso_week():
    mk = lambda d, m: checkins.CheckIn("x", d, m, "", "")  # noqa: E731
    # Sunday 1 March 2026 ends one week; Monday 2 March starts the next.
    entries = [mk(date(2026, 2, 28), 2), mk(date(2026, 3, 1), 4), mk(date(2026, 3, 2), 9)]
    assert checkins.weekly_average(entries) == [(date(2026, 2, 23), 3.0), (date(2026, 3, 2), 9.0)]

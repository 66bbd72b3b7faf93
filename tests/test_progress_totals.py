"""The Progress page's totals kept by the store's triggers (schema 10, issue 15) agree with the entries
themselves through every way an entry changes, and a profile made before them gets them when it migrates."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone

from app import trends
from app.exercises import store as ex
from app.store import db as dbmod
from tests.conftest import PASSWORD, schema_up_to

NAMES = ["Walk", "walk ", "WALK", "Cooking", "call Mum", "Gym", "Reading"]


def _diary(rng: random.Random, day: date) -> dict:
    return {"date": day.isoformat(), "hour": rng.randint(7, 22), "activity": rng.choice(NAMES),
            "mood": rng.randint(0, 10), "mastery": rng.randint(0, 10), "pleasure": rng.randint(0, 10)}


def _by_hand(store) -> tuple[dict, float | None]:
    """activity_moods worked out from every entry, the way it was before the totals existed."""
    counts, totals, first = Counter(), defaultdict(int), {}
    for e in sorted(ex.entries(store, kind=trends.ACTIVITY_KIND, limit=10**6), key=lambda e: e.created_at):
        name = e.data["activity"].strip()
        if not name or not isinstance(e.data.get("mood"), int):
            continue
        key = name.casefold()
        first.setdefault(key, name)
        counts[key] += 1
        totals[key] += e.data["mood"]
    n = sum(counts.values())
    return ({k: (counts[k], totals[k]) for k in counts}, sum(totals.values()) / n if n else None)


def _from_totals(store) -> tuple[dict, float | None]:
    rows, overall = trends.activity_moods(store, top=100)
    return {r.activity.casefold(): (r.count, round(r.mean_mood * r.count)) for r in rows}, overall


def test_activity_totals_follow_every_insert_edit_delete_and_undo(session):
    store, rng = session.store, random.Random(5)
    start = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)
    ids = []
    for i in range(60):
        when = start + timedelta(hours=7 * i)
        ids.append(ex.add(store, trends.ACTIVITY_KIND, _diary(rng, when.date()),
                          created_at=when.isoformat(timespec="seconds")).id)
    assert _from_totals(store) == _by_hand(store) and _by_hand(store)[1] is not None
    seen = {trends.version(store, trends.ACTIVITIES)}
    for entry_id in rng.sample(ids, 15):  # edits: another name, another mood
        ex.update(store, entry_id, _diary(rng, start.date()))
        assert trends.version(store, trends.ACTIVITIES) not in seen
        seen.add(trends.version(store, trends.ACTIVITIES))
    assert _from_totals(store) == _by_hand(store)
    removed = [ex.delete(store, entry_id) for entry_id in rng.sample(ids, 20)]
    assert _from_totals(store) == _by_hand(store)
    assert trends.version(store, trends.ACTIVITIES)[0][0] == 40
    for entry in removed[:10]:  # undo puts them back
        ex.restore(store, entry)
    ex.restore(store, ex.get(store, ids[0]) or removed[-1])  # restoring one that exists changes nothing
    assert _from_totals(store) == _by_hand(store)
    assert trends.version(store, trends.ACTIVITIES)[0][0] == len(ex.entries(store, kind=trends.ACTIVITY_KIND))
    for entry_id in list(ids):
        ex.delete(store, entry_id)
    assert trends.activity_moods(store) == ([], None)
    assert not trends.has_data(store, trends.ACTIVITIES)
    assert store.query("SELECT count(*) FROM activity_mood_totals")[0][0] == 0


def test_an_entry_without_a_mood_or_a_name_is_not_counted(session):
    store = session.store
    ex.add(store, trends.ACTIVITY_KIND, {"date": "2026-02-02", "hour": 9, "activity": "Walk", "mood": 6})
    ex.add(store, trends.ACTIVITY_KIND, {"date": "2026-02-02", "hour": 10, "activity": "Walk"})  # no mood
    rows, overall = trends.activity_moods(store)
    assert [(r.activity, r.count, r.mean_mood) for r in rows] == [("Walk", 1, 6.0)] and overall == 6.0
    assert trends.version(store, trends.ACTIVITIES)[0][0] == 2  # both are entries of the diary


def test_homework_weeks_reads_only_the_weeks_shown_and_matches_every_entry(session):
    store, rng = session.store, random.Random(9)
    today = date(2026, 11, 25)
    rows = []
    for _ in range(300):  # two years of entries of any kind, most of them older than the 26 weeks shown
        when = datetime(2026, 11, 25, 12, tzinfo=timezone.utc) - timedelta(hours=rng.randint(0, 2 * 365 * 24))
        rows.append(when.isoformat(timespec="seconds"))
        ex.add(store, "reflection", {"text": "x"}, created_at=rows[-1])
    weeks = trends.homework_weeks(store, weeks=26, today=today)
    assert len(weeks) == 26 and weeks[-1].monday == date(2026, 11, 23)
    expected = Counter(trends._monday(trends._local_day(t)) for t in rows)
    assert [w.exercises for w in weeks] == [expected.get(w.monday, 0) for w in weeks]
    plan = " ".join(r[-1] for r in store.query(
        "EXPLAIN QUERY PLAN SELECT created_at FROM exercise_entries WHERE created_at >= ?", ("2026-01-01",)))
    assert "exercise_entries_by_time" in plan  # by index: the older entries are not read
    young = trends.homework_weeks(store, weeks=26, today=date(2024, 12, 2))  # before nearly everything
    assert 1 <= len(young) <= 26


def test_a_profile_from_schema_9_gets_its_totals_when_it_migrates(manager, tmp_path, monkeypatch):
    schema_up_to(9, tmp_path, monkeypatch)
    session, _key = manager.create("Sam", PASSWORD)
    rng = random.Random(3)
    for i in range(30):
        ex.add(session.store, trends.ACTIVITY_KIND, _diary(rng, date(2026, 3, 1) + timedelta(days=i)))
    ex.add(session.store, "reflection", {"text": "x"})
    assert session.store.schema_version() == 9
    expected = _by_hand(session.store)
    session.lock()
    monkeypatch.undo()
    session = manager.unlock(manager.find("Sam"), PASSWORD)
    try:
        assert session.store.schema_version() == dbmod.SCHEMA_VERSION >= 10
        assert _from_totals(session.store) == expected
        assert trends.version(session.store, trends.ACTIVITIES)[0][0] == 30
        assert trends.version(session.store, trends.HOMEWORK)[1][0] == 31
    finally:
        session.lock()

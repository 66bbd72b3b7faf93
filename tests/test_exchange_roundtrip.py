"""Patient -> clinician -> patient with real keys: rounds, replay, preview, acknowledgement, sync folder."""

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from app.exchange import collect, importer, outbox, syncfolder, workspace
from app.exchange.errors import AlreadyImported
from app.programs import loader, progress, unlock
from tests.exchange_util import contact, dump, exported, fill, phq9, workspace as make_workspace


def _send(sender, receiver, to, **options):
    done = exported(sender, contact(sender, to), **options)
    return importer.import_bytes(receiver, done.data), done


def test_three_rounds_two_patients_flags_first(manager):
    doc, (ann, ben) = make_workspace(manager, ("Ann", "Ben"))
    entry = fill(ann, item9=0)
    fill(ben, item9=2)  # thoughts of self-harm: Ben goes first
    for round_no in range(3):
        for p in (ann, ben):
            got, sent = _send(p, doc, "Doc")
            assert got.sequence == sent.sequence == round_no + 1
        rows = workspace.patient_rows(doc.store)
        assert [r.name for r in rows] == ["Ben", "Ann"]
        assert rows[0].flags == (("suicidal_ideation",) if round_no == 0 else ("reliable_deterioration",))
        assert rows[1].flags == () and rows[1].priority == 2
        assert rows[1].program_id == "low-mood" and rows[1].module_id
        assert rows[1].totals["phq9"] == ((12, None) if round_no == 0 else (8, 12 if round_no == 1 else 8))
        assert rows[1].totals["gad7"] == (7, None)
        feedback = {"Ann": [], "Ben": []}
        for p in (ann, ben):
            c = contact(doc, p.display_name)
            outbox.add_message(doc.store, c, f"round {round_no}")
            if p is ann:
                outbox.add_comment(doc.store, c, entry.id, f"comment {round_no}", "reflection")
                outbox.add_unlock(doc.store, c, "low-mood", "m2-activity-monitoring")
            got, _sent = _send(doc, p, p.display_name)
            feedback[p.display_name] = got.counts
            assert got.counts["acknowledged"] == 1
        # The patient sees the comments beside the entry and the unlocked module.
        assert [c.body for c in outbox.comments_for_entry(ann.store, entry.id)] == [
            f"comment {i}" for i in range(round_no + 1)]
        assert progress.clinician_unlocks(ann.store, "low-mood") == {"m2-activity-monitoring"}
        # Something new each round for the next package.
        later = (datetime.now(timezone.utc) + timedelta(days=round_no + 1)).isoformat(timespec="seconds")
        phq9(ann, [1, 1, 1, 1, 1, 1, 1, 1, 0], later)
        worse = phq9(ben, [3, 3, 3, 3, 3, 3, 3, 3, 0], later)
        _raise_deterioration(ben, worse.id, later)
    program = loader.cached("low-mood")
    states = {s.module_id: s.status for s in progress.states(ann.store, program, has_clinician=True)}
    assert states["m2-activity-monitoring"] != unlock.LOCKED
    # Ben's newest PHQ-9 has item 9 at 0, but it is a reliable deterioration.
    rows = workspace.patient_rows(doc.store)
    assert rows[0].name == "Ben" and rows[0].priority == 1 and "suicidal_ideation" in rows[0].past_flags
    detail = workspace.patient_detail(doc.store, contact(doc, "Ann").id)
    assert {k: len(v) for k, v in detail.measures.items()} == {"phq9": 3, "gad7": 1}
    assert [c.body for c in detail.homework[0]["comments"]] == ["comment 0", "comment 1", "comment 2"]
    assert [m.body for m in detail.messages if m.direction == "out"] == ["round 0", "round 1", "round 2"]


def _raise_deterioration(session, result_id, when):
    """No shipped measure has reliable-change values yet, so raise the flag as a future page would."""
    with session.store.transaction() as c:
        c.execute("INSERT INTO safety_flags(id, kind, raised_at, result_id) VALUES (?, ?, ?, ?)",
                  (uuid.uuid4().hex, "reliable_deterioration", when, result_id))


def test_replay_is_already_imported_and_changes_nothing(manager):
    doc, (pat,) = make_workspace(manager)
    fill(pat)
    got, sent = _send(pat, doc, "Doc")
    before = dump(doc.store, skip_audit=True)
    with pytest.raises(AlreadyImported) as e:
        importer.import_bytes(doc, sent.data)
    assert "already imported" in e.value.message()
    assert dump(doc.store, skip_audit=True) == before


def test_default_is_what_changed_since_the_acknowledged_package(manager):
    doc, (pat,) = make_workspace(manager)
    fill(pat)
    first, _ = _send(pat, doc, "Doc")
    assert first.counts["measures"] == 2
    # Not yet acknowledged: the next package carries everything again (a lost file loses nothing).
    assert collect.preview(pat, contact(pat, "Doc")).counts["measures"] == 2
    _send(doc, pat, "Pat")  # feedback acknowledges the first package
    shown = collect.preview(pat, contact(pat, "Doc"))
    assert shown.empty
    phq9(pat, [0] * 9)
    shown = collect.preview(pat, contact(pat, "Doc"), ["measures", "checkins"])
    assert shown.counts == {"measures": 1, "checkins": 0}
    assert shown.sections["measures"][0]["total"] == 0
    assert collect.preview(pat, contact(pat, "Doc"), everything=True).counts["measures"] == 3
    got, _ = _send(pat, doc, "Doc", categories=["measures"])
    assert got.counts == {"measures": 1}
    detail = workspace.patient_detail(doc.store, contact(doc, "Pat").id)
    assert list(detail.changed) == ["measures"] and len(detail.changed["measures"]) == 1


def test_edited_record_replaces_the_old_one(manager):
    from app import checkins

    doc, (pat,) = make_workspace(manager)
    checkins.save(pat.store, 3, "first")
    _send(pat, doc, "Doc")
    checkins.save(pat.store, 8, "edited")  # same day: same id, new content
    _send(pat, doc, "Doc")
    rows = workspace.records(doc.store, contact(doc, "Pat").id, "checkins")
    assert [(r["mood"], r["note"]) for r in rows] == [(8, "edited")]


def test_sync_folder(manager, tmp_path):
    doc, (pat,) = make_workspace(manager)
    fill(pat)
    folder = tmp_path / "sync"
    folder.mkdir()
    (folder / "notes.txt").write_text("someone else's file")
    (folder / "hearth-000000000000-to-000000000000-000001.age").write_bytes(b"not for us")
    path = syncfolder.write_outgoing(pat, contact(pat, "Doc"), folder)
    assert syncfolder.NAME.match(path.name)
    assert syncfolder.scan(pat, folder).imported == []  # our own outgoing file is not for us
    found = syncfolder.scan(doc, folder)
    assert len(found.imported) == 1 and not found.refused
    before = dump(doc.store)
    again = syncfolder.scan(doc, folder)
    assert again.imported == [] and again.refused == [] and again.skipped == 1
    assert dump(doc.store) == before  # skipped quietly: not even an audit row
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["notes.txt", "hearth-000000000000-to-000000000000-000001.age", path.name])
    assert (folder / "notes.txt").read_text() == "someone else's file"


def test_messages_both_ways(manager):
    doc, (pat,) = make_workspace(manager)
    outbox.add_message(pat.store, contact(pat, "Doc"), "Hello, I did my homework")
    _send(pat, doc, "Doc")
    outbox.add_message(doc.store, contact(doc, "Pat"), "Well done")
    _send(doc, pat, "Pat")
    mine = outbox.messages(pat.store, contact(pat, "Doc"))
    assert [(m.direction, m.body, m.sent) for m in mine] == [
        ("out", "Hello, I did my homework", True), ("in", "Well done", True)]
    assert [m.body for m in outbox.messages(doc.store, contact(doc, "Pat"))] == [
        "Hello, I did my homework", "Well done"]


def test_assigned_measures_reach_the_patient(manager):
    doc, (pat,) = make_workspace(manager)
    due = (datetime.now(timezone.utc) + timedelta(days=3)).date().isoformat()
    outbox.add_assignment(doc.store, contact(doc, "Pat"), "gad7", due)
    _send(doc, pat, "Pat")
    assert outbox.assigned_measures(pat.store) == [("gad7", due)]


def test_an_unlock_of_a_module_no_program_has_is_ignored_and_who_unlocked_is_recorded(manager):
    """A feedback file may name a module this Hearth's programs lack (a typo sent by a script, another
    version's program): it opens nothing; a real one is recorded with the clinician who sent it."""
    from app.exchange import contacts, importer, outbox
    from tests import exchange_util as xu

    doc, [pat] = xu.workspace(manager, patients=("Pat",))
    to_pat = contacts.find(doc.store, "Pat")
    outbox.add_unlock(doc.store, to_pat, "low-mood", "m9-no-such-module")
    outbox.add_unlock(doc.store, to_pat, "no-such-program", "m1-understanding")
    outbox.add_unlock(doc.store, to_pat, "low-mood", "m2-activity-monitoring")
    done = importer.import_bytes(pat, xu.exported(doc, to_pat).data)
    assert done.counts["unlocks"] == 1
    rows = pat.store.query("SELECT program_id, module_id, contact_id FROM clinician_unlocks")
    assert rows == [("low-mood", "m2-activity-monitoring", contacts.find(pat.store, "Doc").id)]

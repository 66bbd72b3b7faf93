"""What is new from the clinician (app.exchange.patient.news): what counts, and when it stops being new."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.exchange import importer, outbox, patient
from app.measures import engine, results
from tests.exchange_util import contact, exported, fill, workspace


def _feedback(doc, pat, **items):
    c = contact(doc, pat.display_name)
    for body in items.get("messages", ()):
        outbox.add_message(doc.store, c, body)
    for entry_id, body in items.get("comments", ()):
        outbox.add_comment(doc.store, c, entry_id, body, "reflection")
    for program_id, module_id in items.get("unlocks", ()):
        outbox.add_unlock(doc.store, c, program_id, module_id)
    for measure_id in items.get("assignments", ()):
        outbox.add_assignment(doc.store, c, measure_id, "2026-12-24")
    return importer.import_bytes(pat, exported(doc, c).data)


def test_everything_new_is_listed_once_and_stops_being_new_when_seen(manager):
    doc, (pat,) = workspace(manager, ("Pat",))
    entry = fill(pat)
    assert patient.news(pat.store) == []
    _feedback(doc, pat, messages=["See you Tuesday"], comments=[(entry.id, "Lovely noticing")],
              unlocks=[("low-mood", "m2-activity-monitoring")], assignments=["gad7"])
    news = patient.news(pat.store)
    assert sorted(n.kind for n in news) == ["assignment", "comment", "message", "unlock"]
    by = {n.kind: n for n in news}
    assert by["message"].body == "See you Tuesday" and by["message"].sender == "Doc"
    assert by["comment"].entry_id == entry.id and by["comment"].body == "Lovely noticing"
    assert (by["unlock"].program_id, by["unlock"].module_id) == ("low-mood", "m2-activity-monitoring")
    assert (by["assignment"].measure_id, by["assignment"].due) == ("gad7", "2026-12-24")
    patient.mark_seen(pat.store, [by["message"], by["unlock"]])
    assert sorted(n.kind for n in patient.news(pat.store)) == ["assignment", "comment"]
    patient.mark_comments_seen(pat.store, entry.id)  # the entry was opened with its comment beside it
    assert [n.kind for n in patient.news(pat.store)] == ["assignment"]
    later = (datetime.now(timezone.utc) + timedelta(minutes=1)).isoformat(timespec="seconds")
    results.save(pat.store, engine.shipped()["gad7"], [0] * 7, taken_at=later)  # answered: no longer news
    assert patient.news(pat.store) == []


def test_seen_is_kept_in_the_store_and_an_edited_comment_is_new_again(manager):
    doc, (pat,) = workspace(manager, ("Pat",))
    entry = fill(pat)
    _feedback(doc, pat, messages=["Hello"], comments=[(entry.id, "Good start")])
    patient.mark_messages_read(pat.store)
    patient.mark_seen(pat.store, patient.news(pat.store))
    pat.lock()
    again = manager.unlock(manager.find("Pat"), "correct horse battery")
    assert patient.news(again.store) == []
    # The clinician edits the comment and sends everything again: the new wording is news.
    c = contact(doc, "Pat")
    with doc.store.transaction() as cur:
        cur.execute("UPDATE exchange_comments SET body = 'Good start, keep going' WHERE direction = 'out'")
    importer.import_bytes(again, exported(doc, c, everything=True).data)
    assert [(n.kind, n.body) for n in patient.news(again.store)] == [("comment", "Good start, keep going")]


def test_comments_on_deleted_entries_and_a_repeated_request_are_not_listed_twice(manager):
    from app.exercises import store as ex_store

    doc, (pat,) = workspace(manager, ("Pat",))
    entry = fill(pat)
    _feedback(doc, pat, comments=[(entry.id, "Nice")], assignments=["phq9"])
    _feedback(doc, pat, assignments=["phq9"])
    assert sorted(n.kind for n in patient.news(pat.store)) == ["assignment", "comment"]
    assert sum(n.kind == "assignment" for n in patient.news(pat.store)) == 1
    ex_store.delete(pat.store, entry.id)
    assert [n.kind for n in patient.news(pat.store)] == ["assignment"]
    patient.mark_seen(pat.store, patient.news(pat.store))  # one request seen: every request for it
    assert patient.news(pat.store) == []


def test_an_unlock_names_the_clinician_who_sent_it(manager):
    """With two clinicians paired, Home says which one opened the module (schema 7 records the sender)."""
    from tests.exchange_util import PASSWORD, pair

    doc, (pat,) = workspace(manager, ("Pat",))
    other, _key = manager.create("Dr Second", PASSWORD, kind="clinician")
    pair(other, pat)
    with pat.store.transaction() as c:  # the newest pairing, by a clear margin (pairing times have whole seconds)
        c.execute("UPDATE exchange_contacts SET paired_at = '2030-01-01T00:00:00+00:00' WHERE display_name = ?",
                  ("Dr Second",))
    fill(pat)
    importer.import_bytes(doc, exported(pat, contact(pat, "Doc")).data)
    _feedback(doc, pat, unlocks=[("low-mood", "m2-activity-monitoring")])  # from the first, not the newest pairing
    [news] = patient.news(pat.store)
    assert (news.kind, news.sender) == ("unlock", "Doc")

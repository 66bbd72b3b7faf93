"""Helpers for the exchange tests: paired profiles, example data, a dump of every table."""

from __future__ import annotations

import tempfile
from pathlib import Path

from app import checkins
from app.exchange import card, contacts, export
from app.exercises import store as exercises
from app.measures import engine, results
from app.programs import progress
from tests.conftest import PASSWORD


def pair(clinician, patient) -> None:
    """Pair both ways (as if fingerprints were compared)."""
    card.pair(patient, card.parse_card(card.make_card(clinician)), confirmed=True)
    card.pair(clinician, card.parse_card(card.make_card(patient)), confirmed=True)


def contact(session, name: str):
    return contacts.find(session.store, name)


def exported(session, to, **options) -> export.Exported:
    """Export for contact ``to`` as the app does (the file written, then recorded as sent); the file is
    thrown away and ``.data`` holds its bytes."""
    with tempfile.TemporaryDirectory() as folder:
        return export.export_to(session, to, Path(folder) / "package.age", **options)


def workspace(manager, patients=("Pat",)):
    """A clinician workspace paired with each patient; returns (clinician, [patients])."""
    doc, _key = manager.create("Doc", PASSWORD, kind="clinician")
    pats = []
    for name in patients:
        p, _key = manager.create(name, PASSWORD)
        pair(doc, p)
        pats.append(p)
    return doc, pats


def phq9(session, answers, when=None):
    return results.save(session.store, engine.shipped()["phq9"], list(answers), taken_at=when)[0]


def fill(session, *, mood=5, item9=0):
    """Some of everything a patient can share."""
    phq9(session, [2, 2, 2, 2, 1, 1, 1, 1, item9])
    results.save(session.store, engine.shipped()["gad7"], [1, 1, 1, 1, 1, 1, 1])
    checkins.save(session.store, mood, "a note")
    progress.enrol(session.store, "low-mood")
    progress.set_lesson_done(session.store, "low-mood", "m1-understanding")
    progress.set_homework_done(session.store, "low-mood", "m1-hw1", True)
    return exercises.add(session.store, "reflection", {"answers": ["I noticed my mood"], "text": ""},
                         exercise_id="m1-hopes", program_id="low-mood", module_id="m1-understanding")


def dump(store, *, skip_audit: bool = False) -> dict:
    """Every row of every table, sorted, so two dumps compare equal only if nothing changed.

    Not the store's WAL cycle stamp (``meta.wal_cycle``): it is bookkeeping of the file, not data,
    and rides along with whichever write comes first after a checkpoint (an audit entry, say).
    """
    tables = [r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    out = {}
    for t in tables:
        if skip_audit and t == "audit_log":
            continue
        where = " WHERE key <> 'wal_cycle'" if t == "meta" else ""
        out[t] = sorted(map(repr, store.query(f"SELECT * FROM {t}{where}")))
    return out

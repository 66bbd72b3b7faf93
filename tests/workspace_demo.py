"""A data folder with a clinician workspace and a few paired patients, for looking at the workspace.

    .venv/bin/python -m tests.workspace_demo DIR            # then: python -m app --data-dir DIR
                                                           # (workspace "Dr Rivera", password below)
    .venv/bin/python -m tests.workspace_demo --patient DIR  # the patient "Robin Okafor", paired, with
                                                           # progress sent and feedback received

Patients: one who answered PHQ-9 item 9, one reliably worse, one better, one who sent nothing yet.
Every file goes through the real export and import, so the workspace shows what it would in use.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

PASSWORD = "workspace-demo"


def _send(patient, doc) -> None:
    from app.exchange import contacts, importer
    from tests.exchange_util import exported

    importer.import_bytes(doc, exported(patient, contacts.find(patient.store, doc.display_name)).data)


def _pair(doc, patient) -> None:
    from app.exchange import card

    card.pair(patient, card.parse_card(card.make_card(doc)), confirmed=True)
    card.pair(doc, card.parse_card(card.make_card(patient)), confirmed=True)


def _scores(session, phq, gad, weeks_ago: int = 3) -> None:
    """PHQ-9 and GAD-7 answers, one set a week, the last one today."""
    from app.measures import engine, results

    now = datetime.now(timezone.utc)
    shipped = engine.shipped()
    for i, (p, g) in enumerate(zip(phq, gad)):
        # Whole weeks before now, at the same time of day: an hour off put the first answer on the day before
        # when the tests ran in the first hour of a UTC day (22 days in treatment, not 21).
        when = (now - timedelta(weeks=weeks_ago - i)).isoformat() if i < len(phq) - 1 else None
        results.save(session.store, shipped["phq9"], list(p), taken_at=when)
        results.save(session.store, shipped["gad7"], list(g), taken_at=when)


def build(data_dir: Path, password: str = PASSWORD, kdf=None) -> None:
    from app.crypto.keyfile import DEFAULT_KDF
    from app.exchange import card
    from app.profiles import ProfileManager

    kdf = kdf or DEFAULT_KDF
    mgr = ProfileManager(data_dir, kdf)
    doc, _key = mgr.create("Dr Rivera", password, kind="clinician")
    card.set_details(doc, clinic="Riverside Community Clinic", phone="+44 20 7946 0000",
                     email="rivera@riverside.example")
    with tempfile.TemporaryDirectory() as elsewhere:  # the patients' own profiles live on their computers
        _patients(doc, ProfileManager(Path(elsewhere), kdf), password)
    doc.lock()


def _patients(doc, mgr, password: str) -> None:
    from app import checkins
    from app.exchange import contacts, outbox
    from app.exercises import store as exercises
    from app.programs import progress

    people = {
        # name: (PHQ-9 answers per week, GAD-7 answers per week)
        "Robin Okafor": ([[1, 1, 1, 1, 1, 1, 1, 1, 0], [2, 2, 2, 2, 1, 1, 2, 1, 1]],
                         [[1, 1, 1, 1, 1, 1, 1], [2, 2, 2, 1, 1, 1, 1]]),
        "Sam Lindqvist": ([[1, 1, 1, 1, 1, 0, 1, 0, 0], [2, 2, 2, 2, 2, 1, 1, 1, 0]],
                          [[1, 1, 1, 0, 1, 1, 0], [2, 2, 2, 1, 2, 1, 1]]),
        "Alex Moreau": ([[2, 2, 2, 2, 2, 2, 2, 1, 0], [1, 1, 1, 1, 1, 1, 1, 0, 0]],
                        [[2, 2, 2, 2, 1, 1, 1], [1, 1, 1, 1, 0, 0, 1]]),
    }
    for name, (phq, gad) in people.items():
        p, _key = mgr.create(name, password)
        _pair(doc, p)
        progress.enrol(p.store, "low-mood")
        progress.set_lesson_done(p.store, "low-mood", "m1-understanding")
        _scores(p, phq, gad)
        for mood in (4, 5, 6):
            checkins.save(p.store, mood, "")
        exercises.add(p.store, "reflection", {"answers": ["I would like to enjoy mornings again"], "text": ""},
                      exercise_id="m1-hopes", program_id="low-mood", module_id="m1-understanding")
        if name == "Robin Okafor":
            _entries(p)
        outbox.add_message(p.store, contacts.find(p.store, doc.display_name), "The diary helped this week.")
        _send(p, doc)
        p.lock()
    quiet, _key = mgr.create("Kim Nakamura", password)
    _pair(doc, quiet)
    quiet.lock()


def _entries(session) -> None:
    """A thought record, an activity-diary entry and a quiz: what a clinician reads in words."""
    from datetime import date

    from app.exercises import store as exercises

    exercises.add(session.store, "thought-record", {
        "situation": "My manager walked past without saying hello.", "thoughts": "She thinks my work is poor.",
        "belief": 85, "belief_after": 40, "emotions": [{"name": "anxious", "intensity": 75, "rerated": 40},
                                                       {"name": "low", "intensity": 60, "rerated": 45}],
        "traps": ["mind-reading", "personalising"], "evidence_for": "She has not praised the last report.",
        "evidence_against": "She was on the phone. Last month she thanked me for the rota.",
        "balanced": "She was busy; one missed hello says little about my work."},
        exercise_id="m5-thought-record", program_id="low-mood", module_id="m5-thought-records")
    exercises.add(session.store, "activity-monitoring", {
        "date": (date.today() - timedelta(days=1)).isoformat(), "hour": 17, "activity": "Walked to the park",
        "mood": 5, "mastery": 6, "pleasure": 7, "note": "Easier once I was outside."},
        exercise_id="m2-activity-diary", program_id="low-mood", module_id="m2-activity-monitoring")
    exercises.add(session.store, "quiz", {"chosen": [0, 2, 1], "correct": 1}, exercise_id="m1-quiz",
                  program_id="low-mood", module_id="m1-understanding")


def build_patient(data_dir: Path, password: str = PASSWORD, kdf=None) -> None:
    """The patient's side: Robin, paired with Dr Rivera, who answered Robin's progress with feedback."""
    from app import checkins
    from app.crypto.keyfile import DEFAULT_KDF
    from app.exchange import card, contacts, importer, outbox
    from app.profiles import ProfileManager
    from app.programs import progress
    from tests.exchange_util import exported

    kdf = kdf or DEFAULT_KDF
    robin, _key = ProfileManager(data_dir, kdf).create("Robin Okafor", password)
    with tempfile.TemporaryDirectory() as elsewhere:
        doc, _key = ProfileManager(Path(elsewhere), kdf).create("Dr Rivera", password, kind="clinician")
        card.set_details(doc, clinic="Riverside Community Clinic", phone="+44 20 7946 0000",
                         email="rivera@riverside.example")
        _pair(doc, robin)
        progress.enrol(robin.store, "low-mood")
        _scores(robin, [[1, 1, 1, 1, 1, 1, 1, 1, 0], [2, 2, 2, 1, 1, 1, 1, 1, 0]],
                [[1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1]])
        checkins.save(robin.store, 5, "")
        outbox.add_message(robin.store, contacts.find(robin.store, doc.display_name), "The diary helped this week.")
        _send(robin, doc)
        to_robin = contacts.find(doc.store, robin.display_name)
        outbox.add_message(doc.store, to_robin, "Thank you. Let's look at mornings together on Tuesday.")
        outbox.add_unlock(doc.store, to_robin, "low-mood", "m2-activity-monitoring")
        importer.import_bytes(robin, exported(doc, to_robin).data)
        doc.lock()
    robin.lock()


if __name__ == "__main__":
    patient_side = "--patient" in sys.argv[1:]
    names = [a for a in sys.argv[1:] if a != "--patient"]
    target = Path(names[0] if names else "workspace-demo")
    if target.exists() and any(target.iterdir()):
        sys.exit(f"{target} is not empty")
    (build_patient if patient_side else build)(target)
    who = "patient \u201cRobin Okafor\u201d" if patient_side else "workspace \u201cDr Rivera\u201d"
    print(f"{who} in {target}; password: {PASSWORD}")

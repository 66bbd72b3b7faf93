"""A clinician workspace with 100 paired patients and about a year of their data each (issue 11).

    .venv/bin/python bench/make_clinic.py DIR [--patients N]   # then: python -m app --data-dir DIR

Each patient is a real patient profile (in a temporary folder: their own computer) with a year of
use: weekly PHQ-9 and GAD-7 (most improve, some get reliably worse, a few answer item 9 above 0),
daily check-ins on most days, activity-diary entries, thought records, quizzes and a reflection,
lessons and homework done, messages. Each one is paired with the workspace and sends one progress
file through the real export; the workspace imports every file through the real import. The script
prints the data folder and the workspace's password.

:func:`generate` makes the paired workspace and the package files without importing them, so a
benchmark can time the imports on a copy (``bench/exchange.py`` does).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "clinic bench"
CLINICIAN = "Dr Rivera"
FIRST = ("Robin", "Sam", "Alex", "Kim", "Jo", "Ana", "Lee", "Noor", "Ravi", "Mia", "Tom", "Ife", "Lena", "Yusuf",
         "Chloe", "Omar", "Hana", "Pedro", "Zara", "Finn")
LAST = ("Okafor", "Lindqvist", "Moreau", "Nakamura", "Silva", "Haddad", "Novak", "Byrne", "Kaur", "Rossi")
SITUATIONS = ("A meeting at work ran late and my manager frowned", "My sister did not answer my message",
              "I woke up at 4 and could not get back to sleep", "I forgot a friend's birthday",
              "The bus was cancelled and I was late again", "Someone laughed behind me in the shop")
THOUGHTS = ("They think I am useless", "Nobody cares about me", "I will never get better",
            "I always let people down", "Everyone can see I am not coping")
ACTIVITIES = ("Walked to the park", "Cooked dinner", "Called my sister", "Watched TV", "Tidied the kitchen",
              "Went to the gym", "Read a book", "Stayed in bed", "Shopping", "Coffee with a friend")
NOTES = ("", "", "Slept badly", "Good day at work", "Tired", "Saw friends", "Headache", "Walked in the sun")


@dataclass(frozen=True)
class Clinic:
    """A workspace paired with every patient (nothing imported yet) and one package file per patient."""

    data_dir: Path
    packages: tuple[Path, ...]


def _answers(rng: random.Random, total: int, items: int, cap: int = 3) -> list[int]:
    """``items`` answers (0..cap) adding up to ``total`` (clamped)."""
    total = max(0, min(total, items * cap))
    out = [0] * items
    for _ in range(total):
        i = rng.choice([k for k in range(items) if out[k] < cap])
        out[i] += 1
    return out


def fast_commits(session) -> None:
    """A patient profile here is throwaway: its commits need not wait for the disk."""
    session.store._conn.execute("PRAGMA synchronous = OFF")


def fill(session, rng: random.Random, index: int, start: date, weeks: int = 52) -> None:
    """``weeks`` of use from ``start``; ``index`` picks the course (better, flat, worse; item 9)."""
    from app import checkins
    from app.exercises import store as exercises
    from app.measures import engine, results
    from app.programs import progress

    store = session.store
    shipped = engine.shipped()
    kind = "worse" if index % 10 == 3 else "flat" if index % 7 == 5 else "better"
    item9 = index % 12 == 1  # about one in twelve answers item 9 above 0 some weeks
    item9_now = index % 24 == 1  # and about half of those in the newest result too
    base_phq, base_gad = rng.randint(11, 20), rng.randint(9, 16)
    drop_phq, drop_gad = rng.randint(6, 10), rng.randint(4, 8)
    at = lambda d: datetime.combine(d, time(19, rng.randint(0, 59)), timezone.utc).isoformat()  # noqa: E731
    progress.enrol(store, "low-mood", started_at=at(start))
    for w in range(weeks):
        day = start + timedelta(weeks=w)
        share = w / (weeks - 1)
        if kind == "better":
            phq, gad = round(base_phq - share * drop_phq), round(base_gad - share * drop_gad)
        elif kind == "worse":
            phq, gad = round(base_phq - 4 + share * 11), round(base_gad - 3 + share * 8)
        else:
            phq, gad = base_phq, base_gad
        phq, gad = phq + rng.randint(-1, 1), gad + rng.randint(-1, 1)
        nine = 0
        if item9 and (w % 9 == 4 or (item9_now and w == weeks - 1)):
            nine = rng.randint(1, 2)
        answers = _answers(rng, phq - nine, 8) + [nine]
        results.save(store, shipped["phq9"], answers, taken_at=at(day))
        results.save(store, shipped["gad7"], _answers(rng, gad, 7), taken_at=at(day))
    for d in range(weeks * 7):
        if rng.random() < 0.85:
            checkins.save(store, max(0, min(10, 4 + min(d, 365) // 60 + rng.randint(-2, 2))), rng.choice(NOTES),
                          day=start + timedelta(days=d))
    modules = ("m1-understanding", "m2-activity-monitoring", "m3-values-scheduling", "m4-thinking-traps",
               "m5-thought-records", "m6-problem-solving")
    for k, module in enumerate(modules[:2 + index % 5]):
        progress.set_lesson_done(store, "low-mood", module, at=at(start + timedelta(weeks=2 * k + 1)))
    for hw in ("m1-hw1", "m1-hw2", "m2-hw1", "m2-hw2", "m3-hw1"):
        progress.set_homework_done(store, "low-mood", hw, True)
    first = start + timedelta(days=3)
    exercises.add(store, "reflection", {"answers": ["To enjoy mornings again", "Seeing friends", "My partner"],
                                        "text": ""}, exercise_id="m1-hopes", program_id="low-mood",
                  module_id="m1-understanding", created_at=at(first))
    exercises.add(store, "quiz", {"chosen": [0, 1, rng.choice([0, 2]), 1], "correct": 3}, exercise_id="m1-quiz",
                  program_id="low-mood", module_id="m1-understanding", created_at=at(first))
    years = max(1, weeks // 52)
    for d in range(14, 14 + 8 * 7 * years, 2):
        day = start + timedelta(days=d)
        exercises.add(store, "activity-monitoring", {
            "date": day.isoformat(), "hour": rng.randint(8, 21), "activity": rng.choice(ACTIVITIES),
            "mood": rng.randint(2, 8), "mastery": rng.randint(0, 10), "pleasure": rng.randint(0, 10),
            "note": rng.choice(NOTES)}, exercise_id="m2-activity-diary", program_id="low-mood",
            module_id="m2-activity-monitoring", created_at=at(day))
    for week in range(9, 9 + 12 * years):
        day = start + timedelta(weeks=week, days=2)
        before = rng.randint(60, 95)
        exercises.add(store, "thought-record", {
            "situation": rng.choice(SITUATIONS), "thoughts": rng.choice(THOUGHTS),
            "evidence_for": "It has happened before.", "evidence_against": "My last review was good, and "
            "my friend said she was busy this week.", "balanced": "One frown does not mean I am useless.",
            "belief": before, "belief_after": before - rng.randint(20, 50),
            "emotions": [{"name": "anxious", "intensity": before, "rerated": before - 30},
                         {"name": "sad", "intensity": 60, "rerated": 40}],
            "traps": ["mind-reading", "labelling"]}, exercise_id="m5-thought-record", program_id="low-mood",
            module_id="m5-thought-records", created_at=at(day))


def _patient_name(index: int) -> str:
    return f"{FIRST[index % len(FIRST)]} {LAST[index // len(FIRST) % len(LAST)]} {index + 1:03d}"


def generate(folder: Path, patients: int = 100, kdf=None, progress=None) -> Clinic:
    """``folder``/clinic: the workspace paired with ``patients`` patients; ``folder``/packages: their files
    (one each, named as the app names them in a sync folder).

    The workspace uses the real password hashing; the patients' own profiles are made in a
    temporary folder with cheap hashing and deleted."""
    from app.crypto.keyfile import DEFAULT_KDF, TEST_KDF
    from app.exchange import card, contacts, outbox, syncfolder
    from app.profiles import ProfileManager

    folder = Path(folder)
    data_dir, out = folder / "clinic", folder / "packages"
    out.mkdir(parents=True, exist_ok=True)
    doc, _key = ProfileManager(data_dir, kdf or DEFAULT_KDF).create(CLINICIAN, PASSWORD, kind="clinician")
    card.set_details(doc, clinic="Riverside Community Clinic", phone="+44 20 7946 0000",
                     email="rivera@riverside.example")
    doc_card = card.parse_card(card.make_card(doc))
    start = date.today() - timedelta(weeks=52)
    paths = []
    with tempfile.TemporaryDirectory() as elsewhere:
        manager = ProfileManager(Path(elsewhere), TEST_KDF)
        for i in range(patients):
            rng = random.Random(i)
            p, _key = manager.create(_patient_name(i), PASSWORD)
            fast_commits(p)
            card.pair(p, doc_card, confirmed=True)
            card.pair(doc, card.parse_card(card.make_card(p)), confirmed=True)
            fill(p, rng, i, start)
            to_doc = contacts.find(p.store, CLINICIAN)
            for text in ("The diary helped this week.", "I found the thought record hard.",
                         "Can we talk about sleep next time?"):
                outbox.add_message(p.store, to_doc, text)
            # named as in a sync folder, so that the folder can be scanned too (bench/exchange.py does)
            paths.append(syncfolder.write_outgoing(p, to_doc, out))
            p.lock()
            shutil.rmtree(Path(elsewhere) / "profiles", ignore_errors=True)  # one patient on disk at a time
            if progress:
                progress(i + 1, patients)
    doc.lock()
    return Clinic(data_dir, tuple(paths))


def import_all(session, packages) -> None:
    from app.exchange import importer

    for path in packages:
        importer.import_file(session, path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="a new (or empty) data folder")
    ap.add_argument("--patients", type=int, default=100)
    args = ap.parse_args()
    if args.dir.exists() and any(args.dir.iterdir()):
        sys.exit(f"{args.dir} is not empty")
    from app.profiles import ProfileManager

    with tempfile.TemporaryDirectory() as work:
        clinic = generate(Path(work), args.patients,
                          progress=lambda n, total: print(f"\r{n}/{total} patients", end="", file=sys.stderr))
        print(file=sys.stderr)
        manager = ProfileManager(clinic.data_dir)
        doc = manager.unlock(manager.find(CLINICIAN), PASSWORD)
        import_all(doc, clinic.packages)
        doc.lock()
        args.dir.mkdir(parents=True, exist_ok=True)
        for item in clinic.data_dir.iterdir():
            shutil.move(str(item), args.dir / item.name)
    print(f"workspace \u201c{CLINICIAN}\u201d with {args.patients} patients in {args.dir.resolve()}; "
          f"password: {PASSWORD}")
    print(f"open it with: python -m app --data-dir {args.dir.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

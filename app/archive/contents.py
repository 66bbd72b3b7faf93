"""What an archive holds: one JSON file per kind of record (the records as Hearth keeps them) and a CSV file
beside most of them for spreadsheets. The JSON files are what an import reads; the CSV files are for people.

Each kind is read the way a progress file reads it (``app.exchange.collect.read_section``), so an archive and
a package describe a record in the same words, and each record is checked on import against the same
definitions (``app/exchange/schemas/patient.schema.json``; the journal's in ``archive.schema.json``).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from app.store import Store

FORMAT = "hearth-archive"
VERSION = 1
MANIFEST = "manifest.json"
README = "README.txt"


@dataclass(frozen=True)
class Kind:
    file: str  # the JSON file in the archive
    section: str | None  # the progress file's section that reads it (None: the journal)
    schema: str  # the schema file (app/exchange/schemas/<schema>.schema.json or the archive's own)
    definition: str  # the record's definition in that schema


# In the order an import writes them (a safety flag refers to its questionnaire result).
KINDS = (
    Kind("journal.json", None, "archive", "journal"),
    Kind("checkins.json", "checkins", "patient", "checkin"),
    Kind("exercises.json", "homework", "patient", "entry"),
    Kind("homework_done.json", "homework_done", "patient", "done"),
    Kind("programs.json", "progress", "patient", "progress"),
    Kind("measures.json", "measures", "patient", "measure"),
    Kind("safety_flags.json", "flags", "patient", "flag"),
    Kind("safety_plan.json", "safety_plan", "patient", "plan_section"),
)
BY_FILE = {k.file: k for k in KINDS}
CSV_FILES = ("journal.csv", "checkins.csv", "exercises.csv", "measures.csv", "safety_plan.csv", "programs.csv")


def read_journal(store: Store) -> list[dict]:
    rows = store.query("SELECT id, created_at, updated_at, title, body FROM journal_entries"
                       " WHERE owner = 'patient' ORDER BY created_at, id")
    return [dict(zip(("id", "created_at", "updated_at", "title", "body"), r)) for r in rows]


def read_all(store: Store) -> dict[str, list[dict]]:
    """Every kind's records, by file name."""
    from app.exchange import collect

    return {k.file: read_journal(store) if k.section is None else collect.read_section(store, k.section)
            for k in KINDS}


# --- CSV for spreadsheets --------------------------------------------------------------------------------

# A spreadsheet runs a cell starting with one of these as a formula (also their full-width forms).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs (a leading apostrophe before a formula sign)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: list[str], rows) -> bytes:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(header)
    for row in rows:
        out.writerow([cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")  # the byte-order mark: spreadsheets then read UTF-8 right


def csv_files(records: dict[str, list[dict]]) -> dict[str, bytes]:
    """The CSV files of an archive (column names are fixed English ids, documented; the texts are the
    person's own, and an exercise's text is its readable form in the current language)."""
    from app.exercises import readable
    from app.exchange.readable import plan_heading
    from app.measures import engine

    shipped = engine.shipped()
    files = {
        "journal.csv": _csv(["created_at", "updated_at", "title", "body"],
                            ([r["created_at"], r["updated_at"], r["title"], r["body"]]
                             for r in records["journal.json"])),
        "checkins.csv": _csv(["day", "mood_0_to_10", "note"],
                             ([r["day"], r["mood"], r["note"]] for r in records["checkins.json"])),
        "exercises.csv": _csv(["created_at", "updated_at", "kind", "program_id", "exercise_id", "text"],
                              ([r["created_at"], r["updated_at"], r["kind"], r["program_id"], r["exercise_id"],
                                readable.as_text(readable.entry_lines(r))] for r in records["exercises.json"])),
        "measures.csv": _csv(["taken_at", "measure_id", "measure", "total", "band", "answers", "flags",
                              "prorated", "language", "validated_wording"],
                             ([r["taken_at"], r["measure_id"],
                               shipped[r["measure_id"]].name if r["measure_id"] in shipped else "",
                               r["total"], r["band"], " ".join("-" if a is None else str(a) for a in r["answers"]),
                               " ".join(r["flags"]), r["prorated"], r["language"], r["validated"]]
                              for r in records["measures.json"])),
        "safety_plan.csv": _csv(["section_id", "section", "body", "updated_at"],
                                ([r["id"], plan_heading(r["id"]), r["body"], r["updated_at"]]
                                 for r in records["safety_plan.json"])),
        "programs.csv": _csv(["program_id", "module_id", "unlocked_at", "lesson_done_at", "minutes_spent"],
                             ([p["program_id"], m["module_id"], m["unlocked_at"], m["lesson_done_at"],
                               round(m["seconds_spent"] / 60)] for p in records["programs.json"]
                              for m in p["modules"])),
    }
    return files


def json_file(records: list[dict]) -> bytes:
    """A kind's JSON file: a list of records, indented so a person can read it in a text editor."""
    return json.dumps(records, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False).encode("utf-8")

"""Reading a data archive back into a new profile (a person moving to Hearth on another computer).

Every step is checked before anything is written, as a progress file is: the file's size, the ZIP's members
(only the names an archive has, each read with a size limit, so a "ZIP bomb" stops early), each JSON file
against the manifest's digest, each record against its definition, each exercise through its kind's own
check. Then all records are written in one transaction: an archive is imported whole or not at all."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from app import fsutil
from app.archive import contents
from app.archive.errors import ArchiveProblem
from app.exchange import jsonsafe, validate
from app.store import Store
from app.store.db import utcnow

MAX_FILE = 512 * 1024 * 1024  # the archive as chosen (a sealed one included)
MAX_MEMBER = 1024 * 1024 * 1024  # one JSON file once unpacked
MAX_TOTAL = 2 * 1024 * 1024 * 1024  # every JSON file once unpacked
MAX_RECORDS = 2_000_000  # records of one kind
_JSON_LIMITS = jsonsafe.Limits(max_depth=16, max_string=200_000, max_items=MAX_RECORDS, max_nodes=100_000_000)
_AGE_HEADER = b"age-encryption.org/v1\n"


@dataclass(frozen=True)
class Archive:
    created_at: str
    app_version: str
    records: dict[str, list[dict]]  # JSON file name -> its records, checked

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(recs) for name, recs in self.records.items()}


def is_sealed(data: bytes) -> bool:
    return data.startswith(_AGE_HEADER)


def read_file(path: Path) -> bytes:
    try:
        return fsutil.read_regular_file(Path(path), MAX_FILE)
    except fsutil.FileTooBig:
        raise ArchiveProblem(ArchiveProblem.TOO_BIG, Path(path).name) from None
    except fsutil.NotRegularFile:
        raise ArchiveProblem(ArchiveProblem.NOT_ARCHIVE) from None


def open_archive(data: bytes, passphrase: str | None = None) -> Archive:
    """The checked records of an archive's bytes (sealed or not); raises :class:`ArchiveProblem`."""
    if len(data) > MAX_FILE:
        raise ArchiveProblem(ArchiveProblem.TOO_BIG)
    if is_sealed(data):
        data = _unseal(data, passphrase)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ArchiveProblem(ArchiveProblem.NOT_ARCHIVE)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return _read_zip(zf)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, OSError, ValueError) as e:
        if isinstance(e, ArchiveProblem):
            raise
        raise ArchiveProblem(ArchiveProblem.DAMAGED, type(e).__name__) from None


def _unseal(data: bytes, passphrase: str | None) -> bytes:
    if not passphrase:
        raise ArchiveProblem(ArchiveProblem.NEEDS_PASSPHRASE)
    from pyrage import DecryptError
    from pyrage import passphrase as age_passphrase

    try:
        return age_passphrase.decrypt(data, passphrase)
    except DecryptError:
        # age cannot tell a wrong passphrase from a changed file: both fail the header's MAC
        raise ArchiveProblem(ArchiveProblem.WRONG_PASSPHRASE) from None


def _member(zf: zipfile.ZipFile, name: str, budget: list[int]) -> bytes:
    info = zf.getinfo(name)
    limit = min(MAX_MEMBER, budget[0])
    if info.file_size > limit:
        raise ArchiveProblem(ArchiveProblem.TOO_BIG, name)
    with zf.open(info) as fh:
        data = fh.read(limit + 1)  # the header's size may lie: never unpack more than the limit
    if len(data) > limit:
        raise ArchiveProblem(ArchiveProblem.TOO_BIG, name)
    budget[0] -= len(data)
    return data


def _json(data: bytes, name: str):
    try:
        return jsonsafe.loads(data, _JSON_LIMITS)
    except jsonsafe.Refused:
        raise ArchiveProblem(ArchiveProblem.DAMAGED, name) from None


def _read_zip(zf: zipfile.ZipFile) -> Archive:
    names = [i.filename for i in zf.infolist()]
    if len(names) != len(set(names)):
        raise ArchiveProblem(ArchiveProblem.DAMAGED, "duplicate member")
    if contents.MANIFEST not in names:
        raise ArchiveProblem(ArchiveProblem.NOT_ARCHIVE)
    budget = [MAX_TOTAL]
    manifest = _json(_member(zf, contents.MANIFEST, budget), contents.MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != contents.FORMAT:
        raise ArchiveProblem(ArchiveProblem.NOT_ARCHIVE)
    if isinstance(manifest.get("version"), int) and manifest["version"] > contents.VERSION:
        raise ArchiveProblem(ArchiveProblem.NEWER)
    if not validate.record_is_valid("archive", "manifest", manifest):
        raise ArchiveProblem(ArchiveProblem.DAMAGED, contents.MANIFEST)
    listed = manifest["files"]
    unknown = set(listed) - set(contents.BY_FILE)
    if unknown:
        raise ArchiveProblem(ArchiveProblem.NEWER if manifest["version"] == contents.VERSION
                             else ArchiveProblem.DAMAGED, sorted(unknown)[0])
    records: dict[str, list[dict]] = {}
    for kind in contents.KINDS:
        if kind.file not in listed:
            records[kind.file] = []
            continue
        if kind.file not in names:
            raise ArchiveProblem(ArchiveProblem.DAMAGED, kind.file)
        data = _member(zf, kind.file, budget)
        if hashlib.sha256(data).hexdigest() != listed[kind.file]["sha256"]:
            raise ArchiveProblem(ArchiveProblem.DAMAGED, kind.file)
        found = _json(data, kind.file)
        if not isinstance(found, list) or len(found) != listed[kind.file]["records"] or len(found) > MAX_RECORDS:
            raise ArchiveProblem(ArchiveProblem.DAMAGED, kind.file)
        records[kind.file] = _checked(kind, found)
    return Archive(manifest["created_at"], manifest["app_version"], records)


def _checked(kind: contents.Kind, found: list) -> list[dict]:
    from app.exercises import registry

    seen = set()
    out = []
    for number, record in enumerate(found, 1):
        where = f"{kind.file}, record {number}"
        if not validate.record_is_valid(kind.schema, kind.definition, record):
            raise ArchiveProblem(ArchiveProblem.INVALID, where)
        key = record.get("id")
        if key in seen:
            raise ArchiveProblem(ArchiveProblem.INVALID, where)
        seen.add(key)
        if kind.file == "exercises.json":
            try:
                record = {**record, "data": registry.get(record["kind"]).normalize(record["data"])}
            except KeyError:
                raise ArchiveProblem(ArchiveProblem.NEWER, where) from None
            except ValueError:  # the kind's own check (limits.Missing is one)
                raise ArchiveProblem(ArchiveProblem.INVALID, where) from None
        out.append(record)
    if kind.file == "checkins.json" and len({r["day"] for r in out}) != len(out):
        raise ArchiveProblem(ArchiveProblem.INVALID, f"{kind.file}: two check-ins on one day")
    if kind.file == "programs.json" and sum(1 for r in out if r["active"]) > 1:
        raise ArchiveProblem(ArchiveProblem.INVALID, f"{kind.file}: more than one active program")
    return out


# --- into a new profile ------------------------------------------------------------------------------------

_OWN_TABLES = ("journal_entries", "checkins", "exercise_entries", "measure_results", "safety_flags", "safety_plan",
               "enrolments", "module_progress", "homework_done")


def is_empty(store: Store) -> bool:
    """No record of the person's own yet (a new profile)."""
    return not any(store.query_one(f"SELECT 1 FROM {t} LIMIT 1") for t in _OWN_TABLES)  # noqa: S608 - fixed names


def import_into(session, archive: Archive) -> dict[str, int]:
    """Write every record of ``archive`` into ``session``'s profile, which must be a new, empty personal
    profile; one transaction. Returns the number of records of each kind."""
    if getattr(session, "kind", "patient") != "patient":
        raise ArchiveProblem(ArchiveProblem.WRONG_KIND)
    store = session.store
    if not is_empty(store):
        raise ArchiveProblem(ArchiveProblem.NOT_EMPTY)
    try:
        _write(store, archive)
    except store_errors() as e:
        # a constraint the definitions cannot express (the same homework done twice under two ids): rolled back
        raise ArchiveProblem(ArchiveProblem.INVALID, type(e).__name__) from None
    return archive.counts


def store_errors() -> tuple[type[Exception], ...]:
    from app.store.db import sqlcipher

    return (sqlcipher.IntegrityError,)


def _write(store: Store, archive: Archive) -> None:
    r = archive.records
    with store.transaction() as c:
        if any(c.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in _OWN_TABLES):  # noqa: S608
            raise ArchiveProblem(ArchiveProblem.NOT_EMPTY)  # written meanwhile (another window)
        c.executemany("INSERT INTO journal_entries(id, owner, created_at, updated_at, title, body)"
                      " VALUES (?, 'patient', ?, ?, ?, ?)",
                      [(e["id"], e["created_at"], e["updated_at"], e["title"], e["body"]) for e in r["journal.json"]])
        c.executemany("INSERT INTO checkins(id, day, mood, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                      [(e["id"], e["day"], e["mood"], e["note"], e["created_at"], e["updated_at"])
                       for e in r["checkins.json"]])
        c.executemany("INSERT INTO exercise_entries(id, owner, kind, exercise_id, program_id, module_id, created_at,"
                      " updated_at, data) VALUES (?, 'patient', ?, ?, ?, ?, ?, ?, ?)",
                      [(e["id"], e["kind"], e["exercise_id"], e["program_id"], e["module_id"], e["created_at"],
                        e["updated_at"], jsonsafe.canonical_text(e["data"])) for e in r["exercises.json"]])
        c.executemany("INSERT INTO homework_done(program_id, homework_id, done_at) VALUES (?, ?, ?)",
                      [(e["program_id"], e["homework_id"], e["done_at"]) for e in r["homework_done.json"]])
        for p in r["programs.json"]:
            c.execute("INSERT INTO enrolments(program_id, started_at, active, finished_at) VALUES (?, ?, ?, ?)",
                      (p["program_id"], p["started_at"], int(p["active"]), p["finished_at"]))
            c.executemany("INSERT INTO module_progress(program_id, module_id, unlocked_at, lesson_done_at,"
                          " seconds_spent) VALUES (?, ?, ?, ?, ?)",
                          [(p["program_id"], m["module_id"], m["unlocked_at"], m["lesson_done_at"],
                            m["seconds_spent"]) for m in p["modules"]])
            c.executemany("INSERT INTO clinician_unlocks(program_id, module_id, unlocked_at) VALUES (?, ?, ?)",
                          [(p["program_id"], m, p["started_at"]) for m in p["clinician_unlocks"]])
        c.executemany("INSERT INTO measure_results(id, owner, measure_id, taken_at, answers, extra, total, band,"
                      " flags, prorated, language, validated) VALUES (?, 'patient', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [(e["id"], e["measure_id"], e["taken_at"], json.dumps(e["answers"]),
                        jsonsafe.canonical_text(e["extra"]), e["total"], e["band"], json.dumps(e["flags"]),
                        int(e["prorated"]), e["language"], int(e["validated"])) for e in r["measures.json"]])
        results = {e["id"] for e in r["measures.json"]}
        c.executemany("INSERT INTO safety_flags(id, kind, raised_at, result_id, detail) VALUES (?, ?, ?, ?, ?)",
                      [(e["id"], e["kind"], e["raised_at"], e["result_id"] if e["result_id"] in results else None,
                        jsonsafe.canonical_text(e["detail"])) for e in r["safety_flags.json"]])
        c.executemany("INSERT INTO safety_plan(section, body, updated_at) VALUES (?, ?, ?)",
                      [(e["id"], e["body"], e["updated_at"]) for e in r["safety_plan.json"]])
        c.execute("INSERT INTO audit_log(at, event, detail) VALUES (?, 'archive_imported', ?)",
                  (utcnow(), json.dumps({"records": archive.counts, "made": archive.created_at})))

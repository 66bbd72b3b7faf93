"""The clinic's outcomes as a CSV file, one row per patient (clinician workspace).

The columns are the outcomes NICE's early value assessments of digitally enabled therapies for
depression and anxiety (HTE8, HTE9) ask services to report (recovery, reliable recovery, reliable
improvement, reliable deterioration, reasons for stopping, level of guidance) and the figures
behind them; each column is described in ``docs/outcomes.md``. Column names and coded values
(``yes``, ``no``, ``not_enough_data``...) are fixed English words, so analysis scripts can rely on
them in every interface language.

Who is who: by default a pseudonym, ``P-`` and ten hexadecimal digits of HMAC-SHA256 of the
patient's contact id under a random key kept in this workspace's encrypted store. It stays the
same for a patient in every export from this workspace, and neither the name nor the contact id
can be worked out from it without the store. Names are written only when asked (``names=True``).

A CSV file is not encrypted: whoever writes one must tell the person so (:func:`warning`).
The file is written atomically with owner-only permissions (``app.fsutil``). Text that a
spreadsheet would run as a formula (a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app import fsutil
from app.errors import FileNotSaved
from app.exchange import outcomes
from app.exchange.outcomes import PatientOutcome
from app.i18n import _
from app.measures import engine
from app.store import Store

_SALT_KEY = "outcomes_pseudonym_key"
PSEUDONYM_DIGITS = 10
# A spreadsheet runs a cell starting with one of these as a formula (also their full-width forms).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

YES, NO, NOT_ENOUGH, NOT_APPLICABLE = "yes", "no", "not_enough_data", "not_applicable"


CsvNotWritten = FileNotSaved  # the name this module's callers and tests know


@dataclass(frozen=True)
class Written:
    path: Path
    rows: int
    names: bool


def warning(names: bool) -> str:
    """What to tell the person before (or as) the file is written."""
    if names:
        return _("This file is not encrypted and holds your patients' names with their scores and treatment "
                 "details. Anyone who can open it can read it. Keep it on an encrypted disk, share it only in a "
                 "secure way, and delete it when you no longer need it.")
    return _("This file is not encrypted. It holds health information (scores, dates and treatment details) "
             "under pseudonyms instead of names. Keep it on an encrypted disk, share it only in a secure way, "
             "and delete it when you no longer need it.")


def file_name(day: date | None = None) -> str:
    """The name offered for the clinic's CSV: no names in it, the date it was made."""
    return f"hearth-outcomes-{(day or date.today()).isoformat()}.csv"


def columns(names: bool = False) -> list[str]:
    cols = ["patient_id"] + (["name"] if names else []) + [
        "program", "modules_completed", "modules_in_program", "first_record", "last_record", "weeks_in_treatment"]
    for m in outcomes.TRACKED:
        cols += [f"{m}_scores", f"{m}_first", f"{m}_first_date", f"{m}_last", f"{m}_last_date",
                 f"{m}_reliable_change"]
    return cols + ["score_data", *outcomes.OUTCOMES, "treatment_status", "ending_reason", "ending_date",
                   "guidance_minutes", "guidance_entries"]


def pseudonym(store: Store, contact_id: str) -> str:
    """``P-`` and ten hex digits, the same for this patient in every export from this workspace."""
    return _pseudonym(_key(store), contact_id)


def write(store: Store, path: Path, *, names: bool = False, rows: list[PatientOutcome] | None = None) -> Written:
    """Write every paired patient's outcomes to ``path`` (replaced atomically)."""
    people = outcomes.patient_outcomes(store) if rows is None else rows
    data = render(store, names=names, rows=people)
    fsutil.save_chosen_file(path, data)
    return Written(Path(path), len(people), names)


def render(store: Store, *, names: bool = False, rows: list[PatientOutcome] | None = None) -> bytes:
    """The file's bytes: UTF-8 with a byte-order mark (so spreadsheets read the names right), CRLF lines."""
    people = outcomes.patient_outcomes(store) if rows is None else rows
    key = _key(store)
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(columns(names))
    for p in sorted(people, key=lambda p: _pseudonym(key, p.contact_id)):
        out.writerow([_cell(v) for v in _row(p, _pseudonym(key, p.contact_id), names)])
    return buf.getvalue().encode("utf-8-sig")


def _row(p: PatientOutcome, pid: str, names: bool) -> list:
    row = [pid] + ([p.name] if names else []) + [
        p.program_id or "", _or(p.modules_completed), _or(p.modules_in_program), p.first_record or "",
        p.last_record or "", NOT_ENOUGH if p.weeks_in_treatment is None else p.weeks_in_treatment]
    for m in outcomes.TRACKED:
        mo = p.measures[m]
        row += [mo.scores, _or(mo.first and mo.first.total, NOT_ENOUGH), mo.first.day if mo.first else "",
                _or(mo.last and mo.last.total, NOT_ENOUGH), mo.last.day if mo.last else "", _change(mo)]
    row.append(p.data)
    for outcome in outcomes.OUTCOMES:
        value = p.value(outcome)
        reason = p.excluded_from(outcome)
        row.append(NOT_APPLICABLE if reason == outcomes.NOT_A_CASE else NOT_ENOUGH if reason else
                   YES if value else NO)
    row += ["ended" if p.ending else "in_treatment", p.ending.reason if p.ending else "",
            (p.ending.ended_on or "") if p.ending else "", p.guidance.minutes, p.guidance.entries]
    return row


def _change(mo) -> str:
    if not mo.paired:
        return NOT_ENOUGH
    return {engine.IMPROVEMENT: "improvement", engine.DETERIORATION: "deterioration"}.get(mo.reliable, "none")


def _or(value, missing: str = ""):
    return missing if value is None else value


def _cell(value) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
    text = str(value)
    if text.lstrip(" ").startswith(_FORMULA_START):
        return "'" + text
    return text


def _key(store: Store) -> bytes:
    """This workspace's pseudonym key, made on first use and kept in the encrypted store."""
    row = store.query_one("SELECT value FROM meta WHERE key = ?", (_SALT_KEY,))
    if row is None:
        with store.transaction() as c:
            c.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", (_SALT_KEY, secrets.token_hex(32)))
        row = store.query_one("SELECT value FROM meta WHERE key = ?", (_SALT_KEY,))
    return bytes.fromhex(row[0])


def _pseudonym(key: bytes, contact_id: str) -> str:
    digest = hmac.new(key, contact_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return "P-" + digest[:PSEUDONYM_DIGITS].upper()

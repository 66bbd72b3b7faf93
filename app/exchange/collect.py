"""What a patient's package carries, and the preview of it.

The patient chooses categories; each category is one or more payload sections
of records with stable ids. By default a package carries every record whose
content differs from what the clinician has acknowledged receiving (compared
by digest, so clocks do not matter); ``everything=True`` carries all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from app.exchange import jsonsafe
from app.exchange.contacts import Contact
from app.exchange.jsonsafe import canonical
from app.profiles.session import Session
from app.store import Store

CATEGORIES: dict[str, tuple[str, ...]] = {
    "measures": ("measures",), "flags": ("flags",), "checkins": ("checkins",),
    "homework": ("homework", "homework_done"), "progress": ("progress",), "messages": ("messages",),
    "safety_plan": ("safety_plan",)}
SECTIONS = tuple(s for sections in CATEGORIES.values() for s in sections)


@dataclass(frozen=True)
class Preview:
    """Exactly what would leave the computer: the payload sections and their records."""

    sections: dict[str, list[dict]] = field(default_factory=dict)
    everything: bool = False
    digests: dict[str, list[str]] = field(default_factory=dict, repr=False)  # per section, as ``sections``
    encoded: dict[str, list[bytes]] = field(default_factory=dict, repr=False)  # canonical JSON of each record

    @property
    def counts(self) -> dict[str, int]:
        return {name: len(records) for name, records in self.sections.items()}

    @property
    def empty(self) -> bool:
        return not any(self.sections.values())

    def payload(self) -> dict:
        return {"sections": list(self.sections), "everything": self.everything, **self.sections}

    def encoded_payload(self) -> bytes:
        """``canonical(self.payload())``, put together from each record's canonical JSON (made once, for
        its digest) instead of encoding years of records again."""
        parts = {"sections": canonical(list(self.sections)), "everything": canonical(self.everything)}
        for name, records in self.sections.items():
            encoded = self.encoded.get(name)
            parts[name] = (b"[" + b",".join(encoded) + b"]" if encoded is not None and len(encoded) == len(records)
                           else canonical(records))
        return b"{" + b",".join(canonical(k) + b":" + parts[k] for k in sorted(parts)) + b"}"




def digest(record: dict) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()


def _encode(record: dict) -> tuple[bytes, str]:
    data = jsonsafe.canonical_text(record).encode("utf-8")
    return data, hashlib.sha256(data).hexdigest()


def sections_for(categories) -> list[str]:
    unknown = set(categories) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown categories: {sorted(unknown)}")
    return [s for c in CATEGORIES if c in categories for s in CATEGORIES[c]]


def preview(session: Session, contact: Contact, categories=tuple(CATEGORIES), everything: bool = False) -> Preview:
    """What a package to ``contact`` would carry now; nothing is written."""
    store = session.store
    acked = {} if everything else acknowledged(store, contact)
    out, digests, encoded = {}, {}, {}
    for section in sections_for(categories):
        kept = [(r, e, d) for r in _READERS[section](store, contact.id)
                for e, d in (_encode(r),) if acked.get((section, r["id"])) != d]
        out[section] = [r for r, _e, _d in kept]
        encoded[section] = [e for _r, e, _d in kept]
        digests[section] = [d for _r, _e, d in kept]
    return Preview(out, everything, digests, encoded)


def acknowledged(store: Store, contact: Contact) -> dict[tuple[str, str], str]:
    """(section, record id) -> digest of the version in the newest package the clinician acknowledged."""
    rows = store.query("SELECT section, record_id, digest FROM exchange_sent WHERE contact_id = ? AND sequence <= ?"
                       " ORDER BY section, record_id, sequence", (contact.id, contact.acked_sequence))
    return {(section, rid): d for section, rid, d in rows}  # in key order: the newest row of a record wins


# --- readers: one per section, records exactly as they travel -----------------

def _measures(store: Store, _contact_id: str) -> list[dict]:
    rows = store.query("SELECT id, measure_id, taken_at, answers, extra, total, band, flags, prorated, language,"
                       " validated FROM measure_results WHERE owner = 'patient' ORDER BY taken_at, id")
    return [{"id": r[0], "measure_id": r[1], "taken_at": r[2], "answers": json.loads(r[3]),
             "extra": json.loads(r[4]), "total": r[5], "band": r[6], "flags": json.loads(r[7]),
             "prorated": bool(r[8]), "language": r[9], "validated": bool(r[10])} for r in rows]


def _flags(store: Store, _contact_id: str) -> list[dict]:
    rows = store.query("SELECT id, kind, raised_at, result_id, detail FROM safety_flags ORDER BY raised_at, id")
    return [{"id": r[0], "kind": r[1], "raised_at": r[2], "result_id": r[3], "detail": json.loads(r[4])}
            for r in rows]


def _checkins(store: Store, _contact_id: str) -> list[dict]:
    rows = store.query("SELECT id, day, mood, note, created_at, updated_at FROM checkins ORDER BY day")
    return [dict(zip(("id", "day", "mood", "note", "created_at", "updated_at"), r)) for r in rows]


def _homework(store: Store, _contact_id: str) -> list[dict]:
    rows = store.query("SELECT id, kind, exercise_id, program_id, module_id, created_at, updated_at, data"
                       " FROM exercise_entries WHERE owner = 'patient' ORDER BY created_at, id")
    keys = ("id", "kind", "exercise_id", "program_id", "module_id", "created_at", "updated_at")
    return [{**dict(zip(keys, r[:7])), "data": json.loads(r[7])} for r in rows]


def _homework_done(store: Store, _contact_id: str) -> list[dict]:
    rows = store.query("SELECT program_id, homework_id, done_at FROM homework_done ORDER BY done_at")
    return [{"id": f"{p}/{h}", "program_id": p, "homework_id": h, "done_at": t} for p, h, t in rows]


def _progress(store: Store, _contact_id: str) -> list[dict]:
    out = []
    for program_id, started, active, finished in store.query(
            "SELECT program_id, started_at, active, finished_at FROM enrolments ORDER BY started_at"):
        modules = [{"module_id": m, "unlocked_at": u, "lesson_done_at": d, "seconds_spent": s}
                   for m, u, d, s in store.query(
                       "SELECT module_id, unlocked_at, lesson_done_at, seconds_spent FROM module_progress"
                       " WHERE program_id = ? ORDER BY module_id", (program_id,))]
        unlocks = [r[0] for r in store.query("SELECT module_id FROM clinician_unlocks WHERE program_id = ?"
                                             " ORDER BY module_id", (program_id,))]
        out.append({"id": program_id, "program_id": program_id, "started_at": started, "active": bool(active),
                    "finished_at": finished, "current_module": _current_module(store, program_id),
                    "modules": modules, "clinician_unlocks": unlocks})
    return out


def _current_module(store: Store, program_id: str) -> str | None:
    from app.programs import loader, progress, unlock

    program = loader.cached(program_id)
    if program is None:
        return None
    return unlock.current_module(progress.states(store, program, has_clinician=True))


def _messages(store: Store, contact_id: str) -> list[dict]:
    rows = store.query("SELECT id, created_at, body FROM exchange_messages WHERE contact_id = ?"
                       " AND direction = 'out' ORDER BY created_at, id", (contact_id,))
    return [{"id": i, "created_at": t, "body": b} for i, t, b in rows]


def _safety_plan(store: Store, _contact_id: str) -> list[dict]:
    """Every section of the plan the person has written in, in the plan's order; a section emptied since
    travels empty, so the clinician's copy is not left showing words the person took out."""
    from app.safety import plan

    rows = {s: (b, t) for s, b, t in store.query("SELECT section, body, updated_at FROM safety_plan")}
    return [{"id": sid, "body": rows[sid][0], "updated_at": rows[sid][1]} for sid in plan.SECTION_IDS if sid in rows]


def read_section(store: Store, section: str) -> list[dict]:
    """Every record of one of the person's own sections (not ``messages``, which belong to a contact), as a
    package would carry it: the data archive reads them the same way."""
    if section == "messages":
        raise ValueError("messages belong to a contact")
    return _READERS[section](store, "")


_READERS = {"measures": _measures, "flags": _flags, "checkins": _checkins, "homework": _homework,
            "homework_done": _homework_done, "progress": _progress, "messages": _messages,
            "safety_plan": _safety_plan}

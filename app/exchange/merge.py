"""Applying a verified, schema-valid payload inside the import's transaction.

Clinician side: each patient's records go to ``exchange_records`` keyed by
(contact, section, record id): an edited record replaces the old one, and
``changed_seq`` remembers which package changed it. Patient side: messages,
comments and assignments are stored, unlocks go to ``clinician_unlocks`` (the
table the unlock rules read), and an acknowledgement moves the "since" point
of the next package.

Rows written for one contact never overwrite another contact's rows.
"""

from __future__ import annotations

from app.exchange.collect import SECTIONS
from app.exchange.contacts import Contact
from app.exchange.jsonsafe import canonical_text
from app.store.db import utcnow

_SORT_KEY = {"measures": "taken_at", "flags": "raised_at", "checkins": "day", "homework": "created_at",
             "homework_done": "done_at", "progress": "started_at", "safety_plan": "updated_at"}


def prepare(payload: dict) -> dict[str, list[tuple[str, str, str]]]:
    """Before the write transaction: each record of a patient's payload as (id, canonical JSON, sort key)."""
    encode = canonical_text  # jsonsafe.canonical as text, without building an encoder per record
    return {section: [(r["id"], encode(r), r[_SORT_KEY[section]]) for r in payload[section]]
            for section in SECTIONS if section != "messages" and payload.get(section)}


def patient_progress(c, contact: Contact, sequence: int, package_uuid: str, payload: dict,
                     prepared: dict | None = None) -> dict:
    """Merge a patient's package into the clinician's workspace; returns counts per section.

    ``prepared`` is :func:`prepare` of the payload, done before the transaction so that the
    store is locked only for reading what is there and writing what changed."""
    prepared = prepare(payload) if prepared is None else prepared
    counts = {}
    for section in SECTIONS:
        if section == "messages":
            if payload.get(section):
                counts[section] = _incoming(c, "exchange_messages", contact, package_uuid,
                                            [(r["id"], r["body"], r["created_at"]) for r in payload[section]])
            continue
        if section not in prepared:
            continue
        stored = dict(c.execute("SELECT record_id, data FROM exchange_records WHERE contact_id = ? AND section = ?",
                                (contact.id, section)))
        rows = []
        for rid, data, sort_key in prepared[section]:
            if stored.get(rid) == data:
                continue
            stored[rid] = data
            rows.append((contact.id, section, rid, data, sort_key, sequence, sequence))
        c.executemany("INSERT INTO exchange_records(contact_id, section, record_id, data, sort_key, first_seq,"
                      " changed_seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET data = excluded.data,"
                      " sort_key = excluded.sort_key, changed_seq = excluded.changed_seq", rows)
        counts[section] = len(rows)
    return counts


def clinician_feedback(c, contact: Contact, package_uuid: str, payload: dict) -> dict:
    """Merge a clinician's feedback on the patient's side; returns counts per kind."""
    counts = {"messages": _incoming(c, "exchange_messages", contact, package_uuid,
                                    [(m["id"], m["body"], m["created_at"]) for m in payload["messages"]])}
    n = 0
    for m in payload["comments"]:
        n += c.execute("INSERT INTO exchange_comments(id, contact_id, direction, entry_id, entry_kind, body,"
                       " created_at, package_uuid) VALUES (?, ?, 'in', ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE"
                       " SET body = excluded.body, seen_at = NULL WHERE contact_id = excluded.contact_id"
                       " AND direction = 'in' AND body != excluded.body",
                       (m["id"], contact.id, m["entry_id"], m["entry_kind"], m["body"], m["created_at"],
                        package_uuid)).rowcount
    counts["comments"] = n
    n = 0
    for u in payload["unlocks"]:
        if not _module_exists(u["program_id"], u["module_id"]):
            continue  # a module no program here has (a typo, another version's program): nothing to open
        n += c.execute("INSERT OR IGNORE INTO clinician_unlocks(program_id, module_id, unlocked_at, contact_id)"
                       " VALUES (?, ?, ?, ?)", (u["program_id"], u["module_id"], utcnow(), contact.id)).rowcount
    counts["unlocks"] = n
    n = 0
    for a in payload["assignments"]:
        n += c.execute("INSERT INTO exchange_assignments(id, contact_id, direction, measure_id, due, created_at,"
                       " package_uuid) VALUES (?, ?, 'in', ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                       (a["id"], contact.id, a["measure_id"], a["due"], a["created_at"], package_uuid)).rowcount
    counts["assignments"] = n
    if payload["ack"]:
        counts["acknowledged"] = _acknowledge(c, contact, payload["ack"]["uuid"], payload["ack"]["sequence"])
    return counts


def _module_exists(program_id: str, module_id: str) -> bool:
    from app.programs import loader

    program = loader.cached(program_id)  # refuses ids that are not plain ids (never a path)
    return program is not None and any(m.id == module_id for m in program.modules)


def _incoming(c, table: str, contact: Contact, package_uuid: str, rows) -> int:
    """Messages received; an edited one replaces the old text and is unread again."""
    n = 0
    for mid, body, created in rows:
        n += c.execute(f"INSERT INTO {table}(id, contact_id, direction, body, created_at, package_uuid)"
                       " VALUES (?, ?, 'in', ?, ?, ?) ON CONFLICT(id) DO UPDATE SET body = excluded.body,"
                       " read_at = NULL WHERE contact_id = excluded.contact_id AND direction = 'in'"
                       " AND body != excluded.body",
                       (mid, contact.id, body, created, package_uuid)).rowcount
    return n


def _acknowledge(c, contact: Contact, package_uuid: str, sequence: int) -> int:
    """Accept an acknowledgement only of a package we really sent this contact; 1 if it moved."""
    sent = c.execute("SELECT 1 FROM exchange_packages WHERE uuid = ? AND contact_id = ? AND direction = 'out'"
                     " AND sequence = ?", (package_uuid, contact.id, sequence)).fetchone()
    if not sent or sequence <= contact.acked_sequence:
        return 0
    c.execute("UPDATE exchange_contacts SET acked_sequence = ?, acked_uuid = ? WHERE id = ?",
              (sequence, package_uuid, contact.id))
    # Versions superseded by an acknowledged newer one are no longer needed.
    c.execute("DELETE FROM exchange_sent WHERE contact_id = ? AND sequence < (SELECT max(t.sequence)"
              " FROM exchange_sent t WHERE t.contact_id = exchange_sent.contact_id AND t.section ="
              " exchange_sent.section AND t.record_id = exchange_sent.record_id AND t.sequence <= ?)",
              (contact.id, sequence))
    return 1

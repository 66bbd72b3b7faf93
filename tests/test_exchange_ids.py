"""Ids that arrive in a package are never paths.

A program id like ``x/../../etc`` used to pass the package schema, and the clinician's app then
looked for ``programs/x/../../etc/program.yaml``. Program, module, exercise, homework and
questionnaire ids and exercise kinds must be plain ids (``^[a-z0-9][a-z0-9-]{0,63}$``) in the
package schemas, and the function that builds a path from a program id refuses anything else.
"""

from __future__ import annotations

import copy
import os
import shutil
from pathlib import Path

import pytest
import yaml

from app import paths
from app.exchange import audit, clinic, collect, importer, keys, package, readable, workspace
from app.exchange.errors import PayloadInvalid
from app.programs import loader
from tests.exchange_util import contact, dump, fill, workspace as make_workspace

SENTINEL = "zz-hearth-sentinel"  # a folder name no real path contains
BAD = f"x/../../{SENTINEL}"
TRAVERSAL = [BAD, f"low-mood/../../../{SENTINEL}", f"../../{SENTINEL}", "../../etc", "Low-Mood", "low_mood",
             "low-mood\n"]


@pytest.fixture
def touched(monkeypatch):
    """Every path stat()ed or opened through pathlib or os while the test runs (made absolute)."""
    seen: list[str] = []
    real_stat, real_open, real_os_stat = Path.stat, Path.open, os.stat

    def stat(self, *a, **k):
        seen.append(os.path.normpath(os.path.abspath(self)))
        return real_stat(self, *a, **k)

    def open_(self, *a, **k):
        seen.append(os.path.normpath(os.path.abspath(self)))
        return real_open(self, *a, **k)

    def os_stat(path, *a, **k):
        if isinstance(path, (str, os.PathLike)):
            seen.append(os.path.normpath(os.path.abspath(path)))
        return real_os_stat(path, *a, **k)

    monkeypatch.setattr(Path, "stat", stat)
    monkeypatch.setattr(Path, "open", open_)
    monkeypatch.setattr(os, "stat", os_stat)
    return seen


def _followed(seen: list[str]) -> list[str]:
    """Paths built from a bad id (they name the sentinel folder)."""
    return [p for p in seen if SENTINEL in p]


def test_a_program_id_is_never_a_path(tmp_path, monkeypatch, touched):
    """A real program placed just outside programs/ is not reachable by any id."""
    root = tmp_path / "install"
    shutil.copytree(paths.programs_dir() / "low-mood", root / "programs" / "low-mood")
    evil = root / "evil"
    shutil.copytree(paths.programs_dir() / "low-mood", evil)
    raw = yaml.safe_load((evil / loader.PROGRAM_FILE).read_text(encoding="utf-8"))
    raw["id"] = "evil"
    (evil / loader.PROGRAM_FILE).write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(paths, "programs_dir", lambda: root / "programs")
    assert loader.cached("low-mood") is not None
    touched.clear()
    for bad in ["../evil", "low-mood/../../evil", str(evil), *TRAVERSAL]:
        assert loader.cached(bad) is None, bad
    assert touched == []  # nothing outside (or inside) programs/ was even looked at


def _payload_from(pat, to_doc) -> dict:
    return copy.deepcopy(collect.preview(pat, to_doc, everything=True).payload())


def _seal(sender, receiver, kind, payload, sequence=50) -> bytes:
    own = keys.load(sender.store)
    return package.seal(own, keys.load(receiver.store).age_recipient, kind, payload, sequence=sequence)[0]


def _refused(session, data):
    before = dump(session.store, skip_audit=True)
    logged = len(audit.entries(session.store))
    with pytest.raises(PayloadInvalid):
        importer.import_bytes(session, data)
    assert dump(session.store, skip_audit=True) == before
    assert [e.detail["reason"] for e in audit.entries(session.store)[logged:]] == ["payload_invalid"]


# Where an id from the patient lands in a patient-progress payload.
_PATIENT_PLACES = {
    "progress.program_id": lambda p, bad: p["progress"][0].update(program_id=bad, id=bad),
    "progress.current_module": lambda p, bad: p["progress"][0].update(current_module=bad),
    "progress.modules.module_id": lambda p, bad: p["progress"][0]["modules"][0].update(module_id=bad),
    "progress.clinician_unlocks": lambda p, bad: p["progress"][0].update(clinician_unlocks=[bad]),
    "homework.program_id": lambda p, bad: p["homework"][0].update(program_id=bad),
    "homework.module_id": lambda p, bad: p["homework"][0].update(module_id=bad),
    "homework.exercise_id": lambda p, bad: p["homework"][0].update(exercise_id=bad),
    "homework.kind": lambda p, bad: p["homework"][0].update(kind=bad),
    "homework_done.program_id": lambda p, bad: p["homework_done"][0].update(program_id=bad),
    "homework_done.homework_id": lambda p, bad: p["homework_done"][0].update(homework_id=bad),
    "measures.measure_id": lambda p, bad: p["measures"][0].update(measure_id=bad),
}


@pytest.fixture
def pair(manager):
    doc, (pat,) = make_workspace(manager)
    fill(pat)
    return doc, pat


@pytest.mark.parametrize("place", sorted(_PATIENT_PLACES))
def test_signed_progress_with_a_path_for_an_id_is_refused(pair, place, touched):
    doc, pat = pair
    payload = _payload_from(pat, contact(pat, "Doc"))
    _PATIENT_PLACES[place](payload, BAD)
    touched.clear()
    _refused(doc, _seal(pat, doc, package.PATIENT_PROGRESS, payload))
    assert _followed(touched) == []


@pytest.mark.parametrize("bad", TRAVERSAL)
def test_every_form_of_a_bad_program_id_is_refused(pair, bad):
    doc, pat = pair
    payload = _payload_from(pat, contact(pat, "Doc"))
    _PATIENT_PLACES["progress.program_id"](payload, bad)
    _refused(doc, _seal(pat, doc, package.PATIENT_PROGRESS, payload))


@pytest.mark.parametrize("place", ["unlock.program_id", "unlock.module_id", "assignment.measure_id", "entry_kind"])
def test_signed_feedback_with_a_path_for_an_id_is_refused(pair, place):
    doc, pat = pair
    payload = {"messages": [], "ack": None,
               "comments": [{"id": "c1", "entry_id": "e1", "entry_kind": "reflection", "created_at": "2026-01-01",
                             "body": "hi"}],
               "unlocks": [{"program_id": "low-mood", "module_id": "m2-activity-monitoring",
                            "created_at": "2026-01-01"}],
               "assignments": [{"id": "a1", "measure_id": "gad7", "due": None, "created_at": "2026-01-01"}]}
    bad = f"low-mood/../../../{SENTINEL}"
    if place == "unlock.program_id":
        payload["unlocks"][0]["program_id"] = bad
    elif place == "unlock.module_id":
        payload["unlocks"][0]["module_id"] = bad
    elif place == "assignment.measure_id":
        payload["assignments"][0]["measure_id"] = bad
    else:
        payload["comments"][0]["entry_kind"] = "../kinds/x"
    _refused(pat, _seal(doc, pat, package.CLINICIAN_FEEDBACK, payload))


def test_ids_already_stored_are_not_followed_either(pair, touched):
    """Records kept from before this check (or written by hand) are shown, never used as paths."""
    doc, pat = pair
    importer.import_bytes(doc, _seal(pat, doc, package.PATIENT_PROGRESS,
                                     _payload_from(pat, contact(pat, "Doc"))))
    pid = contact(doc, "Pat").id
    with doc.store.transaction() as c:
        for section, field in (("progress", "program_id"), ("homework", "program_id"), ("homework_done", "program_id")):
            for (rid, data) in c.execute("SELECT record_id, data FROM exchange_records WHERE contact_id = ?"
                                         " AND section = ?", (pid, section)).fetchall():
                c.execute("UPDATE exchange_records SET data = json_set(data, '$.' || ?, ?) WHERE contact_id = ?"
                          " AND section = ? AND record_id = ?", (field, BAD, pid, section, rid))
    touched.clear()
    detail = workspace.patient_detail(doc.store, pid)
    for section in ("progress", "homework", "homework_done"):
        for r in workspace.records(doc.store, pid, section):
            readable.describe(section, r)
    clinic.lockable_modules(clinic.active_program(detail.progress))
    assert _followed(touched) == []


def test_shipped_ids_are_plain_ids():
    """The strict pattern refuses nothing Hearth itself sends."""
    from app.exercises import registry
    from app.measures import engine

    ok = loader.valid_id
    assert all(ok(k) for k in registry.known())
    assert all(ok(m) for m in engine.shipped())
    for program in loader.load_all()[0]:
        assert ok(program.id)
        for module in program.modules:
            assert ok(module.id)
            assert all(ok(e["id"]) for e in module.exercises) and all(ok(h["id"]) for h in module.homework)
    schema = loader.schema()["$defs"]["id"]["pattern"]
    assert schema == "^" + loader.ID.pattern + "$"

"""A person's data archive: written from a profile, read back whole into a new one, every bad file refused."""

from __future__ import annotations

import hashlib
import io
import json
import os
import pty
import shutil
import zipfile

import pytest

from app import demo, journal
from app.archive import contents, reader, writer
from app.archive.errors import ArchiveNotWritten, ArchiveProblem
from app.safety import plan
from tests.conftest import PASSWORD


@pytest.fixture
def filled(session):
    demo.fill(session.store, days=60)
    journal.add(session.store, "=HYPERLINK(\"x\")", "Dear diary: caf\u00e9, \u0645\u0631\u062d\u0628\u0627")
    plan.save(session.store, "reasons", "My children")
    return session


@pytest.fixture
def empty(manager):
    s, _key = manager.create("Bo", PASSWORD)
    yield s
    if not s.locked:
        s.lock()


def _zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _edited(data: bytes, name: str, records, *, fix_digest: bool = True) -> bytes:
    """The archive with one JSON file replaced (its digest and count in the manifest updated, as a careful
    forger would)."""
    members = _members(data)
    members[name] = contents.json_file(records)
    if fix_digest:
        manifest = json.loads(members[contents.MANIFEST])
        manifest["files"][name] = {"records": len(records), "sha256": hashlib.sha256(members[name]).hexdigest()}
        members[contents.MANIFEST] = contents.json_file(manifest)
    return _zip_of(members)


def test_an_archive_brings_every_record_into_a_new_profile_unchanged(filled, empty, tmp_path):
    done = writer.write(filled.store, tmp_path / "mine.zip")
    assert done.records["journal.json"] > 1 and done.records["exercises.json"] > 0 and not done.encrypted
    assert oct((tmp_path / "mine.zip").stat().st_mode & 0o777) == "0o600"
    archive = reader.open_archive(reader.read_file(tmp_path / "mine.zip"))
    assert reader.import_into(empty, archive) == done.records
    assert contents.read_all(empty.store) == contents.read_all(filled.store)
    # the whole import is one entry in the profile's own log
    assert empty.store.query_one("SELECT count(*) FROM audit_log WHERE event = 'archive_imported'")[0] == 1


def test_the_csv_files_open_in_a_spreadsheet_as_text(filled, tmp_path):
    data, counts = writer.build(filled.store)
    members = _members(data)
    assert set(members) == {contents.MANIFEST, contents.README, *contents.BY_FILE, *contents.CSV_FILES}
    text = members["journal.csv"].decode("utf-8-sig")
    assert text.startswith("created_at,updated_at,title,body\r\n")
    assert "'=HYPERLINK" in text and "caf\u00e9" in text  # a formula is shown, never run
    assert len(members["journal.csv"].decode("utf-8-sig").strip().split("\r\n")) >= counts["journal.json"] + 1
    exercises = members["exercises.csv"].decode("utf-8-sig")
    assert "Mastery: sense of achievement\n6 out of 10" in exercises  # in words, as the clinician reads it
    assert "My children" in members["safety_plan.csv"].decode("utf-8-sig")
    assert "My reasons for living" in members["safety_plan.csv"].decode("utf-8-sig")


def test_a_sealed_archive_needs_its_passphrase_and_the_age_tool_opens_it(filled, empty, tmp_path):
    done = writer.write(filled.store, tmp_path / "mine.age", passphrase="blue kettle morning")
    data = (tmp_path / "mine.age").read_bytes()
    assert done.encrypted and reader.is_sealed(data) and b"Dear diary" not in data
    for passphrase, reason in ((None, ArchiveProblem.NEEDS_PASSPHRASE), ("Blue kettle morning",
                                                                          ArchiveProblem.WRONG_PASSPHRASE)):
        with pytest.raises(ArchiveProblem) as e:
            reader.open_archive(data, passphrase)
        assert e.value.reason == reason and "password" in e.value.message()
    reader.import_into(empty, reader.open_archive(data, "blue kettle morning"))
    assert contents.read_all(empty.store) == contents.read_all(filled.store)
    if shutil.which("age") is None:  # build/system-deps.sh installs it; CI checks the standard tool too
        pytest.skip("the age tool is not installed")
    pid, fd = pty.fork()
    if pid == 0:  # age reads a passphrase only from a terminal
        os.execvp("age", ["age", "--decrypt", "-o", str(tmp_path / "opened.zip"), str(tmp_path / "mine.age")])
    seen = b""
    while b"passphrase" not in seen.lower():
        seen += os.read(fd, 1024)
    os.write(fd, b"blue kettle morning\n")
    try:
        while os.read(fd, 1024):
            pass
    except OSError:
        pass
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert _members((tmp_path / "opened.zip").read_bytes())["journal.json"] == _members(writer.build(filled.store)[0])[
        "journal.json"]


def _problem(data: bytes, passphrase=None) -> ArchiveProblem:
    with pytest.raises(ArchiveProblem) as e:
        reader.open_archive(data, passphrase)
    assert e.value.message() and "Traceback" not in e.value.message()
    return e.value


def test_files_that_are_not_archives_are_refused_with_what_to_do(filled, tmp_path):
    data, _ = writer.build(filled.store)
    members = _members(data)
    assert _problem(b"hello").reason == ArchiveProblem.NOT_ARCHIVE
    assert _problem(b"").reason == ArchiveProblem.NOT_ARCHIVE
    assert _problem(_zip_of({"notes.txt": b"x"})).reason == ArchiveProblem.NOT_ARCHIVE
    other = dict(members, **{contents.MANIFEST: b'{"format": "something-else"}'})
    assert _problem(_zip_of(other)).reason == ArchiveProblem.NOT_ARCHIVE
    assert _problem(data[: len(data) // 2]).reason in (ArchiveProblem.NOT_ARCHIVE, ArchiveProblem.DAMAGED)
    (tmp_path / "folder.zip").mkdir()
    with pytest.raises(ArchiveProblem) as e:
        reader.read_file(tmp_path / "folder.zip")
    assert e.value.reason == ArchiveProblem.NOT_ARCHIVE


def test_a_changed_or_damaged_archive_is_refused(filled):
    data, _ = writer.build(filled.store)
    members = _members(data)
    journal_records = json.loads(members["journal.json"])
    # a changed file without its digest updated
    changed = _edited(data, "journal.json", [dict(journal_records[0], body="changed")] + journal_records[1:],
                      fix_digest=False)
    assert _problem(changed).reason == ArchiveProblem.DAMAGED
    # a file listed but missing; a manifest that is not JSON; the same member twice
    missing = dict(members)
    del missing["checkins.json"]
    assert _problem(_zip_of(missing)).reason == ArchiveProblem.DAMAGED
    assert _problem(_zip_of(dict(members, **{contents.MANIFEST: b"{nope"}))).reason == ArchiveProblem.DAMAGED
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
        with pytest.warns(UserWarning):
            zf.writestr("journal.json", members["journal.json"])
    assert _problem(buf.getvalue()).reason == ArchiveProblem.DAMAGED
    # a count in the manifest that does not match
    manifest = json.loads(members[contents.MANIFEST])
    manifest["files"]["journal.json"]["records"] += 1
    assert _problem(_zip_of(dict(members, **{contents.MANIFEST: contents.json_file(manifest)}))).reason == \
        ArchiveProblem.DAMAGED


def test_an_archive_from_a_newer_hearth_says_to_update(filled):
    data, _ = writer.build(filled.store)
    members = _members(data)
    manifest = json.loads(members[contents.MANIFEST])
    manifest["version"] = contents.VERSION + 1
    assert _problem(_zip_of(dict(members, **{contents.MANIFEST: contents.json_file(manifest)}))).reason == \
        ArchiveProblem.NEWER
    entries = json.loads(members["exercises.json"])
    entries[0]["kind"] = "kind-from-the-future"
    assert _problem(_edited(data, "exercises.json", entries)).reason == ArchiveProblem.NEWER


@pytest.mark.parametrize("name,change", [
    ("journal.json", lambda r: r.update(title="x" * 201)),
    ("journal.json", lambda r: r.update(extra="field")),
    ("journal.json", lambda r: r.update(id="../../etc")),
    ("checkins.json", lambda r: r.update(mood=11)),
    ("measures.json", lambda r: r.update(answers="0,1")),
    ("exercises.json", lambda r: r.update(data={"situation": 3})),
    ("safety_plan.json", lambda r: r.update(id="secret_section")),
])
def test_a_record_not_in_its_form_is_refused_even_with_the_digests_made_to_match(filled, name, change):
    data, _ = writer.build(filled.store)
    records = json.loads(_members(data)[name])
    change(records[0])
    problem = _problem(_edited(data, name, records))
    assert problem.reason == ArchiveProblem.INVALID and name in problem.message()


def test_duplicates_are_refused(filled):
    data, _ = writer.build(filled.store)
    journal_records = json.loads(_members(data)["journal.json"])
    assert _problem(_edited(data, "journal.json", journal_records + journal_records[:1])).reason == \
        ArchiveProblem.INVALID
    checkins = json.loads(_members(data)["checkins.json"])
    twin = dict(checkins[0], id="another-id")
    assert _problem(_edited(data, "checkins.json", checkins + [twin])).reason == ArchiveProblem.INVALID


def test_a_zip_bomb_stops_at_the_limit(filled, monkeypatch):
    data, _ = writer.build(filled.store)
    members = _members(data)
    monkeypatch.setattr(reader, "MAX_MEMBER", 1000)
    assert len(members["journal.json"]) > 1000
    problem = _problem(data)
    assert problem.reason == ArchiveProblem.TOO_BIG
    # a member whose header claims a small size but unpacks to more is cut off at the limit too
    monkeypatch.setattr(reader, "MAX_MEMBER", 10 ** 9)
    monkeypatch.setattr(reader, "MAX_TOTAL", 2000)
    assert _problem(data).reason == ArchiveProblem.TOO_BIG
    monkeypatch.setattr(reader, "MAX_TOTAL", 10 ** 9)
    monkeypatch.setattr(reader, "MAX_FILE", 100)
    assert _problem(data).reason == ArchiveProblem.TOO_BIG


def test_nothing_is_imported_into_a_profile_that_has_entries_or_a_clinician_workspace(filled, empty, manager):
    data, _ = writer.build(filled.store)
    archive = reader.open_archive(data)
    before = contents.read_all(filled.store)
    with pytest.raises(ArchiveProblem) as e:
        reader.import_into(filled, archive)
    assert e.value.reason == ArchiveProblem.NOT_EMPTY and "new" in e.value.message()
    assert contents.read_all(filled.store) == before
    doc, _key = manager.create("Dr Rivera", PASSWORD, kind="clinician")
    with pytest.raises(ArchiveProblem) as e:
        reader.import_into(doc, archive)
    assert e.value.reason == ArchiveProblem.WRONG_KIND
    doc.lock()


def test_an_import_that_fails_half_way_leaves_the_new_profile_empty(filled, empty):
    data, _ = writer.build(filled.store)
    done = json.loads(_members(data)["homework_done.json"])
    assert done
    twin = dict(done[0], id="another/id")  # the same homework done twice: only the store's key can tell
    archive = reader.open_archive(_edited(data, "homework_done.json", done + [twin]))
    with pytest.raises(ArchiveProblem) as e:
        reader.import_into(empty, archive)
    assert e.value.reason == ArchiveProblem.INVALID
    assert reader.is_empty(empty.store)


def test_a_write_that_fails_leaves_no_file(filled, tmp_path):
    with pytest.raises(ArchiveNotWritten) as e:
        writer.write(filled.store, tmp_path / "no-such-folder" / "mine.zip")
    assert "Nothing was written" in e.value.message()
    out = tmp_path / "out"
    (out / "mine.zip").mkdir(parents=True)  # a folder where the file would go: the last step fails
    with pytest.raises(ArchiveNotWritten):
        writer.write(filled.store, out / "mine.zip")
    assert [p.name for p in out.iterdir()] == ["mine.zip"] and (out / "mine.zip").is_dir()  # no temp file left


def test_the_default_name_says_what_and_when_but_not_who(filled):
    from datetime import date

    name = writer.file_name(writer.ZIP, date(2026, 12, 1))
    assert name == "hearth-my-data-2026-12-01.zip" and "Alex" not in name


def test_the_command_line_exports_and_imports_with_clear_exit_codes(filled, manager, tmp_path, capsys, monkeypatch):
    import io as _io
    import sys

    from app.__main__ import main

    data_dir = str(tmp_path / "data")  # the manager fixture's folder
    filled.lock()
    manager.create("Bo", PASSWORD)[0].lock()

    def run(*args, stdin=""):
        monkeypatch.setattr(sys, "stdin", _io.StringIO(stdin))
        try:
            return main(["--data-dir", data_dir, *args])
        except SystemExit as e:
            return e.code

    out = tmp_path / "mine.zip"
    assert run("profile", "export", "Alex", "--out", str(out), "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert "records saved" in capsys.readouterr().out and reader.open_archive(out.read_bytes())
    assert run("profile", "export", "Alex", "--out", str(tmp_path / "x.age"), "--format", "age",
               "--password-stdin", stdin=PASSWORD + "\n") == 2  # no passphrase on the second line
    assert "second line" in capsys.readouterr().err
    assert run("profile", "import", "Bo", "--archive", str(tmp_path / "none.zip"), "--password-stdin",
               stdin=PASSWORD + "\n") != 0
    capsys.readouterr()
    (tmp_path / "notes.txt").write_text("hello")
    assert run("profile", "import", "Bo", "--archive", str(tmp_path / "notes.txt"), "--password-stdin",
               stdin=PASSWORD + "\n") == ArchiveProblem.exit_code
    assert "not a copy of Hearth data" in capsys.readouterr().err
    assert run("profile", "import", "Bo", "--archive", str(out), "--password-stdin", stdin=PASSWORD + "\n") == 0
    assert "records imported" in capsys.readouterr().out
    assert run("profile", "import", "Bo", "--archive", str(out), "--password-stdin", stdin=PASSWORD + "\n") == \
        ArchiveProblem.exit_code  # not empty any more
    assert "new, empty profile" in capsys.readouterr().err

"""A clinic's defaults for new profiles on a lent laptop (clinic.json in the data folder)."""

from __future__ import annotations

import json

import pytest

from app import clinic_defaults, preferences, settings
from app.crypto.keyfile import TEST_KDF
from app.exchange import card, contacts
from app.profiles import ProfileManager
from tests.conftest import PASSWORD


def _write(folder, obj) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / clinic_defaults.FILE).write_text(obj if isinstance(obj, str) else json.dumps(obj), encoding="utf-8")


@pytest.fixture
def clinic(tmp_path):
    """A data folder with the clinic's clinician card in it, and a manager for new profiles there."""
    data = tmp_path / "data"
    doc, _ = ProfileManager(tmp_path / "clinician", TEST_KDF).create("Dr Rivera", PASSWORD, kind="clinician")
    data.mkdir()
    (data / "rivera.card").write_bytes(card.make_card(doc))
    doc.lock()
    return data, ProfileManager(data, TEST_KDF)


def test_no_file_means_no_defaults(tmp_path):
    found = clinic_defaults.load(tmp_path)
    assert not found.present and found.problems == ()


def test_a_new_profile_gets_the_clinics_auto_lock_and_is_paired_with_its_clinician(clinic):
    data, manager = clinic
    _write(data, {"language": "de", "country": "ch", "autolock_minutes": 5, "clinician_card": "rivera.card"})
    session, _ = manager.create("Alex", PASSWORD)
    assert clinic_defaults.apply_to_new_profile(data, session) == []
    assert preferences.load(session.store).autolock_minutes == 5
    assert [c.display_name for c in contacts.all_contacts(session.store)] == ["Dr Rivera"]
    session.lock()
    doc, _ = manager.create("Dr Kim", PASSWORD, kind="clinician")  # a workspace is not paired with a clinician
    clinic_defaults.apply_to_new_profile(data, doc)
    assert contacts.all_contacts(doc.store) == []
    doc.lock()


def test_the_start_pages_use_the_clinics_language_and_country_until_someone_chooses(clinic):
    data, _ = clinic
    _write(data, {"language": "de", "country": "ch"})
    s = settings.load(data)
    assert (s.language, s.country) == ("de", "CH")
    settings.save(data, settings.DeviceSettings(language="ar", theme="dark", country=""))
    s = settings.load(data)
    assert (s.language, s.country) == ("ar", "CH")  # the person's choice wins; the rest still comes from the clinic


@pytest.mark.parametrize("obj,words", [
    ({"language": "German"}, "language must be a code"),
    ({"country": "Switzerland"}, "two-letter code"),
    ({"autolock_minutes": 7}, "autolock_minutes must be one of"),
    ({"autolock_minutes": True}, "autolock_minutes must be one of"),
    ({"clinician_card": "../../etc/passwd"}, "clinician_card must name a card file"),
    ({"clinician_card": "missing.card"}, "clinician_card must name a card file"),
    ({"colour": "blue"}, "unknown setting"),
    ("[1, 2]", "one JSON object"),
    ("{not json", "not a readable JSON file"),
])
def test_a_bad_value_is_reported_and_left_out_and_the_rest_still_applies(clinic, obj, words):
    data, manager = clinic
    if isinstance(obj, dict):
        obj = {**obj, "autolock_minutes": obj.get("autolock_minutes", 15)} if "autolock_minutes" in obj else \
            {**obj, "autolock_minutes": 15}
    _write(data, obj)
    found = clinic_defaults.load(data)
    assert any(words in p for p in found.problems), found.problems
    session, _ = manager.create("Alex", PASSWORD)
    clinic_defaults.apply_to_new_profile(data, session)
    assert contacts.all_contacts(session.store) == []
    if isinstance(obj, dict) and obj["autolock_minutes"] == 15:
        assert preferences.load(session.store).autolock_minutes == 15
    session.lock()


def test_a_damaged_clinician_card_is_reported_and_nothing_is_paired(clinic):
    data, manager = clinic
    (data / "rivera.card").write_bytes(b"not a card")
    _write(data, {"clinician_card": "rivera.card"})
    session, _ = manager.create("Alex", PASSWORD)
    problems = clinic_defaults.apply_to_new_profile(data, session)
    assert problems and "clinician_card" in problems[0]
    assert contacts.all_contacts(session.store) == []
    session.lock()


def test_the_command_line_checks_the_file_and_creates_profiles_with_it(clinic, monkeypatch, capsys):
    import io
    import sys

    from app.__main__ import main

    data, manager = clinic

    def run(*args, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            return main(["--data-dir", str(data), *args])
        except SystemExit as e:
            return e.code

    assert run("clinic", "check") == 0 and "No clinic settings" in capsys.readouterr().out
    _write(data, {"autolock_minutes": 30, "clinician_card": "rivera.card", "language": "en"})
    assert run("clinic", "check") == 0
    assert "rivera.card" in capsys.readouterr().out
    assert run("profile", "create", "Alex", "--password-stdin", stdin=PASSWORD + "\n") == 0
    s = manager.unlock(manager.find("Alex"), PASSWORD)
    assert [c.display_name for c in contacts.all_contacts(s.store)] == ["Dr Rivera"]
    assert preferences.load(s.store).autolock_minutes == 30
    s.lock()
    _write(data, {"autolock_minutes": 7})
    assert run("clinic", "check") == 1 and "must be one of" in capsys.readouterr().err

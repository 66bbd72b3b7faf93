"""Moving a profile to another computer: one encrypted file, opened there by the same password or recovery
key; interrupted or refused, nothing changes on either side; erased from the laptop afterwards, nothing of it
can be decrypted there, even from copies made before."""

from __future__ import annotations

import os
import shutil

import pytest

from app import demo
from app.archive import contents
from app.crypto.keyfile import TEST_KDF
from app.errors import WrongPassword
from app.profiles import ProfileManager, move
from app.store import Store
from tests.conftest import PASSWORD


@pytest.fixture
def laptop(tmp_path):
    manager = ProfileManager(tmp_path / "laptop", TEST_KDF)
    session, key = manager.create("Alex Morgan", PASSWORD)
    demo.fill(session.store, days=40)
    yield manager, session, key
    if not session.locked:
        session.lock()


@pytest.fixture
def home(tmp_path):
    return ProfileManager(tmp_path / "home", TEST_KDF)


def _moved(laptop, tmp_path) -> bytes:
    manager, session, _key = laptop
    move.move_out(manager, session, tmp_path / "alex.hearthprofile")
    return (tmp_path / "alex.hearthprofile").read_bytes()


def test_the_profile_arrives_whole_and_opens_with_its_password_or_recovery_key(laptop, home, tmp_path):
    manager, session, key = laptop
    data = _moved(laptop, tmp_path)
    before = contents.read_all(session.store)
    assert b"Alex" not in data and b"Morgan" not in data  # the name travels inside, encrypted
    assert oct((tmp_path / "alex.hearthprofile").stat().st_mode & 0o777) == "0o600"
    info = move.move_in(home, data, PASSWORD)
    assert info.display_name == "Alex Morgan" and info.profile_id == session.profile_id
    there = home.unlock(info, PASSWORD)
    assert contents.read_all(there.store) == before
    there.lock()
    home.unlock_with_recovery(info, key).lock()
    # the laptop's profile is untouched: it still opens and holds the same records
    assert contents.read_all(session.store) == before
    assert [p.display_name for p in manager.list()] == ["Alex Morgan"]


def test_the_recovery_key_opens_the_file_too(laptop, home, tmp_path):
    _manager, _session, key = laptop
    info = move.move_in(home, _moved(laptop, tmp_path), key)
    home.unlock(info, PASSWORD).lock()


def test_a_wrong_password_or_a_changed_file_changes_nothing_here(laptop, home, tmp_path):
    data = _moved(laptop, tmp_path)
    with pytest.raises(WrongPassword):
        move.move_in(home, data, "not the password")
    changed = bytearray(data)
    changed[-100] ^= 1  # inside the sealed body
    with pytest.raises(move.MoveProblem) as e:
        move.move_in(home, bytes(changed), PASSWORD)
    assert e.value.reason == move.MoveProblem.DAMAGED and "Nothing was changed" in e.value.message()
    salt_at = data.index(b"}", len(move.MAGIC)) + 1  # the first byte after the clear header
    changed = bytearray(data)
    changed[salt_at] ^= 1  # the salt is bound to the sealed body
    with pytest.raises(move.MoveProblem):
        move.move_in(home, bytes(changed), PASSWORD)
    for broken in (b"", b"hello", data[:len(move.MAGIC) + 2], data[:len(data) // 2]):
        with pytest.raises(move.MoveProblem) as e:
            move.move_in(home, broken, PASSWORD)
        assert e.value.reason in (move.MoveProblem.NOT_MOVE_FILE, move.MoveProblem.DAMAGED)
    assert home.list() == [] and not (home.profiles_dir.exists() and any(home.profiles_dir.iterdir()))


def test_a_profile_already_here_or_a_name_taken_is_not_written_over(laptop, home, tmp_path):
    data = _moved(laptop, tmp_path)
    move.move_in(home, data, PASSWORD)
    with pytest.raises(move.MoveProblem) as e:
        move.move_in(home, data, PASSWORD)
    assert e.value.reason == move.MoveProblem.ALREADY_HERE and "Alex Morgan" in e.value.message()
    other = ProfileManager(tmp_path / "other", TEST_KDF)
    other.create("alex morgan", "another long password")[0].lock()
    with pytest.raises(move.MoveProblem) as e:
        move.move_in(other, data, PASSWORD)
    assert e.value.reason == move.MoveProblem.NAME_TAKEN
    assert [p.display_name for p in other.list()] == ["alex morgan"]


def test_a_move_in_interrupted_at_the_last_step_leaves_nothing_half_there(laptop, home, tmp_path, monkeypatch):
    data = _moved(laptop, tmp_path)
    real = os.replace

    def cut(src, dst):
        if str(src).split(os.sep)[-1].startswith(move.STAGING):
            raise OSError(28, "No space left on device")
        return real(src, dst)

    monkeypatch.setattr(move.os, "replace", cut)
    with pytest.raises(OSError):
        move.move_in(home, data, PASSWORD)
    monkeypatch.setattr(move.os, "replace", real)
    assert home.list() == [] and list(home.profiles_dir.iterdir()) == []
    # a process killed while it wrote leaves a staging folder: never listed, and swept away once it is clearly
    # abandoned (a younger one may belong to a move-in under way in another window)
    import time

    from app.profiles import manager as manager_mod

    staging = home.profiles_dir / f"{move.STAGING}0123"
    staging.mkdir()
    (staging / "profile.db").write_bytes(b"half")
    assert home.list() == [] and staging.exists()
    old = time.time() - manager_mod.ABANDONED_SECONDS - 60
    os.utime(staging, (old, old))
    assert home.list() == [] and not staging.exists()
    assert move.move_in(home, data, PASSWORD).display_name == "Alex Morgan"  # and it works again


def test_after_the_move_the_laptop_keeps_nothing_that_can_be_decrypted(laptop, home, tmp_path):
    manager, session, _key = laptop
    data = _moved(laptop, tmp_path)
    move.move_in(home, data, PASSWORD)
    folder = manager.find("Alex Morgan").folder
    session.store.backup(folder / "backups", reason="daily")
    key_buffer = bytes(session.key_buffer())
    session.lock()
    copies = tmp_path / "copies"
    shutil.copytree(folder, copies, ignore=shutil.ignore_patterns("keyfile.json"))  # what a thief might keep
    manager.erase(manager.find("Alex Morgan"))
    assert manager.list() == [] and not folder.exists()
    # nothing left on the laptop holds a wrap of the data key: a password can no longer open anything, and
    # the database copies made before are ciphertext that only the data key itself would open
    left = [p for p in (tmp_path / "laptop").rglob("*") if p.is_file()]
    assert not any(b"password_wrap" in p.read_bytes() for p in left)
    assert not any(b"SQLite format 3" in p.read_bytes()[:16] for p in copies.rglob("*.db"))
    Store.open(copies / "profile.db", key_buffer, profile_id=session.profile_id).close()
    home.unlock(home.find("Alex Morgan"), PASSWORD).lock()  # the moved profile lives on


def test_the_command_line_moves_out_and_in(laptop, home, tmp_path, capsys, monkeypatch):
    import io
    import sys

    from app.__main__ import main

    _manager, session, key = laptop
    session.lock()

    def run(data_dir, *args, stdin):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            return main(["--data-dir", str(data_dir), "profile", *args])
        except SystemExit as e:
            return e.code

    out = tmp_path / "alex.hearthprofile"
    assert run(tmp_path / "laptop", "move-out", "Alex Morgan", "--out", str(out), "--password-stdin",
               stdin=PASSWORD + "\n") == 0
    assert "still on this computer" in capsys.readouterr().out
    assert run(tmp_path / "home", "move-in", "--file", str(out), "--password-stdin", stdin="wrong one\n") == 3
    assert run(tmp_path / "home", "move-in", "--file", str(tmp_path), "--password-stdin",
               stdin=PASSWORD + "\n") == move.MoveProblem.exit_code
    assert run(tmp_path / "home", "move-in", "--file", str(out), "--password-stdin", stdin=key + "\n") == 0
    assert "on this computer now" in capsys.readouterr().out
    assert [p.display_name for p in home.list()] == ["Alex Morgan"]

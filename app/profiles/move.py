"""Moving a profile to another computer in one encrypted file (the end of a clinic laptop's loan).

``move_out`` writes the profile as it is: its key file and its (SQLCipher-encrypted) database, sealed
together with AES-256-GCM under a key derived from the profile's data key (HKDF, its own purpose). The
file's clear header is the key file's wraps only (kdf, salt, the password and recovery-key wraps, the
profile id), with the name and dates left out, so the same password or recovery key opens it and a
finder of the file learns nothing of the person. ``move_in`` checks everything, writes the profile into a
staging folder, opens it once (the store's own integrity checks) and only then renames it into place:
interrupted at any step, the receiving data folder holds the profile whole or not at all, and the
sending computer is never changed (erasing it there is a separate, later step)."""

from __future__ import annotations

import dataclasses
import os
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

from app import fsutil
from app.crypto.keyfile import KeyFile
from app.crypto.wipe import wipe
from app.errors import HearthError, KeyFileDamaged, KeyFileMismatch
from app.i18n import _

MAGIC = b"HEARTH-PROFILE-MOVE/1\n"
SUFFIX = "hearthprofile"
MAX_FILE = 4 * 1024 * 1024 * 1024  # what a move file may be; read in one piece
_SALT, _NONCE = 16, 12
_PLACEHOLDER_NAME = "Hearth"
_PLACEHOLDER_TIME = "2000-01-01T00:00:00+00:00"
STAGING = ".moving-in-"


class MoveProblem(HearthError):
    """A file that cannot be brought in as a profile; nothing was changed."""

    exit_code = 34
    NOT_MOVE_FILE, DAMAGED, ALREADY_HERE, NAME_TAKEN, TOO_BIG = (
        "not_move_file", "damaged", "already_here", "name_taken", "too_big")

    def __init__(self, reason: str, name: str = ""):
        super().__init__(reason)
        self.reason, self.name = reason, name

    def message(self) -> str:
        texts = {
            self.NOT_MOVE_FILE: _("This file is not a profile moved from another computer. Choose the file that "
                                  "\u201cMove this profile to another computer\u201d saved (it ends in "
                                  ".hearthprofile). Nothing was changed."),
            self.DAMAGED: _("The profile file is damaged or was changed after it was saved, so it cannot be "
                            "opened. Nothing was changed. If the profile is still on the other computer, move it "
                            "out again."),
            self.ALREADY_HERE: _("This profile is already on this computer (as \u201c{name}\u201d). Nothing was "
                                 "changed. To replace it, erase it here first, then open the file again."),
            self.NAME_TAKEN: _("There is already a profile called \u201c{name}\u201d on this computer. Nothing was "
                               "changed. If that profile is no longer needed, erase it first, then open the file again."),
            self.TOO_BIG: _("The file is larger than a profile can be. Nothing was changed."),
        }
        return texts.get(self.reason, texts[self.NOT_MOVE_FILE]).format(name=self.name)


@dataclass(frozen=True)
class Moved:
    path: Path
    size: int


def _move_key(data_key, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"hearth profile move v1").derive(
        bytes(data_key))


def _header(kf: KeyFile) -> bytes:
    """The key file with the person's name and the dates left out: enough to unwrap, nothing to read."""
    return dataclasses.replace(kf, display_name=_PLACEHOLDER_NAME, created=_PLACEHOLDER_TIME, extra={}).to_bytes()


def file_name() -> str:
    # Translators: the default file name of "Move this profile to another computer"; no slashes.
    return _("hearth-profile") + f".{SUFFIX}"


def seal(manager, session) -> bytes:
    """The move file's bytes for the open ``session`` (read under the store's lock: one consistent copy)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    folder = manager.profiles_dir / session.profile_id
    keyfile_bytes = (folder / "keyfile.json").read_bytes()
    kf = KeyFile.from_bytes(keyfile_bytes, expected_profile_id=session.profile_id)
    db = session.store.snapshot_bytes()
    header = _header(kf)
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    head = MAGIC + struct.pack(">I", len(header)) + header + salt
    key = _move_key(session.key_buffer(), salt)
    body = struct.pack(">I", len(keyfile_bytes)) + keyfile_bytes + db
    return head + nonce + AESGCM(key).encrypt(nonce, body, head)


def move_out(manager, session, path: Path) -> Moved:
    """Write the open profile to ``path`` (atomically); the profile here is left as it is."""
    data = seal(manager, session)
    fsutil.save_chosen_file(path, data)
    return Moved(Path(path), len(data))


@dataclass(frozen=True)
class _Parsed:
    head: bytes
    header: KeyFile
    salt: bytes
    nonce: bytes
    ciphertext: bytes


def _parse(data: bytes) -> _Parsed:
    if not data.startswith(MAGIC):
        raise MoveProblem(MoveProblem.NOT_MOVE_FILE)
    at = len(MAGIC)
    if len(data) < at + 4:
        raise MoveProblem(MoveProblem.DAMAGED)
    (n,) = struct.unpack(">I", data[at:at + 4])
    at += 4
    if n > 64 * 1024 or len(data) < at + n + _SALT + _NONCE + 16:
        raise MoveProblem(MoveProblem.DAMAGED)
    try:
        header = KeyFile.from_bytes(data[at:at + n])
    except (KeyFileDamaged, KeyFileMismatch):
        raise MoveProblem(MoveProblem.DAMAGED) from None
    at += n
    salt = data[at:at + _SALT]
    at += _SALT
    return _Parsed(data[:at], header, salt, data[at:at + _NONCE], data[at + _NONCE:])


def read_file(path: Path) -> bytes:
    try:
        return fsutil.read_regular_file(Path(path), MAX_FILE)
    except fsutil.FileTooBig:
        raise MoveProblem(MoveProblem.TOO_BIG) from None
    except fsutil.NotRegularFile:
        raise MoveProblem(MoveProblem.NOT_MOVE_FILE) from None


def is_move_file(data: bytes) -> bool:
    return data.startswith(MAGIC)


def move_in(manager, data: bytes, secret: str):
    """Bring the profile in ``data`` into ``manager``'s data folder, opened with its password or recovery key
    (``secret``); returns its ProfileInfo. Raises WrongPassword / WrongRecoveryKey, or MoveProblem."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from app.errors import WrongRecoveryKey
    from app.profiles.manager import DBFILE, KEYFILE
    from app.store import Store

    parsed = _parse(data)
    from app.profiles.manager import unwrap_with_secret

    data_key = bytearray(unwrap_with_secret(parsed.header, secret)[0])
    try:
        try:
            body = AESGCM(_move_key(data_key, parsed.salt)).decrypt(parsed.nonce, parsed.ciphertext, parsed.head)
        except InvalidTag:
            raise MoveProblem(MoveProblem.DAMAGED) from None
        (n,) = struct.unpack(">I", body[:4])
        keyfile_bytes, db = body[4:4 + n], body[4 + n:]
        try:
            kf = KeyFile.from_bytes(keyfile_bytes, expected_profile_id=parsed.header.profile_id)
        except (KeyFileDamaged, KeyFileMismatch):
            raise MoveProblem(MoveProblem.DAMAGED) from None
        for p in manager.list():
            if p.profile_id == kf.profile_id:
                raise MoveProblem(MoveProblem.ALREADY_HERE, p.display_name)
            if p.display_name.casefold() == kf.display_name.casefold() and not p.damaged:
                raise MoveProblem(MoveProblem.NAME_TAKEN, p.display_name)
        fsutil.make_private_dir(manager.profiles_dir)
        staging = manager.profiles_dir / f"{STAGING}{kf.profile_id}"
        shutil.rmtree(staging, ignore_errors=True)  # an earlier attempt, interrupted
        fsutil.make_private_dir(staging)
        try:
            fsutil.atomic_write_bytes(staging / KEYFILE, keyfile_bytes)
            fsutil.atomic_write_bytes(staging / DBFILE, db)
            Store.open(staging / DBFILE, data_key, profile_id=kf.profile_id).close()  # its own checks, once
            final = manager.profiles_dir / kf.profile_id
            os.replace(staging, final)
            fsutil.fsync_dir(manager.profiles_dir)
        except HearthError as e:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(e, WrongRecoveryKey):
                raise
            raise MoveProblem(MoveProblem.DAMAGED) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    finally:
        wipe(data_key)
    return manager.find(kf.profile_id)

"""Create, list, unlock, re-key, restore and erase profiles.

Layout of a data folder::

    <data>/settings.json            device settings (language, theme): no patient data
    <data>/profiles/<id>/keyfile.json
    <data>/profiles/<id>/profile.db (+ -wal while open)
    <data>/profiles/<id>/backups/profile-<time>-v<schema>-<why>.db
"""

from __future__ import annotations

import os
import shutil
import time
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from app import fsutil
from app.crypto import recovery
from app.crypto.keyfile import DATA_KEY_BYTES, DEFAULT_KDF, KdfParams, KeyFile, name_in_damaged, read_limited
from app.crypto.wipe import wipe
from app.errors import (HearthError, InvalidName, KeyFileDamaged, PasswordTooShort, ProfileExists,
                        ProfileNotFound, StoreDamaged, WrongRecoveryKey)
from app.profiles.password import MIN_LENGTH
from app.profiles.session import Session

if TYPE_CHECKING:
    from app.store import Store


# A creation or move-in folder untouched this long was interrupted; a younger one may still be in progress (a
# creation takes seconds). Removing any such folder at every listing deleted a profile being created when the
# list was read meanwhile (the reminders read it a moment after start-up).
ABANDONED_SECONDS = 600


def _abandoned(folder: Path) -> bool:
    try:
        return time.time() - folder.stat().st_mtime > ABANDONED_SECONDS
    except OSError:
        return False


def _db():
    """``app.store.db``, imported when a profile is created, opened, or its backups are listed: the start page lists
    profiles without it (SQLCipher and OpenSSL's hashlib with it were 15-25 ms of start-up)."""
    from app.store import db

    return db

KEYFILE = "keyfile.json"
DBFILE = "profile.db"
BACKUPS = "backups"
DAILY_BACKUP_AFTER = timedelta(hours=20)
MAX_NAME = 40


@dataclass(frozen=True)
class ProfileInfo:
    profile_id: str
    display_name: str
    kind: str
    folder: Path
    damaged: bool = False


def clean_name(name: str) -> str:
    name = unicodedata.normalize("NFC", " ".join(name.split()))
    if not 1 <= len(name) <= MAX_NAME or any(unicodedata.category(c).startswith("C") for c in name):
        raise InvalidName()
    return name



def _mutable(key: bytes) -> bytearray:
    """The unwrapped data key in a buffer that lock overwrites; the immutable copy is wiped now."""
    buffer = bytearray(key)
    wipe(key)
    return buffer


def unwrap_with_secret(kf: KeyFile, secret: str) -> tuple[bytes, bool]:
    """The data key from the password or, when ``secret`` reads as one, the recovery key (tried first: it
    costs no key derivation); and whether it was the recovery key. Raises WrongPassword otherwise."""
    try:
        raw = recovery.parse(secret)
    except HearthError:
        raw = None
    if raw is not None:
        try:
            return kf.unwrap_with_recovery(raw), True
        except WrongRecoveryKey:
            pass  # a password made only of digits, perhaps
    return kf.unwrap_with_password(secret), False


class ProfileManager:
    def __init__(self, data_dir: Path, kdf: KdfParams = DEFAULT_KDF, *, check_later: bool = False):
        """``check_later``: a profile closed cleanly is checked page by page in a thread after it opens
        (``app/store/check.py``; the app's window), not before (scripts, which read or write at once)."""
        self.data_dir = Path(data_dir)
        self.kdf = kdf
        self.check_later = check_later

    @property
    def profiles_dir(self) -> Path:
        return self.data_dir / "profiles"

    # --- listing --------------------------------------------------------------

    def list(self) -> list[ProfileInfo]:
        if not self.profiles_dir.is_dir():
            return []
        out = []
        for folder in sorted(self.profiles_dir.iterdir()):
            if not folder.is_dir():
                continue
            if folder.name.startswith((".creating-", ".moving-in-")):
                if _abandoned(folder):
                    shutil.rmtree(folder, ignore_errors=True)  # an interrupted creation or move-in
                continue  # (one under way, in a worker or another window, is left alone)
            # Temp files are swept by Store.open, under the profile's lock: here they may be in use.
            try:
                kf = self._read_keyfile(folder)
                out.append(ProfileInfo(kf.profile_id, kf.display_name, kf.kind, folder))
            except Exception:  # damaged, another profile's, unreadable: listed as damaged, by name if it has one
                out.append(ProfileInfo(folder.name, self._damaged_name(folder) or folder.name, "patient",
                                       folder, damaged=True))
        out.sort(key=lambda p: p.display_name.casefold())
        return out

    def find(self, name_or_id: str) -> ProfileInfo:
        wanted = " ".join(name_or_id.split()).casefold()
        # A healthy profile first; a damaged one is still found by the name its key file holds, so
        # the person is told its key file is damaged rather than that it does not exist.
        for p in sorted(self.list(), key=lambda p: p.damaged):
            if p.profile_id == name_or_id or p.display_name.casefold() == wanted:
                return p
        raise ProfileNotFound(name_or_id)

    def _read_keyfile(self, folder: Path) -> KeyFile:
        return KeyFile.from_bytes(read_limited(folder / KEYFILE), expected_profile_id=folder.name)

    @staticmethod
    def _damaged_name(folder: Path) -> str | None:
        try:
            return name_in_damaged(read_limited(folder / KEYFILE))
        except KeyFileDamaged:
            return None

    # --- creating ---------------------------------------------------------------

    def create(self, display_name: str, password: str, *, kind: str = "patient",
               language: str | None = None) -> tuple[Session, str]:
        """Create a profile; returns the open session and the recovery key text (show it once)."""
        name = clean_name(display_name)
        if len(password) < MIN_LENGTH:
            raise PasswordTooShort(MIN_LENGTH)
        if any(p.display_name.casefold() == name.casefold() and not p.damaged for p in self.list()):
            raise ProfileExists(name)
        fsutil.make_private_dir(self.profiles_dir)
        import uuid  # here, not at start-up: it loads platform and more

        profile_id = uuid.uuid4().hex
        staging = fsutil.make_private_dir(self.profiles_dir / f".creating-{profile_id}")
        data_key = bytearray(os.urandom(DATA_KEY_BYTES))
        rec_raw, rec_text = recovery.generate()
        created = _db().utcnow()
        kf = KeyFile.create(profile_id=profile_id, display_name=name, kind=kind, created=created,
                            data_key=data_key, password=password, recovery=rec_raw, kdf=self.kdf)
        try:
            fsutil.atomic_write_bytes(staging / KEYFILE, kf.to_bytes())
            store = _db().Store.open(staging / DBFILE, data_key, create=True)
            with store.transaction() as c:
                c.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                              [("profile_id", profile_id), ("kind", kind), ("created", created)])
                if language:
                    c.execute("INSERT INTO preferences(key, value) VALUES ('language', ?)", (language,))
            store.close()
            final = self.profiles_dir / profile_id
            os.replace(staging, final)
            fsutil.fsync_dir(self.profiles_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        store = _db().Store.open(final / DBFILE, data_key, backups_dir=final / BACKUPS, profile_id=profile_id)
        return Session(profile_id, name, kind, store, data_key), rec_text

    # --- unlocking --------------------------------------------------------------

    def unlock(self, profile: ProfileInfo, password: str) -> Session:
        kf = self._read_keyfile(profile.folder)
        return self._open(profile, kf, _mutable(kf.unwrap_with_password(password)), recovered=False)

    def unlock_with_recovery(self, profile: ProfileInfo, recovery_text: str) -> Session:
        """Check digits first (no key derivation on a typo), then unwrap."""
        raw = recovery.parse(recovery_text)
        kf = self._read_keyfile(profile.folder)
        return self._open(profile, kf, _mutable(kf.unwrap_with_recovery(raw)), recovered=True)

    def unlock_with_secret(self, profile: ProfileInfo, secret: str) -> Session:
        """Unlock with the password or, when ``secret`` reads as one, the recovery key (for scripts that
        may hold either)."""
        kf = self._read_keyfile(profile.folder)
        key, recovered = unwrap_with_secret(kf, secret)
        return self._open(profile, kf, _mutable(key), recovered=recovered)

    def _open(self, profile: ProfileInfo, kf: KeyFile, data_key: bytearray, recovered: bool) -> Session:
        backups = profile.folder / BACKUPS
        try:  # Store.open checks the profile id before it writes anything
            store = _db().Store.open(profile.folder / DBFILE, data_key, backups_dir=backups, profile_id=kf.profile_id,
                               check_later=self.check_later)
        except BaseException:
            wipe(data_key)
            raise
        # After the check: at once when it ran at open, else in its thread once it has passed.
        store.on_checked(lambda damage: damage is None and self._daily_backup(store, backups))
        return Session(kf.profile_id, kf.display_name, kf.kind, store, data_key,
                       unlocked_with_recovery=recovered)

    def _daily_backup(self, store: Store, backups: Path) -> None:
        newest = _db().latest_backup(backups)
        if newest is not None:
            age = datetime.now(timezone.utc) - datetime.fromtimestamp(newest.stat().st_mtime, timezone.utc)
            if age < DAILY_BACKUP_AFTER:
                return
        try:
            store.backup(backups, reason="daily")
        except Exception:  # a failed backup must not stop the person using the app
            pass

    # --- changing ----------------------------------------------------------------

    def change_password(self, session: Session, new_password: str) -> None:
        """Re-wrap the data key under a new password; one atomic file replace.

        Whatever step is interrupted, the key file on disk is either the old
        one (old password works) or the new one (new password works).
        """
        if len(new_password) < MIN_LENGTH:
            raise PasswordTooShort(MIN_LENGTH)
        folder = self.profiles_dir / session.profile_id
        kf = self._read_keyfile(folder)
        new = kf.with_new_password(session.key_buffer(), new_password, self.kdf)
        fsutil.atomic_write_bytes(folder / KEYFILE, new.to_bytes())

    def check_password(self, session: Session, password: str) -> None:
        """Raise :class:`WrongPassword` unless ``password`` opens this session's key file."""
        kf = self._read_keyfile(self.profiles_dir / session.profile_id)
        kf.unwrap_with_password(password)

    def backups(self, profile: ProfileInfo) -> list[Path]:
        return _db().list_backups(profile.folder / BACKUPS)

    def restore_latest_backup(self, profile: ProfileInfo) -> Path:
        """Put the newest backup in place; the damaged files are kept, renamed."""
        src = _db().latest_backup(profile.folder / BACKUPS)
        if src is None:
            raise StoreDamaged(has_backup=False)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        for suffix in ("", "-wal", "-shm"):
            p = profile.folder / (DBFILE + suffix)
            if p.exists():
                os.replace(p, profile.folder / f"{DBFILE}{suffix}.damaged-{stamp}")
        fsutil.atomic_copy(src, profile.folder / DBFILE)
        return src

    # --- erasing -----------------------------------------------------------------

    def check_secret(self, profile: ProfileInfo, secret: str) -> None:
        """Raise unless ``secret`` is this profile's password or its recovery key (either proves the
        right to erase it). A recovery key is tried first when it reads as one: that costs no key
        derivation."""
        unwrap_with_secret(self._read_keyfile(profile.folder), secret)

    def erase_with_secret(self, profile: ProfileInfo, secret: str) -> None:
        """Erase after ``check_secret``: nothing is touched when the secret is wrong."""
        self.check_secret(profile, secret)
        self.erase(profile)

    def erase(self, profile: ProfileInfo) -> None:
        """Crypto-erase: destroy the key file first, then every other file."""
        folder = profile.folder
        if folder.parent.resolve() != self.profiles_dir.resolve():
            raise ProfileNotFound(profile.display_name)
        held = _db().hold_profile_lock(folder / DBFILE)  # ProfileInUse while another window has it open
        try:
            fsutil.overwrite_and_unlink(folder / KEYFILE)
            fsutil.fsync_dir(folder)
            shutil.rmtree(folder)
            fsutil.fsync_dir(self.profiles_dir)
        finally:
            os.close(held)

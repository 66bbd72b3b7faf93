"""The key file: the profile's data key, wrapped twice.

``keyfile.json`` holds the random 256-bit database key wrapped with
AES-256-GCM

* by a key derived from the password with Argon2id (parameters and salt
  stored, and range-checked when read, so a crafted file cannot ask for
  absurd memory or zero work), and
* by a key derived with HKDF from the 128-bit recovery key.

The associated data binds each wrap to the profile id, the format version
and the wrap's purpose: a key file copied from another profile, or a wrap
moved from one slot to the other, fails to unwrap.
"""

from __future__ import annotations

import base64
import json
import os
import unicodedata
from dataclasses import dataclass, field, asdict

from app.errors import KeyFileDamaged, KeyFileMismatch, WrongPassword, WrongRecoveryKey

FORMAT = "hearth-keyfile"
VERSION = 1
DATA_KEY_BYTES = 32
MAX_KEYFILE_BYTES = 64 * 1024

# Range accepted when reading a key file (KiB for memory). Hearth writes 128 MiB, 4 passes, 4 lanes
# (DEFAULT_KDF) and, in tests only, 8 MiB, 1 pass, 1 lane. A file asking for more is refused before any
# derivation: a crafted key file must not make each unlock attempt cost minutes and gigabytes
# (4 GiB x 64 passes took 116 s). The caps leave room for a stronger default later (4x the memory or
# 2.5x the passes) but not both: MAX_WORK bounds memory x passes at 2x today's.
MEMORY_RANGE = (8 * 1024, 512 * 1024)
ITERATIONS_RANGE = (1, 10)
LANES_RANGE = (1, 8)
MAX_WORK_KIB_PASSES = 2 * 128 * 1024 * 4
SALT_RANGE = (16, 64)


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int = 128 * 1024
    iterations: int = 4
    lanes: int = 4

    def check(self) -> None:
        ok = (MEMORY_RANGE[0] <= self.memory_kib <= MEMORY_RANGE[1]
              and ITERATIONS_RANGE[0] <= self.iterations <= ITERATIONS_RANGE[1]
              and LANES_RANGE[0] <= self.lanes <= LANES_RANGE[1]
              and self.memory_kib * self.iterations <= MAX_WORK_KIB_PASSES
              and self.memory_kib >= 8 * self.lanes)
        if not ok:
            raise KeyFileDamaged()


# About 0.3 s on a 2-core 2020s laptop (see README, performance).
DEFAULT_KDF = KdfParams()
# The weakest accepted: only for tests, which create hundreds of profiles.
TEST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: object, lo: int, hi: int) -> bytes:
    if not isinstance(s, str):
        raise KeyFileDamaged()
    try:
        b = base64.b64decode(s.encode("ascii"), validate=True)
    except (ValueError, UnicodeError):
        raise KeyFileDamaged() from None
    if not lo <= len(b) <= hi:
        raise KeyFileDamaged()
    return b


def normalize_password(password: str) -> bytes:
    """NFC so the same password typed with another input method still works."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


# ``cryptography`` is imported where it is used: listing profiles on the start
# page reads key files but derives nothing, so start-up need not load it.

def password_key(password: str, salt: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    params.check()
    kdf = Argon2id(salt=salt, length=32, iterations=params.iterations,
                   lanes=params.lanes, memory_cost=params.memory_kib)
    return kdf.derive(normalize_password(password))


def recovery_wrap_key(recovery: bytes, profile_id: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=profile_id.encode("ascii"),
                info=b"hearth recovery wrap v1").derive(recovery)


def _aad(profile_id: str, purpose: str) -> bytes:
    return f"{FORMAT}/v{VERSION}/{profile_id}/{purpose}".encode("ascii")


@dataclass
class Wrap:
    nonce: bytes
    ciphertext: bytes

    @classmethod
    def seal(cls, wrapping_key: bytes, data_key: bytes, aad: bytes) -> "Wrap":
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        return cls(nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad))  # no immutable copy of the key

    def open(self, wrapping_key: bytes, aad: bytes) -> bytes:
        """Raises ``cryptography.exceptions.InvalidTag`` when key or data are wrong."""
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(wrapping_key).decrypt(self.nonce, self.ciphertext, aad)

    def to_json(self) -> dict:
        return {"nonce": _b64(self.nonce), "ct": _b64(self.ciphertext)}

    @classmethod
    def from_json(cls, obj: object) -> "Wrap":
        if not isinstance(obj, dict):
            raise KeyFileDamaged()
        return cls(_unb64(obj.get("nonce"), 12, 12),
                   _unb64(obj.get("ct"), DATA_KEY_BYTES + 16, DATA_KEY_BYTES + 16))


def read_limited(path) -> bytes:
    """The bytes of a key file, refusing before reading anything that is not a small regular file.

    Profiles are listed at start-up by reading every key file: a 1 GiB file (or a FIFO, which never
    ends) in a profile folder must not stall the start page.
    """
    from app import fsutil

    try:
        return fsutil.read_regular_file(path, MAX_KEYFILE_BYTES)
    except (FileNotFoundError, fsutil.NotRegularFile, fsutil.FileTooBig):
        raise KeyFileDamaged() from None


def name_in_damaged(data: bytes) -> str | None:
    """The display name written in a key file that failed its checks, if one can be read at all.

    Only used to name the profile in a message ("Alex's key file is damaged"), never to open it.
    """
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    name = obj.get("display_name") if isinstance(obj, dict) else None
    if isinstance(name, str) and 0 < len(name.strip()) <= 200 and name.isprintable():
        return " ".join(name.split())
    return None


@dataclass
class KeyFile:
    profile_id: str
    display_name: str
    kind: str
    created: str
    salt: bytes
    kdf: KdfParams
    password_wrap: Wrap
    recovery_wrap: Wrap
    extra: dict = field(default_factory=dict)

    # --- creating and re-wrapping -------------------------------------------

    @classmethod
    def create(cls, *, profile_id: str, display_name: str, kind: str, created: str,
               data_key: bytes, password: str, recovery: bytes,
               kdf: KdfParams = DEFAULT_KDF) -> "KeyFile":
        salt = os.urandom(16)
        pw = Wrap.seal(password_key(password, salt, kdf), data_key, _aad(profile_id, "password"))
        rc = Wrap.seal(recovery_wrap_key(recovery, profile_id), data_key, _aad(profile_id, "recovery"))
        return cls(profile_id, display_name, kind, created, salt, kdf, pw, rc)

    def with_new_password(self, data_key: bytes, password: str, kdf: KdfParams) -> "KeyFile":
        salt = os.urandom(16)
        pw = Wrap.seal(password_key(password, salt, kdf), data_key, _aad(self.profile_id, "password"))
        return KeyFile(self.profile_id, self.display_name, self.kind, self.created, salt, kdf,
                       pw, self.recovery_wrap, dict(self.extra))

    # --- unwrapping -----------------------------------------------------------

    def unwrap_with_password(self, password: str) -> bytes:
        from cryptography.exceptions import InvalidTag

        key = password_key(password, self.salt, self.kdf)
        try:
            return self.password_wrap.open(key, _aad(self.profile_id, "password"))
        except InvalidTag:
            raise WrongPassword() from None

    def unwrap_with_recovery(self, recovery: bytes) -> bytes:
        from cryptography.exceptions import InvalidTag

        key = recovery_wrap_key(recovery, self.profile_id)
        try:
            return self.recovery_wrap.open(key, _aad(self.profile_id, "recovery"))
        except InvalidTag:
            raise WrongRecoveryKey() from None

    # --- serialisation --------------------------------------------------------

    def to_bytes(self) -> bytes:
        obj = {
            "format": FORMAT,
            "version": VERSION,
            "profile_id": self.profile_id,
            "display_name": self.display_name,
            "kind": self.kind,
            "created": self.created,
            "kdf": {"name": "argon2id", "salt": _b64(self.salt), **asdict(self.kdf)},
            "password_wrap": self.password_wrap.to_json(),
            "recovery_wrap": self.recovery_wrap.to_json(),
        }
        obj.update({k: v for k, v in self.extra.items() if k not in obj})
        return json.dumps(obj, indent=2, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes, expected_profile_id: str | None = None) -> "KeyFile":
        if len(data) > MAX_KEYFILE_BYTES:
            raise KeyFileDamaged()
        try:
            obj = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise KeyFileDamaged() from None
        if not isinstance(obj, dict) or obj.get("format") != FORMAT or obj.get("version") != VERSION:
            raise KeyFileDamaged()
        pid, name, kind, created = (obj.get(k) for k in ("profile_id", "display_name", "kind", "created"))
        if not all(isinstance(v, str) and 0 < len(v) <= 200 for v in (pid, name, kind, created)):
            raise KeyFileDamaged()
        if kind not in ("patient", "clinician"):
            raise KeyFileDamaged()
        if expected_profile_id is not None and pid != expected_profile_id:
            raise KeyFileMismatch()
        k = obj.get("kdf")
        if not isinstance(k, dict) or k.get("name") != "argon2id":
            raise KeyFileDamaged()
        nums = [k.get(n) for n in ("memory_kib", "iterations", "lanes")]
        if not all(type(v) is int for v in nums):
            raise KeyFileDamaged()
        params = KdfParams(*nums)
        params.check()
        known = {"format", "version", "profile_id", "display_name", "kind", "created", "kdf",
                 "password_wrap", "recovery_wrap"}
        return cls(pid, name, kind, created, _unb64(k.get("salt"), *SALT_RANGE), params,
                   Wrap.from_json(obj.get("password_wrap")), Wrap.from_json(obj.get("recovery_wrap")),
                   {kk: vv for kk, vv in obj.items() if kk not in known})

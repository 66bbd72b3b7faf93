import json

import pytest
from hypothesis import given, settings, strategies as st

from app.crypto.keyfile import KdfParams, KeyFile, TEST_KDF
from app.errors import HearthError, KeyFileDamaged, KeyFileMismatch, WrongPassword, WrongRecoveryKey

DATA_KEY = bytes(range(32))


def make(password="pw-123456", recovery=b"r" * 16, pid="a" * 32):
    return KeyFile.create(profile_id=pid, display_name="Alex", kind="patient", created="2026-01-01T00:00:00+00:00",
                          data_key=DATA_KEY, password=password, recovery=recovery, kdf=TEST_KDF)


def test_unwrap_with_password_and_recovery():
    kf = KeyFile.from_bytes(make().to_bytes())
    assert kf.unwrap_with_password("pw-123456") == DATA_KEY
    assert kf.unwrap_with_recovery(b"r" * 16) == DATA_KEY


def test_wrong_password_and_wrong_recovery():
    kf = make()
    with pytest.raises(WrongPassword):
        kf.unwrap_with_password("pw-1234567")
    with pytest.raises(WrongRecoveryKey):
        kf.unwrap_with_recovery(b"s" * 16)


def test_password_is_unicode_normalised():
    kf = make(password="caf\u00e9-secret")
    assert kf.unwrap_with_password("cafe\u0301-secret") == DATA_KEY


def test_wrap_is_bound_to_profile_id():
    obj = json.loads(make().to_bytes())
    obj["profile_id"] = "b" * 32  # someone edits the id to pass the folder check
    kf = KeyFile.from_bytes(json.dumps(obj).encode())
    with pytest.raises(WrongPassword):
        kf.unwrap_with_password("pw-123456")


def test_key_file_of_another_profile_is_named():
    with pytest.raises(KeyFileMismatch):
        KeyFile.from_bytes(make().to_bytes(), expected_profile_id="c" * 32)


def test_swapped_wraps_fail():
    obj = json.loads(make().to_bytes())
    obj["password_wrap"], obj["recovery_wrap"] = obj["recovery_wrap"], obj["password_wrap"]
    kf = KeyFile.from_bytes(json.dumps(obj).encode())
    with pytest.raises(WrongRecoveryKey):
        kf.unwrap_with_recovery(b"r" * 16)


@pytest.mark.parametrize("field,value", [
    ("memory_kib", 1 << 40), ("memory_kib", 16), ("iterations", 0), ("iterations", 10**6),
    ("lanes", 0), ("lanes", 1000), ("memory_kib", "8192"), ("salt", "AAAA"),
])
def test_kdf_parameters_are_range_checked_before_any_derivation(field, value):
    obj = json.loads(make().to_bytes())
    obj["kdf"][field] = value
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(json.dumps(obj).encode())


@pytest.mark.parametrize("mutate", [
    lambda o: o.pop("password_wrap"),
    lambda o: o.update(format="other"),
    lambda o: o.update(version=2),
    lambda o: o.update(kind="admin"),
    lambda o: o["password_wrap"].update(nonce="AAAA"),
    lambda o: o["recovery_wrap"].update(ct="!!"),
    lambda o: o.update(display_name=""),
])
def test_malformed_key_files_are_damaged(mutate):
    obj = json.loads(make().to_bytes())
    mutate(obj)
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(json.dumps(obj).encode())


def test_flipped_ciphertext_byte_fails_to_unwrap():
    obj = json.loads(make().to_bytes())
    import base64

    ct = bytearray(base64.b64decode(obj["password_wrap"]["ct"]))
    ct[3] ^= 1
    obj["password_wrap"]["ct"] = base64.b64encode(bytes(ct)).decode()
    with pytest.raises(WrongPassword):
        KeyFile.from_bytes(json.dumps(obj).encode()).unwrap_with_password("pw-123456")


def test_huge_file_refused():
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(b" " * (1 << 20))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000) | st.text(max_size=500).map(str.encode))
def test_fuzz_only_clean_errors(data):
    try:
        KeyFile.from_bytes(data)
    except HearthError:
        pass


def test_default_parameters_are_in_range():
    KdfParams().check()


@pytest.mark.parametrize("memory_kib,iterations,lanes", [
    (4 * 1024 * 1024, 64, 4),   # what the audit's crafted file asked for: 4 GiB, 64 passes (116 s a try)
    (1024 * 1024, 4, 4),        # 1 GiB: more memory than Hearth would ever write
    (512 * 1024, 10, 4),        # each within its own range, but together 10x today's work
    (128 * 1024, 4, 16),        # more lanes than any laptop it runs on
])
def test_kdf_costs_are_capped_near_what_hearth_writes(memory_kib, iterations, lanes):
    obj = json.loads(make().to_bytes())
    obj["kdf"].update(memory_kib=memory_kib, iterations=iterations, lanes=lanes)
    with pytest.raises(KeyFileDamaged):
        KeyFile.from_bytes(json.dumps(obj).encode())


def test_the_parameters_hearth_writes_are_accepted():
    for params in (KdfParams(), TEST_KDF, KdfParams(memory_kib=256 * 1024, iterations=4, lanes=4)):
        params.check()

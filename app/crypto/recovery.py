"""Recovery keys: 128 random bits written as 8 groups of 6 digits.

Each group is a 16-bit value as 5 decimal digits plus one Damm check digit
computed over the group's position and those 5 digits. The Damm check catches
every single mistyped digit and every swap of two neighbouring digits, and the
position makes swapped groups fail too, so typos are found (and the group
named) before any key derivation runs.
"""

from __future__ import annotations

import unicodedata

from app.errors import RecoveryKeyFormat, RecoveryKeyTypo

GROUPS = 8
KEY_BYTES = 16

# The Damm algorithm's totally anti-symmetric quasigroup of order 10.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][int(ch)]
    return interim


def _group(index: int, value: int) -> str:
    body = f"{value:05d}"
    return body + str(damm(str(index + 1) + body))


def generate() -> tuple[bytes, str]:
    """A fresh recovery key: its raw bytes and the text shown to the user."""
    import secrets  # here, not at start-up: it loads OpenSSL's hashlib, which the start page does not need

    raw = secrets.token_bytes(KEY_BYTES)
    return raw, format_key(raw)


def format_key(raw: bytes) -> str:
    if len(raw) != KEY_BYTES:
        raise ValueError("recovery key must be 16 bytes")
    values = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, KEY_BYTES, 2)]
    return "-".join(_group(i, v) for i, v in enumerate(values))


# Letters people type for digits when copying from paper.
_LOOKALIKES = {"O": "0", "o": "0", "I": "1", "l": "1"}


def _digits_only(text: str) -> str:
    """Keep digits (any script's decimal digits become ASCII); drop separators."""
    out = []
    for ch in text:
        ch = _LOOKALIKES.get(ch, ch)
        d = unicodedata.decimal(ch, None)
        if d is not None:
            out.append(str(d))
        elif ch.isspace() or ch in "-\u2010\u2011\u2012\u2013\u2014._/":
            continue
        else:
            out.append("?")
    return "".join(out)


def parse(text: str) -> bytes:
    """Turn typed text back into the key bytes, or name the mistyped group.

    Separators (spaces, dashes) are ignored and digits from any script are
    accepted. Raises :class:`RecoveryKeyFormat` when the number of digits is
    wrong and :class:`RecoveryKeyTypo` (with a 1-based group number) when a
    group's check digit does not match.
    """
    digits = _digits_only(text)
    if len(digits) != GROUPS * 6:
        raise RecoveryKeyFormat(sum(ch.isdigit() for ch in digits))
    out = bytearray()
    for i in range(GROUPS):
        g = digits[i * 6:(i + 1) * 6]
        if not g.isdigit() or damm(str(i + 1) + g) != 0 or int(g[:5]) > 0xFFFF:
            raise RecoveryKeyTypo(i + 1)
        out += int(g[:5]).to_bytes(2, "big")
    return bytes(out)


def groups(key_text: str) -> list[str]:
    """The key's groups as shown (8 groups of 6 digits)."""
    digits = _digits_only(key_text)
    return [digits[i * 6:(i + 1) * 6] for i in range(len(digits) // 6)]


def pick_groups_to_confirm(count: int = 2) -> list[int]:
    """``count`` different group numbers (1-based, ascending) to ask the person to type back."""
    import secrets

    picked: list[int] = []
    while len(picked) < count:
        n = secrets.randbelow(GROUPS) + 1
        if n not in picked:
            picked.append(n)
    return sorted(picked)


def group_matches(key_text: str, number: int, typed: str) -> bool:
    """Whether ``typed`` is group ``number`` (1-based) of the key, as a person might type it."""
    wanted = groups(key_text)
    return 1 <= number <= len(wanted) and _digits_only(typed) == wanted[number - 1]

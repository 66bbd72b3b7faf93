"""Overwriting secrets in memory once they are no longer needed (best effort, CPython).

A ``bytearray`` is overwritten in place, always. Python's ``bytes`` and ``str`` are immutable and
freed memory is not cleared, so a key that passed through one stays readable in the process until
the allocator reuses that memory. Where Hearth has to make such an object (the SQL text of
``PRAGMA key``, the bytes AES-GCM returns), it owns the only reference and overwrites the object's
buffer in place just before dropping it. This relies on CPython's object layout and is skipped
elsewhere. What cannot be reached this way (copies inside Qt for text typed into a field, inside
OpenSSL, or in swap) is described in the README's section on protection.
"""

from __future__ import annotations

import ctypes
import sys

_CPYTHON = sys.implementation.name == "cpython"  # (not the platform module: a few ms at start-up)
_BYTES_HEADER = sys.getsizeof(b"") - 1  # offset of a bytes object's data (ob_sval)


def wipe(secret) -> None:
    """Overwrite ``secret`` with zeros: a bytearray always; a bytes or an ASCII str made by Hearth
    (never shared: longer than one character, which CPython may cache) on CPython."""
    if isinstance(secret, bytearray):
        for i in range(len(secret)):
            secret[i] = 0
        return
    if not _CPYTHON or len(secret) < 2:
        return
    if isinstance(secret, bytes):
        ctypes.memset(id(secret) + _BYTES_HEADER, 0, len(secret))
    elif isinstance(secret, str) and secret.isascii():
        # A compact ASCII string keeps its characters at the end of the object, then a NUL.
        ctypes.memset(id(secret) + sys.getsizeof(secret) - len(secret) - 1, 0, len(secret))

"""An unlocked profile: its open store and, while unlocked, its data key."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.crypto.wipe import wipe

if TYPE_CHECKING:
    from app.store import Store


@dataclass
class Session:
    profile_id: str
    display_name: str
    kind: str
    store: Store
    _data_key: bytearray = field(repr=False)
    unlocked_with_recovery: bool = False

    @property
    def data_key(self) -> bytes:
        """An immutable copy (cannot be wiped): prefer :meth:`key_buffer`."""
        if not self._data_key:
            raise RuntimeError("session is locked")
        return bytes(self._data_key)

    def key_buffer(self) -> memoryview:
        """The data key itself, read-only, without a copy that would outlive the lock."""
        if not self._data_key:
            raise RuntimeError("session is locked")
        return memoryview(self._data_key).toreadonly()

    @property
    def locked(self) -> bool:
        return self.store.closed

    def lock(self) -> None:
        """Close the store and overwrite our copy of the key (best effort in Python)."""
        self.store.close()
        wipe(self._data_key)
        self._data_key = bytearray()

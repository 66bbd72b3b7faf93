"""Files from a clinician waiting in the sync folder, known by their names alone (nothing is opened or
decrypted): so a locked Hearth can remind the person that a file arrived."""

from __future__ import annotations

import os
from pathlib import Path

from app.exchange.sync_names import NAME

MAX_NAMES = 10_000


def waiting(folder: str | Path, own_prefix: str, senders: set[str]) -> set[str]:
    """Names of the files in ``folder`` addressed to this profile (key id prefix ``own_prefix``) by a paired
    contact; empty when the folder cannot be read."""
    found = set()
    try:
        with os.scandir(folder) as it:
            for i, entry in enumerate(it):
                if i >= MAX_NAMES:
                    break
                m = NAME.match(entry.name)
                if m and m.group(2) == own_prefix and m.group(1) in senders:
                    found.add(entry.name)
    except OSError:
        return set()
    return found


class Watch:
    """The sync folder as it was when last looked at; ``new()`` tells how many files came since."""

    def __init__(self, folder: str | Path, own_prefix: str, senders: set[str]):
        self.folder, self.own_prefix, self.senders = Path(folder), own_prefix, set(senders)
        self.seen = waiting(self.folder, own_prefix, self.senders)

    def new(self) -> int:
        now = waiting(self.folder, self.own_prefix, self.senders)
        fresh = now - self.seen
        self.seen |= now
        return len(fresh)

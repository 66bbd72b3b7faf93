"""Python's full garbage collections, kept out of the window's way while a profile is open.

Python's cyclic collector now and then walks every object the process holds (a full collection). Once Qt,
matplotlib, Babel and the pages are loaded that is a few hundred thousand objects, and the walk held the window
for 80 ms at a time while a clinician opened patients one after another (bench/open_patients.py; the longest
pause of one opening in twelve). What is loaded by then stays for the whole session, so it is set aside
(``gc.freeze``) once the window has settled after an unlock, and again once the warm-up's second round and
matplotlib have loaded; the collector then walks only what came later. Objects freed by their last reference
go at once as before. Full collections then come less often, so what only a collection frees should not be
left to one: a drawn chart lets go of its figure at once (``ui.charts.mpl``).

At lock everything is handed back to the collector (``gc.unfreeze``): a closed session's pages and records must
not be kept from it (the next full collection frees what only cycles held).
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()  # a worker's loaded_more() and a lock's session_closed() never interleave
_open = False  # a profile is open (what is set aside is given back when it closes)


def session_settled() -> None:
    """The window has settled after an unlock: set aside what is loaded now (the young garbage collected first,
    a few milliseconds, so that it is not set aside with the rest)."""
    global _open
    with _lock:
        _open = True
        gc.collect(1)
        gc.freeze()


def loaded_more() -> None:
    """A large library finished loading (in a worker): set it aside too while a profile is open."""
    with _lock:
        if _open:
            gc.freeze()


def session_closed() -> None:
    """At lock: everything is the collector's again."""
    global _open
    with _lock:
        _open = False
        gc.unfreeze()

"""Keep PySide6 from holding the source text of every module imported after it.

PySide6 looks at each newly imported module to see whether it uses PySide6 (its ``__feature__`` switches apply
only to such modules). It asks ``inspect.getsource`` for the module's whole text and searches it for "PySide6";
``inspect`` reads through Python's ``linecache``, which keeps every file it read for the life of the process.
With matplotlib, numpy, Babel and the rest that was about 26 MiB of Python source held in memory once the
Progress page was open, an eighth of the app's peak (issue 15, ``bench/memory.py``). The same question is
answered here from the file's bytes, which are read and dropped. A module without a ``.py`` file (a compiled
extension, or the bundle's byte code) has no source for PySide6 to read either, so the answer stays "no".

This replaces a function inside PySide6's support package; if a PySide6 release renames it, nothing is replaced
and PySide6 behaves as it always did (tests/test_pyside_sources.py notices).
"""

from __future__ import annotations

import linecache
import sys

_MARK = "_hearth_reads_bytes"


def _uses_pyside(module) -> bool:
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


setattr(_uses_pyside, _MARK, True)


def install() -> bool:
    """Replace PySide6's check (once); True when it is in place."""
    feature = sys.modules.get("shibokensupport.feature")
    current = getattr(feature, "_mod_uses_pyside", None)
    if current is None:
        return False
    if not getattr(current, _MARK, False):
        feature._mod_uses_pyside = _uses_pyside
        linecache.clearcache()  # what was read before, at start-up on the GUI thread (no other thread yet)
    return True

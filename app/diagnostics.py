"""Crash handling that never shows or stores the user's own text.

An exception's message can hold anything (a journal line in a failed SQL
statement, a file name), so reports show only the exception type and the
code locations it passed through. No crash report is written to disk, and
core dumps are switched off where the OS allows.
"""

from __future__ import annotations

import os
import sys
import traceback

_installed = False


def redacted_report(exc_type, exc, tb) -> str:
    frames = traceback.extract_tb(tb)[-8:]
    where = " <- ".join(f"{os.path.basename(f.filename)}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"Hearth internal error: {exc_type.__name__} at {where or 'unknown place'}"


def _hook(exc_type, exc, tb):
    if issubclass(exc_type, KeyboardInterrupt):
        sys.exit(130)
    sys.stderr.write(redacted_report(exc_type, exc, tb) + "\n")
    for callback in list(_listeners):
        try:
            callback(exc_type)
        except Exception:
            pass


_listeners: list = []


def on_unhandled(callback) -> None:
    """Call ``callback(exc_type)`` after any unhandled exception (the GUI shows a kind message)."""
    _listeners.append(callback)


def install() -> None:
    global _installed
    if _installed:
        return
    _installed = True
    sys.excepthook = _hook
    import threading

    threading.excepthook = lambda args: _hook(args.exc_type, args.exc_value, args.exc_traceback)
    no_core_dumps()


def no_core_dumps() -> None:
    """Keep the process's memory (an unlocked data key, what the person is typing) out of core dumps.

    RLIMIT_CORE = 0 stops the kernel writing ``core`` files, but a core-dump handler that the kernel
    pipes to (systemd-coredump, apport) ignores that limit; a process that is not "dumpable" is not
    handed to it at all, and other processes of the same user cannot attach a debugger to read it.
    macOS honours RLIMIT_CORE. On Windows a crash dump is written only where an administrator turned
    Windows Error Reporting's local dumps on (README: what is protected).
    """
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            pr_set_dumpable = 4
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass

"""Get the unlocked window's code and definitions ready while the password's key is being derived.

Argon2id takes about half a second and releases Python's interpreter lock, and the second core is idle meanwhile;
what the first page of an unlocked profile needs and every profile shares (the pages' modules, Jinja, the shipped
programs and questionnaires, parsed and checked) is loaded then, in a thread, instead of after it on the GUI
thread (issue 15: it was most of what unlocking added to Argon2id). Nothing here reads a profile: it is the same
work for everyone, so starting it reveals nothing and costs only time the machine had spare.
"""

from __future__ import annotations

import importlib
import threading

# Modules an unlocked window imports on its first page (the patient's shell imports every page's module).
MODULES = ("ui.pages.shell", "ui.workspace.shell", "jinja2.sandbox", "app.exercises.registry")

_started = threading.Event()
_done = threading.Event()


def start() -> None:
    """Begin once per process (typing the password, or Enter); later calls do nothing."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_warm, name="hearth-warm", daemon=True).start()


def done() -> bool:
    return _done.is_set()


def wait(timeout: float | None = None) -> bool:
    return _done.wait(timeout)


def _warm() -> None:
    try:
        for name in MODULES:
            importlib.import_module(name)
        from app.measures import engine
        from app.programs import loader

        engine.shipped()
        for program in loader.program_ids():
            loader.cached(program)
        from app.programs import render

        render.markdown_parser()  # markdown-it's import alone was 80 ms of the Program page's first build
    except Exception:  # noqa: BLE001 - only a head start: whatever fails here is done (and reported) when needed
        pass
    finally:
        _done.set()

"""Get the unlocked window's code and definitions ready while the password's key is being derived.

Argon2id takes about half a second and releases Python's interpreter lock, and the second core is idle meanwhile;
what the first page of an unlocked profile needs and every profile shares (the pages' modules, Jinja, the shipped
programs and questionnaires, parsed and checked) is loaded then, in a thread, instead of after it on the GUI
thread (issue 15: it was most of what unlocking added to Argon2id), and Babel's data for the language shown.
Nothing here reads a profile: it is the same
work for everyone, so starting it reveals nothing and costs only time the machine had spare.

A second, smaller round (``after_unlock``) starts once Home has been shown: what later pages need the first time
they open and every profile shares (the languages' names for Settings, which load each language's Babel data;
the reminder dialog's modules). It waits until then so that it never competes with Argon2id for the cores.
"""

from __future__ import annotations

import importlib
import threading
import time

# Modules an unlocked window imports on its first page, in the order it needs them (Home first: when the
# password is pasted and Enter pressed at once, this round and the unlock run side by side), then the other
# pages' modules (ui.pages.shell imports each page's module when the page is first built).
FIRST_MODULES = ("ui.pages.shell", "ui.pages.home", "app.exercises.worry_slot")
MODULES = ("ui.workspace.shell", "jinja2.sandbox", "app.exercises.registry")

_started = threading.Event()
_done = threading.Event()
_later_started = threading.Event()
_later_done = threading.Event()
LATER_MODULES = ("ui.reminders_dialog", "app.autostart")
# The two rounds never run at once: each imports modules and loads Babel's data, whose locks a second loading
# thread could take in the other order (a hang Python's import-deadlock check cannot see).
_one_round_at_a_time = threading.Lock()


# Set while the window is busy opening a profile (Enter pressed until Home has settled): the first round's
# second half (the pages not shown yet) waits meanwhile. With the password pasted and Enter pressed at once, it
# otherwise ran beside Home being built and each took turns with the other for Python's lock.
_quiet = threading.Event()
_quiet.set()
QUIET_WAIT_S = 5.0  # in all: a window that never says it is done (closed mid-unlock) holds the warm-up no longer


def busy() -> None:
    """The window is opening a profile: pages nobody sees yet wait (see ``_quiet``)."""
    _quiet.clear()


def idle() -> None:
    """The window has shown what it opened (or the unlock failed): the warm-up goes on."""
    _quiet.set()


def start() -> None:
    """Begin once per process (typing the password, or Enter); later calls do nothing."""
    _begin(_started, _first_round, _done, "hearth-warm")


def done() -> bool:
    return _done.is_set()


def wait(timeout: float | None = None) -> bool:
    return _done.wait(timeout)


def _first_round() -> None:
    for name in FIRST_MODULES:
        importlib.import_module(name)
    from app import i18n

    i18n.format_number(0)  # Babel and its data for this language: Home's check-in card numbers its scale (50 ms)
    from app.measures import engine
    from app.programs import loader

    engine.shipped()
    for program in loader.program_ids():
        loader.cached(program)
    from ui.pages.shell import PAGE_MODULES

    until = time.monotonic() + QUIET_WAIT_S
    for name in PAGE_MODULES + MODULES:
        _quiet.wait(max(0.0, until - time.monotonic()))
        importlib.import_module(name)
    from app.programs import render

    _quiet.wait(max(0.0, until - time.monotonic()))
    render.markdown_parser()  # markdown-it's import alone was 80 ms of the Program page's first build


def after_unlock() -> None:
    """The second round (see the module docstring), once per process."""
    _begin(_later_started, _second_round, _later_done, "hearth-warm-later")


def later_done(timeout: float | None = None) -> bool:
    return _later_done.wait(timeout)


def _second_round() -> None:
    for name in LATER_MODULES:
        importlib.import_module(name)
    from app import i18n

    i18n.available_languages()  # each language's name in its own language: Settings' first build was 80 ms of it
    from ui import heap

    heap.loaded_more()


def _begin(started: threading.Event, work, finished: threading.Event, name: str) -> None:
    """Run ``work`` in a thread unless ``started`` says it ran already; ``finished`` is set when it ends."""
    if started.is_set():
        return
    started.set()
    threading.Thread(target=_round, args=(work, finished), name=name, daemon=True).start()


def _round(work, finished: threading.Event) -> None:
    with _one_round_at_a_time:
        try:
            work()
        except Exception:  # noqa: BLE001 - only a head start: whatever fails here is done (and reported) when needed
            pass
        finally:
            finished.set()

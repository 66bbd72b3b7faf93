"""Exercises: reusable, data-driven kinds (thought record, activity diary...).

Each kind is a module in ``app/exercises/kinds/`` defining ``KIND`` (its id),
``TITLE`` and ``DESCRIPTION`` (marked with ``N_``), ``normalize(data) -> dict``
(check and clean what the editor produced; raise ``ValueError`` if unusable)
and ``summary(data) -> str`` (one line for history lists; ``DATED = True`` when it
already says when the thing happened, so lists add no date of writing). ``PER_EXERCISE = True``
keeps each program exercise's entries in its own list (see ``store.listed``).
The registry finds them by listing the folder: adding a kind touches no shared file.
"""

"""Exercises: reusable, data-driven kinds (thought record, activity diary...).

Each kind is a module in ``app/exercises/kinds/`` defining ``KIND`` (its id),
``TITLE`` and ``DESCRIPTION`` (marked with ``N_``), ``normalize(data) -> dict``
(check and clean what the editor produced; raise ``ValueError`` if unusable)
and ``summary(data) -> str`` (one line for history lists; ``DATED = True`` when it
already says when the thing happened, so lists add no date of writing) and
``readable(data, spec) -> list[readable.Line]`` (the entry in words: every stored field with its
label, in the form's order; ``spec`` is the program's exercise, or None; see ``readable.py``, the one
place entries are put into words for the preview, the workspace, the report and the history).
``PER_EXERCISE = True``
keeps each program exercise's entries in its own list (see ``store.listed``).
The registry finds them by listing the folder: adding a kind touches no shared file.
"""

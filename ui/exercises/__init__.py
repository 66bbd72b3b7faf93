"""Exercise editors, one module per kind.

A kind's module here defines ``KIND`` (matching ``app/exercises/kinds``) and
``EDITOR``, a QWidget class built as ``EDITOR(spec, parent=None)`` where
``spec`` is the exercise's definition from the program (a dict, or ``None``
when the exercise is opened as a stand-alone tool). An editor has a
``changed`` signal, ``get_data() -> dict``, ``set_data(dict)`` (``{}`` means
a new, empty entry) and ``retranslate()``. Text from ``spec`` is shown through
``content(text)``; the editor's own words through ``_``.
An editor that reads other entries has ``attach(ctx)`` (the host calls it with the app context).
Optionally ``TOOL = False`` keeps a kind out of the stand-alone tools list
(a quiz needs its lesson's questions).
"""

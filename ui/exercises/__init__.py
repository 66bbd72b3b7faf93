"""Exercise editors, one module per kind.

A kind's module here defines ``KIND`` (matching ``app/exercises/kinds``) and
``EDITOR``, a QWidget class built as ``EDITOR(spec, parent=None)`` where
``spec`` is the exercise's definition from the program (a dict, or ``None``
when the exercise is opened as a stand-alone tool). An editor has a
``changed`` signal, ``get_data() -> dict``, ``set_data(dict)`` (``{}`` means
a new, empty entry) and ``retranslate()``. Text from ``spec`` is shown through
``content(text)``; the editor's own words through ``_``.
Optionally an editor has an ``open_exercise(kind)`` signal (the host opens that kind, e.g. a
worry on to problem solving), ``use_context(ctx)``, called once by the host, which gives it the app
context for settings of its own kept in the profile (worry time's slot, the interoceptive exercises'
health answers, the mindfulness chime, the practice log's ladders) and for reading its own earlier entries (an editor built
without it, in tests or a preview, must still work), ``forget()``, which the host calls when the
profile locks, to drop what it read from the profile, and ``saved()`` (called after its entry was
saved). Optionally ``TOOL = False`` keeps a kind out of the stand-alone tools list (a quiz needs its
lesson's questions).
"""

"""Helpers shared by the exercise editor tests."""

from ui.exercises import registry


def make(qtbot, kind, data=None):
    """A form editor of ``kind``, filled with ``data`` when given."""
    ed = registry.editors()[kind].EDITOR(None)
    qtbot.addWidget(ed)
    if data is not None:
        ed.set_data(data)
    return ed

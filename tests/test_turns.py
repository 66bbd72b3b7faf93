"""ui.turns: a list worked through a few items per turn of the event loop."""

from __future__ import annotations

from PySide6.QtCore import QObject

from ui.turns import Turns


def test_first_items_at_once_the_rest_per_turn_then_done_once(qtbot):
    owner, got, done = QObject(), [], []
    turns = Turns(owner, got.append, per_turn=2, done=lambda: done.append(1))
    turns.start(range(7), 3)
    assert got == [[0, 1, 2]] and turns.busy and not done
    qtbot.waitUntil(lambda: bool(done), timeout=2000)
    assert got == [[0, 1, 2], [3, 4], [5, 6]] and done == [1] and not turns.busy


def test_starting_again_or_cancelling_drops_what_was_left_and_finish_does_it_now(qtbot):
    owner, got, done = QObject(), [], []
    turns = Turns(owner, got.extend, per_turn=1, done=lambda: done.append(1))
    turns.start("abcdef", 1)
    turns.start("xyz", 1)  # the earlier run's steps stop
    turns.finish()
    assert got == ["a", "x", "y", "z"] and done == [1]
    turns.start("pq", 1)
    turns.cancel()
    qtbot.wait(30)
    assert got == ["a", "x", "y", "z", "p"] and done == [1] and not turns.busy


def test_nothing_runs_once_the_owner_is_gone(qtbot):
    owner, got = QObject(), []
    turns = Turns(owner, got.extend, per_turn=1)
    turns.start("abc", 1)
    owner.deleteLater()
    qtbot.wait(30)
    assert got == ["a"]

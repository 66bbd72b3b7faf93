"""Home as a person meets it: the check-in has the keyboard, and what the clinician sent is one step away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.test_ui import make_window, unlock  # noqa: F401 - fixture


def opened(qtbot, make_window):  # noqa: F811
    win, ctx, _ = make_window(with_profile=True)
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    return win, ctx, win.shell.pages["home"]


def test_after_unlock_and_ctrl_1_a_digit_picks_a_mood_at_once(qtbot, make_window):
    win, ctx, home = opened(qtbot, make_window)
    scale = home.checkin.scale
    qtbot.waitUntil(lambda: QApplication.focusWidget() in scale.buttons, timeout=2000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    assert scale.value() == 7
    # Away to the journal, typing; Ctrl+1 comes back to the check-in.
    win.shell.go("journal")
    body = win.shell.pages["journal"].journal.body
    body.setFocus()
    QTest.keyClick(body, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert win.shell.current_key() == "home"
    qtbot.waitUntil(lambda: QApplication.focusWidget() in scale.buttons, timeout=2000)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert scale.value() == 3
    # Again after locking and unlocking.
    win.lock()
    unlock(qtbot, win)
    qtbot.waitUntil(lambda: ctx.unlocked, timeout=10000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() in scale.buttons, timeout=2000)


def test_home_never_takes_the_keyboard_from_the_sidebar_or_a_box_being_typed_in(qtbot, make_window):
    win, ctx, home = opened(qtbot, make_window)
    sidebar = win.shell.sidebar
    # Arrowing through the sidebar passes Home without leaving the sidebar.
    win.shell.go("program")
    sidebar.setFocus()
    QTest.keyClick(sidebar, Qt.Key.Key_Up)
    assert win.shell.current_key() == "home"
    qtbot.wait(50)
    assert QApplication.focusWidget() is sidebar
    # Typing a note while Home refreshes (feedback arriving, say): the cursor stays in the note.
    note = home.checkin.note
    note.setFocus()
    QTest.keyClicks(note, "slept well")
    home.load()
    qtbot.wait(50)
    assert QApplication.focusWidget() is note and note.text() == "slept well"


# --- From your clinician -----------------------------------------------------------------

def _feedback_file(ctx, tmp_path, name="feedback.age", *, comment=True, unlock=True, assign=True,
                   message="See you on Tuesday. Lovely work this week."):
    """A clinician "Doc" paired with "Alex" sends a feedback file; returns (its path, Alex's entry id)."""
    from app.exchange import export, outbox
    from tests import exchange_util as xu
    from tests.conftest import PASSWORD

    manager = ctx.manager
    if not any(p.display_name == "Doc" for p in manager.list()):
        doc, (alex,) = xu.workspace(manager, ("Alex",))
        entry = xu.fill(alex)
        alex.lock()
    else:
        doc = manager.unlock(manager.find("Doc"), PASSWORD)
        from app.exercises import store as ex_store

        # A profile is open in one place at a time: read Alex's entry from the window's session if open.
        shown = ctx.session if ctx.unlocked and ctx.session.display_name == "Alex" else None
        alex = shown or manager.unlock(manager.find("Alex"), PASSWORD)
        entry = ex_store.entries(alex.store)[0]
        if shown is None:
            alex.lock()
    c = xu.contact(doc, "Alex")
    outbox.add_message(doc.store, c, message)
    if comment:
        outbox.add_comment(doc.store, c, entry.id, "Good noticing", "reflection")
    if unlock:
        outbox.add_unlock(doc.store, c, "low-mood", "m2-activity-monitoring")
    if assign:
        outbox.add_assignment(doc.store, c, "gad7", "2026-12-24")
    path = tmp_path / name
    export.export_to(doc, c, path)
    doc.lock()
    return path, entry.id


def _import(qtbot, win, monkeypatch, path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    said = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text, *a, **k: said.append(title))
    win.shell.go("clinician")
    qtbot.mouseClick(win.shell.pages["clinician"].open, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "File imported" in said, timeout=10000)


def _open_alex(qtbot, win, ctx):
    from tests.conftest import PASSWORD

    if ctx.unlocked:
        win.lock()
    win._session_opened(ctx.manager.unlock(ctx.manager.find("Alex"), PASSWORD))
    return win.shell.pages["home"]


def _row(home, words):
    """The feedback card's row about ``words``, once laid out (a page is filled as it is shown, so its rows get
    their size at the next turn of the event loop, before anyone could click them)."""
    from PySide6.QtTest import QTest

    card = home.feedback
    for button in card.buttons:
        if words in button.accessibleDescription():
            for _ in range(100):
                if button.height() > 0:
                    break
                QTest.qWait(10)
            return button
    raise AssertionError(f"no row about {words!r} in {[b.accessibleDescription() for b in card.buttons]}")


def test_feedback_reaches_home_and_each_item_is_one_step_away(qtbot, make_window, tmp_path, monkeypatch):
    win, ctx, _ = make_window()
    path, entry_id = _feedback_file(ctx, tmp_path)
    home = _open_alex(qtbot, win, ctx)
    assert not home.feedback.isVisible()  # nothing new yet: no card
    _import(qtbot, win, monkeypatch, path)
    win.shell.go("home")
    assert home.feedback.isVisible() and home.feedback.title.text() == "From your clinician"
    texts = [b.accessibleDescription() for b in home.feedback.buttons]
    assert len(texts) == 4
    assert any("Message from Doc" in t and "See you on Tuesday" in t for t in texts)
    assert any("Doc commented on" in t and "I noticed my mood" in t for t in texts)
    assert any("Doc opened a module for you: 2. Noticing what you do" in t for t in texts)
    assert any("Doc asked you to fill in the GAD-7 by Dec 24, 2026" in t for t in texts)
    assert all(b.accessibleName() for b in home.feedback.buttons + [home.feedback.seen])

    # The comment: opens the entry, with the comment beside it and the keyboard on it.
    qtbot.mouseClick(_row(home, "commented"), Qt.MouseButton.LeftButton)
    assert win.shell.current_key() == "journal"
    browser = win.shell.pages["journal"].stack.currentWidget().browser
    assert browser.editing_id == entry_id and "Good noticing" in browser.comments.text()
    assert QApplication.focusWidget() is browser.comments
    # The module: opens it on the Program page.
    win.shell.go("home")
    assert len(home.feedback.buttons) == 3
    qtbot.mouseClick(_row(home, "opened a module"), Qt.MouseButton.LeftButton)
    assert win.shell.current_key() == "program"
    assert win.shell.pages["program"].module.id == "m2-activity-monitoring"
    # The questionnaire: opens it, ready to answer.
    win.shell.go("home")
    qtbot.mouseClick(_row(home, "GAD-7"), Qt.MouseButton.LeftButton)
    measures = win.shell.pages["measures"]
    assert win.shell.current_key() == "measures" and measures.stack.currentIndex() == 1
    assert measures.measure.id == "gad7"
    # The message: opens the Clinician page, where it is shown.
    win.shell.go("home")
    qtbot.mouseClick(_row(home, "Message from Doc"), Qt.MouseButton.LeftButton)
    assert win.shell.current_key() == "clinician"
    thread = win.shell.pages["clinician"].thread.list
    assert "See you on Tuesday" in thread.item(thread.count() - 1).text()
    # All seen: the card is gone, also after locking and unlocking (it is kept in the store).
    win.shell.go("home")
    assert not home.feedback.isVisible()
    home = _open_alex(qtbot, win, ctx)
    assert not home.feedback.isVisible()


def test_feedback_seen_where_it_lives_or_marked_seen_leaves_home(qtbot, make_window, tmp_path, monkeypatch):
    win, ctx, _ = make_window()
    path, entry_id = _feedback_file(ctx, tmp_path, unlock=False, assign=False)
    home = _open_alex(qtbot, win, ctx)
    _import(qtbot, win, monkeypatch, path)
    win.shell.go("home")
    assert len(home.feedback.buttons) == 2
    # Met where they live: the Clinician page shows every message; the entry shows its comment.
    win.shell.go("clinician")
    win.shell.go("journal")
    win.shell.pages["journal"].open_entry(entry_id)
    win.shell.go("home")
    assert not home.feedback.isVisible()
    # A second file while Home is shown (from the sync folder, say): Home refreshes at once.
    second, _entry = _feedback_file(ctx, tmp_path, "second.age", message="One more thing")
    home = _open_alex(qtbot, win, ctx)
    from app.exchange import importer

    importer.import_file(ctx.session, second)
    win.shell._exchange_changed()  # what the shell does after an import
    assert home.feedback.isVisible() and len(home.feedback.buttons) == 4
    home.feedback.buttons[0].setFocus()
    qtbot.mouseClick(home.feedback.seen, Qt.MouseButton.LeftButton)  # "Mark all as seen"
    assert not home.feedback.isVisible()
    assert QApplication.focusWidget() in home.checkin.scale.buttons  # the keyboard is not lost with the card

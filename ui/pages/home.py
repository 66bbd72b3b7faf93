"""Home: a greeting, what is new from the clinician, the daily check-in, where to continue,
this week's homework, and quick ways in (the journal and the person's safety plan).

Starting focus: when Home is shown after unlocking, or with Ctrl+1 (or because
focus was on the page just left), the keyboard goes to the mood check-in, so a
digit picks a mood at once. It is left where it is when the person is working
elsewhere: moving through the sidebar with the arrow keys, or typing in a box.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app import journal
from app.i18n import _, content, format_list, ngettext
from app.measures import engine
from app.exchange import patient
from app.exchange.patient import has_clinician
from app.programs import loader, progress, unlock
from ui import tab_order
from ui.checkin import CheckInCard
from ui.feedback_card import FeedbackCard, entry_labels, item_titles
from ui.pages.program import state_text
from ui.widgets import action_card, make_label, primary_button, scrolled_page

WORRY_TIME = "worry-time"


def read_ahead(store) -> None:
    """Home's first load reads, in the unlock worker: the one read that grows with the years (the journal's
    count walks an index of every entry, 28 ms at 100,000 entries, most of it decrypting pages) is then in the
    store's page cache, and the same read on the GUI thread takes under a millisecond."""
    journal.count(store)


class HomePage(QWidget):
    """``go(section)``, ``open_module(module_id)``, ``open_entry(entry_id)``, ``open_measure(measure_id)`` and
    ``open_plan()`` are the shell's ways to another page (the last three fall back to the section)."""

    def __init__(self, ctx, go, open_module, parent=None, *, open_entry=None, open_measure=None, open_plan=None,
                 open_tool=None):
        super().__init__(parent)
        self.ctx = ctx
        self.go, self.open_module = go, open_module
        self.open_entry = open_entry or (lambda _entry_id: go("journal"))
        self.open_measure = open_measure or (lambda _measure_id: go("measures"))
        self.open_plan = open_plan or (lambda: go("journal"))
        self.open_tool = open_tool or (lambda _kind: go("journal"))
        self._journal_count = 0
        self._plan_written = False
        self._continue_id = None
        _body, lay = scrolled_page(self)
        self._column = lay
        self.heading = make_label("heading")
        lay.addWidget(self.heading)
        self.checkin = CheckInCard(ctx)
        lay.addWidget(self.checkin)

        self.prog_title = make_label("subheading")
        self.prog_text = make_label()
        self.homework_title = make_label()
        self.homework_list = make_label("muted")
        self.next_text = make_label("muted")
        self.continue_button = primary_button()
        self.continue_button.clicked.connect(lambda: self.open_module(self._continue_id))
        lay.addWidget(action_card(self.continue_button, self.prog_title, self.prog_text, self.homework_title,
                                  self.homework_list, self.next_text))

        self.due_title, self.due_text = make_label("subheading"), make_label("muted")
        self.answer = QPushButton()
        self.answer.clicked.connect(lambda: self.go("measures"))
        self.due_frame = action_card(self.answer, self.due_title, self.due_text)
        lay.addWidget(self.due_frame)
        self.due_frame.hide()

        # Worry time: worries were parked today and the daily slot is near or past.
        self.worry_title, self.worry_text = make_label("subheading"), make_label("muted")
        self.worry_button = QPushButton()
        self.worry_button.clicked.connect(lambda: self.open_tool(WORRY_TIME))
        self.worry_frame = action_card(self.worry_button, self.worry_title, self.worry_text)
        self.worry_frame.setObjectName("worryTimeCard")
        lay.addWidget(self.worry_frame)
        self.worry_frame.hide()

        self.remind_title, self.remind_text = make_label("subheading"), make_label("muted")
        self.send_progress = primary_button()
        self.send_progress.clicked.connect(lambda: self.go("clinician"))
        self.remind_frame = action_card(self.send_progress, self.remind_title, self.remind_text)
        self.remind_frame.setObjectName("progressReminder")
        lay.insertWidget(1, self.remind_frame)
        self.remind_frame.hide()

        self.feedback = FeedbackCard()  # first under the greeting: what the clinician sent matters most
        self.feedback.open_requested.connect(self._open_feedback)
        self.feedback.dismissed.connect(self._feedback_seen)
        lay.insertWidget(1, self.feedback)

        self._new_session = True  # the next show is the first since unlocking: start at the check-in
        self._showing = 0  # counts showings: see showEvent
        self.journal_title, self.journal_text = make_label("subheading"), make_label("muted")
        self.write = QPushButton()
        self.write.clicked.connect(lambda: self.go("journal"))
        lay.addWidget(action_card(self.write, self.journal_title, self.journal_text))
        # The safety plan: inviting while it is empty, a quiet reminder once written; never alarming.
        self.plan_title, self.plan_text = make_label("subheading"), make_label("muted")
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("homeSafetyPlan")
        self.plan_button.clicked.connect(lambda: self.open_plan())
        self.plan_frame = action_card(self.plan_button, self.plan_title, self.plan_text)
        self.plan_frame.setObjectName("safetyPlanCard")
        lay.addWidget(self.plan_frame)
        lay.addStretch(1)
        self.retranslate()

    def load(self) -> None:
        from app.safety import plan

        self._journal_count = journal.count(self.ctx.session.store)
        self._plan_written = not plan.is_empty(self.ctx.session.store)
        self.checkin.load()
        self.retranslate()

    # --- from your clinician ---------------------------------------------------------------

    def _feedback_card(self) -> None:
        store = self.ctx.session.store if self.ctx.session else None
        news = patient.news(store) if store is not None else []
        focused = QApplication.focusWidget()
        had_focus = focused is not None and self.feedback.isAncestorOf(focused)
        self.feedback.set_news(news, entry_labels(store, news) if news else {}, item_titles(news))
        tab_order.chain(tab_order.reading_order(self._column))  # rows come and go: keep Tab in reading order
        if had_focus:  # the button that had the keyboard is gone: on to the next row, or to the check-in
            if self.feedback.buttons:
                self.feedback.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.checkin.scale.focus_in()

    def _open_feedback(self, items: list) -> None:
        """Go to what one row of the card is about; it is seen from now on."""
        store = self.ctx.session.store if self.ctx.session else None
        if store is None:
            return
        first = items[0]
        patient.mark_seen(store, items if first.kind == patient.MESSAGE else [first])
        if first.kind == patient.MESSAGE:
            self.go("clinician")
        elif first.kind == patient.COMMENT:
            self.open_entry(first.entry_id)
        elif first.kind == patient.UNLOCK:
            enrolment = progress.active(store)
            if enrolment is not None and enrolment.program_id == first.program_id:
                self.open_module(first.module_id)
            else:
                self.go("program")
        else:
            self.open_measure(first.measure_id)

    def _feedback_seen(self) -> None:
        if self.ctx.session is not None:
            patient.mark_seen(self.ctx.session.store, patient.news(self.ctx.session.store))
        self._feedback_card()

    def flush(self) -> None:
        self.checkin.flush()

    # --- starting focus ---------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if event.spontaneous():  # the window coming back from another desktop or minimised: leave focus be
            return
        jumped = self._new_session or bool(QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier)
        self._new_session = False
        # Only the latest showing decides: Home shown at unlock, left and shown again (arrowing through the
        # sidebar) before the first timer ran must not act on the first showing's "just unlocked".
        self._showing += 1
        showing = self._showing
        QTimer.singleShot(0, self, lambda: self._focus_checkin(jumped, showing))  # once Qt has placed focus

    def _focus_checkin(self, jumped: bool, showing: int | None = None) -> None:
        if not self.isVisible() or self.ctx.session is None:
            return
        if showing is not None and showing != self._showing:
            return
        focused = QApplication.focusWidget()
        elsewhere = focused is not None and focused.isVisible() and focused.window() is self.window() \
            and not self.isAncestorOf(focused)
        if elsewhere and not jumped:
            return  # e.g. arrowing through the sidebar: stay there
        if elsewhere and _typing(focused):
            return  # never take the keyboard from a box being typed in
        self.checkin.scale.focus_in()

    def clear(self) -> None:
        self._new_session = True
        self.feedback.set_news([], {}, {})
        self.checkin.clear()
        self._journal_count = 0
        self._plan_written = False
        self._continue_id = None
        self.retranslate()

    def _program_card(self) -> None:
        store = self.ctx.session.store if self.ctx.session else None
        enrolment = progress.active(store) if store else None
        program = loader.cached(enrolment.program_id) if enrolment else None
        for w in (self.homework_title, self.homework_list, self.next_text):
            w.hide()
        if program is None:
            self._continue_id = None
            self.prog_title.setText(_("Start a program"))
            self.prog_text.setText(_("A program guides you through CBT skills one week at a time. Choose one to "
                                     "begin; your next lesson and this week's homework will then be shown here."))
            self.continue_button.setText(_("Choose a program"))
            return
        states = progress.states(store, program, has_clinician=has_clinician(store))
        self._continue_id = unlock.current_module(states)
        module = program.module(self._continue_id) if self._continue_id else program.modules[0]
        self.prog_title.setText(_("Continue where you left off"))
        self.prog_text.setText(_("{program}, module {number}: {title}").format(
            program=content(program.title), number=module.number,
            title=content(module.title)))
        self.continue_button.setText(_("Continue"))
        done = progress.homework_done(store, program.id)
        if module.homework:
            self.homework_title.setText(_("This week's homework:"))
            self.homework_list.setText("\n".join(("\u2713 " if h["id"] in done else "\u2022 ")
                                                 + content(h["text"]) for h in module.homework))
            self.homework_title.show()
            self.homework_list.show()
        later = [(m, s) for m, s in zip(program.modules, states) if s.status == unlock.LOCKED]
        if later:
            m, s = later[0]
            self.next_text.setText(_("Next: module {number}, {title}. {state}").format(
                number=m.number, title=content(m.title), state=state_text(s)))
            self.next_text.show()

    def _due_card(self) -> None:
        from app.reminders import due

        store = self.ctx.session.store if self.ctx.session else None
        ids = due.questionnaires(store, self.ctx.data_dir / "measures") if store is not None else []
        usable = engine.available(self.ctx.data_dir / "measures")
        names = [usable[m].name for m in ids]
        self.due_frame.setVisible(bool(names))
        self.due_title.setText(_("Questionnaires for this week"))
        self.answer.setText(_("Answer now"))
        self.due_text.setText(_("{names}: a few minutes each, whenever suits you.").format(
            names=format_list(names)) if names else "")

    def _worry_card(self) -> None:
        from app.exercises import worry_slot
        from app.reminders import due

        store = self.ctx.session.store if self.ctx.session else None
        count = due.worry_time(store) if store is not None else 0
        self.worry_frame.setVisible(bool(count))
        self.worry_button.setText(_("Open worry time"))
        if count:
            self.worry_title.setText(_("Your worry time"))
            slot = worry_slot.slot(store)
            self.worry_text.setText(ngettext(
                "You parked {count} worry today. Your worry time is at {time}, for {minutes} minutes: "
                "look at it then, one worry at a time.",
                "You parked {count} worries today. Your worry time is at {time}, for {minutes} minutes: "
                "look at them then, one worry at a time.", count).format(
                count=count, time=worry_slot.start_text(slot), minutes=slot.minutes))

    def _reminder(self) -> None:
        store = self.ctx.session.store if self.ctx.session else None
        from app.reminders import due as what_is_due

        contact = patient.clinician(store) if store else None
        due = contact is not None and what_is_due.progress(store)
        self.remind_frame.setVisible(due)
        self.send_progress.setText(_("Send progress\u2026"))
        if due:
            self.remind_title.setText(_("Time to send your progress"))
            self.remind_text.setText(_("You have not sent {name} your progress for a week. It takes a minute: you "
                                       "choose what to share and see it before it is saved.").format(
                name=contact.display_name))

    def retranslate(self) -> None:
        session = self.ctx.session
        self.heading.setText(_("Hello, {name}").format(name=session.display_name) if session else "")
        self._feedback_card()
        self._program_card()
        self._due_card()
        self._worry_card()
        self._reminder()
        self.checkin.retranslate()
        self.journal_title.setText(_("Your journal"))
        if self._journal_count:
            self.journal_text.setText(ngettext("You have written {count} entry. Everything in it stays "
                                               "encrypted on this computer.",
                                               "You have written {count} entries. Everything in them stays "
                                               "encrypted on this computer.",
                                               self._journal_count).format(count=self._journal_count))
        else:
            self.journal_text.setText(_("Writing down what happened and how you felt is a good first step. "
                                        "Your entries stay encrypted on this computer."))
        self.write.setText(_("Write in my journal"))
        self.plan_title.setText(_("My safety plan"))
        if self._plan_written:
            self.plan_text.setText(_("Your plan is ready whenever you need it. Look at it now and then, and keep "
                                     "its names and numbers up to date."))
            self.plan_button.setText(_("Open my safety plan"))
        else:
            self.plan_text.setText(_("A safety plan is a short list, in your own words, of what helps when things "
                                     "get hard: signs to watch for, things that calm you, and people you can call. "
                                     "Writing it on a calm day means it is ready if you ever need it."))
            self.plan_button.setText(_("Write my safety plan"))


def _typing(widget) -> bool:
    """Whether ``widget`` is an editable text box."""
    from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit

    if isinstance(widget, (QLineEdit, QAbstractSpinBox)):
        return True
    return isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly()

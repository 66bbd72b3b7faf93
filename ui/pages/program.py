"""Program: choose a program, then modules with their lessons, exercises and homework."""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QElapsedTimer, Qt, QUrl
from PySide6.QtWidgets import (QHBoxLayout, QListWidgetItem, QPushButton, QScrollArea, QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from app.exercises import store as ex_store
from app.exchange.patient import has_clinician
from app.i18n import _, content, format_date, ngettext
from app.programs import loader, progress, render, unlock
from app.safety.plan import TARGET as SAFETY_PLAN
from ui import layout_items, tab_order, theme
from ui.document_view import DocumentView
from ui.exchange.button_row import WrapLayout
from ui.widgets import WrappingList, card, clear_layout, make_label, primary_button, scroll_area, scrolled_page


def lesson_context(store) -> dict:
    """The user's own numbers a lesson template may show."""
    week_ago = (datetime.now(timezone.utc) - timedelta(days=7)).isoformat(timespec="seconds")
    return {"activities_last_week": ex_store.count(store, kind="activity-monitoring", since=week_ago),
            "thought_records_total": ex_store.count(store, kind="thought-record")}


def state_text(state: unlock.ModuleState) -> str:
    if state.status == unlock.DONE:
        return _("Finished")
    if state.status == unlock.OPEN:
        # Translators: the state of a program module: it can be read now (adjective, not a command).
        return _("Open")
    if state.reason == unlock.WAIT_DATE and state.opens_at:
        return _("Opens on {date}").format(date=format_date(state.opens_at.astimezone(), "long"))
    if state.reason == unlock.WAIT_CLINICIAN:
        return _("Waiting for your clinician to open it")
    return _("Opens when you finish the module before")


def review_note(program) -> str:
    """Said wherever a program's text is shown in a language no fluent clinician has reviewed yet
    (``locales/<code>/review.json``); empty when the program is shown in its own language."""
    from app import i18n, translation_review

    if program is None or str(i18n.dgettext("programs", program.title)) == program.title \
            or not translation_review.programs_unreviewed(i18n.current_language()):
        return ""
    return _("This program's text in your language has not yet been reviewed by a clinician who speaks it "
             "fluently. If something is unclear, choose English in Settings to read the original.")


class ProgramPage(QWidget):
    def __init__(self, ctx, open_exercise, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.open_exercise = open_exercise
        self.program = None
        self.states: list[unlock.ModuleState] = []
        self.module = None
        self._timer = QElapsedTimer()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 20)
        lay.setSpacing(12)
        self.pages = QStackedWidget()
        lay.addWidget(self.pages)
        self._about_program = None
        self._build_chooser()
        self._build_course()
        self._build_about()
        self.retranslate()

    # --- choosing a program ---------------------------------------------------------

    def _build_chooser(self) -> None:
        page = QWidget()
        self.chooser_layout = QVBoxLayout(page)
        self.chooser_layout.setContentsMargins(0, 0, 0, 0)
        self.chooser_heading = make_label("heading")
        self.chooser_intro = make_label("muted")
        self.chooser_layout.addWidget(self.chooser_heading)
        self.chooser_layout.addWidget(self.chooser_intro)
        self.cards = QVBoxLayout()
        self.chooser_layout.addLayout(self.cards)
        self.chooser_layout.addStretch(1)
        scroll = scroll_area(page)
        self.pages.addWidget(scroll)

    def _fill_chooser(self) -> None:
        clear_layout(self.cards)
        good, bad = loader.load_all()
        for program in good:
            frame, inner = card()
            title = make_label("subheading")
            title.setText(content(program.title))
            summary = make_label()
            summary.setText(content(program.summary))
            audience = make_label("muted")
            audience.setText(content(program.audience))
            row = QHBoxLayout()
            start = primary_button()
            start.setText(_("Start this program"))
            start.setAccessibleName(_("Start the program {title}").format(title=content(program.title)))
            start.clicked.connect(lambda _c=False, pid=program.id: self._enrol(pid))
            row.addWidget(start)
            if program.about:
                about = QPushButton(_("About this program"))
                about.clicked.connect(lambda _c=False, p=program: self._show_about(p))
                row.addWidget(about)
            row.addStretch(1)
            widgets = [title, summary, audience]
            if review_note(program):
                note = make_label("muted")
                note.setText(review_note(program))
                widgets.append(note)
            for w in widgets:
                inner.addWidget(w)
            inner.addLayout(row)
            self.cards.addWidget(frame)
        for u in bad:
            note = make_label("muted")
            note.setText(_("The program in the folder \u201c{folder}\u201d cannot be used: {problem}").format(
                folder=u.folder.name, problem=str(u.problems[0]) if u.problems else ""))
            self.cards.addWidget(note)
        if not good and not bad:
            note = make_label("muted")
            note.setText(_("No programs are installed."))
            self.cards.addWidget(note)

    def _enrol(self, program_id: str) -> None:
        from app.measures import suitability

        concern = suitability.check(self.ctx.session.store)
        if concern is not None:
            from ui.suitability import HELP, START, ask

            choice = ask(self, concern)
            if choice == HELP:
                self.ctx.help_requested.emit(False)
            if choice != START:
                return
        program = loader.cached(program_id)
        if program is not None and program.suitability is not None:  # the program's own questions
            from ui import program_suitability

            if program_suitability.ask(
                    self, program, on_help=lambda: self.ctx.help_requested.emit(True)) != program_suitability.START:
                return
        progress.enrol(self.ctx.session.store, program_id)
        self.load()

    def _show_about(self, program) -> None:
        """The program's "about" page (for clinicians and the curious), before enrolling."""
        self._about_program = program
        self.about_review.setText(review_note(program))
        self.about_review.setVisible(bool(self.about_review.text()))
        self.about_doc.setSearchPaths([str(program.folder)])
        self.about_doc.setHtml(render.document_html(program, program.about, theme.colors(self.ctx.theme_name)))
        self.about_start.setAccessibleName(_("Start the program {title}").format(title=content(program.title)))
        self.pages.setCurrentIndex(2)
        self.about_back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_about(self) -> None:
        page = QWidget()
        body, lay = scrolled_page(page, top=0)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.about_back = QPushButton()
        self.about_back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.about_start = primary_button()
        self.about_start.clicked.connect(lambda: self._enrol(self._about_program.id))
        row.addWidget(self.about_back)
        row.addStretch(1)
        row.addWidget(self.about_start)
        self.about_doc = DocumentView()
        self.about_doc.setAccessibleName(_("About this program"))
        self.about_review = make_label("muted")
        self.about_review.hide()
        lay.addLayout(row)
        lay.addWidget(self.about_review)
        lay.addWidget(self.about_doc)
        lay.addStretch(1)
        self.pages.addWidget(page)

    # --- the course --------------------------------------------------------------------

    def _build_course(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = make_label("heading")
        self.summary = make_label("muted")
        self.other = QPushButton()
        self.other.clicked.connect(self._choose_other)
        head = QVBoxLayout()
        self.review = make_label("muted")
        self.review.hide()
        head.addWidget(self.title)
        head.addWidget(self.summary)
        head.addWidget(self.review)
        top.addLayout(head, 1)
        top.addWidget(self.other, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.modules = WrappingList()
        self.modules.setObjectName("journalList")
        self.modules.currentRowChanged.connect(self._module_selected)
        right = QWidget()
        right_body, rl = scrolled_page(right, top=0)
        rl.setContentsMargins(12, 0, 8, 8)
        rl.setSpacing(10)
        self.lesson_area = right.findChild(QScrollArea)
        self.lesson = DocumentView()
        self.lesson.anchorClicked.connect(self._link)
        self.try_label = make_label("subheading")
        self.try_row = WrapLayout()  # wraps: exercise names in a long language never widen the page
        plan_row = QHBoxLayout()
        self.plan_button = QPushButton()
        self.plan_button.setObjectName("lessonSafetyPlan")
        self.plan_button.clicked.connect(lambda: self.open_exercise(SAFETY_PLAN, None, None, None))
        self.plan_button.hide()
        plan_row.addWidget(self.plan_button)
        plan_row.addStretch(1)
        self.homework_label = make_label("subheading")
        self.homework = WrappingList(fit_rows=True)
        self.homework.setObjectName("homeworkList")
        self.homework.itemChanged.connect(self._homework_changed)
        self.finished = QPushButton()
        self.finished.setCheckable(True)
        self.finished.clicked.connect(self._toggle_finished)
        rl.addWidget(self.lesson)
        rl.addWidget(self.try_label)
        rl.addLayout(self.try_row)
        rl.addLayout(plan_row)
        rl.addWidget(self.homework_label)
        rl.addWidget(self.homework)
        rl.addWidget(self.finished, 0, Qt.AlignmentFlag.AlignTrailing)
        rl.addStretch(1)
        self.modules.setMinimumWidth(230)
        split.addWidget(self.modules)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 700])
        lay.addWidget(split, 1)
        self.pages.addWidget(page)

    def load(self, module_id: str | None = None) -> None:
        store = self.ctx.session.store if self.ctx.session else None
        if store is None:
            return
        enrolment = progress.active(store)
        self.program = loader.cached(enrolment.program_id) if enrolment else None
        if self.program is None:
            self._fill_chooser()
            self.pages.setCurrentIndex(0)
            return
        self.pages.setCurrentIndex(1)
        self.states = progress.states(store, self.program, has_clinician=has_clinician(store))
        wanted = module_id or (self.module.id if self.module else None) or unlock.current_module(self.states)
        self.modules.blockSignals(True)
        self.modules.clear()
        for m, s in zip(self.program.modules, self.states):
            item = QListWidgetItem(_("{number}. {title}").format(number=m.number, title=content(m.title))
                                   + "\n" + state_text(s))
            item.setData(Qt.ItemDataRole.UserRole, m.id)
            self.modules.addItem(item)
        ids = [m.id for m in self.program.modules]
        self.modules.setCurrentRow(ids.index(wanted) if wanted in ids else 0)
        self.modules.blockSignals(False)
        self._module_selected(self.modules.currentRow())  # once (the row change, unblocked, rendered it twice)
        self._update_summary()

    def _update_summary(self) -> None:
        s = progress.summary(self.ctx.session.store, self.program)
        self.title.setText(content(self.program.title))
        self.review.setText(review_note(self.program))
        self.review.setVisible(bool(self.review.text()))
        modules = ngettext("{done} of {total} module finished", "{done} of {total} modules finished",
                           s.modules_total).format(done=s.modules_done, total=s.modules_total)
        homework = ngettext("{done} of {total} homework task done", "{done} of {total} homework tasks done",
                            s.homework_total).format(done=s.homework_done, total=s.homework_total)
        self.summary.setText(_("{modules} \u00b7 {homework}").format(modules=modules, homework=homework))

    def _module_selected(self, row: int) -> None:
        if self.program is None or row < 0 or self.ctx.session is None:
            return
        self.flush()
        self.module = self.program.modules[row]
        state = self.states[row]
        colors = theme.colors(self.ctx.theme_name)
        clear_layout(self.try_row)
        self.homework.clear()
        if state.status == unlock.LOCKED:
            body = "<h1>{}</h1><p>{}</p><p><i>{}</i></p>".format(
                *(html.escape(t) for t in (content(self.module.title),
                                           content(self.module.summary), state_text(state))))
            self.lesson.setHtml(render.page(body, colors))
            for w in (self.try_label, self.plan_button, self.homework_label, self.homework, self.finished):
                w.hide()
            return
        store = self.ctx.session.store
        lesson_path = self.program.folder / self.module.lesson
        # Images in a lesson are found beside it or in the program folder, never elsewhere.
        self.lesson.setSearchPaths([str(lesson_path.parent), str(self.program.folder)])
        self.lesson.setHtml(render.lesson_html(self.program, self.module, colors, lesson_context(store)))
        self.lesson_area.verticalScrollBar().setValue(0)  # a new lesson starts at its top
        self._timer.start()
        to_plan = any(hw.get("exercise") == SAFETY_PLAN for hw in self.module.homework)
        self.try_label.setVisible(bool(self.module.exercises) or to_plan)
        for ex in self.module.exercises:
            b = QPushButton(content(ex["title"]))
            b.clicked.connect(lambda _c=False, e=ex: self.open_exercise(e["kind"], e, self.program.id, self.module.id))
            self.try_row.addWidget(b)
        self.plan_button.setVisible(to_plan)  # homework asks for the safety plan: a way there, under the exercises
        done = progress.homework_done(store, self.program.id)
        self.homework_label.setVisible(bool(self.module.homework))
        self.homework.setVisible(bool(self.module.homework))
        self.homework.blockSignals(True)
        for hw in self.module.homework:
            item = QListWidgetItem(content(hw["text"]))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if hw["id"] in done else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, hw["id"])
            self.homework.addItem(item)
        self.homework.blockSignals(False)
        self.finished.show()
        self.finished.setChecked(state.status == unlock.DONE)
        self._finished_text()
        tries = layout_items.widgets(self.try_row)
        # Buttons made now would come last in Tab's order: keep the page's reading order instead.
        tab_order.chain([self.lesson, *tries, self.plan_button, self.homework,
                         self.finished])

    def _homework_changed(self, item) -> None:
        if self.program is None or self.ctx.session is None:
            return
        progress.set_homework_done(self.ctx.session.store, self.program.id, item.data(Qt.ItemDataRole.UserRole),
                                   item.checkState() == Qt.CheckState.Checked)
        self._update_summary()

    def _toggle_finished(self, on: bool) -> None:
        if self.program is None or self.module is None or self.ctx.session is None:
            return
        progress.set_lesson_done(self.ctx.session.store, self.program.id, self.module.id, on)
        self.load(self.module.id)

    def _finished_text(self) -> None:
        self.finished.setText(_("Finished \u2713 (click to undo)") if self.finished.isChecked()
                              else _("I have finished this lesson"))

    def _link(self, url: QUrl) -> None:
        if url.scheme() != "exercise" or self.module is None:
            return
        target = url.path() or url.toString().split(":", 1)[-1]
        if target == SAFETY_PLAN:  # the person's own plan, not an exercise of the program
            self.open_exercise(SAFETY_PLAN, None, None, None)
            return
        spec = self.module.exercise(target) or self.program.all_exercises().get(target)
        kind = spec["kind"] if spec else target
        self.open_exercise(kind, spec, self.program.id, self.module.id if spec else None)

    def _choose_other(self) -> None:
        self.flush()
        progress.leave(self.ctx.session.store)
        self.module = None
        self.load()

    # --- page life ----------------------------------------------------------------------

    def flush(self) -> None:
        """Count the time spent reading the current lesson."""
        if self._timer.isValid() and self.program and self.module and self.ctx.session:
            progress.add_time(self.ctx.session.store, self.program.id, self.module.id, self._timer.elapsed() // 1000)
        self._timer.invalidate()

    def hideEvent(self, event):  # noqa: N802
        if self.ctx.session:
            self.flush()
        super().hideEvent(event)

    def clear(self) -> None:
        self._timer.invalidate()
        self.program, self.module, self.states = None, None, []
        self.modules.clear()
        self.lesson.clear()
        clear_layout(self.try_row)
        self.homework.clear()
        self.title.clear()
        self.summary.clear()

    def retranslate(self) -> None:
        self.chooser_heading.setText(_("Choose a program"))
        self.chooser_intro.setText(_("A program is a course of weekly modules: a short lesson, exercises to try, "
                                     "and homework. You can work through it at your own pace, on your own or with "
                                     "a clinician. You can stop or change program at any time."))
        self.other.setText(_("Choose another program"))
        self.about_back.setText(_("Back to the programs"))
        self.about_start.setText(_("Start this program"))
        self.about_doc.setAccessibleName(_("About this program"))
        self.modules.setAccessibleName(_("Modules"))
        self.lesson.setAccessibleName(_("Lesson"))
        self.homework.setAccessibleName(_("Homework for this week"))
        self.try_label.setText(_("Try it now"))
        self.plan_button.setText(_("My safety plan"))
        self.homework_label.setText(_("Homework for this week"))
        self._finished_text()
        if self.ctx.session is not None and self.isVisible():
            self.load()

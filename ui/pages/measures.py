"""Measures: what is due, answering by keyboard, and the result in plain words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app import i18n
from app.i18n import _, format_date, format_number
from app.exchange import patient
from app.measures import engine, explain, results
from app.measures.labels import band_label
from app.programs import loader, progress
from ui.questionnaire import Questionnaire
from ui.widgets import action_card, clear_layout, make_label, primary_button, scroll_area

ORDER = ("phq9", "gad7", "wsas", "phq8", "phq2", "gad2")


def _number(total: float) -> str:
    return format_number(int(total) if total == int(total) else round(total, 1))


class MeasuresPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.measure = None
        self.form: Questionnaire | None = None
        self._warned = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 20)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack)
        self._build_overview()
        self._build_answering()
        self._build_result()
        self.retranslate()

    # --- overview -----------------------------------------------------------------------

    def _build_overview(self) -> None:
        page = QWidget()
        self.overview = QVBoxLayout(page)
        self.overview.setContentsMargins(0, 0, 0, 0)
        self.heading = make_label("heading")
        self.intro = make_label("muted")
        self.overview.addWidget(self.heading)
        self.overview.addWidget(self.intro)
        self.cards = QVBoxLayout()
        self.overview.addLayout(self.cards)
        self.overview.addStretch(1)
        scroll = scroll_area(page)
        self.stack.addWidget(scroll)

    def _schedule(self) -> tuple[list[str], list[str]]:
        """(measures to show, those due now): the program's, or the three core ones without a program."""
        store = self.ctx.session.store
        enrolment = progress.active(store)
        program = loader.cached(enrolment.program_id) if enrolment else None
        assigned = [m for m, _due in patient.open_assignments(store)]  # asked for by the clinician
        if program is None or not program.measures:
            shown, due = ["phq9", "gad7", "wsas"], []
        else:
            shown = [m["id"] for m in program.measures]
            due = results.due(store, list(program.measures), enrolment.started_at)
        return shown + [m for m in assigned if m not in shown], due + [m for m in assigned if m not in due]

    def _fill_overview(self) -> None:
        clear_layout(self.cards)
        store = self.ctx.session.store
        shown, due = self._schedule()
        measures = engine.shipped()
        shown = [m for m in shown if m in measures]
        for mid in sorted(shown, key=lambda m: (m not in due, ORDER.index(m) if m in ORDER else 99)):
            m = measures[mid]
            title = make_label("subheading")
            title.setText(m.title)
            last = results.latest(store, mid)
            info = make_label("muted")
            if last is None:
                info.setText(_("Not answered yet."))
            elif last.total is None:
                info.setText(_("Last answered on {date} (not scored).").format(date=format_date(last.taken_at)))
            else:
                info.setText(_("Last answered on {date}: {total} ({band}).").format(
                    date=format_date(last.taken_at), total=_number(last.total), band=band_label(m, last.band)))
            start = primary_button() if mid in due else QPushButton()
            start.setText(_("Answer now (due)") if mid in due else _("Answer now"))
            start.setAccessibleName(_("Answer the {name} now").format(name=m.name))
            start.clicked.connect(lambda _c=False, mm=m: self.start(mm))
            frame = action_card(start, title, info)
            self.cards.addWidget(frame)

    # --- answering ---------------------------------------------------------------------

    def _build_answering(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.form_title = make_label("heading")
        self.form_hint = make_label("muted")
        self.form_note = make_label("muted")
        self.form_scroll = scroll_area()
        self.form_error = make_label("error")
        self.form_error.hide()
        row = QHBoxLayout()
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.show_overview)
        self.submit = primary_button()
        self.submit.clicked.connect(self.finish)
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.submit)
        for w in (self.form_title, self.form_hint, self.form_note, self.form_scroll, self.form_error):
            lay.addWidget(w, 1 if w is self.form_scroll else 0)
        lay.addLayout(row)
        self.stack.addWidget(page)

    def _problem_word(self) -> str:
        enrolment = progress.active(self.ctx.session.store)
        program = loader.cached(enrolment.program_id) if enrolment else None
        # The instrument is shown in its published English, so the word is English too.
        return program.title.lower() if program else "problems"

    def start(self, measure) -> None:
        self.measure = measure
        self._warned = False
        self.form = Questionnaire(measure, self._problem_word())
        self.form_scroll.setWidget(self.form)
        self.form_title.setText(measure.title)
        self.form_error.hide()
        self.form_note.setVisible(i18n.current_language() != "en")
        self.retranslate_form()
        self.stack.setCurrentIndex(1)
        self.form.setFocus(Qt.FocusReason.TabFocusReason)

    def finish(self) -> None:
        if self.form is None or self.ctx.session is None:
            return
        answers = self.form.answers()
        unanswered = sum(a is None for a in answers)
        if unanswered and not self._warned:
            self._warned = True
            self.form_error.setText(_("{count} questions are not answered yet. Answer them if you can, or press "
                                      "the button again to finish anyway.").format(count=unanswered))
            self.form_error.show()
            return
        saved, result = results.save(self.ctx.session.store, self.measure, answers, extra=self.form.extra(),
                                      language="en", validated=True)
        self.show_result(self.measure, result)
        if engine.SUICIDAL_IDEATION in result.flags:
            self.ctx.help_requested.emit(True)

    # --- result ------------------------------------------------------------------------

    def _build_result(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.result_title = make_label("heading")
        self.result_score = make_label("subheading")
        self.result_band = make_label()
        self.result_previous = make_label("muted")
        self.result_change = make_label()
        self.result_professional = make_label("error")
        self.result_note = make_label("muted")
        row = QHBoxLayout()
        self.back = QPushButton()
        self.back.clicked.connect(self.show_overview)
        self.get_help = QPushButton()
        self.get_help.clicked.connect(lambda: self.ctx.help_requested.emit(False))
        row.addWidget(self.back)
        row.addWidget(self.get_help)
        row.addStretch(1)
        for w in (self.result_title, self.result_score, self.result_band, self.result_previous,
                  self.result_change, self.result_professional, self.result_note):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addStretch(1)
        self.stack.addWidget(page)

    def show_result(self, measure, result) -> None:
        self.result_title.setText(_("Your {name} result").format(name=measure.name))
        if result.total is None:
            self.result_score.setText(_("Not scored: {count} questions were not answered.").format(
                count=result.missing))
            self.result_band.setText("")
        else:
            self.result_score.setText(_("{total} out of {maximum}").format(
                total=_number(result.total), maximum=measure.max_total))
            text = explain.band_text(measure.id, result.band)
            if result.screen_positive is not None:
                text = explain.screen_text(result.screen_positive)
            self.result_band.setText(text)
        history = results.history(self.ctx.session.store, measure.id)
        before = [h for h in history[:-1] if h.total is not None]
        self.result_previous.setVisible(bool(before))
        if before:
            self.result_previous.setText(_("Last time ({date}): {total}.").format(
                date=format_date(before[-1].taken_at), total=_number(before[-1].total)))
        can_compare = bool(before) and result.total is not None and measure.reliable_change_points() is not None
        self.result_change.setVisible(can_compare)
        if can_compare:
            first = before[0]
            self.result_change.setText(explain.change_text(
                engine.reliable_change(measure, first.total, result.total), _number(first.total),
                format_date(first.taken_at)))
        professional = explain.recommend_professional(measure.id, result.total)
        self.result_professional.setVisible(professional)
        self.result_professional.setText(_(explain.SEE_A_PROFESSIONAL))
        self.result_note.setText(_(explain.NOT_A_DIAGNOSIS))
        self.stack.setCurrentIndex(2)

    # --- page life -----------------------------------------------------------------------

    def show_overview(self) -> None:
        self.form = None
        self.form_scroll.takeWidget()
        if self.ctx.session is not None:
            self._fill_overview()
        self.stack.setCurrentIndex(0)

    def load(self) -> None:
        if self.stack.currentIndex() == 0:
            self.show_overview()

    def clear(self) -> None:
        self.form = None
        widget = self.form_scroll.takeWidget()
        if widget is not None:
            widget.deleteLater()
        clear_layout(self.cards)
        for w in (self.result_score, self.result_band, self.result_previous, self.result_change):
            w.clear()
        self.stack.setCurrentIndex(0)

    def retranslate_form(self) -> None:
        self.form_hint.setText(_("Type the number of your answer for each question (it moves on by itself), or "
                                 "click. Up and Down arrows move between questions."))
        self.form_note.setText(_("This questionnaire is shown in English, in its published wording: a checked "
                                 "translation is not available yet."))
        self.cancel.setText(_("Cancel"))
        self.submit.setText(_("See my result"))

    def retranslate(self) -> None:
        self.heading.setText(_("Measures"))
        self.intro.setText(_("Short questionnaires help you, and your clinician if you have one, see how things "
                             "change over the weeks. Each takes a few minutes. Nothing is ever required."))
        self.retranslate_form()
        self.back.setText(_("Back to questionnaires"))
        self.get_help.setText(_("Get help now"))
        if self.ctx.session is not None and self.stack.currentIndex() == 0:
            self._fill_overview()

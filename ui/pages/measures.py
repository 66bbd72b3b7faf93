"""Measures: what is due, answering by keyboard, and the result in plain words.

A PHQ-9 item-9 answer above 0 opens Get help now at once (once per answering), and the
result page then keeps a calm safety card whatever the total.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app import i18n
from app.exchange import patient
from app.i18n import _, content, format_date, format_list, format_number, ngettext
from app.measures import engine, explain, results, translations
from app.measures.labels import band_label
from app.programs import loader, progress
from app.reminders import due as what_is_due
from ui import a11y
from ui.crisis_view import chain_tab_order
from ui.questionnaire import Questionnaire
from ui.safety_card import SafetyCard
from ui.widgets import card, clear_layout, fill_card, make_label, primary_button, scroll_area

ORDER = ("phq9", "gad7", "pswq", "phq-panic", "wsas", "phq8", "phq2", "gad2")


def _number(total: float) -> str:
    return format_number(int(total) if total == int(total) else round(total, 1))


class MeasuresPage(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.measure = self.base = self.translation = None
        self.validated = True
        self.form: Questionnaire | None = None
        self._warned = False
        self._help_opened = False  # Get help now already opened for this answering
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
        shown = [m["id"] for m in program.measures] if program is not None and program.measures \
            else ["phq9", "gad7", "wsas"]
        # what is due is Home's and the reminders' answer too (app.reminders.due)
        return (shown + [m for m in assigned if m not in shown],
                what_is_due.questionnaires(store, self.ctx.data_dir / "measures"))

    def _fill_overview(self) -> None:
        clear_layout(self.cards)
        store = self.ctx.session.store
        shown, due = self._schedule()
        measures = self.measures()
        shown = [m for m in shown if m in measures]  # (due lists only what can be shown: app.reminders.due)
        for mid in sorted(shown, key=lambda m: (m not in due, ORDER.index(m) if m in ORDER else 99)):
            m = measures[mid]
            title = make_label("subheading")
            title.setText(m.title)
            last = results.latest(store, mid)
            info = make_label("muted")
            if not m.has_text:
                # A definition without its wording (the WSAS): listed, never offered, and the reason said.
                info.setText(_("Hearth does not include the wording of this questionnaire: its free use is not "
                               "clearly allowed. Your clinic can add its licensed copy; until then it cannot be "
                               "answered here."))
                frame, inner = card()
                fill_card(inner, [title, info], [])
                self.cards.addWidget(frame)
                continue
            if last is None:
                info.setText(_("Not answered yet."))
            elif last.total is None:
                info.setText(_("Last answered on {date} (not scored).").format(date=format_date(last.taken_at)))
            elif m.categorical:
                info.setText(_("Last answered on {date}: {result}.").format(
                    date=format_date(last.taken_at), result=band_label(m, last.band)))
            else:
                info.setText(_("Last answered on {date}: {total} ({band}).").format(
                    date=format_date(last.taken_at), total=_number(last.total), band=band_label(m, last.band)))
            start = primary_button() if mid in due else QPushButton()
            start.setText(_("Answer now (due)") if mid in due else _("Answer now"))
            start.setAccessibleName(_("Answer the {name} now").format(name=m.name))
            start.clicked.connect(lambda _c=False, mm=m: self.start(mm))
            buttons = [start]
            if last is not None:
                every = QPushButton(_("Every answer\u2026"))
                every.setAccessibleName(_("Every time you answered the {name}").format(name=m.name))
                every.clicked.connect(lambda _c=False, mm=m: self.show_history(mm))
                buttons.append(every)
            frame, inner = card()
            fill_card(inner, [title, info], buttons)
            self.cards.addWidget(frame)

    def show_history(self, measure) -> None:
        """The questionnaire's every answer, newest first, with a way to its chart on Progress."""
        from ui.measure_history import MeasureHistoryDialog

        if self.ctx.session is None:
            return
        shell = getattr(self.window(), "shell", None)
        on_chart = (lambda: shell.go("progress")) if shell is not None else None
        MeasureHistoryDialog(self.ctx.session.store, measure, on_chart, self).exec()

    def measures(self) -> dict:
        """The shipped questionnaires, a clinic's own, and shipped ones a clinic completed with its wording."""
        return engine.available(self.ctx.data_dir / "measures")

    # --- answering ---------------------------------------------------------------------

    def _build_answering(self) -> None:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.form_title = make_label("heading")
        self.form_hint = make_label("muted")
        self.form_note = make_label("muted")
        self.wording = QPushButton()
        self.wording.setObjectName("wordingButton")
        self.wording.clicked.connect(self._switch_wording)
        note_row = QHBoxLayout()
        note_row.addWidget(self.form_note, 1)
        note_row.addWidget(self.wording, 0, Qt.AlignmentFlag.AlignTop)
        self.form_scroll = scroll_area()
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from question to question
        self.form_error = make_label("error")
        self.form_error.hide()
        self.form_source = make_label("muted")  # the citation and licence record, under the questions
        row = QHBoxLayout()
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.show_overview)
        self.submit = primary_button()
        self.submit.clicked.connect(self.finish)
        row.addWidget(self.cancel)
        row.addStretch(1)
        row.addWidget(self.submit)
        lay.addWidget(self.form_title)
        lay.addWidget(self.form_hint)
        lay.addLayout(note_row)
        lay.addWidget(self.form_scroll, 1)
        lay.addWidget(self.form_source)
        lay.addWidget(self.form_error)
        lay.addLayout(row)
        self.stack.addWidget(page)

    def _problem_word(self, english: bool) -> str:
        enrolment = progress.active(self.ctx.session.store)
        program = loader.cached(enrolment.program_id) if enrolment else None
        if english:  # the English original: the word stays English too
            return program.title.lower() if program else "problems"
        title = content(program.title) if program else _("problems")
        # Lower case suits English ("my low mood"); in German it would break the nouns.
        return title.lower() if i18n.current_language().startswith("en") else title

    def start(self, measure) -> None:
        """Show ``measure`` in the published translation for this language if there is one, else in English."""
        if not measure.has_text:
            return  # never offered (see _fill_overview); nothing to show without the wording
        self.base = measure
        self._warned = False
        self._help_opened = False
        self.translation = translations.find(measure, i18n.current_language(), self.ctx.data_dir / "measures")
        published = self.translation is not None and self.translation.published
        self._show_form(translations.apply(measure, self.translation) if published else measure)
        self.stack.setCurrentIndex(1)
        self.form.focus_first()

    def _show_form(self, measure) -> None:
        """(Re)build the form in ``measure``'s wording, keeping any answers already given."""
        before = self.form.answers() if self.form is not None else []
        self.measure = measure
        self.validated = measure.language == self.base.language or bool(
            self.translation and self.translation.published)
        self.form = Questionnaire(measure, self._problem_word(measure.language == "en"))
        for row, value in zip(self.form.rows, before):
            row.set_value(value)
        self.form.apply_gate()
        self.form.current_changed.connect(self._keep_in_view)
        self.form.submit_requested.connect(self._submit_by_key)
        self.form.flagged.connect(self._flagged)
        self.form.all_answered.connect(lambda: self.submit.setFocus(Qt.FocusReason.TabFocusReason))
        for row in self.form.rows:
            row.changed.connect(self._update_missing)
        self.form_scroll.setWidget(self.form)
        self.form_title.setText(measure.title)
        self.form_source.setText(self.source_text(measure))
        self.form_error.hide()
        self.retranslate_form()
        # Tab follows what the eye sees: the wording switch, the questions, then Cancel and the result.
        chain_tab_order([self.wording, *self.form.all_rows(), self.cancel, self.submit])

    @staticmethod
    def source_text(measure) -> str:
        """Where the questionnaire comes from and what allows its use (its licence record), in one line."""
        rec = measure.licence
        # Translators: under a questionnaire: its published source, its copyright holder and what allows its use.
        return _("Source: {citation} Copyright: {holder} Use: {statement}").format(
            citation=measure.citation, holder=rec["holder"], statement=rec["statement"])

    def _keep_in_view(self, row) -> None:
        # Some room below, so the next question shows too.
        self.form_scroll.ensureWidgetVisible(row, 0, max(24, min(self.form_scroll.viewport().height() // 4, 120)))

    def _flagged(self, _index: int) -> None:
        """A self-harm answer: Get help now at once, once per answering (not for every change)."""
        if not self._help_opened:
            self._help_opened = True
            self.ctx.help_requested.emit(True)

    def _missing_message(self) -> str:
        missing = self.form.missing()
        numbers = format_list([r.number for r in missing])
        return ngettext(
            "Question {numbers} is not answered yet. Answer it if you can, or press \u201cSee my result\u201d "
            "again to finish anyway.",
            "Questions {numbers} are not answered yet. Answer them if you can, or press \u201cSee my result\u201d "
            "again to finish anyway.", len(missing)).format(numbers=numbers)

    def _show_missing(self) -> None:
        """Say which questions are missing, tie the message to the first and take the person there."""
        text = self._missing_message()
        self.form_error.setText(text)
        self.form_error.show()
        for row in self.form.rows:
            row.set_error("")
        first = self.form.missing()[0]
        first.set_error(text)
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        a11y.announce(self.form_error, text, assertive=True)

    def _update_missing(self) -> None:
        """Keep a shown "not answered" message true as answers come in."""
        if self.form is None or self.form_error.isHidden():
            return
        if self.form.missing():
            self.form_error.setText(self._missing_message())
        else:
            self.form_error.hide()

    def _submit_by_key(self) -> None:
        """Enter: the result when every question is answered; otherwise which ones are missing."""
        if self.form is None:
            return
        if self.form.missing():
            self._show_missing()
            return
        self.finish()

    def _switch_wording(self) -> None:
        """Between the English original and an unofficial translation, at the person's request."""
        if self.translation is None or self.translation.published:
            return
        unofficial = self.measure.language == self.base.language
        self._show_form(translations.apply(self.base, self.translation) if unofficial else self.base)
        self.wording.setFocus()

    def finish(self) -> None:
        if self.form is None or self.ctx.session is None:
            return
        answers = self.form.answers()
        if self.form.missing() and not self._warned:
            self._warned = True
            self._show_missing()
            return
        saved, result = results.save(self.ctx.session.store, self.measure, answers, extra=self.form.extra(),
                                      language=self.measure.language, validated=self.validated)
        self.show_result(self.measure, result)
        if engine.SUICIDAL_IDEATION in result.flags:
            self._flagged(-1)  # opens Get help now unless the answer already did

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
        self.safety_card = SafetyCard(self.ctx)
        self.safety_card.hide()
        row = QHBoxLayout()
        self.back = QPushButton()
        self.back.clicked.connect(self.show_overview)
        self.get_help = QPushButton()
        self.get_help.clicked.connect(lambda: self.ctx.help_requested.emit(False))
        row.addWidget(self.back)
        row.addWidget(self.get_help)
        row.addStretch(1)
        for w in (self.result_title, self.result_score, self.safety_card, self.result_band, self.result_previous,
                  self.result_change, self.result_professional, self.result_note):
            lay.addWidget(w)
        lay.addLayout(row)
        lay.addStretch(1)
        self.result_scroll = scroll_area(page)
        self.result_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.stack.addWidget(self.result_scroll)

    def show_result(self, measure, result) -> None:
        self.result_title.setText(_("Your {name} result").format(name=measure.name))
        if result.total is None:
            self.result_score.setText(ngettext("Not scored: {count} question was not answered.",
                                               "Not scored: {count} questions were not answered.",
                                               result.missing).format(
                count=result.missing))
            self.result_band.setText("")
        elif measure.categorical:
            self.result_score.setText(band_label(measure, result.band))
            self.result_band.setText(explain.band_text(measure.id, result.band))
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
        flagged = engine.SUICIDAL_IDEATION in result.flags
        self.safety_card.setVisible(flagged)
        if flagged:
            self.safety_card.refresh()
        chain_tab_order([*(self.safety_card.focus_chain() if flagged else []), self.back, self.get_help])
        self.stack.setCurrentIndex(2)
        self.result_scroll.verticalScrollBar().setValue(0)
        # Focus starts at the top: on the emergency line after a self-harm answer, else on "Back".
        (self.safety_card.resources.emergency if flagged else self.back).setFocus(Qt.FocusReason.OtherFocusReason)
        if self.result_band.text():
            # Translators: spoken by a screen reader when a questionnaire result appears: the heading, the
            # score, then what it means.
            spoken = _("{title}. {score}. {meaning}").format(
                title=self.result_title.text(), score=self.result_score.text(), meaning=self.result_band.text())
        else:
            # Translators: spoken by a screen reader when a result without a score appears.
            spoken = _("{title}. {score}").format(title=self.result_title.text(), score=self.result_score.text())
        a11y.announce(self, spoken)
        if flagged:
            a11y.announce(self, self.safety_card.spoken())

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
        self.safety_card.hide()
        self.safety_card.resources.show_clinicians()  # nothing of the person's pairing stays while locked
        self.stack.setCurrentIndex(0)

    def retranslate_form(self) -> None:
        self.form_hint.setText(_("Type the number shown beside your answer (it moves on to the next question by "
                                 "itself), or click it. Up and Down arrows move between questions, Left and Right "
                                 "change the answer, and Enter shows your result once every question is answered."))
        self.cancel.setText(_("Cancel"))
        self.submit.setText(_("See my result"))
        if self.measure is None:
            self.wording.setText(_("Show an unofficial translation"))
            self.wording.hide()
            return
        english = self.measure.language == self.base.language
        own_language = i18n.current_language().split("_")[0] == self.base.language
        if not self.validated:
            note = _("This is an unofficial translation, not the published wording of the questionnaire. Your "
                     "result will be marked as answered in an unvalidated translation.")
        elif english and not own_language:
            note = _("This questionnaire is shown in English, in its published wording: a checked translation is "
                     "not available yet.")
        else:
            note = ""
        self.form_note.setText(note)
        self.form_note.setVisible(bool(note))
        self.wording.setVisible(self.translation is not None and not self.translation.published)
        self.wording.setText(_("Show the English original") if not english else _("Show an unofficial translation"))

    def retranslate(self) -> None:
        self.heading.setText(_("Measures"))
        self.intro.setText(_("Short questionnaires help you, and your clinician if you have one, see how things "
                             "change over the weeks. Each takes a few minutes. Nothing is ever required."))
        self.retranslate_form()
        self.back.setText(_("Back to questionnaires"))
        self.get_help.setText(_("Get help now"))
        if self.ctx.session is not None and self.stack.currentIndex() == 0:
            self._fill_overview()
        if self.ctx.session is not None and not self.safety_card.isHidden():
            self.safety_card.refresh()

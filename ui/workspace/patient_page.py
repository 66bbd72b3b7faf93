"""One patient in the workspace: what changed, charts, check-ins, entries to comment on, messages, actions."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.exchange import clinic, outbox, readable, workspace
from app.i18n import _, format_number, ngettext
from app.measures import engine
from ui.charts import card as chart_card
from ui.charts import specs
from ui.exchange.button_row import ButtonRow
from ui.exchange.common import show_error, to_reading_edge
from ui.exchange.flows import suggested_name, write_package
from ui.exchange.messages import MessageThread
from ui.turns import TURN_MS
from ui.widgets import card, clear_layout, make_label, primary_button, scrolled_page, text_card
from ui.workspace.dialogs import AssignDialog, UnlockDialog
from ui.workspace.entries import EntryCard
from ui.workspace.guidance_clock import GuidanceClock
from ui.workspace.outcome_card import OutcomeCard
from ui.worker import run_async

ENTRIES_SHOWN = 10  # the newest entries at first; "Show older entries" adds as many again
ENTRY_BATCH = 2  # entry cards built per turn of the event loop
# Each step of building the page waits for a real timer, not a zero one: a zero timer runs in the same turn
# of the event loop as the layout and painting of the step before, so the steps added up into one long block.
YIELD_MS = TURN_MS
MAX_CHANGED = 12


def _read(store, contact_id: str):
    """Everything the page shows of one patient (no Qt: runs in a worker)."""
    from app.exchange import outcomes

    detail = workspace.patient_detail(store, contact_id)
    return detail, workspace.row_of(detail), outcomes.patient_outcome(store, contact_id)


def workspace_chart(ctx, contact, results: list[dict], measure) -> chart_card.ChartSpec:
    """The patient's Progress chart for one measure, fed from the records their files carried."""
    base = specs.measure_spec(ctx, measure)

    def texts(series):
        title, note, legend = base.texts(series)
        if legend:
            legend[0] = (legend[0][0], legend[0][1], _("Scores"))
        return title, note, legend

    return dataclasses.replace(base, key=f"ws:{contact.id}:{contact.in_sequence}:measure:{measure.id}",
                               fetch=lambda _store: clinic.measure_series(results, measure), texts=texts)


class PatientPage(QWidget):
    changed = Signal()
    loaded = Signal()  # the charts and entry cards of the patient just opened are all built

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id: str | None = None
        self._entries_for: tuple = (None, 0)  # which load() the charts and cards being added belong to
        self.loading = False
        self.detail = None
        self.charts: list[chart_card.ChartCard] = []
        self.entries: list[EntryCard] = []
        self.setObjectName("page-patient")
        self.body, lay = scrolled_page(self, top=20, spacing=14, long=True)
        top = QHBoxLayout()
        self.back = QPushButton()
        top.addWidget(self.back)
        top.addStretch(1)
        lay.addLayout(top)
        self.heading = make_label("heading")
        self.fingerprint = make_label("muted", selectable=True)  # the full one is on the pairing dialog
        self.flags = make_label("error")
        self.withheld = make_label("subheading")  # categories the patient left out: before anything else
        self.withheld.setObjectName("withheld")
        lay.addWidget(self.heading)
        lay.addWidget(self.fingerprint)
        lay.addWidget(self.flags)
        lay.addWidget(self.withheld)
        actions = ButtonRow()
        self.unlock = QPushButton()
        self.assign = QPushButton()
        self.send = primary_button()
        self.report = QPushButton()
        self.save_pdf = QPushButton()
        self.unlock.clicked.connect(self._unlock)
        self.assign.clicked.connect(self._assign)
        self.send.clicked.connect(self._send)
        self.report.clicked.connect(self._print_report)
        self.save_pdf.clicked.connect(self._save_report)
        for b in (self.unlock, self.assign, self.send, self.report, self.save_pdf):
            actions.addWidget(b)
        lay.addWidget(actions)
        self.pending = make_label("muted")
        lay.addWidget(self.pending)

        frame, self.changed_title, self.changed_text = text_card()
        lay.addWidget(frame)
        frame, self.plan_title, self.plan_text = text_card()
        frame.setObjectName("safetyPlan")
        lay.addWidget(frame)
        self.outcome = OutcomeCard(ctx)
        lay.addWidget(self.outcome)
        self.clock = GuidanceClock(ctx, QApplication.instance(), self)
        self.charts_box = QVBoxLayout()
        lay.addLayout(self.charts_box)
        frame, self.checkins_title, self.checkins_text = text_card()
        lay.addWidget(frame)
        self.entries_title = make_label("subheading")
        self.entries_empty = make_label("muted")
        lay.addWidget(self.entries_title)
        lay.addWidget(self.entries_empty)
        self.entries_box = QVBoxLayout()
        lay.addLayout(self.entries_box)
        older_row = QHBoxLayout()
        self.older = QPushButton()
        self.older.clicked.connect(self._show_older)
        self.older.hide()
        older_row.addWidget(self.older)
        older_row.addStretch(1)
        lay.addLayout(older_row)
        frame, inner = card()
        self.thread = MessageThread(ctx)
        self.thread.add.clicked.connect(self._update_pending)
        inner.addWidget(self.thread)
        lay.addWidget(frame)
        lay.addStretch(1)
        self.retranslate()

    # --- data ---------------------------------------------------------------------------

    def open(self, contact_id: str) -> None:
        """Read the patient's records in a worker, then show them: the window stays responsive (at 100
        patients reading and building the page at once held it for 0.4 s). ``loading`` until all is shown."""
        session = self.ctx.session
        if session is None:
            return
        self.flush()
        self.contact_id = contact_id
        self.loading = True
        self._entries_for = (contact_id, self._entries_for[1] + 1)
        asked = self._entries_for
        self._clear_built()
        for w in (self.flags, self.withheld, self.changed_text, self.plan_text, self.checkins_text, self.pending):
            w.clear()
        contact = self._contact()  # the name at once; the rest when read
        self.heading.setText(contact.display_name if contact else "")

        def done(data) -> None:
            if asked == self._entries_for and self.ctx.session is session:
                self._show(contact_id, *data)

        def failed(exc) -> None:
            if asked == self._entries_for and self.ctx.session is session:
                self.loading = False
                show_error(self, exc, _("Patient not opened"))

        run_async(lambda: _read(session.store, contact_id), done, failed, self)

    def load(self, contact_id: str) -> None:
        """The same as :meth:`open`, reading on this thread (a refresh of the patient already shown)."""
        if self.ctx.session is None:
            return
        self.flush()
        self.contact_id = contact_id
        self._show(contact_id, *_read(self.ctx.session.store, contact_id))

    def _show(self, contact_id: str, d, row, outcome) -> None:
        self.detail = d
        self.heading.setText(d.contact.display_name)
        to_reading_edge(self.heading, self.fingerprint)
        self.fingerprint.setText(_("Fingerprint: {fingerprint}").format(fingerprint=d.contact.fingerprint))
        lines = ["\u26a0 " + readable.flag_word(f) for f in (row.flags if row else ())]
        if row and row.item9:  # every answer above 0, newest first, even when the newest is 0 again
            if workspace.SUICIDAL not in row.flags:
                lines.append(readable.flag_word(workspace.SUICIDAL))
            lines += ["    " + readable.item9_answer(*a) for a in row.item9]
        self.flags.setText("\n".join(lines))
        self.flags.setVisible(bool(lines))
        self.withheld.setText(readable.withheld_text(d.withheld))
        self.withheld.setVisible(bool(d.withheld))
        self._fill_changed()
        self._fill_plan()
        self.outcome.load(contact_id, outcome)
        if self.isVisible() and self.clock.contact_id != contact_id:
            self.clock.start(contact_id)
        self._fill_checkins()
        self.thread.set_contact(d.contact)
        self._update_pending()
        # The charts and the entry cards follow after the page has shown, a few at a time: built all at
        # once they held the window for 0.4 s at 100 patients. ``loading`` is True until they are all there.
        self._clear_built()
        self.loading = True
        self._entries_for = (contact_id, self._entries_for[1] + 1)
        asked = self._entries_for
        QTimer.singleShot(YIELD_MS, self, lambda: self._build_charts(asked))  # not once the page is gone

    def _stale(self, asked) -> bool:
        """Another patient (or the same one again) was opened, or the page cleared, since ``asked``."""
        return asked != self._entries_for or self.detail is None

    def _build_charts(self, asked) -> None:
        if self._stale(asked):
            return
        self._fill_charts()
        self._order_tabs()
        QTimer.singleShot(YIELD_MS, self, lambda: self._fill_entries(asked))

    def _order_tabs(self) -> None:
        """Tab follows the page from top to bottom: the charts and entries made on load come before the
        messages, as they are shown (Qt would otherwise put them last, in the order they were made)."""
        chain = [self.back, self.unlock, self.assign, self.send, self.report, self.save_pdf]
        for holder in (self.outcome, *self.charts, *self.entries):
            chain += [w for w in holder.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        chain.append(self.older)
        for holder in (self.thread,):
            chain += [w for w in holder.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _fill_changed(self) -> None:
        d = self.detail
        if not d.contact.in_sequence:
            self.changed_text.setText(_("No progress file received yet. Choose \u201cOpen progress file\u201d on the "
                                        "patient list when {name} sends one.").format(name=d.contact.display_name))
            return
        lines = [_("File received {when}.").format(when=readable.when(d.contact.in_at))]
        for section, records in d.changed.items():
            lines.append("")
            lines.append(readable.count_text(section, len(records)))
            lines += ["  \u2022 " + readable.describe(section, r) for r in records[-MAX_CHANGED:]]
        if not d.changed:
            lines.append(_("Nothing changed in the newest file."))
        self.changed_text.setText("\n".join(lines))

    def _fill_plan(self) -> None:
        d = self.detail
        sections = readable.safety_plan(d.safety_plan)
        if sections:
            self.plan_text.setText("\n\n".join(f"{heading}\n{body}" for heading, body in sections))
        else:
            self.plan_text.setText(_("{name} has not shared a safety plan. They can share it with their next "
                                     "progress file; you could talk about making one together.").format(
                name=d.contact.display_name))

    def _fill_charts(self) -> None:
        shipped = engine.shipped()
        for mid, results in self.detail.measures.items():
            if mid in shipped and any(r["total"] is not None for r in results):
                c = chart_card.ChartCard(self.ctx, workspace_chart(self.ctx, self.detail.contact, results,
                                                                   shipped[mid]))
                c.table.setTabKeyNavigation(False)  # the chart's table view: Tab moves on, not between cells
                self.charts_box.addWidget(c)
                self.charts.append(c)  # drawn once the entry cards are in (see _add_entries)

    def _fill_checkins(self) -> None:
        s = clinic.checkin_summary(self.detail.checkins)
        if not s["count"]:
            self.checkins_text.setText(_("No check-ins received yet."))
            return
        head = ngettext("{count} check-in: average mood {average} out of 10 (lowest {low}, highest {high}).",
                        "{count} check-ins: average mood {average} out of 10 (lowest {low}, highest {high}).",
                        s["count"]).format(count=format_number(s["count"]), average=format_number(s["average"]),
                                           low=format_number(s["low"]), high=format_number(s["high"]))
        recent = [readable.describe("checkins", c) for c in self.detail.checkins[-7:]]
        self.checkins_text.setText("\n".join([head, *recent]))

    def _clear_built(self) -> None:
        for c in self.charts:
            c.clear()
            c.hide()
            c.deleteLater()
        self.charts = []
        self.entries = []
        clear_layout(self.entries_box)

    def _fill_entries(self, asked) -> None:
        """The newest entries first, a few cards per turn of the event loop, newest at the top."""
        if self._stale(asked):
            return
        waiting = list(reversed(self.detail.homework))[:ENTRIES_SHOWN]
        self.entries_empty.setVisible(not waiting)
        self.older.hide()
        self._add_entries(waiting, asked)

    def _show_older(self) -> None:
        """The next entries, older ones, below those shown (focus stays where the clinician was reading)."""
        if self.detail is None or self.loading:
            return
        shown = len(self.entries)
        waiting = list(reversed(self.detail.homework))[shown:shown + ENTRIES_SHOWN]
        if waiting:
            self.loading = True
            self.older.hide()
            self._add_entries(waiting, self._entries_for)

    def _older_text(self) -> None:
        left = len(self.detail.homework) - len(self.entries) if self.detail else 0
        self.older.setVisible(left > 0)
        if left > 0:
            self.older.setText(ngettext("Show {count} older entry", "Show {count} older entries",
                                        min(left, ENTRIES_SHOWN)).format(count=format_number(min(left, ENTRIES_SHOWN))))

    def _add_entries(self, waiting: list[dict], asked) -> None:
        if self._stale(asked):
            return
        for e in waiting[:ENTRY_BATCH]:
            w = EntryCard(self.ctx, self.detail.contact, e)
            w.commented.connect(self._update_pending)
            self.entries_box.addWidget(w)
            self.entries.append(w)
        rest = waiting[ENTRY_BATCH:]
        if rest:
            QTimer.singleShot(YIELD_MS, self, lambda: self._add_entries(rest, asked))
            return
        self._older_text()
        self._order_tabs()
        for c in self.charts:
            if c.data is None:
                # Drawn now, not as they were added: matplotlib in a worker holds Python's lock, and every call
                # Qt makes into Python while it lays the new cards out and paints them (the style, the labels'
                # heights) waited for it, so the page held the window twice as long while both went on.
                c.refresh()
        self.loading = False
        self.loaded.emit()

    def _update_pending(self) -> None:
        if self.ctx.session is None or self.detail is None:
            return
        counts = clinic.pending_counts(self.ctx.session.store, self.detail.contact)
        self.pending.setText(_("Waiting for your next feedback file: {what}.").format(
            what=readable.counts_text(counts)) if counts else _("Nothing new waits for the next feedback file."))

    def _contact(self):
        from app.exchange import contacts

        return contacts.get(self.ctx.session.store, self.contact_id) if self.ctx.session and self.contact_id else None

    # --- actions -------------------------------------------------------------------------

    def _unlock(self) -> None:
        program = clinic.active_program(self.detail.progress) if self.detail else None
        modules = clinic.lockable_modules(program)
        if not modules:
            QMessageBox.information(self, _("Unlock a module"), _(
                "There is no locked module to open: {name} has not shared a program yet, or every module is "
                "already open.").format(name=self.detail.contact.display_name if self.detail else ""))
            return
        dlg = UnlockDialog(self.detail.contact.display_name, modules, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.value():
            outbox.add_unlock(self.ctx.session.store, self.detail.contact, program["program_id"], dlg.value())
            self._update_pending()

    def _assign(self) -> None:
        if self.detail is None:
            return
        dlg = AssignDialog(self.detail.contact.display_name, self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.value():
            outbox.add_assignment(self.ctx.session.store, self.detail.contact, dlg.value(), dlg.due_date())
            self._update_pending()

    def _send(self) -> None:
        self.flush()
        contact = self._contact()
        if contact is None:
            return
        done = write_package(self, self.ctx, contact, suggested_name("feedback"))
        if done is not None:
            QMessageBox.information(self, _("Feedback saved"), _(
                "The feedback file for {name} was saved: {what}. Give it to them, or let the sync folder carry "
                "it.").format(name=contact.display_name, what=readable.counts_text(done.counts)))
            self._update_pending()
            self.changed.emit()

    def _print_report(self) -> None:
        from ui.workspace.report import print_report

        if self.contact_id:
            print_report(self, self.ctx, self.contact_id)

    def _save_report(self) -> None:
        from ui.workspace.report import save_report

        if self.contact_id:
            save_report(self, self.ctx, self.contact_id)

    # --- page life ----------------------------------------------------------------------

    def flush(self) -> None:
        """A comment typed but not added is added before leaving (nothing typed is lost); the visit's
        guidance time so far is written."""
        self.clock.save()
        for e in self.entries:
            if e.pending_text().strip():
                e.add_comment()

    def showEvent(self, event):  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.contact_id and not self.clock.running:
            self.clock.start(self.contact_id)  # a new visit: guidance time counts while the page is in use

    def hideEvent(self, event):  # noqa: N802 - Qt override
        self.clock.stop()
        super().hideEvent(event)

    def clear(self) -> None:
        self.clock.stop()
        self.contact_id = None
        self.detail = None
        self._entries_for = (None, self._entries_for[1] + 1)  # charts and cards still to come are dropped
        self.loading = False
        self._clear_built()
        self.thread.clear()
        for w in (self.heading, self.fingerprint, self.flags, self.changed_text, self.checkins_text, self.pending):
            w.clear()

    def retranslate(self) -> None:
        self.back.setText(_("Back to all patients"))
        self.back.setAccessibleName(_("Back to the list of patients"))
        self.unlock.setText(_("Unlock next module\u2026"))
        self.assign.setText(_("Assign a questionnaire\u2026"))
        self.send.setText(_("Send feedback\u2026"))
        self.send.setAccessibleName(_("Save the feedback file for this patient"))
        self.report.setText(_("Print report\u2026"))
        self.report.setAccessibleName(_("Print a report on this patient"))
        self.save_pdf.setText(_("Save report as PDF\u2026"))
        self.save_pdf.setAccessibleName(_("Save a report on this patient as a PDF file (not encrypted)"))
        self.changed_title.setText(_("What changed since the last file"))
        self.checkins_title.setText(_("Daily check-ins"))
        self.plan_title.setText(_("Safety plan"))
        self.outcome.retranslate()
        self.entries_title.setText(_("Homework and exercise entries"))
        self.entries_empty.setText(_("No entries shared yet."))
        self.older.setText(_("Show older entries"))
        self.thread.retranslate()
        if self.contact_id and self.ctx.session is not None:
            self.load(self.contact_id)

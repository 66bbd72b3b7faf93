"""The patient's Clinician page: pairing, sending progress, feedback, messages, own card, sync folder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QWidget

from app import preferences
from app.exchange import patient, readable
from app.i18n import _
from ui.exchange.audit_view import AuditDialog
from ui.exchange.button_row import ButtonRow
from ui.exchange.common import fingerprint_label, grouped, spoken, to_reading_edge
from ui.exchange.flows import import_flow
from ui.exchange.messages import MessageThread
from ui.exchange.pairing import pair_flow
from ui.exchange.panels import OwnCardPanel, SyncFolderPanel
from ui.exchange.send_progress import SendProgressDialog
from ui.widgets import EmptyState, card, make_label, primary_button, scrolled_page


class ClinicianPage(QWidget):
    changed = Signal()  # something arrived or was sent: other pages may refresh

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.contact = None
        self.setObjectName("page-messages")
        _body, lay = scrolled_page(self, spacing=14)
        self.heading = make_label("heading")
        lay.addWidget(self.heading)
        self.empty = EmptyState()
        self.pair = primary_button()
        self.pair.clicked.connect(self._pair)
        lay.addWidget(self.empty)
        row = QHBoxLayout()
        row.addWidget(self.pair)
        row.addStretch(1)
        lay.addLayout(row)

        self.details_frame, d = card()
        self.name = make_label("subheading")
        self.details = make_label(selectable=True)
        self.fp_label = make_label("muted")
        self.fingerprint = fingerprint_label(1.4)
        self.status = make_label("muted")
        for w in (self.name, self.details, self.fp_label, self.fingerprint, self.status):
            d.addWidget(w)
        actions = ButtonRow()
        self.send = primary_button()
        self.open = QPushButton()
        self.log = QPushButton()
        self.send.clicked.connect(self.send_progress)
        self.open.clicked.connect(self._open)
        self.log.clicked.connect(self._log)
        for b in (self.send, self.open, self.log):
            actions.addWidget(b)
        d.addWidget(actions)
        self.reminder = QCheckBox()
        self.reminder.toggled.connect(self._reminder_toggled)
        d.addWidget(self.reminder)
        lay.addWidget(self.details_frame)

        self.unlocks_frame, u = card()
        self.unlocks_title = make_label("subheading")
        self.unlocks = make_label()
        u.addWidget(self.unlocks_title)
        u.addWidget(self.unlocks)
        lay.addWidget(self.unlocks_frame)

        self.thread_frame, t = card()
        self.thread = MessageThread(ctx)
        t.addWidget(self.thread)
        lay.addWidget(self.thread_frame)

        self.own = OwnCardPanel(ctx)
        self.sync = SyncFolderPanel(ctx)
        lay.addWidget(self.own)
        lay.addWidget(self.sync)
        lay.addStretch(1)
        self.retranslate()

    # --- data ---------------------------------------------------------------------

    def load(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        self.contact = patient.clinician(session.store)
        paired = self.contact is not None
        for w in (self.details_frame, self.thread_frame):
            w.setVisible(paired)
        self.empty.setVisible(not paired)
        self.thread.set_contact(self.contact)
        self.own.load()
        self.sync.load()
        self._fill()

    def _fill(self) -> None:
        c = self.contact
        session = self.ctx.session
        if c is None or session is None:
            self.unlocks_frame.hide()
            self.pair.setText(_("Pair with my clinician\u2026"))
            return
        self.pair.setText(_("Pair with another clinician\u2026"))
        self.name.setText(c.display_name)
        to_reading_edge(self.name, self.details, self.fingerprint)
        lines = [v for v in (c.clinic, c.phone, c.email, c.about) if v]
        self.details.setText("\n".join(lines))
        self.details.setVisible(bool(lines))
        self.fingerprint.setText(grouped(c.fingerprint))
        self.fingerprint.setAccessibleName(_("Fingerprint of {name}: {digits}").format(
            name=c.display_name, digits=spoken(c.fingerprint)))
        sent = patient.last_sent_at(session.store, c.id)
        parts = [_("Last progress sent: {when}.").format(when=readable.when(sent.isoformat())) if sent
                 else _("You have not sent any progress yet.")]
        if c.in_at:
            parts.append(_("Last feedback opened: {when}.").format(when=readable.when(c.in_at)))
        self.status.setText(" ".join(parts))
        self.reminder.blockSignals(True)
        self.reminder.setChecked(bool(self.ctx.prefs.progress_reminder))
        self.reminder.blockSignals(False)
        unlocked = patient.unlocked_modules(session.store)
        self.unlocks_frame.setVisible(bool(unlocked))
        self.unlocks.setText("\n".join(_("{module} ({program}), opened {when}").format(
            module=readable.module_title(p, m), program=readable.program_title(p), when=readable.when(t))
            for p, m, t in unlocked))

    # --- actions ----------------------------------------------------------------------

    def _pair(self) -> None:
        if pair_flow(self, self.ctx.session):
            self.load()
            self.changed.emit()

    def send_progress(self) -> None:
        if self.contact is None:
            return
        dlg = SendProgressDialog(self.ctx, self.contact, self)
        dlg.exec()
        if dlg.exported is not None:
            self.load()
            self.changed.emit()

    def _open(self) -> None:
        import_flow(self, self.ctx, lambda _r: (self.load(), self.changed.emit()),
                    _("Open a feedback file from your clinician"))

    def _log(self) -> None:
        AuditDialog(self.ctx, self).exec()

    def _reminder_toggled(self, on: bool) -> None:
        if self.ctx.session is not None:
            self.ctx.prefs = preferences.save(self.ctx.session.store, progress_reminder=int(on))
            self.changed.emit()

    def clear(self) -> None:
        self.contact = None
        self.thread.clear()
        self.own.clear()
        self.sync.clear()
        for w in (self.name, self.details, self.fingerprint, self.status, self.unlocks):
            w.clear()

    def retranslate(self) -> None:
        self.heading.setText(_("Your clinician"))
        self.empty.set_texts(_("You are not paired with a clinician"), _(
            "If you work with a clinician, Hearth can share your progress with them in an encrypted file, and "
            "open their feedback. Ask them for their Hearth card file (on a USB stick or by e-mail), then choose "
            "\u201cPair with my clinician\u201d and compare the fingerprint with them by phone or in person. "
            "You decide what to share each time."))
        self.pair.setAccessibleName(_("Pair with my clinician using their card file"))
        self.fp_label.setText(_("Their fingerprint:"))
        self.send.setText(_("Send progress\u2026"))
        self.send.setAccessibleName(_("Send progress to your clinician"))
        self.open.setText(_("Open feedback file\u2026"))
        self.open.setAccessibleName(_("Open a feedback file from your clinician"))
        self.log.setText(_("Exchange log\u2026"))
        self.log.setAccessibleName(_("Show every file sent and received"))
        self.reminder.setText(_("Remind me on Home when I have not sent progress for a week"))
        self.reminder.setAccessibleName(self.reminder.text())
        self.unlocks_title.setText(_("Modules your clinician opened for you"))
        for w in (self.thread, self.own, self.sync):
            w.retranslate()
        if self.ctx.session is not None:
            self._fill()
        else:
            self.pair.setText(_("Pair with my clinician\u2026"))

"""A patient's outcomes on their page: scores, reliable change, recovery, modules, weeks, guidance time and
whether treatment ended; with the dialogs to add guidance time and to record the end of treatment."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QPushButton,
                               QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from app.exchange import endings, guidance, outcome_words, outcomes
from app.exchange.errors import ExchangeError
from app.i18n import _
from ui.exchange.button_row import ButtonRow
from ui.exchange.common import show_error
from ui.widgets import card, make_label


class OutcomeCard(QWidget):
    changed = Signal()  # guidance time or the ending changed: the clinic's figures move

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id: str | None = None
        self.outcome: outcomes.PatientOutcome | None = None
        self.setObjectName("outcomeCard")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        frame, inner = card()
        lay.addWidget(frame)
        self.title = make_label("subheading")
        self.text = make_label(selectable=True)
        inner.addWidget(self.title)
        inner.addWidget(self.text)
        buttons = ButtonRow()
        self.add_time = QPushButton()
        self.ending = QPushButton()
        self.add_time.clicked.connect(self._guidance)
        self.ending.clicked.connect(self._ending)
        buttons.addWidget(self.add_time)
        buttons.addWidget(self.ending)
        inner.addWidget(buttons)
        self.retranslate()

    def load(self, contact_id: str, outcome: outcomes.PatientOutcome | None = None) -> None:
        """Show ``contact_id``'s outcomes (``outcome``: already worked out, e.g. in a worker)."""
        self.contact_id = contact_id
        self.outcome = outcome or outcomes.patient_outcome(self.ctx.session.store, contact_id)
        lines = outcome_words.summary(self.outcome)
        self.text.setText("\n".join(_("{label}: {value}").format(label=label, value=value)
                                    for label, value in lines))
        self.ending.setText(_("Reopen treatment") if self.outcome.ending else _("Record the end of treatment\u2026"))

    def _reload(self) -> None:
        if self.contact_id and self.ctx.session is not None:
            self.load(self.contact_id)
            self.changed.emit()

    def _guidance(self) -> None:
        dialog = GuidanceDialog(self.outcome.guidance.minutes if self.outcome else 0, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        store = self.ctx.session.store
        try:
            if dialog.correct.isChecked():
                guidance.set_total(store, self.contact_id, dialog.minutes.value())
            else:
                guidance.add_manual(store, self.contact_id, dialog.minutes.value(), dialog.day.date().toPython())
        except (ValueError, ExchangeError) as exc:
            show_error(self, exc, _("Guidance time not changed"))
            return
        self._reload()

    def _ending(self) -> None:
        store = self.ctx.session.store
        if self.outcome and self.outcome.ending:
            endings.reopen(store, self.contact_id)
            self._reload()
            return
        dialog = EndingDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            endings.record(store, self.contact_id, dialog.reason.currentData(), dialog.day.date().toPython())
        except (ValueError, ExchangeError) as exc:
            show_error(self, exc, _("End of treatment not recorded"))
            return
        self._reload()

    def retranslate(self) -> None:
        self.title.setText(_("Outcomes"))
        self.add_time.setText(_("Guidance time\u2026"))
        self.add_time.setAccessibleName(_("Add or correct the guidance time for this patient"))
        if self.contact_id and self.ctx.session is not None:
            self.load(self.contact_id)
        else:
            self.ending.setText(_("Record the end of treatment\u2026"))


class GuidanceDialog(QDialog):
    """Add minutes spent outside the page (a call, a letter), or say what the total really is."""

    def __init__(self, total_minutes: int, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Guidance time"))
        lay = QVBoxLayout(self)
        intro = make_label()
        intro.setText(_("Time on this patient's page is counted while you work on it. Add time spent elsewhere "
                        "(a telephone call, a letter), or correct the total. So far: {minutes}.").format(
            minutes=_("{count} min").format(count=total_minutes)))
        lay.addWidget(intro)
        self.add = QRadioButton(_("Add time spent"))
        self.correct = QRadioButton(_("Correct the total to"))
        self.add.setChecked(True)
        lay.addWidget(self.add)
        lay.addWidget(self.correct)
        form = QFormLayout()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, guidance.MAX_ENTRY_MINUTES)
        self.minutes.setValue(15)
        self.minutes.setSuffix(" " + _("min"))
        self.minutes.setAccessibleName(_("Minutes"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setAccessibleName(_("Day"))
        form.addRow(_("Minutes"), self.minutes)
        form.addRow(_("Day"), self.day)
        lay.addLayout(form)

        def mode(_on=None) -> None:
            adding = self.add.isChecked()
            self.minutes.setRange(1 if adding else 0, guidance.MAX_ENTRY_MINUTES if adding else guidance.MAX_TOTAL_MINUTES)
            self.minutes.setValue(15 if adding else total_minutes)
            self.day.setEnabled(adding)

        self.add.toggled.connect(mode)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.minutes.setFocus(Qt.FocusReason.OtherFocusReason)


class EndingDialog(QDialog):
    """Why and when treatment ended (NICE asks services to report reasons for stopping)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("End of treatment"))
        lay = QVBoxLayout(self)
        intro = make_label()
        intro.setText(_("Record that this patient's treatment ended. The Outcomes page can then count only ended "
                        "treatments. Nothing is sent to the patient, and you can reopen it."))
        lay.addWidget(intro)
        form = QFormLayout()
        self.reason = QComboBox()
        for key in endings.REASONS:
            self.reason.addItem(_(endings.REASON_LABELS[key]), key)
        self.reason.setAccessibleName(_("Reason"))
        self.day = QDateEdit(QDate(date.today()))
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate.currentDate())
        self.day.setAccessibleName(_("Date treatment ended"))
        form.addRow(_("Reason"), self.reason)
        form.addRow(_("Date treatment ended"), self.day)
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

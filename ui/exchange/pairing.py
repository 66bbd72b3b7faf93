"""Pairing: choose a card file, compare its fingerprint, confirm or cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from app.exchange import card as cards
from app.exchange.errors import ExchangeError, PairingDeclined
from app.i18n import _
from ui.exchange.common import card_filter, fingerprint_label, grouped, open_file, show_error, spoken
from ui.widgets import make_label


class PairDialog(QDialog):
    """Who the card belongs to and its fingerprint, in large grouped digits; Confirm or Cancel."""

    def __init__(self, found: cards.Card, parent=None):
        super().__init__(parent)
        self.setObjectName("pairDialog")
        self.setWindowTitle(_("Compare the fingerprint"))
        self.setMinimumWidth(460)
        lay = QVBoxLayout(self)
        self.intro = make_label()
        lay.addWidget(self.intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [(_("Name:"), found.name)]
        if found.role == "clinician":
            rows += [(_("Clinic:"), found.clinic), (_("Phone:"), found.phone), (_("E-mail:"), found.email),
                     (_("About:"), found.about)]
        for label, value in rows:
            if value:
                field = make_label(selectable=True)
                field.setText(value)
                form.addRow(label, field)
        lay.addLayout(form)
        self.fingerprint = fingerprint_label(1.8)
        self.fingerprint.setText(grouped(found.fingerprint))
        self.fingerprint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fingerprint.setAccessibleName(_("Fingerprint: {digits}").format(digits=spoken(found.fingerprint)))
        lay.addWidget(self.fingerprint)
        self.ask = make_label()
        if found.role == "clinician":
            self.intro.setText(_("You are about to pair with this clinician. Only pair with a card you got from "
                                 "them."))
            self.ask.setText(_("Call your clinician or meet them, and ask them to read out the fingerprint "
                               "shown in their Hearth. Confirm only if every digit matches."))
        else:
            self.intro.setText(_("You are about to add this patient to your workspace."))
            self.ask.setText(_("Ask the patient, by phone or in person, to read out the fingerprint shown on "
                               "their Clinician page. Confirm only if every digit matches."))
        lay.addWidget(self.ask)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(_("The fingerprints match: pair"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.confirm.setAccessibleName(_("Confirm: the fingerprints match"))
        self.cancel.setAccessibleName(_("Cancel pairing"))
        self.cancel.setDefault(True)  # Enter never pairs by accident; Escape cancels
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.cancel.setFocus()


def pair_flow(parent, session) -> bool:
    """Choose a card, show it, and pair once the person confirms; True when a new contact was stored."""
    path = open_file(parent, _("Choose the card file"), card_filter())
    if path is None:
        return False
    try:
        found = cards.read_card(path)
        try:
            done = cards.pair(session, found, confirmed=False)  # own card, wrong role, conflicts: refused now
        except PairingDeclined:
            done = None
        if done is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(parent, _("Already paired"),
                                    _("You are already paired with {name}; nothing changed.").format(name=found.name))
            return False
        dlg = PairDialog(found, parent)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        cards.pair(session, found, confirmed=True)
        return True
    except ExchangeError as exc:
        show_error(parent, exc, _("Not paired"))
        return False

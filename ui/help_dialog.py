"""Get help now: crisis resources for the user's country, reachable from every page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from app.i18n import _, format_list
from app.safety import crisis
from ui.widgets import make_label


def _country_name(code: str) -> str:
    from babel import Locale

    from app.i18n import babel_locale

    try:
        return Locale.parse(babel_locale()).territories.get(code, code)
    except Exception:
        return code


class HelpDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("helpDialog")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.setSpacing(12)
        self.heading = make_label("heading")
        self.intro = make_label()
        self.emergency = make_label("subheading", selectable=True)
        self.lines = make_label(selectable=True)
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.not_watched = make_label("muted")
        form = QFormLayout()
        self.country_label = QLabel()
        self.country = QComboBox()
        self.country_label.setBuddy(self.country)
        form.addRow(self.country_label, self.country)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        for w in (self.heading, self.intro, self.emergency, self.lines):
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.not_watched)
        lay.addWidget(self.buttons)
        self.country.currentIndexChanged.connect(self._country_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Get help now"))
        self.heading.setText(_("Get help now"))
        self.intro.setText(_("If you are in danger, or you might act on thoughts of harming yourself, "
                             "please contact someone now. You do not have to cope with this alone."))
        self.not_watched.setText(_("Hearth is not an emergency service. Nobody watches this app in real "
                                   "time, so a message written here will not bring help."))
        self.country_label.setText(_("Country:"))
        self.country.setAccessibleName(_("Country for crisis resources"))
        current = self.ctx.country()
        self.country.blockSignals(True)
        self.country.clear()
        self.country.addItem(_("Other country"), "")
        for code in crisis.shipped_countries():
            self.country.addItem(_country_name(code), code)
        idx = self.country.findData(current or "")
        self.country.setCurrentIndex(max(idx, 0))
        self.country.blockSignals(False)
        self._show(current)

    def _country_changed(self) -> None:
        code = self.country.currentData() or ""
        self.ctx.set_country(code)
        self._show(code)

    def _show(self, code: str | None) -> None:
        res = crisis.load(code, self.ctx.data_dir / "crisis")
        if res.country is None:
            self.emergency.setText(_("Call your local emergency number now (in many countries 112 or 911), "
                                     "or go to the nearest emergency department."))
            self.lines.setText(_("A doctor, a local crisis line, or someone you trust can also help. "
                                 "Your clinic can add the numbers for your country to Hearth."))
            return
        self.emergency.setText(_("Emergency: call {number}").format(number=res.emergency))
        rows = []
        for line in res.lines:
            how = []
            if line.phone:
                how.append(_("call {number}").format(number=line.phone))
            if line.sms:
                how.append(_("text {number}").format(number=line.sms))
            notes = []
            if line.always_open:
                notes.append(_("open day and night"))
            if line.free:
                notes.append(_("free"))
            if notes:
                text = _("{service}: {how} ({notes})").format(
                    service=line.name, how=format_list(how), notes=format_list(notes))
            else:
                text = _("{service}: {how}").format(service=line.name, how=format_list(how))
            rows.append(text)
        self.lines.setText("\n".join(rows))

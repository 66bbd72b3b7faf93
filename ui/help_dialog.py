"""Get help now: crisis resources for the user's country, reachable from every page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout

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
    def __init__(self, ctx, parent=None, after_answer: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.after_answer = after_answer
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
        self.clinician = make_label(selectable=True)
        self.clinician.setObjectName("helpClinician")
        self.plan_title = make_label("subheading")
        self.plan_text = make_label(selectable=True)
        self.plan_button = QPushButton()
        self.plan_button.clicked.connect(self._edit_plan)
        for w in (self.heading, self.intro, self.emergency, self.lines):
            lay.addWidget(w)
        lay.addLayout(form)
        lay.addWidget(self.clinician)
        for w in (self.plan_title, self.plan_text, self.plan_button):
            lay.addWidget(w)
        lay.addWidget(self.not_watched)
        lay.addWidget(self.buttons)
        self.country.currentIndexChanged.connect(self._country_changed)
        self.retranslate()

    def _edit_plan(self) -> None:
        from ui.safety_plan import SafetyPlanDialog

        if self.ctx.session is None:
            return
        SafetyPlanDialog(self.ctx, self).exec()
        self.refresh_plan()

    def refresh_plan(self) -> None:
        """Show the person's own plan while unlocked; nothing of it while locked."""
        from app.safety import plan

        unlocked = self.ctx.session is not None
        for w in (self.plan_title, self.plan_text, self.plan_button):
            w.setVisible(unlocked)
        self._show_clinicians()
        if not unlocked:
            self.plan_text.clear()
            return
        current = plan.load(self.ctx.session.store)
        parts = [_(heading) + "\n" + current[sid].strip() for sid, heading, _hint in plan.SECTIONS
                 if current[sid].strip()]
        self.plan_title.setText(_("My safety plan"))
        self.plan_text.setText("\n\n".join(parts) if parts else
                               _("You have not written a safety plan yet. It takes a few minutes and can "
                                 "help a lot when things get hard."))
        self.plan_button.setText(_("Edit my safety plan") if parts else _("Write my safety plan"))

    def _show_clinicians(self) -> None:
        """The paired clinicians' contact details (only while unlocked: they are the person's data)."""
        people = []
        if self.ctx.session is not None and self.ctx.session.kind == "patient":
            from app.exchange import contacts

            for c in contacts.all_contacts(self.ctx.session.store, role="clinician"):
                ways = [w for w in (c.phone, c.email) if w]
                name = _("{name}, {clinic}").format(name=c.display_name, clinic=c.clinic) if c.clinic \
                    else c.display_name
                people.append(_("{name}: {ways}").format(name=name, ways=format_list(ways)) if ways else name)
        self.clinician.setVisible(bool(people))
        self.clinician.setText(_("Your clinician, in their working hours:") + "\n" + "\n".join(people)
                               if people else "")

    def retranslate(self) -> None:
        self.setWindowTitle(_("Get help now"))
        self.heading.setText(_("Get help now"))
        if self.after_answer:
            self.intro.setText(_("Thank you for answering honestly. You said you have had thoughts that you would "
                                 "be better off dead or of hurting yourself. That can be frightening, and you "
                                 "deserve support with it. Please tell someone today: a person you trust, your "
                                 "doctor, or a crisis line."))
        else:
            self.intro.setText(_("If you are in danger, or you might act on thoughts of harming yourself, "
                                 "please contact someone now. You do not have to cope with this alone."))
        self.refresh_plan()
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

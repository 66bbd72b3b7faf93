"""Get help now: crisis resources for the user's country, reachable from every page.

The content scrolls (it never clips, at any text size or window height). Every number,
the clinician's details and each section of the safety plan are keyboard stops that a
screen reader reads, and opening the dialog announces its heading and the emergency line.
"""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.i18n import _, babel_locale
from app.safety import crisis
from ui import a11y
from ui.crisis_view import CrisisResources, ReadableLine, chain_tab_order
from ui.scrolling_dialog import ScrollingDialog
from ui.widgets import make_label


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of the shipped countries, in the alphabetical order of the current language."""
    collator = QCollator(QLocale(babel_locale()))
    return crisis.countries_by_name(babel_locale(), collator.sortKey)


class HelpDialog(ScrollingDialog):
    def __init__(self, ctx, parent=None, after_answer: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.after_answer = after_answer
        self._announced_after = False
        self.setObjectName("helpDialog")
        self.setMinimumWidth(480)
        lay = self.body_layout
        self.intro = make_label()
        country_row = QWidget()
        row = QHBoxLayout(country_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.country_label = QLabel()
        self.country = QComboBox()
        self.country.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.country_label.setBuddy(self.country)
        row.addWidget(self.country_label)
        row.addWidget(self.country, 1)
        self.resources = CrisisResources(ctx, after_lines=country_row)
        self.clinician = self.resources.clinician_title
        self.plan_title = make_label("subheading")
        self.plan_empty = make_label()
        self.plan_box = QWidget()
        self.plan_layout = QVBoxLayout(self.plan_box)
        self.plan_layout.setContentsMargins(0, 0, 0, 0)
        self.plan_sections: list[ReadableLine] = []
        self.plan_button = QPushButton()
        self.plan_button.clicked.connect(self._edit_plan)
        self.not_watched = make_label("muted")
        for w in (self.intro, self.resources, self.plan_title, self.plan_empty, self.plan_box):
            lay.addWidget(w)
        plan_row = QHBoxLayout()
        plan_row.addWidget(self.plan_button)
        plan_row.addStretch(1)
        lay.addLayout(plan_row)
        lay.addWidget(self.not_watched)
        lay.addStretch(1)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.country.currentIndexChanged.connect(self._country_changed)
        self.retranslate()
        self.resources.emergency.setFocus()  # the first thing a keyboard or screen-reader user meets

    # --- what is shown --------------------------------------------------------------

    def _edit_plan(self) -> None:
        from ui.safety_plan import SafetyPlanDialog

        if self.ctx.session is None:
            return
        dialog = SafetyPlanDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # gone once closed: no hidden copy of the plan stays
        dialog.exec()
        self.refresh_plan()

    def refresh_plan(self) -> None:
        """Show the person's own plan and clinician while unlocked; nothing of either while locked."""
        from app.safety import plan

        unlocked = self.ctx.session is not None
        self.resources.show_clinicians()
        for w in (self.plan_title, self.plan_button):
            w.setVisible(unlocked)
        current = plan.load(self.ctx.session.store) if unlocked else {}
        sections = [(_(heading), current[sid].strip()) for sid, heading, _hint in plan.SECTIONS
                    if unlocked and current[sid].strip()]
        while len(self.plan_sections) < len(sections):
            line = ReadableLine()
            self.plan_layout.addWidget(line)
            self.plan_sections.append(line)
        for i, line in enumerate(self.plan_sections):
            if i < len(sections):
                line.set_line(sections[i][1], title=sections[i][0])
            else:
                line.set_line("")
            line.setVisible(i < len(sections))
        self.plan_box.setVisible(bool(sections))
        self.plan_title.setText(_("My safety plan"))
        self.plan_empty.setText(_("You have not written a safety plan yet. It takes a few minutes and can "
                                  "help a lot when things get hard.") if unlocked and not sections else "")
        self.plan_empty.setVisible(unlocked and not sections)
        self.plan_button.setText(_("Edit my safety plan") if sections else _("Write my safety plan"))
        self._chain()

    def plan_text(self) -> str:
        """The plan as shown, section by section (empty while locked)."""
        return "\n\n".join(line.plain_text() for line in self.plan_sections if not line.isHidden())

    def _chain(self) -> None:
        chain_tab_order(self.resources.focus_chain([self.country]) + self.plan_sections
                        + [self.plan_button, self.close_button])

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
        self.not_watched.setText(_("Hearth is not an emergency service. Nobody watches this app in real "
                                   "time, so a message written here will not bring help."))
        self.country_label.setText(_("Country:"))
        self.country.setAccessibleName(_("Country for crisis resources"))
        current = self.ctx.country()
        self.country.blockSignals(True)
        self.country.clear()
        self.country.addItem(_("Other country"), "")
        for code, name in country_choices():
            self.country.addItem(name, code)
        idx = self.country.findData(current or "")
        self.country.setCurrentIndex(max(idx, 0))
        self.country.blockSignals(False)
        self.resources.show_country(current)
        self.refresh_plan()
        if self.after_answer and not self._announced_after and self.isVisible():
            self.announce()  # upgraded by a self-harm answer while already open

    def _country_changed(self) -> None:
        code = self.country.currentData() or ""
        self.ctx.set_country(code)
        self.resources.show_country(code)
        self._chain()
        if self.isVisible():
            self.fit_to_screen(grow_only=True)
            a11y.announce(self, self.resources.emergency.plain_text())

    # --- a screen reader hears it at once -------------------------------------------------

    def announce(self) -> None:
        # Translators: spoken by a screen reader as Get help now opens: the dialog's title, then the
        # emergency line (for example "Emergency: call 112").
        a11y.announce(self, _("{title}. {emergency}").format(title=self.heading.text(),
                                                            emergency=self.resources.emergency.plain_text()),
                      assertive=self.after_answer)
        self._announced_after = self.after_answer

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.announce()

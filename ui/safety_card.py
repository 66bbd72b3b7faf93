"""A calm card that stays on a result page after a self-harm answer (PHQ-9 item 9 above 0).

It says what the person told us, kindly and without alarm, then shows the same crisis lines
and clinician details as Get help now (shared: :class:`ui.crisis_view.CrisisResources`) and a
button to the person's own safety plan. It never suggests that anyone is watching.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.i18n import _
from ui.crisis_view import CrisisResources
from ui.widgets import card, make_label


class SafetyCard(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("safetyCard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        frame, inner = card()
        outer.addWidget(frame)
        self.title = make_label("subheading")
        self.text = make_label()
        self.resources = CrisisResources(ctx)
        self.plan_button = QPushButton()
        self.plan_button.clicked.connect(self._open_plan)
        self.not_watched = make_label("muted")
        for w in (self.title, self.text, self.resources):
            inner.addWidget(w)
        row = QHBoxLayout()
        row.addWidget(self.plan_button)
        row.addStretch(1)
        inner.addLayout(row)
        inner.addWidget(self.not_watched)
        self.retranslate()

    def retranslate(self, plan_written: bool = False) -> None:
        self.title.setText(_("Support for difficult thoughts"))
        self.text.setText(_("You said that you have had thoughts that you would be better off dead or of hurting "
                            "yourself. Thank you for answering honestly; many people have such thoughts when "
                            "things are hard, and you deserve support with them. Please tell someone today: a "
                            "person you trust, your doctor, or a crisis line."))
        self.plan_button.setText(_("Open my safety plan") if plan_written else _("Write my safety plan"))
        self.not_watched.setText(_("Nobody sees these answers as you give them, and Hearth cannot call for help. "
                                   "If you are in danger, call the emergency number now."))

    def refresh(self) -> None:
        """Fill in for the current country, language, plan and pairing."""
        from app.safety import plan

        unlocked = self.ctx.session is not None
        self.retranslate(plan_written=unlocked and not plan.is_empty(self.ctx.session.store))
        self.resources.refresh(self.ctx.country())
        self.plan_button.setVisible(unlocked)

    def spoken(self) -> str:
        """What a screen reader is told when the card appears."""
        return "\n".join((self.title.text(), self.text.text(), self.resources.emergency.plain_text()))

    def focus_chain(self) -> list[QWidget]:
        return self.resources.focus_chain() + [self.plan_button]

    def _open_plan(self) -> None:
        from ui.safety_plan import SafetyPlanDialog

        if self.ctx.session is None:
            return
        dialog = SafetyPlanDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # gone once closed: no hidden copy of the plan stays
        dialog.exec()
        self.refresh()

"""The safety plan editor: seven sections, saved as you type.

Everything below the heading scrolls, the introduction included, so no line is cut off at a
large text size or in a long language; the dialog opens at a size that fits the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QPlainTextEdit

from app.i18n import _
from app.safety import plan
from ui.scrolling_dialog import ScrollingDialog
from ui.widgets import make_label


class SafetyPlanDialog(ScrollingDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("safetyPlanDialog")
        self.setMinimumWidth(480)
        self.intro = make_label("muted")
        bl = self.body_layout
        bl.addWidget(self.intro)
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.labels: dict[str, tuple] = {}
        current = plan.load(ctx.session.store)
        for sid, _heading, _hint in plan.SECTIONS:
            title, hint, box = make_label("subheading"), make_label("muted"), QPlainTextEdit()
            box.setPlainText(current[sid])
            box.setMinimumHeight(70)
            box.setTabChangesFocus(True)
            box.textChanged.connect(self._changed)
            title.setBuddy(box)
            for w in (title, hint, box):
                bl.addWidget(w)
            self.boxes[sid] = box
            self.labels[sid] = (title, hint)
        self.status = make_label("muted")
        self.layout().insertWidget(self.layout().indexOf(self.buttons), self.status)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.flush)
        self.retranslate()

    def _changed(self) -> None:
        self.status.setText(_("Saving\u2026"))
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if self.ctx.session is None:
            return
        saved = plan.load(self.ctx.session.store)
        for sid, box in self.boxes.items():
            if box.toPlainText() != saved[sid]:
                plan.save(self.ctx.session.store, sid, box.toPlainText())
        self.status.setText(_("Saved"))

    def done(self, result) -> None:  # closing always saves
        self.flush()
        super().done(result)

    def retranslate(self) -> None:
        self.setWindowTitle(_("My safety plan"))
        self.heading.setText(_("My safety plan"))
        self.intro.setText(_("Write this plan at a calm moment, so it is ready if things get hard. Start with "
                             "whatever you can; you can add to it at any time. It is saved as you type and "
                             "stays encrypted on this computer."))
        for sid, heading, hint in plan.SECTIONS:
            title, hint_label = self.labels[sid]
            title.setText(_(heading))
            hint_label.setText(_(hint))
            self.boxes[sid].setAccessibleName(_(heading))

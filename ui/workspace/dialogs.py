"""Small choices on a patient's page: which module to unlock, which questionnaire to assign."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from app.i18n import _
from app.measures import engine
from ui.widgets import make_label


class _Choice(QDialog):
    def __init__(self, title: str, intro: str, label: str, items: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        lay = QVBoxLayout(self)
        text = make_label()
        text.setText(intro)
        lay.addWidget(text)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.combo = QComboBox()
        self.combo.setAccessibleName(label.rstrip(":"))
        for value, shown in items:
            self.combo.addItem(shown, value)
        lab = QLabel(label)
        lab.setBuddy(self.combo)
        self.form.addRow(lab, self.combo)
        lay.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    def value(self) -> str | None:
        return self.combo.currentData()


class UnlockDialog(_Choice):
    def __init__(self, name: str, modules: list[tuple[str, str]], parent=None):
        super().__init__(_("Unlock a module"),
                         _("Choose the module to open for {name}. It opens on their side when they open your next "
                           "feedback file.").format(name=name), _("Module:"), modules, parent)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Unlock"))


class AssignDialog(_Choice):
    def __init__(self, name: str, parent=None):
        measures = sorted(engine.shipped().values(), key=lambda m: m.name)
        super().__init__(_("Assign a questionnaire"),
                         _("Choose a questionnaire for {name} to fill in. It shows as due on their Home and "
                           "Measures pages once they open your next feedback file.").format(name=name),
                         _("Questionnaire:"), [(m.id, m.name) for m in measures], parent)
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName(_("Due date"))
        lab = QLabel(_("Due by:"))
        lab.setBuddy(self.due)
        self.form.addRow(lab, self.due)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Assign"))

    def due_date(self) -> str:
        return self.due.date().toPython().isoformat()

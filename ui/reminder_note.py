"""A reminder shown by Hearth itself, when the desktop has no tray to show notifications: a small window
in the corner of the screen that never takes the keyboard, with Open, Snooze and Dismiss."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.i18n import _, ngettext
from ui.widgets import make_label


class ReminderNote(QWidget):
    open_requested = Signal()
    snooze_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
                         | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("reminderNote")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        self.title = make_label("subheading")
        self.text = make_label()
        self.open_button, self.snooze_button, self.dismiss_button = QPushButton(), QPushButton(), QPushButton()
        self.open_button.clicked.connect(self._open)
        self.snooze_button.clicked.connect(self._snooze)
        self.dismiss_button.clicked.connect(self.hide)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.snooze_button)
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        lay.addWidget(self.title)
        lay.addWidget(self.text)
        lay.addLayout(row)
        self._snooze_minutes = 10

    def show_reminder(self, title: str, text: str, snooze_minutes: int) -> None:
        self.setWindowTitle(title)
        self.title.setText(title)
        self.text.setText(text)
        self.setAccessibleDescription(text)
        self._snooze_minutes = snooze_minutes
        self.retranslate()
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.right() - self.width() - 24, area.bottom() - self.height() - 24)
        self.show()
        self.raise_()

    def _open(self) -> None:
        self.hide()
        self.open_requested.emit()

    def _snooze(self) -> None:
        self.hide()
        self.snooze_requested.emit()

    def retranslate(self) -> None:
        self.open_button.setText(_("Open Hearth"))
        self.snooze_button.setText(ngettext("Remind me again in {count} minute", "Remind me again in {count} minutes",
                                            self._snooze_minutes).format(count=self._snooze_minutes))
        self.dismiss_button.setText(_("Dismiss"))
        self.dismiss_button.setAccessibleName(_("Dismiss this reminder"))

"""The recovery key, shown whole: 8 numbered groups in large monospace, and a check it was written down.

The groups (monospace, from the style sheet's ``recovery`` role) sit in rows of four, or two per row when the column is too narrow for
four (large text, a narrow window), so no group is ever cut off. The key always reads left to
right, also in a right-to-left language: it is a code, written down digit by digit.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app import i18n
from app.crypto import recovery
from app.i18n import _
from ui import a11y
from ui import clipboard_guard
from ui.widgets import make_label, primary_button, show_error


class RecoveryKeyView(QWidget):
    """Eight numbered, selectable groups; re-flows between 4 and 2 per row as the width allows."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setObjectName("recoveryKey")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(4)
        self.numbers = []
        self.groups = []
        for n in range(recovery.GROUPS):
            number = make_label("muted", wrap=False)
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            group = make_label("recovery", wrap=False, selectable=True)
            group.setAlignment(Qt.AlignmentFlag.AlignCenter)
            group.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # each group can be reached and read by keyboard
            clipboard_guard.mark_secret(group)  # a copied group is cleared from the clipboard after 30 s
            self.numbers.append(number)
            self.groups.append(group)
        self._columns = 0
        self._place(4)
        self.set_key("")

    def set_key(self, key: str) -> None:
        parts = recovery.groups(key) if key else [""] * recovery.GROUPS
        for n, (number, group) in enumerate(zip(self.numbers, self.groups)):
            text = parts[n] if n < len(parts) else ""
            group.setText(text)
            number.setText(i18n.format_number(n + 1))
            group.setAccessibleName(_("Group {number}: {digits}").format(
                number=n + 1, digits=" ".join(text)) if text else "")
        self._reflow()

    def text(self) -> str:
        """The key as shown, groups joined by dashes (what a person would copy)."""
        return "-".join(g.text() for g in self.groups if g.text())

    def _group_width(self) -> int:
        return max(g.sizeHint().width() for g in self.groups)

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        for w in self.numbers + self.groups:
            self.grid.removeWidget(w)
        for n, (number, group) in enumerate(zip(self.numbers, self.groups)):
            row, col = divmod(n, columns)
            self.grid.addWidget(number, row * 2, col)
            self.grid.addWidget(group, row * 2 + 1, col)
        for c in range(4):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        self._columns = columns
        self.updateGeometry()

    def _columns_for(self, width: int) -> int:
        needed = self._group_width()
        spacing = self.grid.horizontalSpacing()
        for columns in (4, 2, 1):
            if columns * needed + (columns - 1) * spacing <= width:
                return columns
        return 1

    def _reflow(self) -> None:
        if self.width() > 0:
            self._place(self._columns_for(self.width()))

    def minimumSizeHint(self):  # noqa: N802
        hint = super().minimumSizeHint()
        hint.setWidth(self._group_width())  # one group per row is the narrowest it can be
        return hint

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._reflow()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._columns = 0  # text size changed: the groups' width did too
            self._reflow()


class ConfirmKeyStep(QWidget):
    """Asks for two named groups of the key, typed from the person's written copy."""

    confirmed = Signal()
    show_again = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._key = ""
        self._picks: list[int] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(12)
        self.heading = make_label("heading")
        self.intro = make_label()
        lay.addWidget(self.heading)
        lay.addWidget(self.intro)
        self.labels, self.fields = [], []
        for _n in range(2):
            row = QVBoxLayout()
            row.setSpacing(4)
            label = make_label()
            field = QLineEdit()
            field.setMaxLength(20)
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
                                      | Qt.InputMethodHint.ImhNoPredictiveText)
            label.setBuddy(field)
            field.returnPressed.connect(self._check)
            row.addWidget(label)
            row.addWidget(field)
            lay.addLayout(row)
            self.labels.append(label)
            self.fields.append(field)
        self.error = make_label("error")
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QHBoxLayout()
        self.again = QPushButton()
        self.again.clicked.connect(self.show_again)
        self.done = primary_button()
        self.done.clicked.connect(self._check)
        buttons.addWidget(self.again)
        buttons.addStretch(1)
        buttons.addWidget(self.done)
        lay.addLayout(buttons)
        lay.addStretch(1)  # the step shares the height of the taller steps beside it
        self.retranslate()

    def start(self, key: str) -> None:
        self._key = key
        self._picks = recovery.pick_groups_to_confirm(2)
        for f in self.fields:
            f.clear()
        show_error(self.error, "")
        self.retranslate()
        self.fields[0].setFocus()

    def clear(self) -> None:
        self._key = ""
        for f in self.fields:
            f.clear()
        show_error(self.error, "")

    @property
    def picks(self) -> list[int]:
        return list(self._picks)

    def type_from_copy(self, key: str) -> None:
        """Fill in the asked-for groups from ``key`` (the self-test and screenshots, not people)."""
        for number, field in zip(self._picks, self.fields):
            field.setText(recovery.groups(key)[number - 1])

    def _check(self) -> None:
        for number, field in zip(self._picks, self.fields):
            if not field.text().strip():
                message = _("Please type group {number} of your key, from what you wrote down or printed.").format(
                    number=number)
            elif not recovery.group_matches(self._key, number, field.text()):
                message = _("That is not group {number} of your key. Check what you wrote down, or show "
                            "the key again and correct your copy.").format(number=number)
            else:
                continue
            show_error(self.error, message, field)
            field.setFocus()
            field.selectAll()
            return
        show_error(self.error, "")
        a11y.announce(self, _("Thank you. Your recovery key is written down correctly."))
        self.confirmed.emit()

    def retranslate(self) -> None:
        self.heading.setText(_("Check your copy of the key"))
        self.intro.setText(_("To be sure the key you wrote down or printed is right, type two of its groups "
                             "from your copy (not from the screen)."))
        for number, label, field in zip(self._picks or [1, 2], self.labels, self.fields):
            label.setText(_("Group {number}:").format(number=number))
            field.setAccessibleName(_("Group {number} of the recovery key").format(number=number))
            field.setPlaceholderText("000000")
        self.again.setText(_("Show the key again"))
        self.done.setText(_("Continue"))

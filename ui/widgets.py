"""Small reusable widgets and helpers shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy,
                               QToolButton, QVBoxLayout, QWidget)

from app.i18n import _


def make_label(role: str | None = None, *, wrap: bool = True, selectable: bool = False) -> QLabel:
    lab = QLabel()
    if role:
        lab.setProperty("role", role)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                    | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return lab


def primary_button() -> QPushButton:
    b = QPushButton()
    b.setProperty("role", "primary")
    b.setAutoDefault(True)
    return b


def card() -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setProperty("role", "card")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(18, 16, 18, 16)
    lay.setSpacing(8)
    return frame, lay


def card_in(widget: QWidget) -> QVBoxLayout:
    """Make ``widget`` hold one card that fills it; returns the card's inner layout."""
    lay = QHBoxLayout(widget)
    lay.setContentsMargins(0, 0, 0, 0)
    frame, inner = card()
    lay.addWidget(frame)
    return inner


def text_card() -> tuple[QFrame, QLabel, QLabel]:
    """A card with a subheading and a selectable text below it: (frame, title, text)."""
    frame, inner = card()
    title, text = make_label("subheading"), make_label(selectable=True)
    inner.addWidget(title)
    inner.addWidget(text)
    return frame, title, text


def scroll_area(widget=None):
    """A frameless scroll area that resizes its content to its width."""
    from PySide6.QtWidgets import QScrollArea

    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    if widget is not None:
        area.setWidget(widget)
    return area


def scrolled_page(page: QWidget, *, top: int = 28, spacing: int = 16) -> tuple[QWidget, QVBoxLayout]:
    """Fill ``page`` with a scroll area; returns its content widget and that widget's padded layout."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    body = QWidget()
    outer.addWidget(scroll_area(body))
    lay = QVBoxLayout(body)
    lay.setContentsMargins(32, top, 32, 28)
    lay.setSpacing(spacing)
    return body, lay


def fill_card(inner: QVBoxLayout, widgets, buttons) -> None:
    """Widgets one under another, then the buttons in a row at the start edge."""
    for w in widgets:
        inner.addWidget(w)
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    inner.addLayout(row)


def action_card(button: QPushButton, *labels: QLabel) -> QFrame:
    """A card with some labels and one button below them."""
    frame, inner = card()
    fill_card(inner, labels, [button])
    return frame


def clear_layout(layout) -> None:
    """Remove and delete every widget in ``layout``, hiding each at once (not at the next event-loop turn)."""
    while layout.count():
        widget = layout.takeAt(0).widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


def show_error(label: QLabel, text: str) -> None:
    """Show (or hide, with empty text) an inline error, announced to screen readers."""
    label.setText(text)
    label.setVisible(bool(text))
    label.setAccessibleDescription(text)


def centered_column(parent: QWidget, max_width: int = 560) -> QVBoxLayout:
    """A page layout: a column of at most ``max_width`` pixels, centred."""
    outer = QHBoxLayout(parent)
    outer.setContentsMargins(24, 24, 24, 24)
    inner = QWidget()
    inner.setMaximumWidth(max_width)
    inner.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    col = QVBoxLayout(inner)
    col.setContentsMargins(0, 0, 0, 0)
    col.setSpacing(12)
    outer.addStretch(1)
    outer.addWidget(inner, 10)
    outer.addStretch(1)
    return col


class PasswordField(QWidget):
    """A password box with a "Show" toggle."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggled)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.toggle)
        self.setFocusProxy(self.edit)
        self.retranslate()

    def _toggled(self, on: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password)
        self.retranslate()

    def retranslate(self) -> None:
        self.toggle.setText(_("Hide") if self.toggle.isChecked() else _("Show"))
        self.toggle.setAccessibleName(_("Show the password") if not self.toggle.isChecked()
                                      else _("Hide the password"))

    def set_accessible_name(self, name: str) -> None:
        self.edit.setAccessibleName(name)

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()
        self.toggle.setChecked(False)


class EmptyState(QWidget):
    """A friendly "nothing here yet" panel: what will appear, and what to do next."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 24, 0, 24)
        self.title = make_label("subheading")
        self.text = make_label("muted")
        lay.addWidget(self.title)
        lay.addWidget(self.text)
        lay.addStretch(1)

    def set_texts(self, title: str, text: str) -> None:
        self.title.setText(title)
        self.text.setText(text)


def fit_list_items(lst, padding: int = 18) -> None:
    """Give word-wrapped list items the height their text needs at the list's width.

    Qt's own size hint undercounts wrapped text with line breaks in it, which
    cuts off the last line (seen with long German module titles).
    """
    from PySide6.QtCore import QRect, QSize, Qt as _Qt

    width = max(60, lst.viewport().width() - 28)
    fm = lst.fontMetrics()
    for i in range(lst.count()):
        item = lst.item(i)
        rect = fm.boundingRect(QRect(0, 0, width, 100_000), int(_Qt.TextFlag.TextWordWrap), item.text())
        item.setSizeHint(QSize(width, rect.height() + padding))


class FittedList:
    """Event filter re-fitting a list's items when it is resized."""

    @staticmethod
    def install(lst) -> None:
        from PySide6.QtCore import QEvent, QObject

        class _Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Resize:
                    fit_list_items(lst)
                return False

        lst._fit_filter = _Filter(lst)
        lst.viewport().installEventFilter(lst._fit_filter)

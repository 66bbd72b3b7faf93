"""Small reusable widgets and helpers shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget, QPushButton,
                               QSizePolicy, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolButton,
                               QVBoxLayout, QWidget)

from app.i18n import _
from ui.wrap_label import WrapLabel


def make_label(role: str | None = None, *, wrap: bool = True, selectable: bool = False) -> QLabel:
    lab = WrapLabel()
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
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a stop of its own: Tab goes to what it holds
    if widget is not None:
        area.setWidget(widget)
    return area


def scrolled_page(page: QWidget, *, top: int = 28, spacing: int = 16,
                  long: bool = False) -> tuple[QWidget, QVBoxLayout]:
    """Fill ``page`` with a scroll area; returns its content widget and that widget's padded layout.

    ``long``: a page that is nearly always taller than the window and grows while it is built keeps its
    vertical scroll bar, so its width never changes under it (the bar appearing would re-wrap every text
    and re-draw every chart on the page)."""
    from PySide6.QtCore import Qt

    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    body = QWidget()
    area = scroll_area(body)
    if long:
        area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
    outer.addWidget(area)
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


def focus_first_in(container: QWidget) -> bool:
    """Give focus to the first control of ``container`` that Tab can reach; False if there is none."""
    w = container.nextInFocusChain()
    while w is not None and w is not container:
        if (container.isAncestorOf(w) and w.isVisible() and w.isEnabled()
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None):
            w.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        w = w.nextInFocusChain()
    return False


def show_error(label: QLabel, text: str, field: QWidget | None = None) -> None:
    """Show (or hide, with empty text) an inline error; a screen reader speaks it at once.

    With ``field``, the error is also that field's accessible description (so it is read with the
    field, WCAG 1.3.1), and it goes away as soon as the person changes the field.
    """
    from ui import a11y

    previous = getattr(label, "_error_field", None)
    if previous is not None:
        try:
            previous.setAccessibleDescription(getattr(previous, "_description_before_error", ""))
        except RuntimeError:  # the field is gone
            pass
        label._error_field = None
    label.setText(text)
    label.setVisible(bool(text) or bool(label.property("keep_space")))
    label.setAccessibleDescription(text)
    if not text:
        return
    if field is not None:
        target = getattr(field, "edit", field)  # a PasswordField describes its line edit
        target._description_before_error = target.accessibleDescription()
        target.setAccessibleDescription(text)
        label._error_field = target
        changed = getattr(target, "textChanged", None)
        if changed is not None:
            def clear_once(*_args):
                changed.disconnect(clear_once)
                if getattr(label, "_error_field", None) is target:
                    show_error(label, "")
            changed.connect(clear_once)
    a11y.announce(label, text, assertive=True)


def reserve_lines(label: QLabel, lines: int = 2) -> None:
    """Keep room for ``lines`` lines of ``label`` even while it is empty, so that a message
    appearing or changing length does not make the form around it jump."""
    label.setProperty("keep_space", True)
    label.setMinimumHeight(label.fontMetrics().lineSpacing() * lines + 2)
    label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)


def centered_column(parent: QWidget, max_width: int = 560, *, scroll: bool = True) -> QVBoxLayout:
    """A page layout: a column of at most ``max_width`` pixels, centred.

    With ``scroll`` (a whole page), the column scrolls when the window is too small for it, at
    large text sizes for instance, instead of squeezing what it holds.
    """
    host = parent
    if scroll:
        page = QVBoxLayout(parent)
        page.setContentsMargins(0, 0, 0, 0)
        host = QWidget()
        page.addWidget(scroll_area(host))
    outer = QHBoxLayout(host)
    outer.setContentsMargins(24, 24, 24, 24) if scroll else outer.setContentsMargins(0, 0, 0, 0)
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
        self.edit.setProperty("secret", True)  # ui.clipboard_guard: copied while shown, cleared after 30 s
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


class _WrappedRows(QStyledItemDelegate):
    """Rows as tall as their word-wrapped text at the list's current width.

    Qt's own hint undercounts wrapped text with line breaks in it (the last line of long German
    module titles was cut off). The height is worked out here, when the view lays out its rows,
    so nothing is stored per item and nothing is called per resize (a per-resize
    ``QListWidgetItem.setSizeHint`` leaked a reference to None in PySide6 6.12 and crashed).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        # What every row of one layout pass shares (a row's own text is all that differs): the height of one
        # line and the width the text wraps at, per width, font and kind of row (a check box takes room).
        # Asked of the style once per pass instead of once per row (500 journal rows, issue 15).
        self._frames: dict[tuple, tuple[int, int]] = {}

    def _frame(self, opt, view, width: int) -> tuple[int, int]:
        style = view.style()
        key = (width, int(opt.features.value), opt.font.key(), id(style), view.layoutDirection().value)
        found = self._frames.get(key)
        if found is None:
            text = opt.text
            opt.text = "X"
            one_line = style.sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, opt, QSize(), view)
            opt.text = text
            opt.rect = QRect(0, 0, width, one_line.height())
            text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view)
            margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
            if len(self._frames) > 32:
                self._frames.clear()
            found = self._frames[key] = (one_line.height(), max(40, text_rect.width() - 2 * margin))
        return found

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        view = self.parent()
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(60, view.viewport().width())
        line_height, text_width = self._frame(opt, view, width)
        fm = opt.fontMetrics
        needed = fm.boundingRect(QRect(0, 0, text_width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text).height()
        return QSize(width, line_height - fm.height() + max(needed, fm.height()))


class WrappingList(QListWidget):
    """A list of word-wrapped rows that always fit their text: at first show, after a style or
    font change, and at any width (rows are laid out again as the list is resized)."""

    def __init__(self, parent=None, *, fit_rows: bool = False):
        super().__init__(parent)
        self.fit_rows = fit_rows  # as tall as all its rows (inside a page that scrolls), no scroll bar
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if fit_rows:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setItemDelegate(_WrappedRows(self))

    def doItemsLayout(self):  # noqa: N802 - Qt override
        super().doItemsLayout()
        if self.fit_rows:
            rows = sum(self.sizeHintForRow(i) for i in range(self.count()) if not self.isRowHidden(i))
            self.setFixedHeight(rows + 2 * self.frameWidth() + 2 * self.spacing() + 2)

    def wheelEvent(self, event):  # noqa: N802
        if self.fit_rows:
            event.ignore()  # all rows show: the page around the list scrolls
        else:
            super().wheelEvent(event)

    def showEvent(self, event):  # noqa: N802
        # Rows laid out before the window was first shown (and polished) keep the spacing of the
        # unstyled rows under a real window system: the sidebar's items overlapped 14 px apart.
        super().showEvent(event)
        self.doItemsLayout()

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange):
            self.scheduleDelayedItemsLayout()

"""Crisis lines, the emergency number and the clinician's details, as Get help now and a result page show them.

Every number is a :class:`ReadableLine`: a keyboard stop that a screen reader reads in full and
whose text is selected when Tab reaches it, so Ctrl+C copies the number at once (with nothing
selected, Ctrl+C copies the whole line).
"""

from __future__ import annotations

import html
import unicodedata

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from app.safety import clinicians, crisis
from ui.widgets import clear_layout, make_label
from ui.wrap_label import WrapLabel

TAB_REASONS = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)


class ReadableLine(WrapLabel):
    """Text that Tab reaches, a screen reader reads, and Ctrl+C copies (selected on keyboard focus)."""

    def __init__(self, role: str | None = None, parent=None):
        super().__init__(parent)
        if role:
            self.setProperty("role", role)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContentsMargins(4, 2, 4, 2)
        self._plain = ""
        self._length = 0  # characters shown, for selecting them all

    def set_line(self, text: str, title: str | None = None) -> None:
        """Show ``text``; with ``title``, the title in bold on a line of its own above it."""
        self._plain = text if title is None else title + "\n" + text
        self._length = len(self._plain)
        if title is None:
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(text)
            self.setAccessibleName("")  # the text itself
            return
        self.setTextFormat(Qt.TextFormat.RichText)
        # One paragraph per line, each in the direction of its own words: a plan written in English
        # keeps its full stop at the end in an Arabic interface (and the other way round).
        block = '<p dir="{d}" style="margin:0">{t}</p>'
        paragraphs = [block.format(d=_direction(title), t="<b>" + html.escape(title) + "</b>")]
        paragraphs += [block.format(d=_direction(line), t=html.escape(line)) for line in text.split("\n")]
        self.setText("".join(paragraphs))
        # Translators: how a screen reader reads one section of the safety plan: its heading, then what the
        # person wrote in it.
        self.setAccessibleName(_("{heading}: {text}").format(heading=title, text=text))

    def plain_text(self) -> str:
        return self._plain

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        if event.reason() in TAB_REASONS:
            self.setSelection(0, self._length)  # the whole text, ready for Ctrl+C
        self.update()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Copy) and not self.hasSelectedText():
            QGuiApplication.clipboard().setText(self._plain)  # nothing selected: copy the whole line
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.hasFocus():  # a visible focus ring: labels have none of their own
            p = QPainter(self)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
            p.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
            p.end()


def _direction(text: str) -> str:
    """"rtl" or "ltr" from the first letter with a direction (the interface's direction if none)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return "rtl" if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else "ltr"


def chain_tab_order(widgets) -> None:
    """Make Tab visit ``widgets`` in this order (hidden ones are skipped by Qt itself)."""
    widgets = [w for w in widgets if w is not None]
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


class CrisisResources(QWidget):
    """The emergency number and crisis lines for a country, then the paired clinicians' details.

    ``after_lines`` (for example a country picker) is placed between the two.
    """

    def __init__(self, ctx, parent=None, after_lines: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        self.emergency = ReadableLine("subheading")
        self.emergency.setObjectName("emergencyLine")
        lay.addWidget(self.emergency)
        self.lines_box = QVBoxLayout()
        self.lines_box.setSpacing(4)
        lay.addLayout(self.lines_box)
        self.after_lines = after_lines
        if after_lines is not None:
            lay.addWidget(after_lines)
        self.reviewed = make_label("muted")  # when the numbers were checked
        self.reviewed.hide()
        lay.addWidget(self.reviewed)
        self.clinician_title = make_label()
        lay.addWidget(self.clinician_title)
        self.clinician_box = QVBoxLayout()
        self.clinician_box.setSpacing(4)
        lay.addLayout(self.clinician_box)
        self.lines: list[ReadableLine] = []
        self.clinicians: list[ReadableLine] = []
        self.resources = crisis.GENERIC

    def show_country(self, code: str | None) -> None:
        self.resources = crisis.load(code, self.ctx.data_dir / "crisis")
        self.emergency.set_line(crisis.emergency_text(self.resources))
        self.lines = self._fill(self.lines_box, crisis.line_texts(self.resources))
        self.reviewed.setText(crisis.reviewed_text(self.resources))
        self.reviewed.setVisible(bool(self.reviewed.text()))

    def show_clinicians(self) -> None:
        """The paired clinicians (only while unlocked: they are the person's data)."""
        people = clinicians.contact_lines(self.ctx.session) if self.ctx.session is not None else []
        self.clinician_title.setText(_("Your clinician, in their working hours:") if people else "")
        self.clinician_title.setVisible(bool(people))
        self.clinicians = self._fill(self.clinician_box, people)

    def refresh(self, code: str | None) -> None:
        self.show_country(code)
        self.show_clinicians()

    def _fill(self, box: QVBoxLayout, texts: list[str]) -> list[ReadableLine]:
        clear_layout(box)
        made = []
        for text in texts:
            line = ReadableLine()
            line.set_line(text)
            box.addWidget(line)
            made.append(line)
        return made

    def text(self) -> str:
        """Everything shown, one line each (for tests and for what is announced)."""
        parts = [self.emergency.plain_text()] + [w.plain_text() for w in self.lines]
        if self.clinicians:
            parts += [self.clinician_title.text()] + [w.plain_text() for w in self.clinicians]
        return "\n".join(parts)

    def focus_chain(self, middle=()) -> list[QWidget]:
        """The keyboard stops in visual order; ``middle`` are those of ``after_lines``."""
        return [self.emergency, *self.lines, *middle, *self.clinicians]

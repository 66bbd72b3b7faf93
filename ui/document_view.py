"""A rich-text document (a lesson, an about page) as tall as its text, for a page that scrolls.

A QTextBrowser normally scrolls inside itself; inside a scrolling page that makes a small box
within a box. This one grows to the height of its document at the current width, so the page
scroll bar is the only one. Links stay reachable by Tab, and a screen reader hears each link's
text as the keyboard reaches it (Qt does not expose links in a text browser as objects).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser

from app.i18n import _
from ui import a11y


class DocumentView(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self.highlighted.connect(self._link_reached)
        self._fit_pending = False

    def setHtml(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setHtml(text)
        self._fit()

    def _fit(self) -> None:
        margins = self.contentsMargins()
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        height = int(doc.size().height()) + margins.top() + margins.bottom() + 2
        if self.height() != height:
            self.setFixedHeight(max(height, 40))

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width() and not self._fit_pending:
            self._fit_pending = True
            QTimer.singleShot(0, self._fit_later)

    def _fit_later(self) -> None:
        self._fit_pending = False
        self._fit()

    def wheelEvent(self, event):  # noqa: N802
        event.ignore()  # nothing to scroll in here: the page around it scrolls

    def changeEvent(self, event):  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _link_reached(self, url: QUrl) -> None:
        if url.isEmpty() or not self.hasFocus():
            return  # the mouse passing over a link is not announced
        text = self.textCursor().selectedText() or url.toString()
        a11y.announce(self, _("Link: {text}").format(text=text))

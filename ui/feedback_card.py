"""Home's "From your clinician" card: what is new since the person last looked, each one step away.

The card only shows and asks; Home records what was seen and goes where a row points
(see ``app.exchange.patient`` for what counts as seen).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from app.exchange import readable
from app.exchange.patient import ASSIGNMENT, COMMENT, MESSAGE, UNLOCK
from app.exercises import limits
from app.i18n import _, format_date, ngettext
from ui.widgets import clear_layout, make_label, primary_button

MANY_COMMENTS = 3  # more comments than this from one person make one row, so the card stays short


def _due(iso: str | None) -> str:
    try:
        return format_date(date.fromisoformat(iso)) if iso else ""
    except ValueError:
        return ""


class FeedbackCard(QFrame):
    """Rows of news; ``open_requested(items)`` when a row's button is pressed, ``dismissed`` for "Mark all as seen"."""

    open_requested = Signal(object)  # a list of patient.News that one row stands for
    dismissed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setObjectName("feedbackCard")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 16, 18, 16)
        lay.setSpacing(8)
        self.title = make_label("subheading")
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        self.seen = QPushButton()
        self.seen.clicked.connect(self.dismissed)
        bottom = QHBoxLayout()
        bottom.addWidget(self.seen)
        bottom.addStretch(1)
        lay.addWidget(self.title)
        lay.addLayout(self.rows)
        lay.addLayout(bottom)
        self.buttons: list[QPushButton] = []
        self._news: list = []
        self._labels: dict[str, str] = {}
        self.hide()

    def set_news(self, news: list, entry_labels: dict[str, str], module_titles: dict[str, str]) -> None:
        """Show ``news`` (``patient.news``); ``entry_labels`` names each commented entry by id and
        ``module_titles`` each unlocked module by key (both already in words)."""
        self._news, self._labels = list(news), {**entry_labels, **module_titles}
        self.retranslate()

    def _groups(self) -> list[list]:
        """One row per item, newest first, except that the new messages from one person make one row,
        and so do their comments when there are many."""
        many = sum(1 for n in self._news if n.kind == COMMENT) > MANY_COMMENTS
        groups: list[list] = []
        together: dict[tuple[str, str], list] = {}
        for n in self._news:
            if n.kind == MESSAGE or (n.kind == COMMENT and many):
                key = (n.kind, n.sender)
                if key not in together:
                    together[key] = []
                    groups.append(together[key])
                together[key].append(n)
            else:
                groups.append([n])
        return groups

    def _texts(self, items: list) -> tuple[str, str, str]:
        """(what happened, button text, button's accessible name) for one row."""
        n = items[0]
        name = n.sender
        if n.kind == MESSAGE:
            if len(items) == 1:
                text = _("Message from {name}, {when}: {preview}").format(
                    name=name, when=readable.when(n.at), preview=limits.first_line(n.body, width=90))
            else:
                text = ngettext("{count} new message from {name}", "{count} new messages from {name}",
                                len(items)).format(count=len(items), name=name)
            return (text, ngettext("Read it", "Read them", len(items)),
                    ngettext("Read the message from {name}", "Read the messages from {name}", len(items)).format(
                        name=name))
        if n.kind == COMMENT and len(items) > 1:
            return (ngettext("{count} new comment from {name} on your entries",
                             "{count} new comments from {name} on your entries", len(items)).format(
                                 count=len(items), name=name),
                    _("Start with the newest"), _("See the newest comment from {name}").format(name=name))
        if n.kind == COMMENT:
            entry = self._labels.get(n.entry_id, "")
            return (_("{name} commented on \u201c{entry}\u201d").format(name=name, entry=entry),
                    _("See the comment"), _("See the comment on \u201c{entry}\u201d").format(entry=entry))
        if n.kind == UNLOCK:
            module = self._labels.get(n.key, n.module_id)
            return (_("{name} opened a module for you: {module}").format(name=name, module=module),
                    _("Open the module"), _("Open module {module}").format(module=module))
        measure = self._labels.get(n.measure_id, n.measure_id)
        due = _due(n.due)
        text = (_("{name} asked you to fill in the {measure} by {date}").format(name=name, measure=measure, date=due)
                if due else _("{name} asked you to fill in the {measure}").format(name=name, measure=measure))
        return text, _("Fill it in"), _("Fill in the {measure} now").format(measure=measure)

    def retranslate(self) -> None:
        self.title.setText(_("From your clinician"))
        self.seen.setText(_("Mark all as seen"))
        self.seen.setAccessibleName(_("Mark everything new from your clinician as seen"))
        clear_layout(self.rows)
        self.buttons = []
        groups = self._groups()
        for items in groups:
            text, button_text, name = self._texts(items)
            row = QHBoxLayout()
            label = make_label()
            label.setText(text)
            button = primary_button() if items[0].kind == ASSIGNMENT else QPushButton()
            button.setText(button_text)
            button.setAccessibleName(name)
            button.setAccessibleDescription(text)
            button.clicked.connect(lambda _c=False, it=items: self.open_requested.emit(it))
            row.addWidget(label, 1)
            row.addWidget(button)
            holder = QFrame()
            holder.setLayout(row)
            row.setContentsMargins(0, 0, 0, 0)
            self.rows.addWidget(holder)
            self.buttons.append(button)
        self.setVisible(bool(groups))


def entry_labels(store, news: list) -> dict[str, str]:
    """Each commented entry as the person knows it: its kind's one-line summary."""
    from app.exercises import store as ex_store

    labels = {}
    for n in news:
        if n.kind == COMMENT and n.entry_id not in labels:
            entry = ex_store.get(store, n.entry_id)
            labels[n.entry_id] = limits.first_line(entry.summary, width=60) if entry else ""
    return labels


def item_titles(news: list) -> dict[str, str]:
    """Unlocked modules ("2. Noticing what you do") and questionnaires by name, keyed as the card looks them up."""
    from app.measures import engine

    titles = {}
    for n in news:
        if n.kind == UNLOCK:
            titles[n.key] = readable.module_title(n.program_id, n.module_id)
        elif n.kind == ASSIGNMENT:
            m = engine.shipped().get(n.measure_id)
            titles[n.measure_id] = m.name if m else n.measure_id
    return titles


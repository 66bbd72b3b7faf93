"""Home: a greeting, where to continue, and quick ways in."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app import journal
from app.i18n import _, ngettext
from ui.widgets import card, make_label


class HomePage(QWidget):
    def __init__(self, ctx, go, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._journal_count = 0
        lay = QVBoxLayout(self)
        lay.setContentsMargins(32, 28, 32, 28)
        lay.setSpacing(16)
        self.heading = make_label("heading")
        lay.addWidget(self.heading)

        prog, pl = card()
        self.prog_title = make_label("subheading")
        self.prog_text = make_label("muted")
        pl.addWidget(self.prog_title)
        pl.addWidget(self.prog_text)
        lay.addWidget(prog)

        jour, jl = card()
        self.journal_title = make_label("subheading")
        self.journal_text = make_label("muted")
        row = QHBoxLayout()
        self.write = QPushButton()
        self.write.clicked.connect(lambda: go("journal"))
        row.addWidget(self.write)
        row.addStretch(1)
        jl.addWidget(self.journal_title)
        jl.addWidget(self.journal_text)
        jl.addLayout(row)
        lay.addWidget(jour)
        lay.addStretch(1)
        self.retranslate()

    def load(self) -> None:
        self._journal_count = journal.count(self.ctx.session.store)
        self.retranslate()

    def clear(self) -> None:
        self._journal_count = 0
        self.heading.setText("")
        self.retranslate()

    def retranslate(self) -> None:
        session = self.ctx.session
        self.heading.setText(_("Hello, {name}").format(name=session.display_name) if session else "")
        self.prog_title.setText(_("Continue where you left off"))
        self.prog_text.setText(_("You have not started a program yet. When you do, your next lesson, this "
                                 "week's homework and what comes next will be shown here."))
        self.journal_title.setText(_("Your journal"))
        if self._journal_count:
            self.journal_text.setText(ngettext("You have written {count} entry. Everything in it stays "
                                               "encrypted on this computer.",
                                               "You have written {count} entries. Everything in them stays "
                                               "encrypted on this computer.",
                                               self._journal_count).format(count=self._journal_count))
        else:
            self.journal_text.setText(_("Writing down what happened and how you felt is a good first step. "
                                        "Your entries stay encrypted on this computer."))
        self.write.setText(_("Write in my journal"))

"""The exchange audit log: every pairing, export and import, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from app.exchange import readable
from app.i18n import _
from ui.exchange.fitted_table import FittedTable
from ui.widgets import EmptyState, make_label

COLUMNS = ("when", "direction", "name", "fingerprint", "what", "hash", "result")


class AuditView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.intro = make_label("muted")
        self.empty = EmptyState()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("auditTable")
        self.fitted = FittedTable(self.table, stretch=(COLUMNS.index("what"),))
        lay.addWidget(self.intro)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        self.retranslate()

    def load(self) -> None:
        rows = readable.audit_rows(self.ctx.session.store) if self.ctx.session else []
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, key in enumerate(COLUMNS):
                item = QTableWidgetItem(row[key])
                if key == "fingerprint":
                    item.setToolTip(row[key])
                self.table.setItem(i, j, item)
        self.fitted.measure()
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def clear(self) -> None:
        self.table.setRowCount(0)

    def retranslate(self) -> None:
        self.intro.setText(_("Every card paired and every file sent or received, with the other person's "
                             "fingerprint and the file's hash (its first 12 characters), newest first."))
        self.table.setHorizontalHeaderLabels([_("When"), _("Direction"), _("With"), _("Fingerprint"), _("What"),
                                              _("Hash"), _("Result")])
        self.table.setAccessibleName(_("Exchange log"))
        self.empty.set_texts(_("Nothing sent or received yet"),
                             _("Pairings, files you send and files you open will be listed here."))
        if self.ctx.session is not None and self.table.rowCount():
            self.load()  # the rows are sentences in the old language


class AuditDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowTitle(_("Exchange log"))
        self.resize(900, 480)
        lay = QVBoxLayout(self)
        self.view = AuditView(ctx)
        lay.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        lay.addWidget(buttons)
        self.view.load()

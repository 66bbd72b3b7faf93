"""Printing the recovery key (on paper: Hearth never writes it to a file itself)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from app.i18n import _


def print_recovery_key(parent, key: str) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print the recovery key"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    doc = QTextDocument()
    doc.setPlainText("\n\n".join([
        _("Hearth recovery key"),
        key,
        _("Keep this page private and safe. With it you can open your profile if you forget your password."),
    ]))
    doc.print_(printer)

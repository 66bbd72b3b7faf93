"""Printing on paper: the recovery key, and the clinician's report.

Both start on a real printer (the system's default one) and offer no "print to file": the
recovery key must never be kept in a file, and the report has its own "Save as PDF…" that
first warns that the file is not encrypted.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

from app.i18n import _


def default_printer():
    """A QPrinter on the system's default printer (else the first one), or None if none is set up."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        available = QPrinterInfo.availablePrinters()
        if not available:
            return None
        info = available[0]
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName("")  # to the printer itself, never a file
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    return printer


def paper_dialog(printer, parent, title: str):
    """Qt's print dialog on ``printer``, without its "print to file" choice."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    return dialog


def print_recovery_key(parent, key: str) -> None:
    from PySide6.QtPrintSupport import QPrintDialog

    printer = default_printer()
    if printer is None:
        QMessageBox.information(parent, _("No printer found"), _(
            "This computer has no printer set up, so the key cannot be printed from here. Please write the "
            "key down on paper instead, and check every group twice. Keep the paper somewhere safe, and do "
            "not save the key in a file on this computer."))
        return
    dialog = paper_dialog(printer, parent, _("Print the recovery key"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return
    doc = QTextDocument()
    doc.setPlainText("\n\n".join([
        _("Hearth recovery key"),
        key,
        _("Keep this page private and safe. With it you can open your profile if you forget your password."),
    ]))
    doc.print_(printer)

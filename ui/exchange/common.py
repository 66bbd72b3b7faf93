"""File dialogs (Qt's own, so nothing lands in desktop recent-file lists), errors, fingerprints."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.errors import HearthError
from app.i18n import _

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def package_filter() -> str:
    return _("Hearth exchange files (*.age);;All files (*)")


def card_filter() -> str:
    return _("Hearth cards (*.card);;All files (*)")


def open_file(parent, title: str, filters: str) -> Path | None:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", filters, options=_OPTIONS)
    return Path(path) if path else None


def save_file(parent, title: str, suggested: str, filters: str) -> Path | None:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, filters, options=_OPTIONS)
    return Path(path) if path else None


def choose_folder(parent, title: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, "", QFileDialog.Option.ShowDirsOnly | _OPTIONS)
    return Path(path) if path else None


def error_text(exc: BaseException) -> str:
    if isinstance(exc, HearthError):
        return exc.message()
    if isinstance(exc, OSError):
        return _("The file could not be written or read ({reason}). Nothing was changed. Choose another "
                 "place and try again.").format(reason=exc.strerror or type(exc).__name__)
    return _("Something went wrong. Nothing was changed. Please try again.")


def show_error(parent, exc: BaseException, title: str | None = None) -> None:
    """A clear dialog with the error's own translated message (Enter or Escape closes it)."""
    QMessageBox.warning(parent, title or _("Nothing was changed"), error_text(exc))


def to_reading_edge(*labels) -> None:
    """Align labels at the edge the language reads from, even when they hold a name in Latin letters
    (Qt would put such text at the left of a right-to-left page)."""
    from PySide6.QtCore import Qt

    from app.i18n import is_rtl

    edge = Qt.AlignmentFlag.AlignRight if is_rtl() else Qt.AlignmentFlag.AlignLeft
    for label in labels:
        label.setAlignment(edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)


def fingerprint_label(scale: float = 1.4):
    """A selectable label showing a fingerprint in large fixed-width digits."""
    from PySide6.QtGui import QFontDatabase

    from ui.widgets import make_label

    label = make_label("fingerprint", selectable=True)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(label.font().pointSizeF() * scale)
    label.setFont(font)
    return label


def grouped(fingerprint: str) -> str:
    """The fingerprint in two lines of three groups, easy to read aloud."""
    groups = fingerprint.split()
    return "  ".join(groups[:3]) + "\n" + "  ".join(groups[3:])


def spoken(fingerprint: str) -> str:
    """For screen readers: digits separated so they are read one by one."""
    return ", ".join(" ".join(g) for g in fingerprint.split())

"""Save my workbook…: the person's own records, in words, as a PDF they can keep or print (``app.archive.workbook``).

The person chooses what goes in; they are told first, in plain words, that the file is not encrypted; Qt's
own file dialog (nothing lands in the desktop's recent-file lists) offers the Documents folder and a name
with the date (not the person's name). Charts, layout and the atomic write all run in a worker."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout

from app import fsutil
from app.archive import workbook
from app.i18n import _
from ui.exchange.common import save_file, show_error
from ui.widgets import make_label, primary_button
from ui.worker import run_waiting


class WorkbookDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_("Save my workbook"))
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        intro = make_label()
        intro.setText(_("Your workbook is a PDF of what you choose below, in words, to keep, print or show to "
                        "someone you trust."))
        lay.addWidget(intro)
        labels = workbook.section_labels()
        self.boxes = {}
        for sid in workbook.SECTIONS:
            box = QCheckBox(labels[sid])
            box.setChecked(True)
            box.toggled.connect(self._update)
            self.boxes[sid] = box
            lay.addWidget(box)
        self.warning = make_label("error")  # bold, in the error colour: the one thing to know
        self.warning.setText(_("The PDF is not encrypted: anyone who can open it can read everything in it. Save "
                               "it only somewhere private, and delete it when you no longer need it."))
        lay.addWidget(self.warning)
        buttons = QDialogButtonBox()
        self.ok = primary_button()
        self.ok.setText(_("Choose where to save\u2026"))
        buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.chosen()))  # nothing chosen: nothing to save

    def chosen(self) -> tuple[str, ...]:
        return tuple(sid for sid, box in self.boxes.items() if box.isChecked())


def save_workbook(parent, ctx) -> bool:
    """Ask what and where, then draw, lay out and write the PDF; True when a file was saved."""
    from ui.pdf import chart_pngs, default_folder, html_to_pdf

    session = ctx.session
    if session is None:
        return False
    dialog = WorkbookDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    chosen = dialog.chosen()
    path = save_file(parent, _("Save my workbook"), str(default_folder() / workbook.file_name()),
                     _("PDF files (*.pdf);;All files (*)"))
    if path is None:
        return False
    store, data_dir, name = session.store, ctx.data_dir, session.display_name

    def work():
        charts = chart_pngs(data_dir, workbook.measures_by_id(store)) if "measures" in chosen else {}
        pdf = html_to_pdf(workbook.render_html(store, chosen, charts, name), workbook.texts()["title"],
                          workbook.mark())
        fsutil.save_chosen_file(path, pdf)
        return path

    try:
        saved = run_waiting(work, parent, _("Making your workbook\u2026"))
    except Exception as exc:  # noqa: BLE001 - shown to the person; nothing half-written
        show_error(parent, exc, _("Your workbook was not saved"))
        return False
    QMessageBox.information(parent, _("Your workbook was saved"), _("Your workbook was saved in {path}.").format(
        path=saved))
    return True

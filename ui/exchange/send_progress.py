"""Send progress: choose what to share, see exactly what will leave the computer, then save."""

from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QGroupBox, QPlainTextEdit, QRadioButton,
                               QVBoxLayout)

from app.exchange import collect, readable
from app.exercises import readable as entry_form
from app.i18n import _, format_number
from ui.exchange.flows import suggested_name, write_package
from ui.widgets import make_label


class SendProgressDialog(QDialog):
    def __init__(self, ctx, contact, parent=None):
        super().__init__(parent)
        self.ctx, self.contact = ctx, contact
        self.exported = None
        self.setObjectName("sendProgressDialog")
        self.setWindowTitle(_("Send progress to {name}").format(name=contact.display_name))
        self.resize(640, 640)
        lay = QVBoxLayout(self)
        intro = make_label()
        intro.setText(_("Choose what to share with {name}. The file is encrypted so that only they can open it. "
                        "Below is exactly what it will contain.").format(name=contact.display_name))
        lay.addWidget(intro)
        box = QGroupBox(_("What to share"))
        box_lay = QVBoxLayout(box)
        self.checks: dict[str, QCheckBox] = {}
        for key in collect.CATEGORIES:
            check = QCheckBox(_(readable.CATEGORY_LABELS[key]))
            check.setChecked(True)
            check.setAccessibleName(_(readable.CATEGORY_LABELS[key]))
            check.toggled.connect(self.refresh)
            box_lay.addWidget(check)
            self.checks[key] = check
        lay.addWidget(box)
        since = QGroupBox(_("How much"))
        since_lay = QVBoxLayout(since)
        self.changed_only = QRadioButton(_("Only what is new or changed since {name} last confirmed receiving a "
                                           "file").format(name=contact.display_name))
        self.everything = QRadioButton(_("Everything again (a full copy)"))
        self.changed_only.setChecked(True)
        for r in (self.changed_only, self.everything):
            r.setAccessibleName(r.text())
            r.toggled.connect(self.refresh)
            since_lay.addWidget(r)
        lay.addWidget(since)
        self.summary = make_label("subheading")
        lay.addWidget(self.summary)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("sendPreview")
        self.preview.setReadOnly(True)
        self.preview.setTabChangesFocus(True)
        self.preview.setAccessibleName(_("What the file will contain"))
        lay.addWidget(self.preview, 1)
        buttons = QDialogButtonBox()
        self.save = buttons.addButton(_("Save the file\u2026"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save.setAccessibleName(_("Choose where to save the encrypted file"))
        self.save.setDefault(True)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.shown = None
        self.refresh()

    def categories(self) -> list[str]:
        return [k for k, c in self.checks.items() if c.isChecked()]

    def refresh(self) -> None:
        self.shown = collect.preview(self.ctx.session, self.contact, self.categories(), self.everything.isChecked())
        lines = []
        for section, records in self.shown.sections.items():
            lines.append(_("{section}: {count}").format(section=_(readable.SECTION_TITLES[section]),
                                                        count=format_number(len(records))))
            for r in records:
                lines.append("  \u2022 " + readable.describe(section, r).replace("\n", " "))
                if section == "homework":  # every field in words, exactly as the clinician will read it
                    lines += ["      " + part for part in entry_form.as_text(entry_form.entry_lines(r)).split("\n")]
            lines.append("")
        self.preview.setPlainText("\n".join(lines))
        empty = self.shown.empty
        self.save.setEnabled(not empty)
        if not self.categories():
            self.summary.setText(_("Choose at least one kind of information to share."))
        elif empty:
            self.summary.setText(_("Nothing new since the last file {name} confirmed. Choose \u201cEverything "
                                   "again\u201d to send a full copy.").format(name=self.contact.display_name))
        else:
            self.summary.setText(_("The file will contain: {what}.").format(what=readable.counts_text(self.shown.counts)))

    def _save(self) -> None:
        done = write_package(self, self.ctx, self.contact, suggested_name("progress"),
                             categories=self.categories(), everything=self.everything.isChecked())
        if done is not None:
            self.exported = done
            self.accept()

"""Panels both sides show: this profile's own card and fingerprint, and the sync folder."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app import preferences
from app.exchange import keys
from app.i18n import _
from ui.exchange.common import choose_folder, fingerprint_label, grouped, spoken, to_reading_edge
from ui.exchange.flows import share_card_flow
from ui.widgets import card_in, fill_card, make_label


class OwnCardPanel(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        inner = card_in(self)
        self.title = make_label("subheading")
        self.text = make_label("muted")
        self.fingerprint = fingerprint_label(1.4)
        self.share = QPushButton()
        self.share.clicked.connect(lambda: share_card_flow(self, self.ctx))
        fill_card(inner, (self.title, self.text, self.fingerprint), [self.share])
        self.retranslate()

    def load(self) -> None:
        if self.ctx.session is None:
            return
        fp = keys.ensure(self.ctx.session.store).fingerprint
        self.fingerprint.setText(grouped(fp))
        self.fingerprint.setAccessibleName(_("Your fingerprint: {digits}").format(digits=spoken(fp)))

    def clear(self) -> None:
        self.fingerprint.clear()

    def retranslate(self) -> None:
        self.title.setText(_("Your card and fingerprint"))
        self.text.setText(_("Your card lets the other person pair with you. When they import it, read this "
                            "fingerprint out to them (by phone or in person) so they can check it."))
        self.share.setText(_("Share my card\u2026"))
        self.share.setAccessibleName(_("Save your card to a file"))
        to_reading_edge(self.fingerprint)


class SyncFolderPanel(QWidget):
    changed = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        inner = card_in(self)
        self.title = make_label("subheading")
        self.text = make_label("muted")
        self.current = make_label(selectable=True)
        self.choose = QPushButton()
        self.stop = QPushButton()
        self.choose.clicked.connect(self._choose)
        self.stop.clicked.connect(lambda: self._set(""))
        fill_card(inner, (self.title, self.text, self.current), [self.choose, self.stop])
        self.retranslate()

    def _choose(self) -> None:
        folder = choose_folder(self, _("Choose the sync folder"))
        if folder is not None:
            self._set(str(folder))

    def _set(self, folder: str) -> None:
        if self.ctx.session is None:
            return
        self.ctx.prefs = preferences.save(self.ctx.session.store, sync_folder=folder)
        self.retranslate()
        self.changed.emit()

    def load(self) -> None:
        self.retranslate()

    def clear(self) -> None:
        self.current.clear()

    def retranslate(self) -> None:
        folder = self.ctx.prefs.sync_folder if self.ctx.session else ""
        self.title.setText(_("Sync folder (optional)"))
        self.text.setText(_("If you and the other person share a folder through a sync tool (Syncthing, "
                            "Nextcloud, OneDrive\u2026), Hearth can put the files you send there and open new "
                            "files that arrive, while this profile is unlocked. It never changes other files."))
        self.current.setText(_("Folder: {path}").format(path=folder) if folder else _("No sync folder chosen."))
        self.choose.setText(_("Choose a folder\u2026") if not folder else _("Choose another folder\u2026"))
        self.choose.setAccessibleName(_("Choose the sync folder"))
        self.stop.setText(_("Stop using it"))
        self.stop.setAccessibleName(_("Stop using the sync folder"))
        self.stop.setVisible(bool(folder))

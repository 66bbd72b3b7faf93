"""What can go wrong with a data archive, each with a translated message that says what to do."""

from __future__ import annotations

from app.errors import FileNotSaved, HearthError
from app.i18n import _


class ArchiveProblem(HearthError):
    """A file that is not a readable Hearth archive. Nothing was imported."""

    exit_code = 33

    NOT_ARCHIVE = "not_archive"
    DAMAGED = "damaged"
    TOO_BIG = "too_big"
    NEWER = "newer"
    INVALID = "invalid"
    NEEDS_PASSPHRASE = "needs_passphrase"
    WRONG_PASSPHRASE = "wrong_passphrase"
    NOT_EMPTY = "not_empty"
    WRONG_KIND = "wrong_kind"

    def __init__(self, reason: str, where: str = ""):
        super().__init__(reason)
        self.reason, self.where = reason, where

    def message(self) -> str:
        texts = {
            self.NOT_ARCHIVE: _("This file is not a copy of Hearth data. Choose the file Hearth saved for you (its "
                                "name ends in .zip or .age). Nothing was imported."),
            self.DAMAGED: _("The archive is damaged or was changed after it was saved ({where}). Nothing was "
                            "imported. If you have another copy, try that one."),
            self.TOO_BIG: _("The archive is larger than Hearth can read ({where}). Nothing was imported."),
            self.NEWER: _("This archive was made by a newer version of Hearth. Update Hearth on this computer, "
                          "then try again. Nothing was imported."),
            self.INVALID: _("A record in the archive is not in the form Hearth expects ({where}). Nothing was "
                            "imported. The archive may have been edited by hand or made by another program."),
            self.NEEDS_PASSPHRASE: _("This file is protected with a password. Type the password it was saved "
                                     "with, then try again."),
            self.WRONG_PASSPHRASE: _("That password does not open this file. Check it (capital letters count) "
                                     "and try again. Nothing was imported."),
            self.NOT_EMPTY: _("This profile already has entries of its own, and an archive can only be brought "
                              "into a new, empty profile (so nothing is doubled or written over). Create a new "
                              "profile, then import the archive there."),
            self.WRONG_KIND: _("An archive of a person's own data can only be imported into a personal profile, "
                               "not a clinician workspace. Nothing was imported."),
        }
        return texts.get(self.reason, texts[self.NOT_ARCHIVE]).format(where=self.where or "-")


ArchiveNotWritten = FileNotSaved  # the archive could not be written: the same words as any file a person saves

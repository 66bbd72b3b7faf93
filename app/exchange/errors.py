"""Everything that can go wrong with a card or a package, one class (and exit code) each.

Codes 2-8 belong to app.errors; the exchange uses 10 upward. Messages never
contain text from the file (it is untrusted and may be the other person's).
"""

from __future__ import annotations

from app.errors import HearthError
from app.i18n import _


class ExchangeError(HearthError):
    """Base class; ``audit_reason`` names the kind in the audit log (not translated)."""

    audit_reason = "error"


class FileTooLarge(ExchangeError):
    exit_code = 10
    audit_reason = "too_large"

    def __init__(self, limit_mib: int):
        super().__init__(limit_mib)
        self.limit_mib = limit_mib

    def message(self) -> str:
        return _("This file is too large to be a Hearth file (over {limit} MB). Nothing was imported. "
                 "Check that you chose the right file.").format(limit=self.limit_mib)


class NotAPackage(ExchangeError):
    exit_code = 11
    audit_reason = "not_age"

    def message(self) -> str:
        return _("This is not a Hearth exchange file, or it was damaged on the way. Nothing was imported. "
                 "Check that you chose the file the other person sent you (its name ends in .age); if you "
                 "did, ask them to save it again in Hearth and send it once more.")


class PassphraseFile(ExchangeError):
    exit_code = 12
    audit_reason = "passphrase"

    def message(self) -> str:
        return _("This file is locked with a password, so it was not made in Hearth for you. Nothing was "
                 "imported. Hearth opens only files that a person you are paired with saved for you in "
                 "Hearth: ask them to send it that way.")


class NotForYou(ExchangeError):
    exit_code = 13
    audit_reason = "not_for_you"

    def message(self) -> str:
        return _("This file was made for someone else, not for this profile. Nothing was imported. "
                 "Check that you opened the right profile and chose the right file.")


class PackageDamaged(ExchangeError):
    exit_code = 14
    audit_reason = "damaged"

    def message(self) -> str:
        return _("This file is damaged or incomplete (it may have been cut short or changed while "
                 "being copied). Nothing was imported. Ask the sender for a new copy.")


class PackageMalformed(ExchangeError):
    exit_code = 15
    audit_reason = "malformed"

    def message(self) -> str:
        return _("This file opened, but Hearth cannot read what is inside (it may come from a different "
                 "version of Hearth, or hold more than Hearth accepts). Nothing was imported. Ask the sender "
                 "to save it again in Hearth.")


class UnknownSender(ExchangeError):
    exit_code = 16
    audit_reason = "unknown_sender"

    def message(self) -> str:
        return _("This file comes from someone you have not paired with. Nothing was imported. "
                 "Pair with the sender using their card first, then import the file again.")


class SignatureInvalid(ExchangeError):
    exit_code = 17
    audit_reason = "bad_signature"

    def message(self) -> str:
        return _("This file was changed after the sender saved it, so Hearth cannot trust it. Nothing "
                 "was imported. Ask the sender for a new copy.")


class WrongRecipient(ExchangeError):
    exit_code = 18
    audit_reason = "wrong_recipient"

    def message(self) -> str:
        return _("This file was made for someone else and then passed on to you. Nothing was imported. "
                 "Ask the sender to save a file for you in Hearth.")


class AlreadyImported(ExchangeError):
    exit_code = 19
    audit_reason = "replay"

    def message(self) -> str:
        return _("This file was already imported. Nothing was changed, and there is nothing more to do.")


class OlderPackage(ExchangeError):
    exit_code = 20
    audit_reason = "rollback"

    def message(self) -> str:
        return _("This file is older than one you have already imported from the same sender, so "
                 "it would undo newer information. Nothing was imported. Ask for the newest file.")


class PayloadInvalid(ExchangeError):
    exit_code = 21
    audit_reason = "payload_invalid"

    def message(self) -> str:
        return _("This file comes from a person you are paired with, but some of what it holds cannot be "
                 "read (it may come from a different version of Hearth). Nothing was imported. Ask them to "
                 "update Hearth and save the file again.")


class TooManyRecords(ExchangeError):
    """A paired person's package holds more than the limits (docs/exchange-format.md): refused before it is read."""

    exit_code = 29
    audit_reason = "over_limits"

    def message(self) -> str:
        return _("This file comes from a person you are paired with, but it holds far more records than "
                 "Hearth accepts in one file, so Hearth did not read it. Nothing was imported. Ask them what "
                 "they sent; if it is right, they can send one kind of record at a time.")


class CardInvalid(ExchangeError):
    exit_code = 22

    def message(self) -> str:
        return _("This is not a Hearth card, or it was damaged or changed after it was made. Nothing was "
                 "paired. Ask the person for their card again.")


class CardWrongRole(ExchangeError):
    exit_code = 23

    def __init__(self, want_clinician: bool):
        super().__init__(want_clinician)
        self.want_clinician = want_clinician

    def message(self) -> str:
        if self.want_clinician:
            return _("This card belongs to a patient. A patient profile pairs with a clinician's "
                     "card. Nothing was paired.")
        return _("This card belongs to a clinician. A clinician workspace pairs with patients' "
                 "cards. Nothing was paired.")


class CardIsYours(ExchangeError):
    exit_code = 24

    def message(self) -> str:
        return _("This is this profile's own card. Pair with the other person's card instead. "
                 "Nothing was paired.")


class ContactNotFound(ExchangeError):
    exit_code = 25

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name

    def message(self) -> str:
        return _("There is no one called \u201c{name}\u201d among the people this profile is paired "
                 "with. Check the name, or pair with their card first.").format(name=self.name)


class PairingDeclined(ExchangeError):
    exit_code = 26

    def message(self) -> str:
        return _("Pairing cancelled: the fingerprints were not confirmed. Nothing was paired.")


class KeyConflict(ExchangeError):
    exit_code = 27

    def message(self) -> str:
        return _("This card partly matches someone you are already paired with, but not completely: it "
                 "may be a changed or mixed-up card. Nothing was paired. Compare fingerprints with the "
                 "person and ask them for their card again.")


class FileUnreadable(ExchangeError):
    exit_code = 28
    audit_reason = "unreadable"

    def message(self) -> str:
        return _("This file could not be read (it may have been moved, renamed, or still be copying). "
                 "Nothing was imported. Check the file and try again.")


class NotAFile(FileUnreadable):
    """A folder, a pipe (FIFO), a device or a socket was chosen: refused before reading (it could block)."""

    audit_reason = "not_a_file"

    def message(self) -> str:
        return _("What you chose is not an ordinary file (it is a folder, a device or a pipe), so Hearth did "
                 "not read it. Nothing was changed. Choose the file itself and try again.")


class PackageNotWritten(ExchangeError):
    """Writing the package file failed (full or read-only disk, a removed USB stick): nothing was marked."""

    exit_code = 30

    def __init__(self, reason: str = ""):
        super().__init__(reason)
        self.reason = reason

    def message(self) -> str:
        return _("The file could not be saved ({reason}). The disk may be full or read-only, or the USB stick "
                 "may have been removed. Nothing was marked as sent: everything will go in the next file you "
                 "save. Free some space or choose another place, then try again.").format(
            reason=self.reason or "-")


class ExportNotRecorded(ExchangeError):
    """The package file was written, but recording it as sent failed: the next one repeats its items."""

    exit_code = 31

    def message(self) -> str:
        return _("The file was saved, but Hearth could not note in this profile that it was sent (the disk "
                 "may be full). You can send the file. The next file you save will carry the same things "
                 "again; the other person's Hearth keeps only one copy of each.")

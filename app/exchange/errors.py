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
        return _("This file is larger than {limit} MiB, so it is not a Hearth file. Nothing was "
                 "imported. Check that you chose the right file.").format(limit=self.limit_mib)


class NotAPackage(ExchangeError):
    exit_code = 11
    audit_reason = "not_age"

    def message(self) -> str:
        return _("This is not a Hearth exchange file (it is not a binary age file for a person's "
                 "key). Nothing was imported. Ask the sender to export it again from Hearth.")


class PassphraseFile(ExchangeError):
    exit_code = 12
    audit_reason = "passphrase"

    def message(self) -> str:
        return _("This file is protected with a passphrase. Hearth only opens files encrypted to "
                 "your own key by a paired contact. Nothing was imported.")


class NotForYou(ExchangeError):
    exit_code = 13
    audit_reason = "not_for_you"

    def message(self) -> str:
        return _("This file was encrypted for someone else, not for this profile. Nothing was "
                 "imported. Check that you opened the right profile and chose the right file.")


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
        return _("This file opened, but its contents are not in the Hearth format (or exceed its "
                 "limits). Nothing was imported. Ask the sender to export it again.")


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
        return _("The signature on this file does not match its sender: it was changed after it "
                 "was written. Nothing was imported. Ask the sender for a new copy.")


class WrongRecipient(ExchangeError):
    exit_code = 18
    audit_reason = "wrong_recipient"

    def message(self) -> str:
        return _("This file was signed for a different recipient, so it may have been forwarded "
                 "by someone else. Nothing was imported. Ask the sender to export it for you.")


class AlreadyImported(ExchangeError):
    exit_code = 19
    audit_reason = "replay"

    def message(self) -> str:
        return _("This file was already imported. Nothing was changed.")


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
        return _("This file is correctly signed, but what it carries is not valid (wrong types, "
                 "too long or too many items). Nothing was imported. The sender may need to "
                 "update Hearth; ask them to export again.")


class CardInvalid(ExchangeError):
    exit_code = 22

    def message(self) -> str:
        return _("This is not a valid Hearth card (it is damaged, changed after it was made, or "
                 "in another format). Nothing was paired. Ask for the card again.")


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
        return _("There is no paired contact called \u201c{name}\u201d in this profile. Pair with "
                 "their card first.").format(name=self.name)


class PairingDeclined(ExchangeError):
    exit_code = 26

    def message(self) -> str:
        return _("Pairing cancelled: the fingerprints were not confirmed. Nothing was paired.")


class KeyConflict(ExchangeError):
    exit_code = 27

    def message(self) -> str:
        return _("One of the keys on this card already belongs to another paired contact, with a "
                 "different partner key. Nothing was paired. Compare fingerprints and ask for the "
                 "card again.")


class FileUnreadable(ExchangeError):
    exit_code = 28
    audit_reason = "unreadable"

    def message(self) -> str:
        return _("This file could not be read (it may have been moved, renamed, or still be copying). "
                 "Nothing was imported. Check the file and try again.")

"""Errors a user can cause, each with a translated message and an exit code.

The message is produced when it is shown (``message()``), so it follows the
current language. Messages never contain the user's own text.
"""

from __future__ import annotations

from app.i18n import _, ngettext


class HearthError(Exception):
    """Base class: something the user can understand and act on."""

    exit_code = 1

    def message(self) -> str:  # pragma: no cover - every subclass overrides
        return _("Something went wrong. Nothing was changed. Please try again.")

    def __str__(self) -> str:
        return self.message()


class UsageError(HearthError):
    exit_code = 2

    def __init__(self, text: str):
        super().__init__(text)
        self.text = text

    def message(self) -> str:
        return self.text


class WrongPassword(HearthError):
    exit_code = 3

    def message(self) -> str:
        return _("That password did not unlock this profile. Check Caps Lock and the keyboard "
                 "language, then try again. If you have forgotten it, use your recovery key.")


class RecoveryKeyTypo(HearthError):
    exit_code = 3

    def __init__(self, group: int):
        super().__init__(group)
        self.group = group

    def message(self) -> str:
        return _("Group {number} of the recovery key has a typing mistake. Check that group "
                 "against your copy and try again.").format(number=self.group)


class RecoveryKeyFormat(HearthError):
    exit_code = 3

    def __init__(self, digits_found: int):
        super().__init__(digits_found)
        self.digits_found = digits_found

    def message(self) -> str:
        return ngettext("A recovery key has 48 digits (8 groups of 6), but {count} digit was entered. "
                        "Check your copy and try again.",
                        "A recovery key has 48 digits (8 groups of 6), but {count} digits were entered. "
                        "Check your copy and try again.", self.digits_found).format(count=self.digits_found)


class WrongRecoveryKey(HearthError):
    exit_code = 3

    def message(self) -> str:
        return _("That recovery key is correctly typed but belongs to a different profile. "
                 "Check that you chose the right profile.")


class KeyFileDamaged(HearthError):
    exit_code = 5

    def message(self) -> str:
        return _("The file that unlocks this profile (\u201ckeyfile.json\u201d) is damaged or was "
                 "changed, so the profile cannot be opened. Nothing has been changed. If you have a copy "
                 "of the profile folder, copy that file from it back into the profile folder.")


class KeyFileMismatch(HearthError):
    exit_code = 5

    def message(self) -> str:
        return _("The file that unlocks this profile (\u201ckeyfile.json\u201d) belongs to a different "
                 "profile, so this one cannot be opened. Nothing has been changed. Put the profile's own "
                 "file back, or restore the whole folder from a copy.")


class StoreDamaged(HearthError):
    exit_code = 5

    def __init__(self, has_backup: bool = False):
        super().__init__(has_backup)
        self.has_backup = has_backup

    def message(self) -> str:
        if self.has_backup:
            return _("Your password is right, but the profile's data file is damaged. Nothing has "
                     "been changed. You can restore the most recent backup; the damaged file "
                     "will be kept beside it.")
        return _("Your password is right, but the profile's data file is damaged and there is "
                 "no backup to restore. Nothing has been changed. Keep a copy of the profile "
                 "folder and ask for technical help.")


class StoreMismatch(StoreDamaged):
    """The data file in the profile folder is not this profile's (``certain``), or this key cannot
    read any page of it, so it is another profile's or damaged: SQLCipher cannot tell which."""

    def __init__(self, has_backup: bool = False, certain: bool = False):
        super().__init__(has_backup)
        self.args = (has_backup, certain)
        self.certain = certain

    def message(self) -> str:
        if self.certain and self.has_backup:
            return _("Your password is right, but the profile's data file belongs to a different profile "
                     "(it may have been copied here by mistake). Nothing has been changed. You can restore "
                     "this profile's most recent backup; the other file will be kept beside it.")
        if self.certain:
            return _("Your password is right, but the profile's data file belongs to a different profile "
                     "(it may have been copied here by mistake), and there is no backup to restore. Nothing "
                     "has been changed. Put this profile's own data file back, or restore the whole profile "
                     "folder from a copy.")
        if self.has_backup:
            return _("Your password is right, but the profile's data file cannot be read with it: it belongs "
                     "to a different profile, or it is damaged. Nothing has been changed. You can restore "
                     "this profile's most recent backup; the file will be kept beside it.")
        return _("Your password is right, but the profile's data file cannot be read with it: it belongs "
                 "to a different profile, or it is damaged, and there is no backup to restore. Nothing has "
                 "been changed. Keep a copy of the profile folder and ask for technical help.")


class ProfileInUse(HearthError):
    exit_code = 9

    def message(self) -> str:
        return _("This profile is already open in another Hearth window. Switch to that window, or close "
                 "Hearth there and try again.")


class SchemaTooNew(HearthError):
    exit_code = 6

    def __init__(self, found: int, known: int):
        super().__init__(found, known)
        self.found, self.known = found, known

    def message(self) -> str:
        return _("This profile was saved by a newer version of Hearth, so this version cannot open it. "
                 "Nothing has been changed. Install the newest version of Hearth to open it. (Data "
                 "version {found}; this version reads up to {known}.)").format(found=self.found,
                                                                               known=self.known)


class ProfileNotFound(HearthError):
    exit_code = 4

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name

    def message(self) -> str:
        return _("There is no profile called \u201c{name}\u201d here. Check the name and the data folder, "
                 "then try again.").format(name=self.name)


class ProfileExists(HearthError):
    exit_code = 7

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name

    def message(self) -> str:
        return _("A profile called \u201c{name}\u201d already exists. Choose another name.").format(
            name=self.name)


class InvalidName(HearthError):
    exit_code = 2

    def message(self) -> str:
        return _("Please enter a name or nickname of 1 to 40 characters.")


class PasswordTooShort(HearthError):
    exit_code = 2

    def __init__(self, minimum: int):
        super().__init__(minimum)
        self.minimum = minimum

    def message(self) -> str:
        return ngettext("Please choose a password of at least {count} character.",
                        "Please choose a password of at least {count} characters.", self.minimum).format(
            count=self.minimum)


class DiskProblem(HearthError):
    exit_code = 8

    def message(self) -> str:
        return _("Hearth could not write to the disk (it may be full or read-only). Nothing was "
                 "lost: your last saved entries are safe. Free some space and try again.")


class FileNotSaved(DiskProblem):
    """A file the person chose to save (a CSV, a data archive, a workbook, a moved profile) could not be
    written: no such folder, a full or read-only disk. Nothing was written (the write is atomic)."""

    def __init__(self, reason: str = ""):
        super().__init__(reason)
        self.reason = reason

    def message(self) -> str:
        return _("The file could not be saved ({reason}). The folder may not exist, or the disk may be full or "
                 "read-only. Nothing was written. Choose another place and try again.").format(reason=self.reason or "-")


class PrintFailed(HearthError):
    exit_code = 1

    def message(self) -> str:
        return _("The report could not be sent to the printer. Check that the printer is switched on and "
                 "connected, then try again, or save the report as a PDF instead.")


class EraseNotConfirmed(HearthError):
    exit_code = 32

    def message(self) -> str:
        return _("The name typed was not the profile\u2019s name, so nothing was erased. To erase it, type its "
                 "name exactly as the list of profiles shows it.")


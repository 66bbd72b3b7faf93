"""Every error a person can meet says what happened and what to do, in plain words."""

from __future__ import annotations

import re

import pytest

from app import errors
from app.archive import errors as archive_errors  # noqa: F401 - registers the data archive's errors
from app.exchange import errors as exchange_errors  # noqa: F401 - registers the exchange's errors
from app.profiles import move  # noqa: F401 - registers the errors of moving a profile

JARGON = ("age file", "binary", "MiB", "signature", "signed", "recipient", "passphrase", "payload", "schema",
          "format", "export", "contact", "key file", "partner key")
# Arguments for the errors that take some; every other error is made with none.
SAMPLES = {"RecoveryKeyTypo": (3,),
           "RecoveryKeyFormat": (40,), "StoreDamaged": (True,), "StoreMismatch": (True, True), "SchemaTooNew": (9, 4),
           "ProfileNotFound": ("Robin",), "ProfileExists": ("Robin",), "PasswordTooShort": (8,),
           "FileTooLarge": (20,), "CardWrongRole": (True,), "ContactNotFound": ("Robin",),
           "ArchiveProblem": ("damaged", "journal.json"), "MoveProblem": ("already_here", "Robin")}


def _all(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all(sub)


# UsageError carries its caller's sentence; ExchangeError is only a base class.
ALL = sorted({c for c in _all(errors.HearthError) if c.__name__ not in ("ExchangeError", "UsageError")},
             key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", ALL, ids=lambda c: c.__name__)
def test_error_message_is_plain_and_says_what_to_do(cls):
    text = cls(*SAMPLES.get(cls.__name__, ())).message()
    used = [w for w in JARGON if re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE)]
    assert used == [], f"{cls.__name__}: {text}"
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]
    assert len(sentences) >= 2 or text.startswith("Please "), f"{cls.__name__} says only what happened: {text}"


@pytest.mark.parametrize("has_backup", [True, False])
@pytest.mark.parametrize("certain", [True, False])
def test_store_mismatch_says_what_it_knows(has_backup, certain):
    text = errors.StoreMismatch(has_backup, certain).message()
    assert ("or it is damaged" in text) is not certain  # a key that reads no page cannot tell which
    assert ("most recent backup" in text) is has_backup
    assert "Nothing has been changed." in text


@pytest.mark.parametrize("reason", [v for k, v in vars(archive_errors.ArchiveProblem).items() if k.isupper()])
def test_every_archive_problem_is_plain(reason):
    text = archive_errors.ArchiveProblem(reason, "journal.json").message()
    assert [w for w in JARGON if w not in ("export", "format") and re.search(rf"\b{re.escape(w)}", text, re.I)] == []
    assert "Nothing" in text or "try again" in text or "Create a new profile" in text


@pytest.mark.parametrize("reason", [v for k, v in vars(move.MoveProblem).items() if k.isupper()])
def test_every_move_problem_says_nothing_changed(reason):
    assert "Nothing was changed." in move.MoveProblem(reason, "Robin").message()

"""What a reminder says. By default nothing private: "Hearth" and "A reminder you set". Only when the
person chose so does it say what it is for, and even then never anything they wrote."""

from __future__ import annotations

from app.i18n import _
from app.reminders import settings as rs


def title() -> str:
    return _("Hearth")


def private_text() -> str:
    return _("A reminder you set")


def specific_text(kind: str | None) -> str:
    texts = {
        rs.CHECKIN: _("Time for your daily check-in: how is your mood today?"),
        rs.HOMEWORK: _("A few minutes for this week's homework, if it suits you now."),
        rs.QUESTIONNAIRES: _("A short questionnaire is ready for you."),
        rs.PROGRESS: _("Time to send your progress to your clinician."),
        rs.WORRY_TIME: _("Your worry time starts now."),
        rs.SYNC_FILE: _("A new file from your clinician has arrived."),
    }
    return texts.get(kind, private_text())


def text(kind: str | None, specific: bool) -> str:
    return specific_text(kind) if specific else private_text()

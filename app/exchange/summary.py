"""What a package carried, in words: "3 questionnaire results, 12 check-ins and 1 message"."""

from __future__ import annotations

from app.i18n import _, format_list, ngettext


def _phrase(section: str, n: int) -> str | None:
    forms = {
        "measures": ngettext("{count} questionnaire result", "{count} questionnaire results", n),
        "flags": ngettext("{count} safety flag", "{count} safety flags", n),
        "checkins": ngettext("{count} daily check-in", "{count} daily check-ins", n),
        "homework": ngettext("{count} exercise entry", "{count} exercise entries", n),
        "homework_done": ngettext("{count} homework item ticked off", "{count} homework items ticked off", n),
        "progress": ngettext("{count} program progress record", "{count} program progress records", n),
        "messages": ngettext("{count} message", "{count} messages", n),
        "comments": ngettext("{count} comment", "{count} comments", n),
        "unlocks": ngettext("{count} module unlocked", "{count} modules unlocked", n),
        "assignments": ngettext("{count} questionnaire assigned", "{count} questionnaires assigned", n),
    }
    if section == "acknowledged":
        return _("an acknowledgement of your last package") if n else None
    text = forms.get(section)
    return text.format(count=n) if text else None


def describe(counts: dict) -> str:
    """Every non-zero count in words, joined the language's way; "nothing new" when all are zero."""
    parts = [p for section, n in counts.items() if n for p in [_phrase(section, int(n))] if p]
    return format_list(parts) if parts else _("nothing new")

"""The paired clinicians' contact details, as the safety views show them.

Only a patient's own profile has them, and only while it is unlocked: they are the
person's data, so nothing here is shown on the locked screen.
"""

from __future__ import annotations

from app.i18n import _, format_list


def contact_lines(session) -> list[str]:
    """One line per paired clinician: name (and clinic), then phone and e-mail when given."""
    if session is None or getattr(session, "kind", None) != "patient":
        return []
    from app.exchange import contacts

    lines = []
    for c in contacts.all_contacts(session.store, role="clinician"):
        ways = [w for w in (c.phone, c.email) if w]
        name = (_("{name}, {clinic}").format(name=c.display_name, clinic=c.clinic) if c.clinic
                else c.display_name)
        lines.append(_("{name}: {ways}").format(name=name, ways=format_list(ways)) if ways else name)
    return lines

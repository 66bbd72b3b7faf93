"""The person's own safety plan, kept in the encrypted store.

Its sections follow Stanley & Brown's Safety Planning Intervention. A program's lesson or homework
opens the plan with the target :data:`TARGET` (``[text](exercise:safety-plan)``).
"""

from __future__ import annotations

from app.i18n import N_
from app.store import Store
from app.store.db import utcnow

MAX_SECTION = 10_000

# (id, heading, hint) in the order of a safety plan (Stanley & Brown's structure).
SECTIONS = (
    ("warning_signs", N_("My warning signs"),
     N_("Thoughts, feelings, situations or behaviour that tell me a crisis may be starting.")),
    ("coping", N_("Things I can do on my own"),
     N_("Things that help me take my mind off my problems, even for a little while.")),
    ("distraction", N_("People and places that distract me"),
     N_("People I can be with, and places I can go, that take my mind off things.")),
    ("help_people", N_("People I can ask for help"),
     N_("Names and phone numbers of people I trust and can tell how I feel.")),
    ("professionals", N_("Professionals and crisis lines"),
     N_("My doctor, my clinician, and services I can call, with their numbers.")),
    ("safe_surroundings", N_("Making my surroundings safer"),
     N_("What I can do to keep things I might use to hurt myself out of reach.")),
    ("reasons", N_("My reasons for living"),
     N_("The things and people that matter most to me and are worth living for.")),
)
SECTION_IDS = tuple(s[0] for s in SECTIONS)
PROFESSIONALS = "professionals"
# What a program's lesson link or homework names to open the plan; no exercise may take this id.
TARGET = "safety-plan"


def load(store: Store) -> dict[str, str]:
    rows = dict(store.query("SELECT section, body FROM safety_plan"))
    return {sid: rows.get(sid, "") for sid in SECTION_IDS}


def save(store: Store, section: str, body: str) -> None:
    if section not in SECTION_IDS:
        raise KeyError(section)
    with store.transaction() as c:
        c.execute("INSERT OR REPLACE INTO safety_plan(section, body, updated_at) VALUES (?, ?, ?)",
                  (section, body[:MAX_SECTION], utcnow()))


def is_empty(store: Store) -> bool:
    return not any(v.strip() for v in load(store).values())


def professionals_suggestion(session, resources) -> str:
    """What Hearth can offer for an empty "Professionals and crisis lines" section, one line each.

    The paired clinicians first (name, clinic, and the phone and e-mail their card gives), then the
    crisis lines and emergency number of ``resources`` (:func:`app.safety.crisis.load`), in the
    current language. Nothing is invented: a country without crisis data adds no line, and the
    result is "" when nothing is known. It is only ever offered; :func:`save` it if the person keeps it.
    """
    from app.safety import clinicians, crisis

    lines = list(clinicians.contact_lines(session))
    if resources.country is not None:
        lines += crisis.line_texts(resources)
        lines.append(crisis.emergency_text(resources))
    return "\n".join(lines)[:MAX_SECTION]

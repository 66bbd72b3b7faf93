"""A rough password strength hint (guidance only; any password of 8+ is accepted)."""

from __future__ import annotations

from app.i18n import N_, _

MIN_LENGTH = 8

_COMMON = frozenset("""password passw0rd 12345678 123456789 1234567890 qwertyuiop qwerty123
iloveyou sunshine princess football baseball welcome letmein monkey123 dragon123 abc12345
11111111 00000000 password1 trustno1 superman""".split())

# Translators: password strength, shown after "Strength:"; "Fair" means medium.
LABELS = (N_("Very weak"), N_("Weak"), N_("Fair"), N_("Good"), N_("Strong"))


def strength(password: str) -> int:
    """0 (very weak) to 4 (strong), from length, variety and a short common list."""
    if len(password) < MIN_LENGTH or password.lower() in _COMMON or len(set(password)) < 4:
        return 0
    classes = sum([any(c.islower() for c in password), any(c.isupper() for c in password),
                   any(c.isdigit() for c in password), any(not c.isalnum() for c in password)])
    score = 1
    if len(password) >= 12:
        score += 1
    if len(password) >= 16 or (len(password) >= 12 and classes >= 3):
        score += 1
    if classes >= 3 or " " in password.strip():
        score += 1
    return min(score, 4)


def strength_label(password: str) -> str:
    return _(LABELS[strength(password)])

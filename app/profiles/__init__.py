"""Profiles: one encrypted store per person, several per machine."""

from app.profiles.manager import ProfileInfo, ProfileManager  # noqa: F401
from app.profiles.session import Session  # noqa: F401

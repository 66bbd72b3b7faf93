"""Where things live: shipped resources, and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Hearth"


def install_root() -> Path:
    """The folder holding ``resources/``, ``locales/`` and ``programs/``.

    In a PyInstaller bundle that is the unpacked bundle folder; in a checkout
    it is the repository root.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def locales_dir() -> Path:
    override = os.environ.get("HEARTH_LOCALES_DIR")
    return Path(override) if override else install_root() / "locales"


def programs_dir() -> Path:
    return install_root() / "programs"


def default_data_dir() -> Path:
    """The per-user application data folder of this operating system."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))

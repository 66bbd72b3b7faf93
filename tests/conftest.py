"""Shared fixtures: every test gets its own temporary data folder and profile."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The real-display lane runs in its own process (see tests/realdisplay/conftest.py).
collect_ignore = [] if os.environ.get("HEARTH_REAL_DISPLAY") == "1" else ["realdisplay"]

import pytest  # noqa: E402

from app import i18n  # noqa: E402
from app.crypto.keyfile import TEST_KDF  # noqa: E402
from app.profiles import ProfileManager  # noqa: E402

PASSWORD = "correct horse battery"


def schema_up_to(version: int, tmp_path, monkeypatch) -> None:
    """Until ``monkeypatch.undo()``, stores are created and migrated only up to ``version`` (a profile made by an
    older Hearth, for migration tests)."""
    import shutil

    from app.store import db as dbmod

    old = tmp_path / f"migrations-v{version}"
    old.mkdir()
    for n, path in dbmod.migrations():
        if n <= version:
            shutil.copy(path, old / path.name)
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", old)
    monkeypatch.setattr(dbmod, "SCHEMA_VERSION", version)


@pytest.fixture(autouse=True)
def _own_autostart_folder(tmp_path, monkeypatch):
    """Start-at-login entries go to the test's own folder, never the real ~/.config/autostart."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture(autouse=True)
def _english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def manager(tmp_path):
    return ProfileManager(tmp_path / "data", TEST_KDF)


@pytest.fixture
def created(manager):
    """A fresh profile: (manager, profile info, recovery key text); locked."""
    session, key = manager.create("Alex", PASSWORD)
    session.lock()
    return manager, manager.find("Alex"), key


@pytest.fixture
def session(created):
    manager, info, _key = created
    s = manager.unlock(info, PASSWORD)
    yield s
    if not s.locked:
        s.lock()

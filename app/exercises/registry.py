"""Finds every exercise kind module in app/exercises/kinds/."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType

from app.exercises import kinds as _kinds_pkg


failures: list[str] = []  # modules that could not be imported (the tests require none)


@lru_cache(maxsize=1)
def kinds() -> dict[str, ModuleType]:
    """Every kind module; one that fails to import is left out, not fatal."""
    found = {}
    for info in pkgutil.iter_modules(_kinds_pkg.__path__):
        if info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{_kinds_pkg.__name__}.{info.name}")
            found[module.KIND] = module
        except Exception as exc:  # noqa: BLE001 - one broken kind must not stop the app
            failures.append(f"{info.name}: {type(exc).__name__}")
    return dict(sorted(found.items()))


def get(kind: str) -> ModuleType:
    try:
        return kinds()[kind]
    except KeyError:
        raise KeyError(f"unknown exercise kind: {kind}") from None


def known() -> frozenset[str]:
    return frozenset(kinds())

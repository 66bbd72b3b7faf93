"""Finds every editor module in ui/exercises/ (no shared list to edit)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType

import ui.exercises as _pkg

_NOT_EDITORS = {"registry", "host"}


failures: list[str] = []  # modules that could not be imported (the tests require none)


@lru_cache(maxsize=1)
def editors() -> dict[str, ModuleType]:
    """Every editor module; one that fails to import is left out, not fatal."""
    found = {}
    for info in pkgutil.iter_modules(_pkg.__path__):
        if info.name.startswith("_") or info.name in _NOT_EDITORS:
            continue
        try:
            module = importlib.import_module(f"{_pkg.__name__}.{info.name}")
        except Exception as exc:  # noqa: BLE001 - one broken kind must not stop the app
            failures.append(f"{info.name}: {type(exc).__name__}")
            continue
        if hasattr(module, "KIND") and hasattr(module, "EDITOR"):
            found[module.KIND] = module
    return found


def tools() -> list[str]:
    """Kinds that make sense on their own, outside a lesson."""
    return sorted(k for k, m in editors().items() if getattr(m, "TOOL", True))

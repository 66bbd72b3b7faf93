"""Finds every exercise kind module in app/exercises/kinds/."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType

from app.exercises import kinds as _kinds_pkg


@lru_cache(maxsize=1)
def kinds() -> dict[str, ModuleType]:
    found = {}
    for info in pkgutil.iter_modules(_kinds_pkg.__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_kinds_pkg.__name__}.{info.name}")
        found[module.KIND] = module
    return dict(sorted(found.items()))


def get(kind: str) -> ModuleType:
    try:
        return kinds()[kind]
    except KeyError:
        raise KeyError(f"unknown exercise kind: {kind}") from None


def known() -> frozenset[str]:
    return frozenset(kinds())

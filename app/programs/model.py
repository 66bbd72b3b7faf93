"""A loaded, validated program."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}" if self.line else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Module:
    id: str
    number: int
    title: str
    summary: str
    minutes: int | None
    unlock: dict
    lesson: str
    exercises: tuple[dict, ...]
    homework: tuple[dict, ...]

    def exercise(self, ref: str) -> dict | None:
        """The module's exercise with this id, or its first of this kind."""
        for ex in self.exercises:
            if ex["id"] == ref:
                return ex
        return next((ex for ex in self.exercises if ex["kind"] == ref), None)


@dataclass(frozen=True)
class ScreenQuestion:
    """A yes/no question of a program's suitability screen, with the advice shown for "yes"."""
    id: str
    text: str
    advice: str
    crisis: bool = False  # about thoughts of suicide or self-harm: a yes also offers Get help now


@dataclass(frozen=True)
class Suitability:
    """The program's own suitability screen, shown when the person starts it (advice, never a gate)."""
    intro: str
    questions: tuple[ScreenQuestion, ...]


@dataclass(frozen=True)
class Program:
    id: str
    version: int
    title: str
    summary: str
    audience: str
    evidence_base: tuple[str, ...]
    about: str | None
    measures: tuple[dict, ...]
    modules: tuple[Module, ...]
    folder: Path
    suitability: Suitability | None = None

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def all_exercises(self) -> dict[str, dict]:
        return {ex["id"]: ex for m in self.modules for ex in m.exercises}


@dataclass(frozen=True)
class Unavailable:
    """A program folder that could not be loaded, and why."""
    folder: Path
    problems: tuple[Problem, ...]

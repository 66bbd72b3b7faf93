"""Which modules are open: a pure function of the program, dates and progress.

Rules (per module, from program.yaml):
* ``start``: open from the day the person starts the program.
* ``after_previous`` (``days`` N, default 0): open once the previous module's
  lesson is finished and at least N days after the previous module opened
  (weekly pacing without punishing someone who finishes early or late).
* ``clinician`` (``fallback_days`` F): open when the clinician unlocks it. A
  person with no paired clinician gets it like ``after_previous`` with F days;
  without F it waits for a clinician.
Any module a clinician has unlocked is open, whatever its rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app.programs.model import Program

DONE, OPEN, LOCKED = "done", "open", "locked"
# Why a module is locked.
WAIT_PREVIOUS, WAIT_DATE, WAIT_CLINICIAN = "previous", "date", "clinician"


@dataclass(frozen=True)
class ModuleState:
    module_id: str
    status: str
    opened_at: datetime | None = None
    reason: str | None = None
    opens_at: datetime | None = None


def evaluate(program: Program, started_at: datetime, lesson_done: dict[str, datetime],
             clinician_unlocks: set[str], now: datetime, *, has_clinician: bool = False) -> list[ModuleState]:
    states: list[ModuleState] = []
    for i, module in enumerate(program.modules):
        rule = module.unlock
        opened: datetime | None = None
        reason, opens_at = None, None
        prev = states[-1] if states else None
        prev_done = lesson_done.get(prev.module_id) if prev else None
        if module.id in clinician_unlocks:
            opened = now if rule["rule"] != "start" else started_at
        elif rule["rule"] == "start":
            opened = started_at
        else:
            days = rule.get("days", 0) if rule["rule"] == "after_previous" else rule.get("fallback_days")
            waits_for_clinician = rule["rule"] == "clinician" and (has_clinician or days is None)
            if waits_for_clinician:
                reason = WAIT_CLINICIAN
            elif prev is None or prev.opened_at is None or prev_done is None:
                reason = WAIT_PREVIOUS
            else:
                when = max(prev_done, prev.opened_at + timedelta(days=days))
                if when <= now:
                    opened = when
                else:
                    reason, opens_at = WAIT_DATE, when
        if opened is None:
            states.append(ModuleState(module.id, LOCKED, None, reason, opens_at))
        else:
            status = DONE if module.id in lesson_done else OPEN
            states.append(ModuleState(module.id, status, opened))
    return states


def current_module(states: list[ModuleState]) -> str | None:
    """Where to continue: the first open module not yet done, else the last done one."""
    for s in states:
        if s.status == OPEN:
            return s.module_id
    done = [s for s in states if s.status == DONE]
    return done[-1].module_id if done else None

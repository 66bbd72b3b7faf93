"""The demo profile can start some weeks into any shipped program (issue 12: "the demo can start in either
program"), with entries that fill that program's own charts."""

from __future__ import annotations

import pytest

from app import demo
from app.exercises import exposure
from app.exercises import store as exercises
from app.programs import loader, progress, unlock


@pytest.mark.parametrize("program_id", demo.PROGRAMS)
def test_the_demo_is_some_weeks_into_the_chosen_program(session, program_id):
    demo.fill(session.store, days=20, program=program_id)
    active = progress.active(session.store)
    assert active is not None and active.program_id == program_id
    program = loader.cached(program_id)
    states = progress.states(session.store, program, has_clinician=False)
    assert unlock.current_module(states) not in (None, program.modules[0].id)  # past the first module


def test_the_panic_demo_has_a_ladder_and_practices_for_the_exposure_chart(session):
    demo.fill(session.store, days=10, program="panic")
    assert exercises.count(session.store, kind="fear-ladder") == 1
    assert [s.step_id for s in exposure.ladder_steps(session.store)] == ["s1", "s2", "s3", "s4"]
    series = exposure.peak_series(session.store)
    assert sorted(len(s.practices) for s in series) == [1, 2]  # two practices of the first step, one of the second


def test_the_worry_demo_has_a_worry_diary(session):
    demo.fill(session.store, days=10, program="worry")
    assert exercises.count(session.store, kind="worry-diary") == 3

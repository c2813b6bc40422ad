"""Speed-date schedules keep every rule and reach the bound."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhw.matching.speeddates import ScheduleImpossible, schedule_problems, schedule_speed_dates


@st.composite
def fairs(draw):
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    candidates = [f"c{i}" for i in range(draw(st.integers(1, 30)))]
    companies = [f"h{j}" for j in range(draw(st.integers(1, 8)))]
    scores = {(c, h): rng.randint(0, 100) / 10 for c in candidates for h in companies if rng.random() < 0.7}
    tables = {h: rng.randint(0, 4) for h in companies}
    rounds = draw(st.integers(1, 6))
    min_dates = draw(st.integers(0, min(2, rounds)))
    pinned = frozenset(rng.sample(sorted(scores), min(len(scores), draw(st.integers(0, 2)))))
    return scores, tables, rounds, min_dates, pinned


@given(fair=fairs())
@settings(max_examples=150)
def test_a_schedule_keeps_every_rule_and_reaches_the_bound_or_is_refused(fair):
    scores, tables, rounds, min_dates, pinned = fair
    try:
        schedule = schedule_speed_dates(scores, tables, rounds, min_dates=min_dates, pinned=pinned)
    except ScheduleImpossible:
        return
    assert schedule_problems(schedule, scores, tables, rounds, min_dates, pinned) == []
    assert schedule.total_score == pytest.approx(schedule.bound)
    assert schedule.gap == pytest.approx(0, abs=1e-9)


def test_a_small_fair_by_hand():
    scores = {("michael", "noorderwind"): 9, ("michael", "waddenpijp"): 7, ("sanne", "noorderwind"): 8}
    schedule = schedule_speed_dates(scores, {"noorderwind": 1, "waddenpijp": 1}, rounds=2, min_dates=1)
    assert {(d.candidate, d.company) for d in schedule.dates} == set(scores)
    assert len({(d.round, d.company) for d in schedule.dates}) == 3
    assert schedule.total_score == 24


def test_too_few_tables_for_the_minimum_is_refused():
    scores = {(f"c{i}", "h"): 1 for i in range(5)}
    with pytest.raises(ScheduleImpossible):
        schedule_speed_dates(scores, {"h": 1}, rounds=2, min_dates=1)


@pytest.mark.parametrize(("rounds", "min_dates"), [(0, 0), (2, 3), (2, -1)])
def test_bad_settings_are_refused(rounds, min_dates):
    with pytest.raises(ValueError, match="rounds"):
        schedule_speed_dates({("c", "h"): 1}, {"h": 1}, rounds, min_dates=min_dates)

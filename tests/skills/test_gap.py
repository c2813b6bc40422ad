"""Property tests for the gap module: the definitions hold for any profile and any shown levels."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mhw.skills.gap import Requirement, compute_gap

skills = st.text(alphabet="abcdefgh", min_size=1, max_size=3)
levels = st.integers(min_value=0, max_value=5)
weights = st.floats(min_value=0, max_value=10, allow_nan=False)
requirements = st.dictionaries(skills, st.builds(Requirement, level=levels, weight=weights), max_size=12)
shown = st.dictionaries(skills, st.integers(min_value=-3, max_value=9), max_size=12)


@given(required=requirements, current=shown)
def test_each_gap_is_the_shortfall_and_never_negative(required, current):
    result = compute_gap(required, current)
    assert [s.skill for s in result.skills] == list(required)
    for s in result.skills:
        expected_current = min(5, max(0, current.get(s.skill, 0)))
        assert s.current == expected_current
        assert s.gap == max(0, required[s.skill].level - expected_current)
        assert s.gap >= 0


@given(required=requirements, current=shown)
def test_totals_are_the_sums_and_coverage_stays_in_range(required, current):
    result = compute_gap(required, current)
    assert result.total_gap == sum(s.gap for s in result.skills)
    assert result.weighted_gap == pytest.approx(sum(s.gap * s.weight for s in result.skills))
    assert -1e-9 <= result.coverage <= 1 + 1e-9
    assert {s.skill for s in result.missing} | {s.skill for s in result.met} == set(required)
    assert [s.weighted_gap for s in result.missing] == sorted((s.weighted_gap for s in result.missing), reverse=True)


@given(required=requirements, current=shown, skill=skills, extra=st.integers(min_value=1, max_value=5))
def test_raising_a_shown_level_never_widens_the_gap(required, current, skill, extra):
    before = compute_gap(required, current)
    raised = dict(current)
    raised[skill] = raised.get(skill, 0) + extra
    after = compute_gap(required, raised)
    assert after.weighted_gap <= before.weighted_gap + 1e-9
    assert after.coverage >= before.coverage - 1e-9


@given(required=requirements)
def test_meeting_every_required_level_closes_the_gap(required):
    result = compute_gap(required, {skill: r.level for skill, r in required.items()})
    assert result.total_gap == 0
    assert result.missing == ()
    assert result.coverage == pytest.approx(1.0)


@given(required=requirements, current=shown, unrelated=st.dictionaries(st.text("xyz", min_size=4), levels))
def test_skills_that_are_not_required_do_not_count(required, current, unrelated):
    assert compute_gap(required, current) == compute_gap(required, {**unrelated, **current})


@pytest.mark.parametrize(("level", "weight"), [(6, 1), (-1, 1), (3, -0.5)])
def test_a_requirement_outside_the_scale_is_refused(level, weight):
    with pytest.raises(ValueError, match=r"level|weight"):
        Requirement(level, weight)


def test_the_worked_example_of_a_pipe_engineer():
    required = {"pressure": Requirement(4, 2), "atex": Requirement(3), "welding": Requirement(2)}
    result = compute_gap(required, {"pressure": 2, "welding": 3})
    assert [(s.skill, s.gap) for s in result.missing] == [("pressure", 2), ("atex", 3)]
    assert result.weighted_gap == 7
    assert result.coverage == pytest.approx(1 - 7 / 13)

"""Property tests of the development path: what the plan promises, it keeps."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhw.paths.optimizer import PathProblem, Run, gap_skills, greedy_path, plan_development_path

SKILLS = [f"s{i}" for i in range(8)]


@st.composite
def problems(draw):
    modules = draw(st.integers(1, 9))
    runs = []
    for m in range(modules):
        teaches = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 5), min_size=1, max_size=3))
        duration = draw(st.integers(1, 6))
        hours = draw(st.integers(4, 60))
        cost = draw(st.integers(0, 2000))
        prereq = frozenset(draw(st.sets(st.sampled_from([f"m{i}" for i in range(m)]), max_size=1)) if m else [])
        levels = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 3), max_size=1))
        for start in draw(st.sets(st.integers(0, 30), min_size=1, max_size=3)):
            runs.append(
                Run(f"m{m}@{start}", f"m{m}", start, duration, hours, cost, teaches, prereq, levels, online=m % 2 == 0)
            )
    required = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(1, 5), min_size=1, max_size=6))
    current = draw(st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 5), max_size=6))
    return PathProblem(required, current, runs, hours_per_week=draw(st.integers(8, 40)))


@given(problem=problems())
@settings(max_examples=120)
def test_a_plan_closes_every_closable_gap_and_keeps_every_rule(problem):
    plan = plan_development_path(problem)
    gaps = gap_skills(problem)
    if plan.status == "infeasible":
        return
    chosen = plan.runs
    for skill, level in gaps.items():
        if skill not in plan.unclosable:
            assert any(r.teaches.get(skill, 0) >= level for r in chosen), skill
        assert problem.current.get(skill, 0) < level  # never trains what is already shown
    assert len({r.module_id for r in chosen}) == len(chosen)
    for r in chosen:
        for module in r.prerequisite_modules:
            assert any(o.module_id == module and o.end_week <= r.start_week for o in chosen)
        for skill, level in r.prerequisite_levels.items():
            assert problem.current.get(skill, 0) >= level or any(
                o.teaches.get(skill, 0) >= level and o.end_week <= r.start_week for o in chosen
            )
    for week in range(max((r.end_week for r in chosen), default=0)):
        load = sum(r.weekly_hours for r in chosen if r.start_week <= week < r.end_week)
        assert load <= problem.hours_per_week + 1e-6
    assert plan.finish_week == max((r.end_week for r in chosen), default=0)
    assert plan.fits_six_months == (plan.finish_week <= 26)
    assert ("beyond_six_months" in plan.reasons) == (plan.finish_week > 26)


@given(problem=problems())
@settings(max_examples=120)
def test_the_plan_is_never_worse_than_the_greedy_baseline(problem):
    plan, greedy = plan_development_path(problem, relative_gap=0), greedy_path(problem)
    if greedy.status == "optimal":
        assert plan.status == "optimal"
        assert (plan.finish_week, plan.total_cost) <= (greedy.finish_week, greedy.total_cost)


@given(problem=problems(), data=st.data())
@settings(max_examples=60)
def test_excluded_modules_are_never_chosen_and_pinned_ones_always(problem, data):
    modules = sorted({r.module_id for r in problem.runs})
    excluded = frozenset(data.draw(st.sets(st.sampled_from(modules), max_size=2)))
    pinned = frozenset(data.draw(st.sets(st.sampled_from(sorted(set(modules) - excluded) or ["none"]), max_size=1)))
    pinned -= {"none"}
    plan = plan_development_path(
        PathProblem(problem.required, problem.current, problem.runs, problem.hours_per_week, pinned, excluded)
    )
    assert not {r.module_id for r in plan.runs} & excluded
    if plan.status != "infeasible":
        assert pinned <= {r.module_id for r in plan.runs}


def test_michael_gets_the_shortest_path_and_the_missing_offer_is_named():
    runs = [
        Run("basis-jan", "basis", 0, 2, 16, 450, {"h2": 2}),
        Run("basis-mar", "basis", 8, 2, 16, 450, {"h2": 2}),
        Run("lek-feb", "lek", 4, 3, 24, 780, {"leak": 3}, frozenset({"basis"})),
        Run("lek-jan", "lek", 1, 3, 24, 780, {"leak": 3}, frozenset({"basis"})),
        Run("ped", "ped", 2, 4, 32, 1200, {"pressure": 3}),
        Run("ped-dear", "ped2", 0, 4, 32, 3000, {"pressure": 3}),
    ]
    problem = PathProblem({"h2": 2, "leak": 3, "pressure": 3, "permits": 2}, {"h2": 0}, runs, hours_per_week=20)
    plan = plan_development_path(problem)
    assert [r.run_id for r in plan.runs] == ["basis-jan", "ped", "lek-feb"]
    assert plan.finish_week == 7
    assert plan.unclosable == ["permits"]
    assert plan.reasons == ["unclosable_skills"]
    assert plan.closes == {"h2": "basis-jan", "leak": "lek-feb", "pressure": "ped"}


def test_a_path_beyond_six_months_says_so():
    runs = [Run("long", "long", 20, 10, 100, 500, {"x": 3})]
    plan = plan_development_path(PathProblem({"x": 3}, {}, runs, hours_per_week=40))
    assert plan.finish_week == 30
    assert not plan.fits_six_months
    assert "beyond_six_months" in plan.reasons


@pytest.mark.parametrize("hours", [1, 2])
def test_too_few_hours_per_week_makes_no_plan(hours):
    runs = [Run("a", "a", 0, 1, 40, 100, {"x": 3})]
    plan = plan_development_path(PathProblem({"x": 3}, {}, runs, hours_per_week=hours))
    assert plan.status == "infeasible"
    assert "no_feasible_plan" in plan.reasons


@st.composite
def small_problems(draw):
    """At most ten runs, so that every subset can be tried; with a budget and a pinned module now and then."""
    runs = []
    for m in range(draw(st.integers(1, 5))):
        teaches = draw(st.dictionaries(st.sampled_from(SKILLS[:5]), st.integers(1, 4), min_size=1, max_size=3))
        duration, hours, cost = draw(st.integers(1, 4)), draw(st.integers(4, 40)), draw(st.integers(0, 900))
        prereq = frozenset(draw(st.sets(st.sampled_from([f"m{i}" for i in range(m)]), max_size=1)) if m else [])
        levels = draw(st.dictionaries(st.sampled_from(SKILLS[:5]), st.integers(1, 3), max_size=1))
        for start in draw(st.sets(st.integers(0, 8), min_size=1, max_size=2)):
            runs.append(Run(f"m{m}@{start}", f"m{m}", start, duration, hours, cost, teaches, prereq, levels))
    required = draw(st.dictionaries(st.sampled_from(SKILLS[:5]), st.integers(1, 4), min_size=1, max_size=4))
    current = draw(st.dictionaries(st.sampled_from(SKILLS[:5]), st.integers(0, 3), max_size=3))
    pinned = frozenset(draw(st.sets(st.sampled_from(sorted({r.module_id for r in runs})), max_size=1)))
    max_cost = draw(st.none() | st.integers(0, 3000))
    return PathProblem(required, current, runs, draw(st.integers(8, 40)), pinned, max_cost=max_cost)


def _prerequisites_met(problem, chosen) -> bool:
    def before(r, provides) -> bool:
        return any(provides(o) and o.end_week <= r.start_week for o in chosen)

    return all(
        all(before(r, lambda o, m=m: o.module_id == m) for m in r.prerequisite_modules)
        and all(
            problem.current.get(s, 0) >= lv or before(r, lambda o, s=s, lv=lv: o.teaches.get(s, 0) >= lv)
            for s, lv in r.prerequisite_levels.items()
        )
        for r in chosen
    )


def _keeps_every_rule(problem, chosen, closable) -> bool:
    modules = [r.module_id for r in chosen]
    cost = sum(r.cost for r in chosen)
    weeks = range(max((r.end_week for r in chosen), default=0))
    return (
        len(set(modules)) == len(modules)
        and problem.pinned_modules <= set(modules)
        and (problem.max_cost is None or cost <= problem.max_cost)
        and all(any(r.teaches.get(s, 0) >= lv for r in chosen) for s, lv in closable.items())
        and _prerequisites_met(problem, chosen)
        and all(
            sum(r.weekly_hours for r in chosen if r.start_week <= week < r.end_week) <= problem.hours_per_week + 1e-9
            for week in weeks
        )
    )


def _best_by_brute_force(problem):
    """(finish week, cost) of the best subset of runs that keeps every rule, or None: every subset is tried."""
    allowed = [r for r in problem.runs if problem.max_cost is None or r.cost <= problem.max_cost]
    closable = {s: lv for s, lv in gap_skills(problem).items() if any(r.teaches.get(s, 0) >= lv for r in allowed)}
    subsets = (chosen for size in range(len(allowed) + 1) for chosen in itertools.combinations(allowed, size))
    return min(
        (
            (max((r.end_week for r in chosen), default=0), sum(r.cost for r in chosen))
            for chosen in subsets
            if _keeps_every_rule(problem, chosen, closable)
        ),
        default=None,
    )


@given(problem=small_problems())
@settings(max_examples=80, deadline=None)
def test_the_plan_is_the_best_of_every_subset_of_runs(problem):
    plan = plan_development_path(problem, relative_gap=0)
    best = _best_by_brute_force(problem)
    if best is None:
        assert plan.status == "infeasible"
    else:
        assert plan.status == "optimal"
        assert (plan.finish_week, plan.total_cost) == best


@pytest.mark.parametrize("rule", [{"max_cost": 500}, {"excluded_modules": frozenset({"m0"})}, {"online_only": True}])
def test_a_pinned_module_that_no_run_may_serve_makes_the_plan_infeasible_with_its_reason(rule):
    runs = [Run("m0@0", "m0", 0, 2, 20, 900, {"s0": 3}), Run("m1@0", "m1", 0, 2, 20, 100, {"s1": 3}, online=True)]
    problem = PathProblem(
        {"s0": 3}, {}, runs, hours_per_week=40, pinned_modules=frozenset({"m0"}), **rule
    )  # fmt: skip
    plan = plan_development_path(problem)
    assert plan.status == "infeasible"
    assert "no_feasible_plan" in plan.reasons


@given(problem=small_problems())
@settings(max_examples=80, deadline=None)
def test_the_soonest_plan_at_any_cost_finishes_in_the_best_week_and_keeps_every_rule(problem):
    plan = plan_development_path(problem, cheapest=False)
    best = _best_by_brute_force(problem)
    if best is None:
        assert plan.status == "infeasible"
    else:
        allowed = [r for r in problem.runs if problem.max_cost is None or r.cost <= problem.max_cost]
        closable = {s: lv for s, lv in gap_skills(problem).items() if any(r.teaches.get(s, 0) >= lv for r in allowed)}
        assert plan.status == "optimal"
        assert plan.finish_week == best[0]
        assert plan.total_cost >= best[1]
        assert _keeps_every_rule(problem, plan.runs, closable)


def test_running_out_of_time_before_the_later_weeks_are_tried_is_not_called_infeasible():
    # Week 2 cannot hold both courses; week 4 can. With no time left after week 2 is proven empty, the planner has
    # not shown that no plan exists, and must not say so.
    runs = [Run("a", "a", 0, 2, 40, 100, {"s0": 3}), Run("b", "b", 0, 2, 40, 100, {"s1": 3}),
            Run("c", "c", 2, 2, 40, 100, {"s1": 3})]  # fmt: skip
    problem = PathProblem({"s0": 3, "s1": 3}, {}, runs, hours_per_week=30)
    assert plan_development_path(problem).finish_week == 4
    hurried = plan_development_path(problem, time_limit=0)
    assert hurried.status == "time_limit"
    assert "no_feasible_plan" not in hurried.reasons

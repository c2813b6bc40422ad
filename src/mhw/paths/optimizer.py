"""The individual development path: which dated module runs close a candidate's skills gap soonest, then cheapest.

Pure module (numpy, scipy, highspy). An integer program over the runs that can matter, solved by HiGHS:

- choose run ``j`` or not (``x_j``), at most one run per module, pinned modules exactly once;
- every gap skill some run can close is closed by a chosen run that teaches it to at least the required level;
- a module that needs another module (or a level the candidate does not show yet) starts only after a chosen run
  that provides it has ended;
- in every week the hours of the chosen runs fit the candidate's available hours;
- the finish week ``F`` is at least the end of every chosen run; minimise ``F`` first, then the cost.

Pre-processing keeps the program small: runs of excluded, unaffordable or offline-when-online-only modules go; runs
that teach nothing needed and unlock nothing needed go; of identical runs of a module only the cheapest stays; weeks
whose total possible load fits the hours need no constraint. Skills no run can close are reported, not silently
skipped.
"""

import time
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import highspy
import numpy as np
from scipy.sparse import csr_array

SIX_MONTHS_WEEKS = 26
# Weekly hours are hours / duration; rows of weekly load are multiplied by the least common multiple of the
# durations up to eight weeks so their coefficients are whole numbers, which makes HiGHS's knapsack cuts stronger.
LOAD_SCALE = 840
# Measured on the benchmark (benchmarks/development_path.py): the root cuts close most of what cuts can close here;
# separating cuts again at every node costs more time than it saves, and lifting during probing helps. RENS (a
# sub-program over the runs the root relaxation leaves fractional) spends its time in vain here: the weeks near the
# optimal finish are so full that rounding the relaxation rarely fits, and in the weeks before it there is no plan
# to find at all; without it, proving those weeks infeasible takes about half the time and the cost stage a bit less.
SOLVER_OPTIONS = {
    "mip_allow_cut_separation_at_nodes": False,
    "mip_lifting_for_probing": 1,
    "mip_heuristic_run_rens": False,
}


@dataclass(frozen=True)
class Run:
    run_id: Hashable
    module_id: Hashable
    start_week: int
    duration_weeks: int
    hours: float
    cost: float
    teaches: Mapping[Hashable, int]
    prerequisite_modules: frozenset = frozenset()
    prerequisite_levels: Mapping[Hashable, int] = field(default_factory=dict)
    online: bool = False
    provider: str = ""

    @property
    def end_week(self) -> int:
        return self.start_week + self.duration_weeks

    @property
    def weekly_hours(self) -> float:
        return self.hours / self.duration_weeks


@dataclass(frozen=True)
class PathProblem:
    required: Mapping[Hashable, int]  # skill -> level the target role needs
    current: Mapping[Hashable, int]  # skill -> level the candidate shows (proven)
    runs: Sequence[Run]
    hours_per_week: float
    pinned_modules: frozenset = frozenset()
    excluded_modules: frozenset = frozenset()
    online_only: bool = False
    max_cost: float | None = None


@dataclass
class PathPlan:
    runs: list[Run]  # chosen, in start order
    finish_week: int
    total_hours: float
    total_cost: float
    closes: dict  # gap skill -> run_id that closes it
    unclosable: list  # gap skills no available run can close
    status: str  # optimal | time_limit | infeasible
    mip_gap: float
    reasons: list[str]  # codes: beyond_six_months, unclosable_skills, no_feasible_plan, over_budget

    @property
    def fits_six_months(self) -> bool:
        return self.status != "infeasible" and self.finish_week <= SIX_MONTHS_WEEKS


def gap_skills(problem: PathProblem) -> dict:
    """The skills where the required level is above the shown level (never train what is already shown)."""
    return {s: level for s, level in problem.required.items() if problem.current.get(s, 0) < level}


def _closes(run: Run, skill, level: int) -> bool:
    return run.teaches.get(skill, 0) >= level


def runs_that_can_matter(required: Mapping[Hashable, int], runs: Sequence[Run]) -> list[Run]:
    """The runs any candidate aiming at `required` might take: a candidate's gaps are some of the required levels,
    so a run that teaches none of them and unlocks none that does is never part of anyone's plan. Narrowing the
    offer once per role makes each candidate's plan a small problem."""
    return _candidate_runs(PathProblem(required, {}, runs, hours_per_week=0), dict(required))


def _candidate_runs(problem: PathProblem, gaps: dict) -> list[Run]:
    runs = [
        r
        for r in problem.runs
        if r.module_id not in problem.excluded_modules
        and r.duration_weeks > 0
        and r.start_week >= 0
        and (not problem.online_only or r.online)
        and (problem.max_cost is None or r.cost <= problem.max_cost)
    ]
    # Keep runs that teach a gap, are pinned, or (transitively) unlock such runs. Who teaches what is indexed once:
    # asking every module about every gap took a second per candidate against a national offer.
    teachers: dict = {}
    for r in runs:
        for skill, level in r.teaches.items():
            teachers.setdefault(skill, []).append((level, r.module_id))

    def teaching(skill, level: int) -> set:
        return {module for taught, module in teachers.get(skill, ()) if taught >= level}

    by_module: dict = {}
    for r in runs:
        by_module.setdefault(r.module_id, []).append(r)
    needed = set(problem.pinned_modules & by_module.keys()).union(*(teaching(s, lv) for s, lv in gaps.items()))
    frontier = list(needed)
    while frontier:
        module = frontier.pop()
        for r in by_module.get(module, []):
            extra = set(r.prerequisite_modules)
            for skill, level in r.prerequisite_levels.items():
                if problem.current.get(skill, 0) < level:
                    extra |= teaching(skill, level)
            for m in extra - needed:
                needed.add(m)
                frontier.append(m)
    runs = [r for r in runs if r.module_id in needed]
    # Within a module, of runs with the very same weeks and hours only the cheapest can be worth choosing. (A run that
    # merely starts earlier does not dominate a later one: the later one may leave room for a prerequisite, or fit
    # the weekly hours beside another course.)
    best: dict = {}
    for r in runs:
        key = (r.module_id, r.start_week, r.duration_weeks, r.hours)
        if key not in best or (r.cost, str(r.run_id)) < (best[key].cost, str(best[key].run_id)):
            best[key] = r
    return list(best.values())


@dataclass(frozen=True)
class _Program:
    """min cost @ x subject to lower <= matrix @ x <= upper, x binary."""

    cost: np.ndarray
    matrix: csr_array
    lower: np.ndarray
    upper: np.ndarray


def _program(runs: list[Run], closable: dict, problem: PathProblem) -> _Program:
    """The program whose solutions are the choices of `runs` that close every gap under all rules, costed."""
    n = len(runs)
    rows, lower, upper = [], [], []

    def add(coefficients: dict, lo: float, hi: float) -> None:
        rows.append(coefficients)
        lower.append(lo)
        upper.append(hi)

    for skill, level in closable.items():
        add({j: 1 for j, r in enumerate(runs) if _closes(r, skill, level)}, 1, np.inf)
    modules: dict = {}
    for j, r in enumerate(runs):
        modules.setdefault(r.module_id, []).append(j)
    for module in problem.pinned_modules:
        add(dict.fromkeys(modules.get(module, []), 1), 1, 1)
    for module, members in modules.items():
        if module not in problem.pinned_modules and len(members) > 1:
            add(dict.fromkeys(members, 1), 0, 1)
    for week in range(max((r.end_week for r in runs), default=0)):
        load = {j: r.weekly_hours * LOAD_SCALE for j, r in enumerate(runs) if r.start_week <= week < r.end_week}
        if sum(load.values()) > problem.hours_per_week * LOAD_SCALE:
            add(load, -np.inf, problem.hours_per_week * LOAD_SCALE)
    for j, r in enumerate(runs):
        needs = [("module", m) for m in r.prerequisite_modules] + [
            ("level", s, lv) for s, lv in r.prerequisite_levels.items() if problem.current.get(s, 0) < lv
        ]
        for need in needs:
            providers = [
                i
                for i, o in enumerate(runs)
                if o.end_week <= r.start_week
                and (o.module_id == need[1] if need[0] == "module" else _closes(o, need[1], need[2]))
            ]
            add({j: 1} | dict.fromkeys(providers, -1), -np.inf, 0)
    if problem.max_cost is not None:
        add({j: r.cost for j, r in enumerate(runs)}, -np.inf, problem.max_cost)
    # Built straight from the rows in compressed form: setting entries one by one took a tenth of a second per
    # instance, which is a tenth of the goal.
    indptr = np.cumsum([0] + [len(coefficients) for coefficients in rows])
    indices = np.fromiter((column for coefficients in rows for column in coefficients), dtype=np.int32)
    data = np.fromiter((value for coefficients in rows for value in coefficients.values()), dtype=float)
    matrix = csr_array((data, indices, indptr), shape=(len(rows), n))
    matrix.eliminate_zeros()
    matrix.sort_indices()
    cost = np.array([r.cost for r in runs], dtype=float)
    return _Program(cost, matrix, np.asarray(lower, dtype=float), np.asarray(upper, dtype=float))


@dataclass(frozen=True)
class _Solution:
    x: np.ndarray | None  # None when no plan was found
    status: str  # optimal | time_limit | infeasible
    mip_gap: float


def _solve(
    program: _Program, cost: np.ndarray, time_limit: float, relative_gap: float, start: np.ndarray | None = None
) -> _Solution:
    """min cost @ x over `program`'s rules by HiGHS, from the feasible `start` if given."""
    matrix, lower, upper = program.matrix, program.lower, program.upper
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    for name, value in {**SOLVER_OPTIONS, "time_limit": float(time_limit), "mip_rel_gap": relative_gap}.items():
        highs.setOptionValue(name, value)
    n = len(cost)
    columns = np.arange(n, dtype=np.int32)
    highs.addVars(n, np.zeros(n), np.ones(n))
    highs.changeColsCost(n, columns, np.asarray(cost, dtype=float))
    highs.changeColsIntegrality(n, columns, np.full(n, highspy.HighsVarType.kInteger))
    infinity = highspy.kHighsInf
    low = np.clip(np.asarray(lower, dtype=float), -infinity, infinity)
    high = np.clip(np.asarray(upper, dtype=float), -infinity, infinity)
    highs.addRows(
        matrix.shape[0], low, high, matrix.nnz,
        matrix.indptr.astype(np.int32), matrix.indices.astype(np.int32), matrix.data.astype(float),
    )  # fmt: skip
    if start is not None:
        solution = highspy.HighsSolution()
        solution.col_value = list(start)
        solution.value_valid = True
        highs.setSolution(solution)
    highs.run()
    status = highs.getModelStatus()
    found = highs.getInfo().primal_solution_status == 2  # a feasible solution is known
    x = np.asarray(highs.getSolution().col_value) if found else None
    if status == highspy.HighsModelStatus.kOptimal:
        return _Solution(x, "optimal", float(highs.getInfo().mip_gap))
    if status == highspy.HighsModelStatus.kInfeasible:
        return _Solution(None, "infeasible", float("inf"))
    return _Solution(x, "time_limit", float(highs.getInfo().mip_gap) if found else float("inf"))


def plan_development_path(
    problem: PathProblem, *, time_limit: float = 10.0, relative_gap: float = 0.01, cheapest: bool = True
) -> PathPlan:
    """The path that finishes soonest, and among those the cheapest within `relative_gap` of the proven optimum
    (1% by default; 0 for exact), or the best found within `time_limit` seconds with its gap.

    With `cheapest` off, the first plan found that finishes soonest, whatever it costs (its gap is then unknown):
    what a ranking needs to say how many weeks training takes, at a fraction of the time."""
    gaps = gap_skills(problem)
    runs = _candidate_runs(problem, gaps)
    unclosable = sorted((s for s, lv in gaps.items() if not any(_closes(r, s, lv) for r in runs)), key=str)
    closable = {s: lv for s, lv in gaps.items() if s not in set(unclosable)}
    reasons = ["unclosable_skills"] if unclosable else []
    if not problem.pinned_modules <= {r.module_id for r in runs}:
        # A pinned module none of whose runs may be taken (excluded, over budget, not online): no plan keeps the pin.
        return PathPlan([], 0, 0.0, 0.0, {}, unclosable, "infeasible", float("inf"), [*reasons, "no_feasible_plan"])
    if not runs or (not closable and not problem.pinned_modules):
        status = "optimal" if not closable else "infeasible"
        return PathPlan([], 0, 0.0, 0.0, {}, unclosable, status, 0.0, reasons)

    deadline = time.monotonic() + time_limit
    runs, program, result = _soonest(runs, closable, problem, deadline, relative_gap)
    if result is not None and result.x is not None and cheapest:
        # The cost stage, started from the plan found, so that it has an incumbent to prune with from the root.
        plan = np.round(result.x)
        result = _solve(program, program.cost, max(0.1, deadline - time.monotonic()), relative_gap, plan)
    elif result is not None and result.x is not None:
        result = _Solution(result.x, "optimal", float("nan"))
    n = len(runs)
    if result is None or result.x is None:
        # Out of time before any plan was found is not a proof that none exists: say which it is.
        out_of_time = result is not None and result.status == "time_limit"
        status, reason = ("time_limit", "time_limit") if out_of_time else ("infeasible", "no_feasible_plan")
        return PathPlan([], 0, 0.0, 0.0, {}, unclosable, status, float("inf"), [*reasons, reason])
    chosen = sorted((runs[j] for j in range(n) if result.x[j] > 0.5), key=lambda r: (r.start_week, str(r.run_id)))
    finish = max((r.end_week for r in chosen), default=0)
    closes = {
        s: next(r.run_id for r in sorted(chosen, key=lambda r: r.end_week) if _closes(r, s, lv))
        for s, lv in closable.items()
    }
    status = result.status
    if finish > SIX_MONTHS_WEEKS:
        reasons.append("beyond_six_months")
    return PathPlan(
        runs=chosen,
        finish_week=finish,
        total_hours=sum(r.hours for r in chosen),
        total_cost=sum(r.cost for r in chosen),
        closes=closes,
        unclosable=unclosable,
        status=status,
        mip_gap=result.mip_gap,
        reasons=reasons,
    )


def _soonest(runs: list[Run], closable: dict, problem: PathProblem, deadline: float, relative_gap: float):
    """The runs that may be taken, the program and some plan for the smallest finish week that has a plan; the plan
    is None when no week has one or time ran out first.

    Finishing by week F only allows runs ending by F, so each attempt is a smaller program, and the first F that is
    feasible is optimal. F starts at the latest of the earliest weeks each gap can be closed. Each F is only asked
    for some plan (no objective): HiGHS then searches for feasibility alone, which proves the weeks before the
    optimum empty in about half the time the cost objective takes (measured on benchmarks/development_path.py)."""
    earliest = max((min(r.end_week for r in runs if _closes(r, s, lv)) for s, lv in closable.items()), default=0)
    pinned_ends = [min(r.end_week for r in runs if r.module_id == m) for m in problem.pinned_modules]
    finish = max([earliest, *pinned_ends])
    horizon = max(r.end_week for r in runs)
    result, window, program = None, [], None
    while finish <= horizon:
        window = [r for r in runs if r.end_week <= finish]
        program = _program(window, closable, problem)
        result = _solve(program, np.zeros(len(window)), max(0.1, deadline - time.monotonic()), relative_gap)
        if result.x is not None:
            break
        if time.monotonic() >= deadline:
            # Weeks after this one were never tried: that is running out of time, not a proof that none has a plan.
            if finish < horizon:
                result = _Solution(None, "time_limit", float("inf"))
            break
        finish += 1
    return window, program, result


def greedy_path(problem: PathProblem) -> PathPlan:
    """The baseline a planner would do by hand: repeatedly take the run that closes the most open gaps, earliest
    end first, if it fits the weekly hours and its prerequisites are met. Not optimal; used to measure against."""
    gaps = gap_skills(problem)
    runs = sorted(_candidate_runs(problem, gaps), key=lambda r: (r.end_week, r.cost, str(r.run_id)))
    open_gaps = {s: lv for s, lv in gaps.items() if any(_closes(r, s, lv) for r in runs)}
    chosen: list[Run] = []
    load: dict[int, float] = {}
    while open_gaps:
        best = None
        for r in runs:
            if any(o.module_id == r.module_id for o in chosen):
                continue
            gain = sum(1 for s, lv in open_gaps.items() if _closes(r, s, lv))
            if gain == 0 or any(
                load.get(w, 0) + r.weekly_hours > problem.hours_per_week + 1e-9 for w in range(r.start_week, r.end_week)
            ):
                continue
            met = all(
                any(o.module_id == m and o.end_week <= r.start_week for o in chosen) for m in r.prerequisite_modules
            )
            met = met and all(
                problem.current.get(s, 0) >= lv or any(_closes(o, s, lv) and o.end_week <= r.start_week for o in chosen)
                for s, lv in r.prerequisite_levels.items()
            )
            if met and (best is None or (gain, -r.end_week, -r.cost) > best[0]):
                best = ((gain, -r.end_week, -r.cost), r)
        if best is None:
            break
        run = best[1]
        chosen.append(run)
        for week in range(run.start_week, run.end_week):
            load[week] = load.get(week, 0) + run.weekly_hours
        open_gaps = {s: lv for s, lv in open_gaps.items() if not _closes(run, s, lv)}
    status = "optimal" if not open_gaps else "infeasible"
    finish = max((r.end_week for r in chosen), default=0)
    return PathPlan(
        sorted(chosen, key=lambda r: r.start_week), finish, sum(r.hours for r in chosen),
        sum(r.cost for r in chosen), {}, [], status, float("nan"), [],
    )  # fmt: skip

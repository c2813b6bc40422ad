"""Benchmark of the development-path optimiser. Goal: for 300 modules x 60 gap skills with a weekly-hour cap, a path
proven optimal within 1% in under 2 s (median), and never worse than the greedy set-cover baseline measured beside it.

Run with ``.venv/bin/python benchmarks/development_path.py [instances modules skills]`` (default 10 x 300 x 60).
Each instance: modules of several providers teaching 2-5 of the skills to levels 2-5, 8-40 hours, 1-3 dated runs
each starting in the first 30 weeks, 1-8 weeks long, some with a prerequisite module; the candidate has 32 hours a
week.
"""

import random
import statistics
import sys
import time

from mhw.paths.optimizer import PathProblem, Run, greedy_path, plan_development_path


def instance(seed: int, modules: int, skills: int) -> PathProblem:
    rng = random.Random(seed)
    names = [f"s{i}" for i in range(skills)]
    runs = []
    for m in range(modules):
        teaches = {s: rng.randint(2, 5) for s in rng.sample(names, rng.randint(2, 5))}
        duration, hours, cost = rng.randint(1, 8), rng.randint(8, 40), rng.randint(100, 3000)
        prerequisites = frozenset({f"m{rng.randrange(m)}"}) if m and rng.random() < 0.15 else frozenset()
        for start in rng.sample(range(30), rng.randint(1, 3)):
            runs.append(Run(f"m{m}@{start}", f"m{m}", start, duration, hours, cost, teaches, prerequisites))
    required = {s: rng.randint(2, 4) for s in names}
    current = {s: rng.randint(0, 1) for s in names}
    return PathProblem(required, current, runs, hours_per_week=32)


def main() -> None:
    count, modules, skills = (int(a) for a in (sys.argv[1:] or ["10", "300", "60"]))
    times, gaps, wins, ties, greedy_failed = [], [], 0, 0, 0
    for seed in range(count):
        problem = instance(seed, modules, skills)
        start = time.perf_counter()
        plan = plan_development_path(problem, time_limit=60)
        times.append(time.perf_counter() - start)
        gaps.append(plan.mip_gap)
        greedy = greedy_path(problem)
        if greedy.status != "optimal":
            greedy_failed += 1
        elif (plan.finish_week, plan.total_cost) < (greedy.finish_week, greedy.total_cost):
            wins += 1
        elif (plan.finish_week, plan.total_cost) == (greedy.finish_week, greedy.total_cost):
            ties += 1
        else:
            raise SystemExit(f"instance {seed}: the optimiser did worse than greedy")
        print(
            f"instance {seed}: {plan.status:>10}, finish week {plan.finish_week:3d} (greedy "
            f"{greedy.finish_week if greedy.status == 'optimal' else '-':>3}), cost {plan.total_cost:8.0f}, "
            f"gap {plan.mip_gap:.2%}, {times[-1]:.2f} s, unclosable {len(plan.unclosable)}"
        )
    print(
        f"\n{count} instances of {modules} modules x {skills} gap skills: median {statistics.median(times):.2f} s "
        f"(goal < 2 s), worst gap {max(gaps):.2%} (goal <= 1%); better than greedy {wins}, equal {ties}, "
        f"greedy found no complete plan {greedy_failed}"
    )


if __name__ == "__main__":
    main()

"""Benchmark of the job fair's speed-date schedule. Goal: 300 candidates x 60 companies x 8 rounds scheduled in
under 10 s, within 2% of the bound.

Run with ``.venv/bin/python benchmarks/speed_dates.py [candidates companies rounds]``. Scores are random match scores
for 80% of the pairs, companies have 1-4 tables, every candidate gets at least 4 dates, and a few wishes are pinned.
The bound is the linear-programming optimum (no schedule can score more); the baseline beside it is a greedy
round-by-round schedule that seats the best-scoring free pairs first, compared on the same fair without the minimum
number of dates and the pinned wishes, which it cannot honour.
"""

import random
import statistics
import sys
import time

from mhw.matching.speeddates import schedule_problems, schedule_speed_dates


def fair(candidates: int, companies: int, seed: int = 3):
    rng = random.Random(seed)
    people = [f"c{i}" for i in range(candidates)]
    firms = [f"h{j}" for j in range(companies)]
    scores = {(c, h): round(rng.random() * 10, 2) for c in people for h in firms if rng.random() < 0.8}
    tables = {h: rng.randint(1, 4) for h in firms}
    pinned = frozenset(rng.sample(sorted(scores), 20))
    return scores, tables, pinned


def greedy(scores, tables, rounds):
    met, total = set(), 0.0
    for _ in range(rounds):
        busy, seats = set(), dict(tables)
        for (c, h), score in sorted(scores.items(), key=lambda item: -item[1]):
            if c not in busy and seats[h] > 0 and (c, h) not in met:
                busy.add(c)
                seats[h] -= 1
                met.add((c, h))
                total += score
    return total


def main() -> None:
    candidates, companies, rounds = (int(a) for a in (sys.argv[1:] or ["300", "60", "8"]))
    scores, tables, pinned = fair(candidates, companies)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        schedule = schedule_speed_dates(scores, tables, rounds, min_dates=4, pinned=pinned)
        times.append(time.perf_counter() - start)
    assert not schedule_problems(schedule, scores, tables, rounds, 4, pinned)
    print(f"{candidates} candidates x {companies} companies x {rounds} rounds, {len(schedule.dates)} dates")
    print(
        f"schedule: median {statistics.median(times):.2f} s (goal < 10 s), score {schedule.total_score:.1f}, "
        f"bound {schedule.bound:.1f}, gap {schedule.gap:.3%} (goal <= 2%)"
    )
    # The greedy baseline knows no minimum number of dates and no pinned wishes: compare on that easier problem.
    free = schedule_speed_dates(scores, tables, rounds)
    baseline = greedy(scores, tables, rounds)
    print(
        f"without minimum and pins: ours {free.total_score:.1f}, greedy round-by-round {baseline:.1f} "
        f"({baseline / free.bound:.1%} of the bound)"
    )


if __name__ == "__main__":
    main()

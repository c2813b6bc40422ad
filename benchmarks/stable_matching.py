"""Benchmark of the stable matching after the job fair. Goal: the same matching as the reference `matching` library,
at least 50x faster than it, for 2,000 candidates x 200 companies with 10 places each.

Run with ``.venv/bin/python benchmarks/stable_matching.py [candidates companies places ranked]``. The reference library
(a test-only dependency, ``pip install matching``) is timed once on the same instance, since it takes about a minute;
ours is timed three times and the median is printed. Both optimal sides are checked to be identical.
"""

import random
import statistics
import sys
import threading
import time

from matching.games import HospitalResident

from mhw.matching.stable import blocking_pairs, stable_matching


def instance(candidates: int, companies: int, places: int, ranked: int, seed: int = 7):
    rng = random.Random(seed)
    names = [f"c{i}" for i in range(candidates)]
    firms = [f"h{j}" for j in range(companies)]
    candidate_prefs = {c: rng.sample(firms, ranked) for c in names}
    company_prefs = {h: [] for h in firms}
    for c in names:
        for h in candidate_prefs[c]:
            company_prefs[h].append(c)
    for prefs in company_prefs.values():
        rng.shuffle(prefs)
    return candidate_prefs, company_prefs, dict.fromkeys(firms, places)


def reference(candidate_prefs, company_prefs, capacities, optimal):
    """The reference solution. The library deep-copies its linked player objects recursively, which needs far more
    than Python's default recursion depth and stack at this size: run it in a thread with a large stack."""
    result = {}

    def solve():
        game = HospitalResident.create_from_dictionaries(candidate_prefs, company_prefs, capacities)
        solution = game.solve(optimal=optimal)
        result.update({str(r): str(h) for h, residents in solution.items() for r in residents})

    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1024 * 1024 * 1024)
    worker = threading.Thread(target=solve)
    worker.start()
    worker.join()
    return result


def main() -> None:
    candidates, companies, places, ranked = (int(a) for a in (sys.argv[1:] or ["2000", "200", "10", "200"]))
    prefs = instance(candidates, companies, places, ranked)
    print(f"instance: {candidates} candidates x {companies} companies x {places} places, {ranked} ranked each")
    for ours_side, their_side in (("candidates", "resident"), ("companies", "hospital")):
        start = time.perf_counter()
        expected = reference(*prefs, their_side)
        reference_seconds = time.perf_counter() - start
        times = []
        for _ in range(3):
            start = time.perf_counter()
            result = stable_matching(*prefs, proposing=ours_side)
            times.append(time.perf_counter() - start)
        ours = statistics.median(times)
        same = result == expected
        stable = not blocking_pairs(result, *prefs)
        print(
            f"{ours_side:>10} propose: reference {reference_seconds:8.2f} s | ours (median of 3) {ours * 1000:8.1f} ms"
            f" | {reference_seconds / ours:7.0f}x faster | same matching: {same} | stable: {stable}"
        )
        if not (same and stable):
            raise SystemExit("the matchings differ or are not stable")


if __name__ == "__main__":
    main()

"""The speed-date schedule of a job fair: who meets whom in which round, at which table.

Pure module (numpy, scipy). Two steps, both exact:

1. Which pairs meet: a maximum-score choice of pairs where each candidate has at most one date per round (so at
   most `rounds`) and at least `min_dates`, each company at most `tables * rounds`, each pair at most once, and
   pinned wishes always. Its constraint matrix is the incidence matrix of a bipartite graph, which is totally
   unimodular, so the linear program (HiGHS) has an integral optimum: the bound and the solution coincide.
2. When they meet: each company's dates are dealt over its tables (at most `rounds` each), and the resulting
   bipartite graph of candidates and tables, whose degrees are all at most `rounds`, is edge-coloured with
   `rounds` colours (König's theorem, by alternating paths). A colour is a round.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_array, vstack


@dataclass(frozen=True)
class Date:
    round: int
    candidate: Hashable
    company: Hashable
    table: int
    score: float


@dataclass(frozen=True)
class Schedule:
    dates: tuple[Date, ...]
    total_score: float
    bound: float  # the LP optimum: no schedule scores more

    @property
    def gap(self) -> float:
        return 0.0 if self.bound <= 0 else (self.bound - self.total_score) / self.bound


class ScheduleImpossible(ValueError):
    """No schedule meets the demands (e.g. too few tables for everyone's minimum number of dates)."""


def _choose_pairs(candidates, companies, scores, rounds, tables, min_dates, pinned):
    pairs = [(c, h) for (c, h) in scores if c in candidates and h in companies]
    for pair in pinned:
        if pair not in scores:
            raise ScheduleImpossible(f"the pinned pair {pair} has no score: they cannot meet")
    index_c = {c: i for i, c in enumerate(candidates)}
    index_h = {h: i for i, h in enumerate(companies)}
    n = len(pairs)
    if n == 0:
        if min_dates or pinned:
            raise ScheduleImpossible("nobody may meet anybody")
        return [], 0.0
    rows, cols = [], []
    for j, (c, h) in enumerate(pairs):
        rows += [index_c[c], len(candidates) + index_h[h]]
        cols += [j, j]
    matrix = coo_array((np.ones(len(rows)), (rows, cols)), shape=(len(candidates) + len(companies), n)).tocsr()
    upper = np.array([rounds] * len(candidates) + [tables[h] * rounds for h in companies], dtype=float)
    # Candidates' lower bound on dates goes in as -A x <= -min.
    a_ub = vstack([matrix, -matrix[: len(candidates)]]).tocsr()
    b_ub = np.concatenate([upper, -np.full(len(candidates), float(min_dates))])
    lower_bounds = np.array([1.0 if pair in pinned else 0.0 for pair in pairs])
    result = linprog(
        -np.array([scores[p] for p in pairs], dtype=float),
        A_ub=a_ub,
        b_ub=b_ub,
        bounds=np.column_stack([lower_bounds, np.ones(n)]),
        method="highs-ds",
    )
    if result.status != 0:
        raise ScheduleImpossible("no schedule gives every candidate the minimum number of dates within the tables")
    chosen = [pairs[j] for j in range(n) if result.x[j] > 0.5]
    return chosen, -result.fun


def _colour(edges: list[tuple[int, int]], rounds: int) -> list[int]:
    """Colour the edges of a bipartite multigraph-free graph (left u, right v) with `rounds` colours so that no two
    edges at a vertex share one; every degree must be at most `rounds`."""
    at_left: dict[int, dict[int, int]] = {}  # vertex -> colour -> edge index
    at_right: dict[int, dict[int, int]] = {}
    colour = [-1] * len(edges)
    for e, (u, v) in enumerate(edges):
        used_u, used_v = at_left.setdefault(u, {}), at_right.setdefault(v, {})
        a = next(c for c in range(rounds) if c not in used_u)
        b = next(c for c in range(rounds) if c not in used_v)
        if a not in used_v:
            b = a
        else:
            # Swap colours a and b along the alternating path that starts at v with colour a; afterwards a is
            # free at v, and the path cannot reach u because u misses a (the graph is bipartite).
            path, side, vertex, want = [], "right", v, a
            while True:
                table = at_right if side == "right" else at_left
                nxt = table[vertex].get(want)
                if nxt is None:
                    break
                path.append(nxt)
                x, y = edges[nxt]
                vertex, side = (x, "left") if side == "right" else (y, "right")
                want = b if want == a else a
            for f in path:
                x, y = edges[f]
                del at_left[x][colour[f]]
                del at_right[y][colour[f]]
            for f in path:
                x, y = edges[f]
                colour[f] = b if colour[f] == a else a
                at_left[x][colour[f]] = f
                at_right[y][colour[f]] = f
            b = a
        colour[e] = b
        used_u[b] = e
        used_v[b] = e
    return colour


def schedule_speed_dates(
    scores: Mapping[tuple[Hashable, Hashable], float],
    tables: Mapping[Hashable, int],
    rounds: int,
    *,
    min_dates: int = 0,
    pinned: frozenset = frozenset(),
    candidates: list | None = None,
) -> Schedule:
    """The schedule with the largest total score. `scores[(candidate, company)]` lists the pairs that may meet."""
    if rounds < 1 or min_dates < 0 or min_dates > rounds or any(t < 0 for t in tables.values()):
        raise ValueError("rounds >= 1, 0 <= min_dates <= rounds and tables >= 0 are required")
    candidates = candidates if candidates is not None else sorted({c for c, _h in scores}, key=str)
    companies = sorted(tables, key=str)
    chosen, bound = _choose_pairs(candidates, companies, dict(scores), rounds, tables, min_dates, frozenset(pinned))
    # Deal each company's dates over its tables, at most `rounds` per table.
    by_company: dict = {}
    for c, h in chosen:
        by_company.setdefault(h, []).append(c)
    index_c = {c: i for i, c in enumerate(candidates)}
    edges, labels, table_ids = [], [], {}
    for h in companies:
        for k, c in enumerate(sorted(by_company.get(h, []), key=str)):
            table = k % max(1, tables[h])
            node = table_ids.setdefault((h, table), len(table_ids))
            edges.append((index_c[c], node))
            labels.append((c, h, table))
    colours = _colour(edges, rounds)
    dates = tuple(
        sorted(
            (
                Date(colour, c, h, table, float(scores[(c, h)]))
                for colour, (c, h, table) in zip(colours, labels, strict=True)
            ),
            key=lambda d: (d.round, str(d.company), d.table),
        )
    )
    return Schedule(dates, sum(d.score for d in dates), bound)


def schedule_problems(schedule: Schedule, scores, tables, rounds, min_dates=0, pinned=frozenset()) -> list[str]:
    """Every rule the schedule breaks, in words; empty when it keeps them all."""
    problems = []
    seen = set()
    per_round_candidate, per_round_table, per_round_company, count = set(), set(), {}, {}
    for d in schedule.dates:
        if not 0 <= d.round < rounds:
            problems.append(f"round {d.round} out of range")
        if (d.candidate, d.company) not in scores:
            problems.append(f"{d.candidate} and {d.company} may not meet")
        if (d.candidate, d.company) in seen:
            problems.append(f"{d.candidate} meets {d.company} twice")
        seen.add((d.candidate, d.company))
        if (d.round, d.candidate) in per_round_candidate:
            problems.append(f"{d.candidate} has two dates in round {d.round}")
        per_round_candidate.add((d.round, d.candidate))
        if (d.round, d.company, d.table) in per_round_table or not 0 <= d.table < tables[d.company]:
            problems.append(f"table {d.table} of {d.company} is double-booked or does not exist in round {d.round}")
        per_round_table.add((d.round, d.company, d.table))
        per_round_company[(d.round, d.company)] = per_round_company.get((d.round, d.company), 0) + 1
        count[d.candidate] = count.get(d.candidate, 0) + 1
    for (r, h), n in per_round_company.items():
        if n > tables[h]:
            problems.append(f"{h} has {n} dates in round {r} but {tables[h]} tables")
    for c in {c for c, _h in scores}:
        if count.get(c, 0) < min_dates:
            problems.append(f"{c} has fewer than {min_dates} dates")
    problems += [f"pinned pair {p} does not meet" for p in pinned if p not in seen]
    return problems

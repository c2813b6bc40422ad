"""Skills-based matching at scale: the weighted gap of every candidate against every role profile, and the best
matches both ways.

Pure module: numpy, with the two selection scans in `selection` compiled by numba. The gap of a candidate with level
``l`` in a skill a role requires at level ``q`` is ``max(0, q - l)``, which for levels 0..5 equals the number of
thresholds ``t = 1..5`` with ``q >= t > l``. Writing ``L_t = [level >= t]`` and ``R_t = weight * [required >= t]``,
the weighted gap of all pairs is

    gap = sum_t rowsum(R_t) - sum_t L_t @ R_t.T  =  [L, 1] @ [-R, total].T

with ``L`` and ``R`` the five indicator blocks side by side: one matrix product, computed in chunks of candidates so
memory stays bounded, with the best of each chunk folded into running results. Ties are broken by index, so the
answer is exact and deterministic whatever the chunk size.
"""

from dataclasses import dataclass

import numpy as np

from mhw.matching.selection import fold_smallest_per_column, smallest_per_row

LEVELS = 5


def _checked_levels(levels) -> np.ndarray:
    levels = np.asarray(levels)
    if levels.ndim != 2 or levels.min(initial=0) < 0 or levels.max(initial=0) > LEVELS:
        raise ValueError("levels must be a 2-d array of whole numbers from 0 to 5")
    return levels


def requirement_matrix(required: np.ndarray, weights: np.ndarray, dtype=np.float64) -> np.ndarray:
    """(r, S) required levels and weights -> (5S + 1, r): the weighted threshold blocks ``weight * [required >= t]``,
    negated and transposed, with each role's total weighted requirement as the last row. Indicators with a trailing
    1 times this matrix are the gaps."""
    required, weights = np.asarray(required), np.asarray(weights, dtype=np.float64)
    if required.shape != weights.shape or required.ndim != 2:
        raise ValueError("required levels and weights must be 2-d arrays of the same shape")
    if required.min(initial=0) < 0 or required.max(initial=0) > LEVELS or (weights < 0).any():
        raise ValueError("required levels run from 0 to 5 and weights are not negative")
    r, s = required.shape
    # Built row by row of roles (contiguous), handed out transposed: BLAS reads either order at the same speed.
    rows = np.empty((r, LEVELS * s + 1), dtype=dtype)
    for t in range(LEVELS):
        np.multiply(weights, required >= t + 1, out=rows[:, t * s : (t + 1) * s], casting="same_kind")
    np.negative(rows[:, :-1], out=rows[:, :-1])
    rows[:, -1] = (weights * required).sum(axis=1)
    return rows.T


@dataclass(frozen=True)
class TopMatches:
    """Per candidate the k best roles, and per role the k best candidates, each with its weighted gap."""

    roles_for_candidate: np.ndarray  # (n, k) role indices
    role_gaps: np.ndarray  # (n, k)
    candidates_for_role: np.ndarray  # (r, k) candidate indices
    candidate_gaps: np.ndarray  # (r, k)


def _indicators_into(levels: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Write the (n, 5S) threshold indicators of `levels` into the first 5S columns of `out`, without temporary
    concatenations; the last column of `out` stays 1 (it carries each role's total requirement)."""
    n, s = levels.shape
    view = out[:n, : LEVELS * s].reshape(n, LEVELS, s)
    for t in range(LEVELS):
        np.greater_equal(levels, t + 1, out=view[:, t, :], casting="unsafe")
    return out[:n]


def top_matches(
    levels: np.ndarray, required: np.ndarray, weights: np.ndarray, *, k: int = 20, chunk: int = 4096
) -> TopMatches:
    """The k smallest weighted gaps both ways, ties by index, computed chunk by chunk of candidates.

    One matrix product per chunk gives the gaps directly: the indicators carry a column of ones and the requirement
    blocks, negated, a row of totals. Then one scan per direction picks the best (`selection`). With whole-number
    weights whose totals stay below 2**23 the product runs in float32 and is exact; otherwise in float64.
    """
    if k < 1 or chunk < 1:
        raise ValueError("k and chunk must be at least 1")
    levels = _checked_levels(levels)
    weights = np.asarray(weights, dtype=np.float64)
    # float32 when that is exact: whole weights and totals (at most 5 x the weights) below 2**23; otherwise float64.
    largest_total = LEVELS * float(weights.sum(axis=1).max(initial=0))
    exact_in_float32 = bool(np.array_equal(weights, np.floor(weights))) and largest_total < 2**23
    right = requirement_matrix(required, weights, np.float32 if exact_in_float32 else np.float64)
    if right.shape[0] != LEVELS * levels.shape[1] + 1:
        raise ValueError("levels and required levels must list the same skills (columns)")
    n, r = levels.shape[0], right.shape[1]
    kr, kc = min(k, r), min(k, n)
    roles_for_candidate = np.empty((n, kr), dtype=np.int64)
    role_gaps = np.empty((n, kr), dtype=np.float64)
    candidates_for_role = np.zeros((r, kc), dtype=np.int64)
    candidate_gaps = np.full((r, kc), np.inf)
    rows = min(chunk, n)
    indicators = np.ones((rows, right.shape[0]), dtype=right.dtype)
    gaps = np.empty((rows, r), dtype=right.dtype)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        block = np.matmul(_indicators_into(levels[start:stop], indicators), right, out=gaps[: stop - start])
        smallest_per_row(block, role_gaps[start:stop], roles_for_candidate[start:stop])
        fold_smallest_per_column(block, start, candidate_gaps, candidates_for_role)
    return TopMatches(roles_for_candidate, role_gaps, candidates_for_role, candidate_gaps)

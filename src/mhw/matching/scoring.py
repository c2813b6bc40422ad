"""Skills-based matching at scale: the weighted gap of every candidate against every role profile, and the best
matches both ways.

Pure module (numpy). The gap of a candidate with level ``l`` in a skill a role requires at level ``q`` is
``max(0, q - l)``, which for levels 0..5 equals the number of thresholds ``t = 1..5`` with ``q >= t > l``. Writing
``L_t = [level >= t]`` and ``R_t = weight * [required >= t]``, the weighted gap of all pairs is

    gap = sum_t rowsum(R_t) - sum_t L_t @ R_t.T  =  const - L @ R.T

with ``L`` and ``R`` the five indicator blocks side by side: one matrix product, computed in chunks of candidates so
memory stays bounded, with the top k of each chunk folded into running results. Ties are broken by index, so the
answer is exact and deterministic whatever the chunk size.
"""

from dataclasses import dataclass

import numpy as np

LEVELS = 5


def level_indicators(levels: np.ndarray, dtype=np.float32) -> np.ndarray:
    """(n, S) levels 0..5 -> (n, 5S) blocks [level >= t] for t = 1..5."""
    levels = np.asarray(levels)
    if levels.ndim != 2 or levels.min(initial=0) < 0 or levels.max(initial=0) > LEVELS:
        raise ValueError("levels must be a 2-d array of whole numbers from 0 to 5")
    return np.concatenate([(levels >= t) for t in range(1, LEVELS + 1)], axis=1).astype(dtype)


def requirement_blocks(required: np.ndarray, weights: np.ndarray, dtype=np.float32) -> tuple[np.ndarray, np.ndarray]:
    """(r, S) required levels and weights -> ((r, 5S) weighted threshold blocks, (r,) total weighted requirement)."""
    required, weights = np.asarray(required), np.asarray(weights, dtype=np.float64)
    if required.shape != weights.shape or required.ndim != 2:
        raise ValueError("required levels and weights must be 2-d arrays of the same shape")
    if required.min(initial=0) < 0 or required.max(initial=0) > LEVELS or (weights < 0).any():
        raise ValueError("required levels run from 0 to 5 and weights are not negative")
    blocks = np.concatenate([weights * (required >= t) for t in range(1, LEVELS + 1)], axis=1)
    return blocks.astype(dtype), (weights * required).sum(axis=1)


def weighted_gaps(levels: np.ndarray, required: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(n, r) weighted gap of every candidate against every role, in float64."""
    blocks, total = requirement_blocks(required, weights, np.float64)
    return total[None, :] - level_indicators(levels, np.float64) @ blocks.T


def _smallest_k(values: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Indices of the k smallest values along `axis`, ordered by (value, index): exact, ties by index."""
    k = min(k, values.shape[axis])
    if k == 0:
        shape = list(values.shape)
        shape[axis] = 0
        return np.empty(shape, dtype=np.int64)
    moved = np.moveaxis(values, axis, -1)
    size = moved.shape[-1]
    if np.all(moved == np.rint(moved)) and np.abs(moved).max(initial=0) * size < 2**52:
        # Whole-number gaps: value * size + index is a unique key, exact in float64, so a linear-time partition
        # finds the k smallest and only those k are sorted.
        key = moved * size + np.arange(size)
        if k < size:
            part = np.argpartition(key, k - 1, axis=-1)[..., :k]
        else:
            part = np.broadcast_to(np.arange(size), key.shape).copy()
        order = np.take_along_axis(part, np.argsort(np.take_along_axis(key, part, axis=-1), axis=-1), axis=-1)
    else:
        # Otherwise a stable sort of the values keeps equal values in index order.
        order = np.argsort(moved, axis=-1, kind="stable")[..., :k]
    return np.moveaxis(order, -1, axis)


@dataclass(frozen=True)
class TopMatches:
    """Per candidate the k best roles, and per role the k best candidates, each with its weighted gap."""

    roles_for_candidate: np.ndarray  # (n, k) role indices
    role_gaps: np.ndarray  # (n, k)
    candidates_for_role: np.ndarray  # (r, k) candidate indices
    candidate_gaps: np.ndarray  # (r, k)


def top_matches(
    levels: np.ndarray, required: np.ndarray, weights: np.ndarray, *, k: int = 20, chunk: int = 4096
) -> TopMatches:
    """The k smallest weighted gaps both ways, computed chunk by chunk with one matrix product per chunk."""
    if k < 1 or chunk < 1:
        raise ValueError("k and chunk must be at least 1")
    # Whole-number weights: float32 products are exact (rounded back below) and twice as fast; otherwise float64.
    integral = bool(np.all(np.mod(np.asarray(weights, dtype=np.float64), 1) == 0))
    dtype = np.float32 if integral else np.float64
    blocks, total = requirement_blocks(required, weights, dtype)
    blocks_t = np.ascontiguousarray(blocks.T)
    n, r = np.asarray(levels).shape[0], blocks.shape[0]
    kr, kc = min(k, r), min(k, n)
    roles_for_candidate = np.empty((n, kr), dtype=np.int64)
    role_gaps = np.empty((n, kr), dtype=np.float64)
    best_candidates = np.empty((0, r), dtype=np.int64)
    best_gaps = np.empty((0, r), dtype=np.float64)
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        gaps = total[None, :] - (level_indicators(levels[start:stop], dtype) @ blocks_t).astype(np.float64)
        if integral:
            gaps = np.rint(gaps)
        chosen = _smallest_k(gaps, kr, axis=1)
        roles_for_candidate[start:stop] = chosen
        role_gaps[start:stop] = np.take_along_axis(gaps, chosen, axis=1)
        local = _smallest_k(gaps, min(kc, stop - start), axis=0)
        pool_candidates = np.concatenate([best_candidates, local + start], axis=0)
        pool_gaps = np.concatenate([best_gaps, np.take_along_axis(gaps, local, axis=0)], axis=0)
        # The pool holds earlier (lower) indices first, so a stable sort keeps ties in index order.
        keep = _smallest_k(pool_gaps, kc, axis=0)
        best_candidates = np.take_along_axis(pool_candidates, keep, axis=0)
        best_gaps = np.take_along_axis(pool_gaps, keep, axis=0)
    return TopMatches(roles_for_candidate, role_gaps, best_candidates.T.copy(), best_gaps.T.copy())

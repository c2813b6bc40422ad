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


def _smallest_k_by_key(keys: np.ndarray, k: int) -> np.ndarray:
    """Column positions of the k smallest unique integer keys in each row, in key order."""
    if k >= keys.shape[1]:
        part = np.broadcast_to(np.arange(keys.shape[1]), keys.shape)
    else:
        part = np.argpartition(keys, k - 1, axis=1)[:, :k]
    return np.take_along_axis(part, np.argsort(np.take_along_axis(keys, part, axis=1), axis=1), axis=1)


def _merge_best(best_keys: np.ndarray, roles: np.ndarray, keys: np.ndarray, k: int) -> np.ndarray:
    """Per role the k smallest of its current best keys (r, k) and the new (role, key) entries."""
    r = best_keys.shape[0]
    all_roles = np.concatenate([np.repeat(np.arange(r), best_keys.shape[1]), roles])
    all_keys = np.concatenate([best_keys.ravel(), keys])
    order = np.lexsort((all_keys, all_roles))
    sorted_roles = all_roles[order]
    first = np.searchsorted(sorted_roles, np.arange(r))
    rank = np.arange(order.size) - first[sorted_roles]
    return all_keys[order][rank < k].reshape(r, k)


def _smallest_k_stable(values: np.ndarray, k: int) -> np.ndarray:
    """Column positions of the k smallest values in each row, ties by position (for fractional gaps)."""
    return np.argsort(values, axis=1, kind="stable")[:, :k]


@dataclass(frozen=True)
class TopMatches:
    """Per candidate the k best roles, and per role the k best candidates, each with its weighted gap."""

    roles_for_candidate: np.ndarray  # (n, k) role indices
    role_gaps: np.ndarray  # (n, k)
    candidates_for_role: np.ndarray  # (r, k) candidate indices
    candidate_gaps: np.ndarray  # (r, k)


def _indicators_into(levels: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Write the (n, 5S) threshold indicators of `levels` into `out` without temporary concatenations."""
    n, s = levels.shape
    view = out[:n].reshape(n, LEVELS, s)
    for t in range(LEVELS):
        np.greater_equal(levels, t + 1, out=view[:, t, :], casting="unsafe")
    return out[:n]


def top_matches(
    levels: np.ndarray, required: np.ndarray, weights: np.ndarray, *, k: int = 20, chunk: int = 4096
) -> TopMatches:
    """The k smallest weighted gaps both ways, computed chunk by chunk with one matrix product per chunk.

    With whole-number weights the gaps are whole numbers: float32 products are exact (rounded back), and
    ``gap * roles + role`` is a unique integer key, so a linear-time partition finds the k best per row and ties fall
    to the lower index. With fractional weights the products run in float64 and a stable sort breaks ties.
    """
    if k < 1 or chunk < 1:
        raise ValueError("k and chunk must be at least 1")
    levels = np.asarray(levels)
    level_indicators(levels[:1])  # validates shape and range before any work
    if levels.min(initial=0) < 0 or levels.max(initial=0) > LEVELS:
        raise ValueError("levels must be a 2-d array of whole numbers from 0 to 5")
    integral = bool(np.all(np.mod(np.asarray(weights, dtype=np.float64), 1) == 0))
    dtype = np.float32 if integral else np.float64
    blocks, total = requirement_blocks(required, weights, dtype)
    blocks_t = np.ascontiguousarray(blocks.T)
    n, r = levels.shape[0], blocks.shape[0]
    kr, kc = min(k, r), min(k, n)
    integral = integral and float(total.max(initial=0)) * max(n, r) < 2**62
    roles_for_candidate = np.empty((n, kr), dtype=np.int64)
    role_gaps = np.empty((n, kr), dtype=np.float64)
    best_candidates = np.empty((r, 0), dtype=np.int64)
    best_gaps = np.empty((r, 0), dtype=np.float64)
    buffer = np.empty((min(chunk, n), LEVELS * levels.shape[1]), dtype=dtype)
    total_row = total.astype(dtype)[None, :]
    # Keys gap * count + index fit in 32 bits for all but the largest problems: half the memory traffic.
    key_type = np.int32 if float(total.max(initial=0) + 1) * max(n, r) < 2**31 else np.int64
    role_index = np.arange(r, dtype=key_type)
    best_keys = np.empty((r, 0), dtype=np.int64)  # role direction, integral case: gap * n + candidate
    for start in range(0, n, chunk):
        stop = min(n, start + chunk)
        gaps = total_row - _indicators_into(levels[start:stop], buffer) @ blocks_t
        if integral:
            whole = np.rint(gaps, out=gaps).astype(key_type)
            keys = np.multiply(whole, r, dtype=key_type)
            keys += role_index
            chosen = _smallest_k_by_key(keys, kr)
            roles_for_candidate[start:stop] = chosen
            role_gaps[start:stop] = np.take_along_axis(whole, chosen, axis=1)
            keys = np.multiply(whole, n, out=keys)
            keys += np.arange(start, stop, dtype=key_type)[:, None]
            if best_keys.shape[1] < kc:
                # Early chunks: take each role's best of this chunk outright.
                local = _smallest_k_by_key(np.ascontiguousarray(keys.T), min(kc, stop - start))
                rows = local.ravel()
                cols = np.repeat(np.arange(r), local.shape[1])
            else:
                # Later chunks: only pairs better than the role's current k-th best can enter, and once the
                # running best is good these are few, so one comparison per pair replaces a selection.
                rows, cols = np.nonzero(keys < best_keys[:, -1][None, :])
            width = min(kc, best_keys.shape[1] + stop - start)
            best_keys = _merge_best(best_keys, cols, keys[rows, cols].astype(np.int64), width)
        else:
            chosen = _smallest_k_stable(gaps, kr)
            roles_for_candidate[start:stop] = chosen
            role_gaps[start:stop] = np.take_along_axis(gaps, chosen, axis=1)
            columns = np.ascontiguousarray(gaps.T)
            local = _smallest_k_stable(columns, min(kc, stop - start))
            # Earlier chunks hold lower indices, so a stable sort of the pool by gap keeps ties in index order.
            pool_candidates = np.concatenate([best_candidates, local + start], axis=1)
            pool_gaps = np.concatenate([best_gaps, np.take_along_axis(columns, local, axis=1)], axis=1)
            keep = _smallest_k_stable(pool_gaps, kc)
            best_candidates = np.take_along_axis(pool_candidates, keep, axis=1)
            best_gaps = np.take_along_axis(pool_gaps, keep, axis=1)
    if integral:
        best_candidates, best_gaps = best_keys % n, (best_keys // n).astype(np.float64)
    return TopMatches(roles_for_candidate, role_gaps, best_candidates, best_gaps)

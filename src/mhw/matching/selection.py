"""The k smallest values per row and per column of a block of gaps, in one scan each (numba, both cores).

Scanning in index order and admitting a value only when it is strictly below the current k-th best keeps ties in
index order, so the result is exact and the same whatever the block boundaries: the column scan carries its best
lists from one block of rows to the next.
"""

import numpy as np
from numba import njit, prange

COLUMN_STRIP = 128  # columns one thread scans together: half a kilobyte of a float32 row


@njit(cache=True, inline="always")
def _admit(best_values, best_index, value, index):
    """Insert (value, index) into the sorted lists whose last entry it beats."""
    position = best_values.shape[0] - 1
    while position > 0 and best_values[position - 1] > value:
        best_values[position] = best_values[position - 1]
        best_index[position] = best_index[position - 1]
        position -= 1
    best_values[position] = value
    best_index[position] = index


@njit(parallel=True, cache=True)
def smallest_per_row(values, best_values, best_index):
    """For each row of `values` (n, m): its k = best_values.shape[1] smallest entries, ties by column, written into
    `best_values` (n, k) and `best_index` (n, k). Needs k <= m."""
    n, m = values.shape
    k = best_values.shape[1]
    for i in prange(n):
        row_values, row_index = best_values[i], best_index[i]
        row_values[:] = np.inf
        threshold = values.dtype.type(np.inf)
        for j in range(m):
            value = values[i, j]
            if value < threshold:
                _admit(row_values, row_index, value, j)
                threshold = row_values[k - 1]


@njit(parallel=True, cache=True)
def fold_smallest_per_column(values, first_row, best_values, best_index):
    """Fold the rows of `values` (n, m), numbered from `first_row`, into each column's running k smallest
    (`best_values` (m, k), start at +inf; `best_index` (m, k)). Blocks must come in row order."""
    n, m = values.shape
    strips = (m + COLUMN_STRIP - 1) // COLUMN_STRIP
    for strip in prange(strips):
        low = strip * COLUMN_STRIP
        high = min(m, low + COLUMN_STRIP)
        # The k-th best of each column of the strip, side by side, so the common case (no entry) is one
        # comparison of contiguous values.
        threshold = np.empty(high - low, dtype=values.dtype)
        for j in range(low, high):
            threshold[j - low] = best_values[j, -1]
        for i in range(n):
            for j in range(low, high):
                value = values[i, j]
                if value < threshold[j - low]:
                    _admit(best_values[j], best_index[j], value, first_row + i)
                    threshold[j - low] = best_values[j, -1]

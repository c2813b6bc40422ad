"""The top k both ways are exact: the gaps of the matrix formulation equal the gap module's for every pair shown
(with k >= the number of roles, every pair), and ties fall to the lower index."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from mhw.matching.scoring import top_matches
from mhw.skills.gap import Requirement, compute_gap


@st.composite
def problems(draw):
    n, r, s = draw(st.integers(1, 12)), draw(st.integers(1, 8)), draw(st.integers(1, 6))
    levels = draw(hnp.arrays(np.int8, (n, s), elements=st.integers(0, 5)))
    required = draw(hnp.arrays(np.int8, (r, s), elements=st.integers(0, 5)))
    whole = draw(st.booleans())
    elements = st.integers(0, 3).map(float) if whole else st.sampled_from([0.0, 0.25, 0.5, 1.5, 2.0])
    weights = draw(hnp.arrays(np.float64, (r, s), elements=elements))
    return levels, required, weights


def _per_pair(levels, required, weights):
    gaps = np.empty((levels.shape[0], required.shape[0]))
    for c in range(levels.shape[0]):
        shown = {s: int(levels[c, s]) for s in range(levels.shape[1])}
        for r in range(required.shape[0]):
            profile = {s: Requirement(int(required[r, s]), float(weights[r, s])) for s in range(required.shape[1])}
            gaps[c, r] = compute_gap(profile, shown).weighted_gap
    return gaps


@given(problem=problems(), k=st.integers(1, 10), chunk=st.integers(1, 7))
def test_the_top_k_is_exact_with_ties_by_index_whatever_the_chunk(problem, k, chunk):
    levels, required, weights = problem
    gaps = _per_pair(levels, required, weights)
    result = top_matches(levels, required, weights, k=k, chunk=chunk)
    n, r = gaps.shape
    for c in range(n):
        expected = sorted(range(r), key=lambda j: (gaps[c, j], j))[:k]
        assert result.roles_for_candidate[c].tolist() == expected
        np.testing.assert_allclose(result.role_gaps[c], gaps[c, expected])
    for j in range(r):
        expected = sorted(range(n), key=lambda c: (gaps[c, j], c))[:k]
        assert result.candidates_for_role[j].tolist() == expected
        np.testing.assert_allclose(result.candidate_gaps[j], gaps[expected, j])


@pytest.mark.parametrize(
    ("levels", "required", "weights"),
    [
        (np.array([[6]]), np.array([[1]]), np.array([[1.0]])),
        (np.array([[1]]), np.array([[1, 2]]), np.array([[1.0]])),
        (np.array([[1]]), np.array([[1]]), np.array([[-1.0]])),
        (np.array([[1, 2]]), np.array([[1]]), np.array([[1.0]])),
    ],
)
def test_out_of_range_input_is_refused(levels, required, weights):
    with pytest.raises(ValueError, match=r"levels|weights|skills"):
        top_matches(levels, required, weights)

"""Demand per role and region: every place asked in the period counts once, in its month and row; nothing outside."""

import datetime
import itertools

from hypothesis import given
from hypothesis import strategies as st

from mhw.ecosystem.demand import Asked, months_back, per_month

asked = st.builds(
    Asked, st.sampled_from(["Monteur", "Operator", "Planner"]), st.sampled_from(["Groningen", "Assen"]),
    st.dates(datetime.date(2025, 1, 1), datetime.date(2027, 12, 31)), st.integers(1, 20),
)  # fmt: skip


@given(st.lists(asked, max_size=40), st.dates(datetime.date(2025, 6, 1), datetime.date(2027, 12, 31)))
def test_each_place_asked_in_the_period_counts_once_in_its_month(rows, until):
    months = months_back(until, 12)
    assert len(months) == 12
    assert months[-1] == until.replace(day=1)
    assert all(a < b for a, b in itertools.pairwise(months))
    in_period = [r for r in rows if months[0] <= r.posted_on.replace(day=1) <= months[-1]]
    by_role = per_month(rows, months, key=lambda r: r.role)
    assert sum(sum(v) for v in by_role.values()) == sum(r.number for r in in_period)
    by_region = per_month(rows, months, key=lambda r: r.region)
    assert {k: sum(v) for k, v in by_region.items()} == {
        region: sum(r.number for r in in_period if r.region == region) for region in {r.region for r in in_period}
    }

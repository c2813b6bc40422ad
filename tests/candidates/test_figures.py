import datetime
import itertools
import xml.etree.ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from mhw.candidates.figures import MILESTONES, CandidateFacts, dropouts, funnel, funnel_svg, time_to_job

dates = st.dates(min_value=datetime.date(2025, 1, 1), max_value=datetime.date(2028, 12, 31))
facts = st.builds(
    CandidateFacts,
    reached=st.frozensets(st.sampled_from(MILESTONES)),
    registered_on=st.none() | dates,
    contract_starts_on=st.none() | dates,
    left_how=st.sampled_from(["", "withdraw", "no_go", "reject"]),
    left_at_stage=st.sampled_from(["registered", "selected", "basic_modules_done"]),
)


@given(candidates=st.lists(facts, max_size=40))
def test_the_funnel_counts_each_milestone_once_per_candidate(candidates):
    rows = funnel(candidates)
    assert [stage for stage, _count, _share in rows] == list(MILESTONES)
    for stage, count, _share in rows:
        assert count == sum(stage in c.reached for c in candidates)
    for (_s1, before, _x), (_s2, after, share) in itertools.pairwise(rows):
        assert share is None if not before else share == after / before


@given(candidates=st.lists(facts, max_size=40))
def test_time_to_job_spans_only_candidates_with_both_dates(candidates):
    stats = time_to_job(candidates)
    days = [
        (c.contract_starts_on - c.registered_on).days for c in candidates if c.registered_on and c.contract_starts_on
    ]
    assert stats.count == len(days)
    if days:
        assert stats.shortest_days == min(days)
        assert stats.longest_days == max(days)
        assert stats.shortest_days <= stats.p25_days <= stats.median_days <= stats.p75_days <= stats.longest_days
    else:
        assert stats.median_days is None


@given(candidates=st.lists(facts, max_size=40))
def test_dropouts_add_up_to_the_candidates_who_left(candidates):
    assert sum(n for _how, _stage, n in dropouts(candidates)) == sum(1 for c in candidates if c.left_how)


def test_the_funnel_picture_has_a_bar_per_milestone_with_its_count():
    rows = funnel([CandidateFacts(frozenset({"registered", "intake_done"})), CandidateFacts(frozenset({"registered"}))])
    root = ET.fromstring(funnel_svg(rows, {s: s for s in MILESTONES}, "Trechter"))
    bars = root.findall(".//{http://www.w3.org/2000/svg}g[@class='bar']")
    assert [(b.get("data-stage"), b.get("data-count")) for b in bars][:3] == [
        ("registered", "2"),
        ("intake_done", "1"),
        ("selected", "0"),
    ]

"""Priorities from the innovation system analysis: white spots are exactly the skills the region does not teach to
the level needed; more offer never raises a priority, more momentum never lowers it; the ranking is by priority."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from mhw.ecosystem.innovation import SYSTEM_FUNCTIONS, Cell, Development, assess, ranked, skills_impact
from mhw.ecosystem.models import Development as DevelopmentRecord
from mhw.ecosystem.models import FunctionScore

scores = st.dictionaries(st.sampled_from(SYSTEM_FUNCTIONS), st.integers(1, 5))
needs = st.dictionaries(st.sampled_from([f"s{i}" for i in range(12)]), st.integers(1, 5), max_size=10)
offers = st.dictionaries(st.sampled_from([f"s{i}" for i in range(12)]), st.integers(1, 5), max_size=12)


@given(scores, needs, offers)
def test_white_spots_are_the_skills_not_taught_to_the_level_needed(given_scores, needed, offered):
    result = assess(Development("d", given_scores, needed), offered)
    assert set(result.white_spots) == {s for s, level in needed.items() if offered.get(s, 0) < level}
    assert 0 <= result.coverage <= 1
    assert result.complete == (len(given_scores) == 7)
    assert result.priority == pytest.approx(result.momentum * (1 - result.coverage))


@given(scores, needs, offers, st.sampled_from([f"s{i}" for i in range(12)]), st.integers(1, 5))
def test_more_offer_never_raises_the_priority(given_scores, needed, offered, skill, level):
    before = assess(Development("d", given_scores, needed), offered)
    more = {**offered, skill: max(level, offered.get(skill, 0))}
    assert assess(Development("d", given_scores, needed), more).priority <= before.priority + 1e-12


@given(scores.filter(bool), needs, offers, st.sampled_from(SYSTEM_FUNCTIONS))
def test_a_higher_score_never_lowers_the_priority(given_scores, needed, offered, function):
    before = assess(Development("d", given_scores, needed), offered)
    raised = {**given_scores, function: 5}
    assert assess(Development("d", raised, needed), offered).priority >= before.priority - 1e-12


@given(st.lists(st.tuples(scores, needs), max_size=6), offers)
def test_the_ranking_is_by_priority(developments, offered):
    result = ranked([Development(i, s, n) for i, (s, n) in enumerate(developments)], offered)
    assert [a.priority for a in result] == sorted((a.priority for a in result), reverse=True)


def test_bad_scores_are_refused():
    with pytest.raises(ValueError, match=r"1\.\.5"):
        assess(Development("d", {"market_formation": 6}, {}), {})
    with pytest.raises(ValueError, match="seven"):
        assess(Development("d", {"astrology": 3}, {}), {})


@pytest.mark.django_db
def test_a_development_is_scored_and_its_white_spots_come_from_the_regional_offer(world, client_for):
    manager = client_for(world.user("broker"))
    url = f"{reverse('innovation')}?campus={world.campus_a.slug}"
    manager.post(url, {"name": "Waterstof in het wagenpark", "description": "Trucks en bussen op waterstof"})
    development = DevelopmentRecord.objects.get()
    taught = world.module_a.outcomes.get()  # the module teaches this item to level 2
    other = world.skills.published.items.exclude(pk=taught.item_id).first()
    detail = reverse("development_detail", args=[development.pk])
    scores = {f"score_{f}": 4 for f in SYSTEM_FUNCTIONS} | {"scores": "1", "evidence_market_formation": "Drie orders"}
    manager.post(detail, scores)
    for item, level in ((taught.item, 2), (other, 3)):
        manager.post(detail, {"skill": "1", "item": item.pk, "level": level})
    [row] = manager.get(url).context["rows"]
    assert row["assessment"].momentum == 4
    assert row["assessment"].breaking_through
    assert row["white_spots"] == [other]
    assert row["assessment"].coverage == 0.5
    manager.post(detail, {"skill": "1", "item": taught.item.pk, "level": 3})  # now more than the module teaches
    assert manager.get(url).context["rows"][0]["assessment"].coverage == 0
    bad = manager.post(detail, {"scores": "1", "score_market_formation": 9})
    assert bad.status_code == 200
    assert FunctionScore.objects.get(function="market_formation").score == 4


@pytest.mark.django_db
def test_other_campuses_developments_are_not_shown(world, client_for):
    development = DevelopmentRecord.objects.create(campus=world.campus_b, name="Elders")
    coach = client_for(world.user("coach"))
    assert coach.get(reverse("development_detail", args=[development.pk])).status_code == 404
    refused = client_for(world.user("teacher")).post(reverse("innovation"), {"name": "Mag niet"})
    assert refused.status_code == 403


cells = st.lists(
    st.builds(Cell, st.sampled_from(["monteur", "operator", "planner"]), st.integers(1, 4), st.integers(0, 5),
              st.integers(0, 5)),
    max_size=20, unique_by=lambda c: (c.role, c.specialism),
)  # fmt: skip


@given(cells, st.sets(st.integers(1, 4)))
def test_the_impact_names_exactly_the_roles_whose_touched_levels_must_rise(all_cells, touched):
    result = skills_impact(all_cells, touched)
    rising = {c.role for c in all_cells if c.specialism in touched and c.future > c.current}
    assert {role for role, _gap, _rows in result} == rising
    for role, gap, rows in result:
        assert gap == sum(c.future - c.current for c in rows) > 0
        assert all(c.role == role and c.specialism in touched for c in rows)
    assert [gap for _r, gap, _c in result] == sorted((gap for _r, gap, _c in result), reverse=True)


@pytest.mark.django_db
def test_a_development_shows_the_roles_of_the_specialisms_it_touches(world, client_for):
    development = DevelopmentRecord.objects.create(campus=world.campus_a, name="Waterstof in het wagenpark")
    mapping = world.skills.mapping
    cell = mapping.roles.first().cells.first()
    cell.current, cell.future = 1, 4
    cell.save()
    manager = client_for(world.user("broker"))
    detail = reverse("development_detail", args=[development.pk])
    manager.post(detail, {"impact": "1", "specialisms": [cell.specialism_id]})
    [entry] = manager.get(detail).context["impact"]
    assert entry["mapping"] == mapping
    assert (entry["roles"][0][0], entry["roles"][0][1]) == (cell.role, 3)

"""Ranking both ways: the best roles for a candidate and the best candidates for a role, each explained."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.accounts.models import AuditEvent
from mhw.candidates.models import Candidate
from mhw.candidates.services import skills
from mhw.candidates.services.ranking import best_candidates, best_roles
from mhw.learning.services import import_offer
from mhw.paths.services import plan_path
from mhw.skills.models import SkillsProfile
from mhw.skills.services import profiles
from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def make_role(world, title: str, levels: tuple[int, ...], organisation=None):
    items = list(world.skills.published.items.exclude(kind="responsibility"))[: len(levels)]
    return profiles.create_profile(
        world.user("company_account_manager"),
        campus=world.campus_a,
        organisation=organisation,
        title_nl=title,
        title_en=title,
        vacancy_text="",
        requirements=[{"item": i, "level": lv, "weight": 1} for i, lv in zip(items, levels, strict=True)],
    ), items


def prove(world, candidate, item, level):
    skills.record_skill_level(world.user("coach"), candidate, item=item, level=level, source="assessment", evidence="")


def test_best_roles_puts_the_smallest_gap_first_and_explains_it(world):
    easy, items = make_role(world, "Eenvoudig", (2, 2))
    hard, _ = make_role(world, "Zwaar", (5, 5))
    prove(world, world.candidate_a, items[0], 3)

    ranked = best_roles(world.candidate_a, SkillsProfile.objects.filter(pk__in=[easy.pk, hard.pk]))

    assert [p for p, _ in ranked] == [easy, hard]
    why = ranked[0][1]
    assert why.coverage == pytest.approx(0.5)
    assert len(why.matching) == 1
    assert len(why.missing) == 1
    assert why.missing[0][1:] == (2, 0)


def test_best_candidates_ranks_by_gap_and_ignores_self_assessment(world):
    role, items = make_role(world, "Monteur", (3, 3))
    strong = CandidateFactory(campus=world.campus_a, last_name="Sterk")
    boasting = CandidateFactory(campus=world.campus_a, last_name="Bluf")
    prove(world, strong, items[0], 3)
    prove(world, strong, items[1], 4)
    skills.record_skill_level(world.user("coach"), boasting, item=items[0], level=5, source="self", evidence="")

    ranked = best_candidates(role, [boasting, strong])

    assert [c for c, _ in ranked] == [strong, boasting]
    assert ranked[0][1].coverage == 1.0
    assert ranked[0][1].missing == []
    assert ranked[1][1].coverage == 0.0


@settings(
    max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture]
)  # each example uses its own rows
@given(levels=st.lists(st.integers(0, 5), min_size=3, max_size=3), limit=st.integers(1, 4))
def test_best_candidates_is_sorted_and_limited(world, levels, limit):
    role, items = make_role(world, "Eigenschap", (3, 3, 3))
    people = []
    for n, level in enumerate(levels):
        person = CandidateFactory(campus=world.campus_a)
        if level:
            prove(world, person, items[n % 3], level)
        people.append(person)

    ranked = best_candidates(role, people, limit=limit)

    assert len(ranked) == min(limit, len(people))
    gaps = [why.weighted_gap for _, why in ranked]
    assert gaps == sorted(gaps)
    assert all(0.0 <= why.coverage <= 1.0 for _, why in ranked)


def test_the_pages_show_the_ranking_to_campus_staff_only(world, client_for):
    role, items = make_role(world, "Waterstofmonteur", (3,), organisation=world.company_a)
    prove(world, world.candidate_a, items[0], 3)
    ranking_url = reverse("profile_candidates", args=[role.pk])

    staff = client_for(world.user("candidate_account_manager"))
    assert "Waterstofmonteur" in staff.get(reverse("candidate_detail", args=[world.candidate_a.pk])).content.decode()
    assert ranking_url in staff.get(reverse("profile_detail", args=[role.pk])).content.decode()
    assert world.candidate_a.full_name in staff.get(ranking_url).content.decode()

    company = client_for(world.user("company_hr"))
    assert ranking_url not in company.get(reverse("profile_detail", args=[role.pk])).content.decode()
    assert company.get(ranking_url).status_code == 403


def test_the_api_ranks_both_ways_and_audits_the_candidate_read(world, client_for):
    role, items = make_role(world, "Leidingmonteur", (3, 2))
    prove(world, world.candidate_a, items[0], 3)
    staff = client_for(world.user("coach"))

    roles = staff.get(f"/api/v1/candidates/{world.candidate_a.pk}/best-roles", {"limit": 25}).json()
    mine = next(r for r in roles if r["profile_id"] == role.pk)
    assert mine["coverage"] == pytest.approx(0.6)
    assert mine["missing"][0]["required"] == 2
    assert mine["missing"][0]["shown"] == 0
    assert AuditEvent.objects.filter(action="candidate.viewed", actor=world.user("coach")).exists()

    people = staff.get(f"/api/v1/profiles/{role.pk}/best-candidates").json()
    assert people[0]["candidate_id"] == world.candidate_a.pk
    assert len(people[0]["matching"]) == 1


@pytest.mark.parametrize("limit", ["0", "26", "veel", ""])
def test_the_api_refuses_a_bad_limit_with_a_message(world, client_for, limit):
    response = client_for(world.user("coach")).get(
        f"/api/v1/candidates/{world.candidate_a.pk}/best-roles", {"limit": limit}
    )
    assert response.status_code == 422
    assert response.json()["detail"]


def _offer_module_teaching(world, item, *, weeks_from_now: int, duration_weeks: int, hours: int):
    start = timezone.localdate() + datetime.timedelta(weeks=weeks_from_now)
    import_offer(
        world.user("broker"),
        world.provider_a,
        [(2, {"code": "H2-LEIDING", "title_nl": "Leidingwerk", "title_en": "Pipework", "hours": hours,
              "duration_weeks": duration_weeks, "format": "practical", "cost": 900, "language": "nl",
              "outcomes": f"{item.code}:3", "runs": f"{start.isoformat()};12;di"})],
    )  # fmt: skip


def test_each_pair_carries_the_weeks_of_training_the_path_engine_finds(world, client_for):
    role, items = make_role(world, "Leidingmonteur", (3, 2))
    _offer_module_teaching(world, items[0], weeks_from_now=2, duration_weeks=3, hours=24)
    staff = client_for(world.user("coach"))

    roles = staff.get(f"/api/v1/candidates/{world.candidate_a.pk}/best-roles", {"limit": 25}).json()
    mine = next(r for r in roles if r["profile_id"] == role.pk)
    # The run starts in week 2 and lasts 3 weeks; the second skill is taught nowhere.
    assert mine["training"] == {"weeks": 5, "proven": True, "unclosable_skills": 1, "hours_per_week": 20}
    page = staff.get(reverse("candidate_roles", args=[world.candidate_a.pk])).content.decode()
    assert "5 weken" in page
    assert "1 vaardigheid niet in het aanbod" in page


def test_the_estimate_uses_the_hours_of_the_candidates_latest_path(world, client_for):
    role, items = make_role(world, "Leidingmonteur", (3,))
    _offer_module_teaching(world, items[0], weeks_from_now=1, duration_weeks=3, hours=24)  # 8 hours a week
    plan_path(world.user("coach"), world.candidate_a, role.current, start_date=timezone.localdate(), hours_per_week=6)

    people = client_for(world.user("coach")).get(f"/api/v1/profiles/{role.pk}/best-candidates").json()
    mine = next(p for p in people if p["candidate_id"] == world.candidate_a.pk)
    assert mine["training"] == {"weeks": None, "proven": True, "unclosable_skills": 0, "hours_per_week": 6}
    page = client_for(world.user("coach")).get(reverse("profile_candidates", args=[role.pk])).content.decode()
    assert "geen plan past" in page


def test_ranking_a_campus_asks_the_database_the_same_number_of_questions_for_any_number_of_candidates(world):
    role, items = make_role(world, "Leidingmonteur", (3, 2))

    def questions() -> int:
        with CaptureQueriesContext(connection) as captured:
            best_candidates(role, Candidate.objects.filter(campus=world.campus_a))
        return len(captured)

    before = questions()
    for n in range(10):
        prove(world, CandidateFactory(campus=world.campus_a), items[n % 2], 1 + n % 5)
    assert questions() == before

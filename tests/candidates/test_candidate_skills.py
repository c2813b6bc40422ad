"""The candidate's skills profile: proven levels count towards the gap, self-assessment is shown but never counts."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from mhw.candidates.services import skills
from mhw.skills.services import profiles

pytestmark = pytest.mark.django_db


@pytest.fixture
def role(world):
    """A role requiring three catalogue items at levels 3, 2 and 4."""
    items = list(world.skills.published.items.exclude(kind="responsibility"))[:3]
    profile = profiles.create_profile(
        world.user("company_account_manager"),
        campus=world.campus_a,
        organisation=None,
        title_nl="Pipe-engineer",
        title_en="Pipe engineer",
        vacancy_text="",
        requirements=[
            {"item": item, "level": level, "weight": 1} for item, level in zip(items, (3, 2, 4), strict=True)
        ],
    )
    world.candidate_a.target_roles.set([profile])
    return profile, items


def test_the_gap_counts_proven_levels_only(world, role):
    _profile, items = role
    coach = world.user("coach")
    skills.record_skill_level(coach, world.candidate_a, item=items[0], level=3, source="assessment", evidence="toets")
    skills.record_skill_level(coach, world.candidate_a, item=items[1], level=5, source="self", evidence="")
    skills.record_skill_level(coach, world.candidate_a, item=items[2], level=1, source="credential", evidence="")
    gap = skills.gaps_to_target_roles(world.candidate_a)[0].result
    assert [(s.required, s.current, s.gap) for s in gap.skills] == [(3, 3, 0), (2, 0, 2), (4, 1, 3)]
    skills.record_skill_level(coach, world.candidate_a, item=items[2], level=4, source="credential", evidence="")
    assert skills.gaps_to_target_roles(world.candidate_a)[0].result.total_gap == 2


def test_the_candidate_page_explains_the_gap_and_draws_the_spider(world, role, client_for):
    _profile, items = role
    client = client_for(world.user("coach"))
    client.post(
        reverse("skill_record", args=[world.candidate_a.pk]),
        {
            "skill-item_code": items[0].code.lower(),
            "skill-level": 3,
            "skill-source": "assessment",
            "skill-evidence": "x",
        },
    )
    response = client.get(reverse("candidate_detail", args=[world.candidate_a.pk]))
    gap = response.context["gaps"][0]
    assert gap["coverage"] == round(3 / 9 * 100)
    assert [m["required"] for m in gap["missing"]] == [4, 2]
    root = ET.fromstring(gap["chart"])
    assert len(root.findall(".//{http://www.w3.org/2000/svg}text[@class='axis-label']")) == 3


def test_an_unknown_item_code_is_refused(world, client_for):
    response = client_for(world.user("coach")).post(
        reverse("skill_record", args=[world.candidate_a.pk]),
        {"skill-item_code": "VO99999", "skill-level": 3, "skill-source": "assessment"},
        follow=True,
    )
    assert not world.candidate_a.skills.exists()
    assert any(m.level_tag == "error" for m in response.context["messages"])


def test_a_completed_module_becomes_proven_levels_and_never_lowers_one(world, client_for):
    item = world.module_a.outcomes.get().item  # taught to level 2
    client_for(world.user("teacher")).post(reverse("enrolment_complete", args=[world.enrolment_a.pk]))
    skill = world.candidate_a.skills.get(item=item, source="module")
    assert skill.level == 2
    assert f"item:{item.code}" in skills.proven_levels(world.candidate_a)
    skills.record_skill_level(world.user("coach"), world.candidate_a, item=item, level=4, source="module", evidence="x")
    world.enrolment_a.completed_at = None
    world.enrolment_a.save()
    skills.complete_enrolment(world.user("teacher"), world.enrolment_a)
    assert world.candidate_a.skills.get(item=item, source="module").level == 4

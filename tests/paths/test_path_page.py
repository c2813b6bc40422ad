import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mhw.learning.services import import_offer
from mhw.paths.models import DevelopmentPath

pytestmark = pytest.mark.django_db


def _form(world, **changes):
    return {
        "profile": world.skills.profile.pk,
        "start_date": timezone.localdate().isoformat(),
        "hours_per_week": 20,
    } | changes


def test_the_coach_plans_a_path_the_candidate_sees_it(world, client_for):
    world.candidate_a.target_roles.set([world.skills.profile])
    item = world.skills.profile.current.requirements.get().item
    start = timezone.localdate() + datetime.timedelta(days=14)
    import_offer(
        world.user("broker"),
        world.provider_a,
        [(2, {"code": "H2-LEK", "title_nl": "Lek", "title_en": "Leak", "hours": 24, "duration_weeks": 3,
              "format": "practical", "cost": 780, "language": "nl", "outcomes": f"{item.code}:3",
              "runs": f"{start.isoformat()};12;di"})],
    )  # fmt: skip
    coach = client_for(world.user("coach"))
    assert coach.post(reverse("path_page", args=[world.candidate_a.pk]), _form(world)).status_code == 302
    path = DevelopmentPath.objects.get()
    assert path.status == "optimal"
    assert path.finish_week == 5
    assert [s.run.module.code for s in path.steps.all()] == ["H2-LEK"]
    assert path.steps.get().closes == [item.code]
    assert path.unclosable == []
    page = client_for(world.user("candidate")).get(reverse("path_page", args=[world.candidate_a.pk]))
    assert page.context["path"] == path
    assert page.context["form"] is None
    # Weeks 3-5 hold the 3-week run at 8 hours a week; the picture and the table say so.
    assert [w["hours"] for w in page.context["weeks"]] == [0, 0, 8, 8, 8]
    assert "data-start='2' data-end='5'" in page.context["chart"]


def test_a_gap_no_module_teaches_is_named_for_the_broker(world, client_for):
    world.candidate_a.target_roles.set([world.skills.profile])
    client_for(world.user("coach")).post(reverse("path_page", args=[world.candidate_a.pk]), _form(world))
    path = DevelopmentPath.objects.get()
    assert path.unclosable == [world.skills.profile.current.requirements.get().item.code]
    assert "unclosable_skills" in path.reasons


def test_a_role_not_aimed_at_cannot_be_planned(world, client_for):
    response = client_for(world.user("coach")).post(reverse("path_page", args=[world.candidate_a.pk]), _form(world))
    assert response.status_code == 200
    assert "profile" in response.context["form"].errors
    assert not DevelopmentPath.objects.exists()


def test_the_modules_to_pin_or_leave_out_are_those_that_can_change_the_plan(world, client_for):
    world.candidate_a.target_roles.set([world.skills.profile])
    required = world.skills.profile.current.requirements.get().item
    other = world.skills.published.items.exclude(pk=required.pk).first()
    start = (timezone.localdate() + datetime.timedelta(days=14)).isoformat()
    row = {"title_en": "-", "hours": 24, "duration_weeks": 3, "format": "practical", "cost": 500, "language": "nl",
           "runs": f"{start};12;di"}  # fmt: skip
    teaching, unrelated = import_offer(
        world.user("broker"),
        world.provider_a,
        [(2, row | {"code": "H2-NODIG", "title_nl": "Nodig", "outcomes": f"{required.code}:3"}),
         (3, row | {"code": "H2-ANDERS", "title_nl": "Anders", "outcomes": f"{other.code}:3"})],
    )  # fmt: skip
    coach = client_for(world.user("coach"))
    url = reverse("path_page", args=[world.candidate_a.pk])
    offered = set(coach.get(url).context["form"].fields["pinned"].queryset)
    assert teaching in offered
    assert unrelated not in offered
    # Pinned anyway, the module is planned and from then on it is a choice on the page.
    assert coach.post(url, _form(world, pinned=[unrelated.pk])).status_code == 302
    assert unrelated in {s.run.module for s in DevelopmentPath.objects.get().steps.all()}
    assert unrelated in set(coach.get(url).context["form"].fields["excluded"].queryset)

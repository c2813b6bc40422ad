"""Completing a module issues the achievements awarded for it, once, whoever may record the completion."""

import pytest
from django.urls import reverse

from mhw.credentials import services
from mhw.credentials.models import Achievement, IssuedCredential

pytestmark = pytest.mark.django_db


@pytest.fixture
def module_badge(world):
    badge = Achievement.objects.create(
        organisation=world.provider_a, module=world.module_a, name_nl="Basis waterstof", name_en="Hydrogen basics",
        description_nl="Basismodule afgerond.", description_en="Basic module completed.",
        criteria_nl="De module afronden.", criteria_en="Complete the module.",
    )  # fmt: skip
    badge.outcomes.set(world.module_a.outcomes.values_list("item", flat=True))
    return badge


@pytest.mark.parametrize("actor", ["teacher", "candidate_account_manager"])
def test_completing_the_module_issues_its_badge_once(world, module_badge, client_for, actor):
    staff = client_for(world.user(actor))
    staff.post(reverse("enrolment_complete", args=[world.enrolment_a.pk]))
    credential = IssuedCredential.objects.get(candidate=world.candidate_a, achievement=module_badge)
    assert services.verify(credential.document).valid
    assert credential.document["issuer"]["name"] == world.provider_a.name
    assert str(world.enrolment_a.run) in credential.document["evidence"][0]["name"]
    staff.post(reverse("enrolment_complete", args=[world.enrolment_a.pk]))
    assert IssuedCredential.objects.filter(candidate=world.candidate_a).count() == 1


def test_who_may_not_record_the_completion_issues_nothing(world, module_badge, client_for):
    response = client_for(world.user("broker")).post(reverse("enrolment_complete", args=[world.enrolment_a.pk]))
    assert response.status_code == 404
    assert not IssuedCredential.objects.exists()
    world.enrolment_a.refresh_from_db()
    assert world.enrolment_a.completed_at is None

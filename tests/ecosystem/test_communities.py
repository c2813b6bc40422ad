"""Microlearning communities: started on a question or development of the campus with its partners, steps moved
along, lessons shared back to the L&D network; bad starts are refused and change nothing."""

import pytest
from django.urls import reverse

from mhw.ecosystem.models import Community, NetworkQuestion
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_community_starts_moves_on_and_shares_its_lessons_with_the_network(world, client_for):
    question = NetworkQuestion.objects.create(
        campus=world.campus_a, theme="inflow", text="Instroom uit de scheepvaart?"
    )
    manager = client_for(world.user("broker"))
    url = f"{reverse('communities')}?campus={world.campus_a.slug}"
    start = {"name": "Van schip naar waterstof", "question": question.pk, "started_on": "2026-11-01",
             "partners": [world.company_a.pk, world.provider_a.pk]}  # fmt: skip
    response = manager.post(url, start)
    community = Community.objects.get()
    assert response.url == reverse("community_detail", args=[community.pk])
    assert [s.step for s in community.steps.all()] == ["profiles", "paths", "pilot", "implementation"]
    first = community.steps.first()
    manager.post(response.url, {"step": first.pk, "status": "done", "note": "Profielen klaar"})
    first.refresh_from_db()
    assert (first.status, first.note) == ("done", "Profielen klaar")
    manager.post(response.url, {"lessons": "Werk met koplopers uit de scheepvaart."})
    network = manager.get(f"{reverse('network')}?campus={world.campus_a.slug}")
    assert [c.name for c in network.context["lessons"]] == ["Van schip naar waterstof"]


def test_bad_starts_are_refused(world, client_for):
    manager = client_for(world.user("broker"))
    url = f"{reverse('communities')}?campus={world.campus_a.slug}"
    question_b = NetworkQuestion.objects.create(campus=world.campus_b, theme="inflow", text="Elders")
    elsewhere = OrganisationFactory(campus=world.campus_b)
    for data in ({"name": "Zonder vraag", "partners": [world.company_a.pk]},
                 {"name": "Andere campus", "question": question_b.pk, "partners": [world.company_a.pk]},
                 {"name": "Partner elders", "partners": [elsewhere.pk]}):  # fmt: skip
        assert manager.post(url, {"started_on": "2026-11-01", **data}).status_code == 200
    assert not Community.objects.exists()

"""The enrolment page offers the earliest upcoming runs of the candidate's campus, or the runs a search finds, and
takes any upcoming run that was ticked."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from mhw.accounts.models import Organisation
from mhw.candidates.agreement_views import SHOWN_RUNS
from mhw.candidates.models import Enrolment
from mhw.learning.models import ModuleRun
from mhw.learning.services import import_offer
from tests.factories import OrganisationFactory


@pytest.fixture
def offer(world):
    """More upcoming runs at campus A's provider than the page shows, a past one, and a module at campus B."""
    today = timezone.localdate()
    ModuleRun.objects.bulk_create(
        ModuleRun(module=world.module_a, starts_on=today + datetime.timedelta(days=day), seats=16)
        for day in range(1, SHOWN_RUNS + 6)
    )
    past = ModuleRun.objects.create(module=world.module_a, starts_on=today - datetime.timedelta(days=1), seats=16)
    provider_b = OrganisationFactory(campus=world.campus_b, kind=Organisation.Kind.EDUCATION_PROVIDER)
    item = world.skills.published.items.get(kind="knowledge")
    starts = (today + datetime.timedelta(days=30)).isoformat()
    module_b = import_offer(
        world.user("broker"),
        provider_b,
        [(2, {"code": "H2-ELEKTRO", "title_nl": "Elektrolysers installeren", "title_en": "Installing electrolysers",
              "hours": 24, "duration_weeks": 3, "format": "classroom", "cost": 900, "language": "nl",
              "outcomes": f"{item.code}:3", "runs": f"{starts};12;di"})],
    )[0]  # fmt: skip
    return {"past": past, "run_b": module_b.runs.get()}


def _choices(response) -> set[int]:
    return {int(pk) for pk in re.findall(r'name="runs" value="(\d+)"', response.content.decode())}


def test_the_page_offers_the_earliest_runs_of_the_campus_and_says_how_many_there_are(world, client_for, offer):
    response = client_for(world.user("coach")).get(reverse("enrolment_create", args=[world.candidate_a.pk]))
    upcoming = ModuleRun.objects.filter(module=world.module_a, starts_on__gte=timezone.localdate())
    earliest = set(upcoming.order_by("starts_on", "pk").values_list("pk", flat=True)[:SHOWN_RUNS])
    assert _choices(response) == earliest
    assert offer["run_b"].pk not in _choices(response)
    assert offer["past"].pk not in _choices(response)
    assert f"{upcoming.count()} komende uitvoeringen" in response.content.decode()


def test_a_search_finds_runs_of_other_providers_and_a_ticked_run_is_enrolled(world, client_for, offer):
    client = client_for(world.user("coach"))
    url = reverse("enrolment_create", args=[world.candidate_a.pk])
    assert _choices(client.get(url, {"q": "elektrolysers"})) == {offer["run_b"].pk}
    response = client.post(url, {"runs": [offer["run_b"].pk], "own_contribution": "0"})
    assert response.status_code == 302
    assert Enrolment.objects.filter(candidate=world.candidate_a, run=offer["run_b"]).exists()


def test_a_run_that_has_started_is_refused_and_nothing_is_enrolled(world, client_for, offer):
    before = Enrolment.objects.count()
    response = client_for(world.user("coach")).post(
        reverse("enrolment_create", args=[world.candidate_a.pk]), {"runs": [offer["past"].pk], "own_contribution": "0"}
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Enrolment.objects.count() == before

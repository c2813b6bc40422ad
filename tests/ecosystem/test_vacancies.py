"""Vacancies: the company account manager records them, links each to a skills profile (or opens a new profile
filled from the vacancy), and demand shows per role and region; bad input changes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from mhw.ecosystem.models import Vacancy
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _vacancy(world, **changes):
    return {"company": world.company_a.pk, "role_title": "Monteur waterstofinstallaties", "number": 3,
            "region": "Groningen", "posted_on": timezone.localdate().isoformat(), "text": "Wij zoeken monteurs.",
            **changes}  # fmt: skip


def test_a_vacancy_is_recorded_linked_to_a_profile_and_counted_in_the_demand(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    url = f"{reverse('vacancies')}?campus={world.campus_a.slug}"
    assert manager.post(url, _vacancy(world)).status_code == 302
    vacancy = Vacancy.objects.get()
    page = manager.get(url)
    [row] = page.context["rows"]
    assert "title_nl=Monteur" in row["make_profile"]
    assert manager.get(row["make_profile"]).context["form"]["title_nl"].value() == "Monteur waterstofinstallaties"
    manager.post(reverse("vacancy_profile", args=[vacancy.pk]), {"profile": world.skills.profile.pk})
    vacancy.refresh_from_db()
    assert vacancy.profile == world.skills.profile
    [row] = manager.get(url).context["rows"]
    assert f'<option value="{world.skills.profile.pk}" selected>' in row["profile_choice"]
    assert row["make_profile"] == ""  # a linked vacancy needs no new profile
    by_role = manager.get(url).context["by_role"]
    assert sum(by_role[str(world.skills.profile)]) == 3
    assert sum(manager.get(url).context["by_region"]["Groningen"]) == 3


def test_bad_vacancies_are_refused(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    url = f"{reverse('vacancies')}?campus={world.campus_a.slug}"
    elsewhere = OrganisationFactory(campus=world.campus_b)
    for changes in ({"number": 0}, {"company": world.provider_a.pk}, {"company": elsewhere.pk}, {"role_title": ""}):
        assert manager.post(url, _vacancy(world, **changes)).status_code == 200
    assert not Vacancy.objects.exists()
    assert client_for(world.user("teacher")).post(url, _vacancy(world)).status_code == 403

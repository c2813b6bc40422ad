"""Vacancies: the company account manager records them, links each to a skills profile (or makes a new profile
from the vacancy, linked to it once saved), and demand shows per role and region; bad input changes nothing."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.urls import reverse
from django.utils import timezone

from mhw.accounts.models import AuditEvent
from mhw.ecosystem.models import Vacancy
from mhw.ecosystem.services import vacancies
from mhw.ecosystem.services.network import EcosystemError
from mhw.skills.models import SkillsProfile
from tests.factories import OrganisationFactory, staff

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
    make_profile = reverse("vacancy_new_profile", args=[vacancy.pk])
    assert f'href="{make_profile}"' in page.content.decode()
    manager.post(reverse("vacancy_profile", args=[vacancy.pk]), {"profile": world.skills.profile.pk})
    vacancy.refresh_from_db()
    assert vacancy.profile == world.skills.profile
    page = manager.get(url)
    [row] = page.context["rows"]
    assert f'<option value="{world.skills.profile.pk}" selected>' in row["profile_choice"]
    assert make_profile not in page.content.decode()  # a linked vacancy needs no new profile
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


# A real vacancy text runs to thousands of characters: more than an address may hold (gunicorn refuses a request line
# of over 4,094 bytes), so the link to the new-profile form carries only the vacancy's number.
LONG_TEXT = " ".join(["Wij zoeken een monteur waterstofinstallaties voor ons project in Delfzijl."] * 80)


def _recorded(world, **fields) -> Vacancy:
    return Vacancy.objects.create(
        campus=world.campus_a, company=world.company_a, role_title="Monteur H2", region="Groningen", **fields
    )


def _profile_form(world, **changes):
    item = world.skills.published.items.get(kind="knowledge")
    form = {"campus": world.campus_a.pk, "organisation": world.company_a.pk, "title_nl": "Monteur H2", "title_en": "",
            "vacancy_text": LONG_TEXT, "req-TOTAL_FORMS": 1, "req-INITIAL_FORMS": 0, "req-MIN_NUM_FORMS": 0,
            "req-MAX_NUM_FORMS": 60, "req-0-item": item.pk, "req-0-level": 2, "req-0-weight": 1}  # fmt: skip
    return form | changes


def test_a_profile_made_from_a_long_vacancy_is_filled_in_and_linked_to_it(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    vacancy = _recorded(world, text=LONG_TEXT)
    page = manager.get(f"{reverse('vacancies')}?campus={world.campus_a.slug}").content.decode()
    address = reverse("vacancy_new_profile", args=[vacancy.pk])
    assert f'href="{address}"' in page
    assert len(address) < 100
    form = manager.get(address).context["form"]
    assert (form["campus"].value(), form["organisation"].value()) == (world.campus_a.pk, world.company_a.pk)
    assert (form["title_nl"].value(), form["vacancy_text"].value()) == ("Monteur H2", LONG_TEXT)
    assert [c.pk for c in form.fields["campus"].queryset] == [world.campus_a.pk]  # the vacancy's campus only
    suggested = manager.post(address, _profile_form(world, suggest="1"))
    assert suggested.status_code == 200
    assert suggested.context["suggested"]
    response = manager.post(address, _profile_form(world))
    profile = SkillsProfile.objects.get(title_nl="Monteur H2")
    assert response.status_code == 302
    assert response["Location"] == reverse("profile_detail", args=[profile.pk])
    vacancy.refresh_from_db()
    assert vacancy.profile == profile
    assert profile.versions.get().vacancy_text == LONG_TEXT
    assert AuditEvent.objects.filter(action="vacancy.profiled", object_id=str(vacancy.pk)).exists()
    # Made once: the form's address now leads to the profile.
    assert manager.get(address)["Location"] == reverse("profile_detail", args=[profile.pk])


def test_a_profile_linked_meanwhile_refuses_the_new_one_whole(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    vacancy = _recorded(world)
    address = reverse("vacancy_new_profile", args=[vacancy.pk])
    assert manager.get(address).status_code == 200
    # A colleague links an existing profile while the form is open.
    client_for(world.user("campus_admin")).post(
        reverse("vacancy_profile", args=[vacancy.pk]), {"profile": world.skills.profile.pk}
    )
    profiles = SkillsProfile.objects.count()
    response = manager.post(address, _profile_form(world))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert SkillsProfile.objects.count() == profiles
    vacancy.refresh_from_db()
    assert vacancy.profile == world.skills.profile


def test_only_the_vacancys_own_campus_managers_make_a_profile_from_it(world, client_for):
    vacancy = _recorded(world)
    address = reverse("vacancy_new_profile", args=[vacancy.pk])
    assert client_for(world.user("teacher")).get(address).status_code == 403
    elsewhere = client_for(staff("company_account_manager", world.campus_b))
    assert elsewhere.get(address).status_code == 404
    assert elsewhere.post(address, _profile_form(world)).status_code == 404
    vacancy.refresh_from_db()
    assert vacancy.profile is None


def test_a_profile_made_from_a_vacancy_is_for_the_vacancys_company(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    vacancy = _recorded(world)
    address = reverse("vacancy_new_profile", args=[vacancy.pk])
    assert list(manager.get(address).context["form"].fields["organisation"].queryset) == [world.company_a]
    # Another company's HR would see the profile, and the vacancy's own would not: neither is accepted.
    other = OrganisationFactory(campus=world.campus_a, name="Andere Waterstof B.V.")
    profiles = SkillsProfile.objects.count()
    for organisation in (other.pk, ""):
        response = manager.post(address, _profile_form(world, organisation=organisation))
        assert response.status_code == 200
        assert response.context["form"].errors
    assert SkillsProfile.objects.count() == profiles
    vacancy.refresh_from_db()
    assert vacancy.profile is None


def test_linking_what_someone_changed_meanwhile_is_refused(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    vacancy = _recorded(world)
    url = f"{reverse('vacancies')}?campus={world.campus_a.slug}"
    assert 'name="shown" value=""' in manager.get(url).content.decode()
    link = reverse("vacancy_profile", args=[vacancy.pk])
    # A colleague links the profile; the manager's page still shows the vacancy without one and unlinks "it".
    client_for(world.user("campus_admin")).post(link, {"profile": world.skills.profile.pk, "shown": ""})
    refused = manager.post(link, {"profile": "", "shown": ""}, follow=True)
    assert [m.level_tag for m in refused.context["messages"]] == ["error"]
    vacancy.refresh_from_db()
    assert vacancy.profile == world.skills.profile
    assert f'name="shown" value="{world.skills.profile.pk}"' in refused.content.decode()
    manager.post(link, {"profile": "", "shown": world.skills.profile.pk})  # now seen, it may be unlinked
    vacancy.refresh_from_db()
    assert vacancy.profile is None


@pytest.mark.parametrize("data", [{"profile": "abc"}, {"profile": "99999999999999999999"}, {"shown": "x"},
                                  {"profile": "-1"}])  # fmt: skip
def test_a_broken_link_request_gets_a_message_and_changes_nothing(world, client_for, data):
    manager = client_for(world.user("company_account_manager"))
    vacancy = _recorded(world, profile=world.skills.profile)
    response = manager.post(reverse("vacancy_profile", args=[vacancy.pk]), {"shown": world.skills.profile.pk} | data,
                            follow=True)  # fmt: skip
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    vacancy.refresh_from_db()
    assert vacancy.profile == world.skills.profile


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite runs one writing transaction at a time")
def test_a_profile_linked_while_one_is_being_made_is_not_overwritten(world):
    vacancy = _recorded(world)
    holding = threading.Event()

    def colleague_links():
        try:
            with transaction.atomic():
                vacancies.link_profile(world.user("campus_admin"), vacancy, world.skills.profile, shown=None)
                holding.set()
                time.sleep(0.5)  # still uncommitted while the manager saves the new profile
        finally:
            connections.close_all()

    thread = threading.Thread(target=colleague_links)
    thread.start()
    try:
        assert holding.wait(30)
        item = world.skills.published.items.get(kind="knowledge")
        with pytest.raises(EcosystemError):
            vacancies.create_profile_from(
                world.user("company_account_manager"), vacancy, campus=world.campus_a, organisation=world.company_a,
                title_nl="Monteur H2", title_en="", vacancy_text="",
                requirements=[{"item": item, "level": 2, "weight": 1}],
            )  # fmt: skip
    finally:
        thread.join()
    vacancy.refresh_from_db()
    assert vacancy.profile == world.skills.profile
    assert not SkillsProfile.objects.filter(title_nl="Monteur H2").exists()

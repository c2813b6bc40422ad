import html
import re

import pytest
from django.conf import settings
from django.urls import reverse

from mhw.accounts.models import Campus
from mhw.demo.seed import seed_all
from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def test_the_front_door_is_dutch_by_default_and_offers_the_five_use_cases(client):
    response = client.get(reverse("home"))
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "Wat brengt je hier?" in page
    assert len(response.context["use_cases"]) == 5


def test_the_front_door_speaks_english_on_request(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in page
    assert "What brings you here?" in page


def test_a_national_admin_sees_all_campuses_side_by_side(world, client_for):
    response = client_for(world.user("national_admin")).get(reverse("dashboard"))
    assert {c.pk for c in response.context["campus_figures"]} == set(Campus.objects.values_list("pk", flat=True))


def test_campus_staff_see_only_their_campus_on_the_dashboard(world, client_for):
    response = client_for(world.user("coach")).get(reverse("dashboard"))
    assert [c.pk for c in response.context["campus_figures"]] == [world.campus_a.pk]
    assert [c.pk for c in response.context["my_candidates"]] == [world.candidate_a.pk]
    assert "recent_events" not in response.context


def test_a_candidate_sees_their_own_route_on_the_dashboard(world, client_for):
    response = client_for(world.user("candidate")).get(reverse("dashboard"))
    assert response.context["own_candidate"] == world.candidate_a
    assert "campus_figures" not in response.context
    assert "recent_candidates" not in response.context


def test_company_hr_sees_their_organisation(world, client_for):
    response = client_for(world.user("company_hr")).get(reverse("dashboard"))
    assert list(response.context["organisations"]) == [world.company_a]
    assert "recent_candidates" not in response.context


def test_pages_for_a_logged_in_user_are_never_stored(world, client_for):
    response = client_for(world.user("coach")).get(reverse("dashboard"))
    assert "no-store" in response["Cache-Control"]
    assert "no-store" not in client_for(None).get(reverse("home")).get("Cache-Control", "")


def test_the_health_check_reports_the_database(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_an_unknown_page_answers_404_in_the_layout(client):
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


def test_the_campus_pages_show_the_demo_campuses(client):
    seed_all()
    page = client.get(reverse("campus_list")).content.decode()
    assert len(re.findall(r'href="/campuses/[a-z-]+/"', page)) == 7
    detail = client.get(reverse("campus_detail", kwargs={"slug": "noord"})).content.decode()
    assert "Noorderwind Elektrolyse B.V." in detail


def test_the_api_describes_itself(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "Make Hydrogen Work API"
    assert "/api/v1/candidates/{candidate_id}" in schema["paths"]


def test_an_english_browser_still_gets_dutch_until_the_user_switches(client):
    response = client.get(reverse("home"), headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response["Content-Language"] == "nl"
    assert "Wat brengt je hier?" in response.content.decode()


def test_the_pager_keeps_every_filter_value_encoded(world, client_for):
    CandidateFactory.create_batch(60, campus=world.campus_a, current_occupation="monteur & lasser")
    coach = client_for(world.user("coach"))
    page = coach.get(reverse("candidate_list"), {"q": "monteur & lasser", "x&y": ["1", "2"]}).content.decode()
    [next_link] = re.findall(r'<a href="([^"]+)">Volgende</a>', page)
    assert next_link == "?q=monteur+%26+lasser&amp;x%26y=1&amp;x%26y=2&amp;page=2"
    following = coach.get(reverse("candidate_list") + html.unescape(next_link))
    assert following.context["q"] == "monteur & lasser"
    assert following.context["page"].number == 2

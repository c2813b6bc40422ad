"""Two roles log in, see their own Dutch home page, and switch it to English."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_coach_sees_their_campus_and_candidates_in_dutch_then_english(login, live_server):
    page = login("coach.noord")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name="Welkom, Bram Hoekstra")).to_be_visible()
    expect(page.get_by_role("heading", name="Jouw campus")).to_be_visible()
    expect(page.get_by_role("link", name="Michael Zwart").first).to_be_visible()
    expect(page.get_by_role("link", name="Auditlog")).to_have_count(0)

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Welcome, Bram Hoekstra")).to_be_visible()
    expect(page.get_by_role("heading", name="Your campus")).to_be_visible()

    page.get_by_role("link", name="Candidates", exact=True).click()
    page.get_by_label("Search").fill("sophie")
    expect(page.get_by_role("link", name="Sophie Meijer")).to_be_visible()
    expect(page.get_by_role("link", name="Michael Zwart")).to_have_count(0)


def test_a_national_admin_sees_all_campuses_side_by_side(login):
    page = login("landelijk.beheer")
    expect(page.get_by_role("heading", name="Campussen naast elkaar")).to_be_visible()
    expect(page.locator("#campus-figures + table tbody tr")).to_have_count(7)
    expect(page.get_by_role("link", name="Auditlog", exact=True)).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", name="Campuses side by side")).to_be_visible()


def test_a_candidate_sees_their_own_route_and_no_staff_menu(login):
    page = login("michael.zwart")
    expect(page.get_by_role("heading", name="Mijn route")).to_be_visible()
    expect(page.get_by_text("Zij-instroom")).to_be_visible()
    expect(page.get_by_role("link", name="Kandidaten")).to_have_count(0)


def test_a_personal_api_token_is_made_and_revoked_without_reloading(login):
    page = login("docent.noord")
    page.get_by_role("link", name="Carla Jansen").click()
    page.get_by_label("Naam van het token").fill("rapportage")
    page.get_by_role("button", name="Token aanmaken").click()
    token = page.locator("#new-token")
    expect(token).to_contain_text("mhw_")
    page.get_by_role("button", name="Intrekken").click()
    expect(page.get_by_text("ingetrokken op")).to_be_visible()

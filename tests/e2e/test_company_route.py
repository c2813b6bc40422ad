"""The company route in the browser: the broker starts a cluster, fills in a Sailboat, designs two metro lines that
share a station, sees that station as one connecting station on the metro map, plans a session of a station, and a
participant from a company registers on the public sign-up page and gets a confirmation e-mail with a calendar
file."""

import datetime
from urllib.parse import urlparse

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _add_station(page, *, new: str = "", existing: str = ""):
    if existing:
        page.locator("#stop-form [name=station]").select_option(label=existing)
    else:
        page.locator("#stop-form [name=new_name]").fill(new)
    page.locator("#stop-form button[type=submit]").click()


def _new_line(page, name: str, group: str):
    page.locator("#new-line").click()
    page.locator("#line-form [name=name]").fill(name)
    page.locator("#line-form [name=target_group]").fill(group)
    page.locator("#line-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("De lijn is aangemaakt")


def test_broker_builds_a_cluster_and_its_map_and_a_participant_registers(login, live_server, browser):
    page = login("makelaar.noord")
    page.get_by_role("link", name="Bedrijvenroute").click()
    page.get_by_text("Een cluster starten").click()
    form = page.locator("#cluster-form")
    form.locator("[name=campus]").select_option(label="MHW Campus Noord")
    form.locator("[name=name]").fill("Waterstof in de haven")
    form.locator("[name=theme]").fill("Hoe kunnen we onze havenkranen op waterstof laten draaien?")
    form.locator("[name=companies]").select_option(label="Noorderwind Elektrolyse B.V.")
    form.locator("button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Waterstof in de haven")
    cluster_url = page.url

    page.locator("#canvas-new [name=kind]").select_option(label="Zeilboot")
    page.locator("#canvas-new [name=title]").fill("Zeilboot havenkranen")
    page.locator("#canvas-new button[type=submit]").click()
    page.get_by_label("Eiland: waar we naartoe willen").fill("In 2030 draaien alle kranen emissievrij.")
    page.get_by_label("Ankers: wat ons tegenhoudt").fill("Geen waterstof aan de kade.")
    page.locator("#canvas-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Het canvas is opgeslagen")

    page.goto(cluster_url)
    _new_line(page, "Kraanmachinisten", "Machinisten van de havenkranen")
    _add_station(page, new="Kick-off haven")
    _add_station(page, new="Excursie elektrolyser")
    page.goto(cluster_url)
    _new_line(page, "Management", "Directie van de terminals")
    _add_station(page, existing="Excursie elektrolyser")
    _add_station(page, new="Strategiesessie ombouw")
    expect(page.locator("ol.stops li", has_text="Excursie elektrolyser")).to_contain_text("verbindingsstation")

    page.goto(cluster_url)
    page.locator("#open-map").click()
    shared = page.locator("#metro-map .metro-station", has_text="Excursie elektrolyser")
    expect(shared).to_have_count(1)
    assert len(shared.get_attribute("data-lines").split()) == 2
    expect(page.locator("#metro-map .metro-line")).to_have_count(2)

    page.goto(cluster_url)
    page.locator("#open-planner").click()
    page.locator("summary", has_text="Sessie plannen").click()
    starts = timezone.localtime() + datetime.timedelta(days=9)
    session_form = page.locator("#session-form")
    session_form.locator("[name=station]").select_option(label="Kick-off haven")
    session_form.locator("[name=starts_at]").fill(starts.strftime("%Y-%m-%dT09:00"))
    session_form.locator("[name=ends_at]").fill(starts.strftime("%Y-%m-%dT12:00"))
    session_form.locator("[name=location]").fill("Eemshaven, terminalgebouw")
    session_form.locator("[name=capacity]").fill("15")
    session_form.locator("button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("De sessie is gepland")
    signup = live_server.url + urlparse(page.locator("#session-signup-link").get_attribute("href")).path

    participant = browser.new_context().new_page()
    participant.goto(signup)
    participant.get_by_label("Naam").fill("Sanne Kuipers")
    participant.get_by_label("E-mailadres").fill("sanne.kuipers@noorderwind.example")
    participant.get_by_label("Wat wilt u hier leren?").fill("Hoe veilig is een waterstofkraan?")
    participant.locator("#signup-form button[type=submit]").click()
    expect(participant.locator("#signup-done")).to_be_visible()
    participant.context.close()

    [confirmation] = [m for m in mail.outbox if m.to == ["sanne.kuipers@noorderwind.example"]]
    assert "Kick-off haven" in confirmation.subject
    name, content, kind = confirmation.attachments[0]
    assert name.endswith(".ics")
    assert kind.startswith("text/calendar")
    assert "Kick-off haven" in (content if isinstance(content, str) else content.decode())

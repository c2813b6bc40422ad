"""The campus and its ecosystem in the browser: the campus admin of the northern campus opens each page and finds
the demo data there (the pictures checked by reading their SVG), sees only their own campus on the programme
dashboard, while the national admin sees the campuses side by side."""

import xml.etree.ElementTree as ET

import pytest
from playwright.sync_api import expect

from mhw.accounts.models import Organisation

pytestmark = pytest.mark.e2e
NS = {"svg": "http://www.w3.org/2000/svg"}


def _svg(page, selector: str) -> ET.Element:
    return ET.fromstring(page.locator(f"{selector} svg").evaluate("node => node.outerHTML"))


def test_campus_admin_opens_every_ecosystem_page_and_national_admin_compares_campuses(login, live_server):
    page = login("beheer.noord")
    page.get_by_role("link", name="Ecosysteem").click()
    root = _svg(page, "#ecosystem-map")
    kinds = {g.get("data-actor"): g.get("data-kind") for g in root.iterfind(".//svg:g[@class='player']", NS)}
    college = Organisation.objects.get(name="Noordelijk Vakcollege Techniek")
    uwv = Organisation.objects.get(name="Werkplein Groningen (UWV, fictief)")
    assert kinds[str(college.pk)] == "education_mbo"
    assert kinds[str(uwv.pk)] == "work_centre"
    assert all(Organisation.objects.get(pk=key).campus.slug == "noord" for key in kinds)
    training = [
        p for p in root.iterfind(".//svg:g[@class='relations']/svg:path", NS) if p.get("data-kind") == "training"
    ]
    assert (training[0].get("data-source"), training[0].get("data-kind")) == (str(college.pk), "training")

    page.locator("nav.subnav").get_by_role("link", name="L&D-netwerk").click()
    expect(page.locator("#composition-advice")).to_contain_text("onder het advies")
    expect(page.locator("#members")).to_contain_text("Maaike Dijkstra")
    expect(page.locator("#meetings")).to_contain_text("Netwerkbijeenkomst najaar")

    page.locator("nav.subnav").get_by_role("link", name="KennisCirkel").click()
    circle = _svg(page, "#kenniscirkel")
    holes = {g.get("data-function"): g.get("data-hole") for g in circle.iterfind(".//svg:g[@class='function']", NS)}
    assert holes == {"1": "false", "2": "false", "3": "false", "4": "true", "5": "false", "6": "true"}

    page.locator("nav.subnav").get_by_role("link", name="Innovatiesysteemanalyse").click()
    expect(page.locator("#priorities")).to_contain_text("Groene waterstof uit wind op zee")
    expect(page.locator("#priorities")).to_contain_text("Waterstof in het wagenpark")
    page.get_by_role("link", name="Waterstof in het wagenpark").click()
    expect(page.locator("#skills")).to_contain_text("witte vlek")
    expect(page.locator("#impact")).to_contain_text("Allround monteur")
    page.go_back()

    page.locator("nav.subnav").get_by_role("link", name="Microlearning communities").click()
    expect(page.locator("#communities")).to_contain_text("Van schip naar waterstof")
    page.get_by_role("link", name="Van schip naar waterstof").click()
    expect(page.locator("#steps li")).to_have_count(4)
    page.go_back()

    page.locator("nav.subnav").get_by_role("link", name="Vacatures en vraag").click()
    expect(page.locator("#vacancies")).to_contain_text("Operator elektrolyse")

    page.get_by_role("link", name="Programma").click()
    expect(page.locator("#figures thead th")).to_have_count(2)  # the figure, and the own campus
    expect(page.locator("#figures thead")).to_contain_text("MHW Campus Noord")

    page.context.clear_cookies()
    page = login("landelijk.beheer")
    page.goto(f"{live_server.url}/programme/")
    expect(page.locator("#figures thead")).to_contain_text("MHW Campus Noord")
    expect(page.locator("#figures thead")).to_contain_text("MHW Campus Rijnmond")

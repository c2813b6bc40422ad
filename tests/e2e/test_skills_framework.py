"""The skills framework as its users live it: a teacher writes a ULO, an expert validates and publishes it, a change
makes version 2; the broker reads the mapping's heatmap and spider chart."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

STATEMENT = {
    "title_nl": "Waterstofleidingen afpersen",
    "title_en": "Pressure-testing hydrogen pipes",
    "subject_nl": "een waterstofleiding",
    "subject_en": "a hydrogen pipe",
    "verb_nl": "controleren",
    "verb_en": "check",
    "context_nl": "een nieuw aangelegde installatie",
    "context_en": "a newly built installation",
    "conditions_nl": "NEN-EN 1779",
    "conditions_en": "NEN-EN 1779",
    "observable_result_nl": "een ondertekend beproevingsrapport",
    "observable_result_en": "a signed test report",
}
ITEMS = [
    ("responsibility", "controleert", "checks", "de lekdichtheid", "the leak-tightness"),
    ("skill", "meten", "measure", "de drukval", "the pressure drop"),
    ("knowledge", "", "", "beproevingsmethoden", "test methods"),
]


def _switch_user(page, login, local):
    page.context.clear_cookies()
    return login(local)


def test_a_ulo_is_written_validated_published_and_changed_into_version_2(login, live_server):
    page = login("docent.noord")
    page.get_by_role("link", name="Skillscatalogus").first.click()
    page.locator("a[href$='/catalogue/new/']").click()
    for name, value in STATEMENT.items():
        page.locator(f"[name={name}]").fill(value)
    page.locator("[name=eqf_level]").select_option("4")
    page.locator("[name=bloom_level]").select_option("3")
    for index, (kind, verb_nl, verb_en, object_nl, object_en) in enumerate(ITEMS):
        page.locator(f"[name=items-{index}-kind]").select_option(kind)
        page.locator(f"[name=items-{index}-verb_nl]").fill(verb_nl)
        page.locator(f"[name=items-{index}-verb_en]").fill(verb_en)
        page.locator(f"[name=items-{index}-object_nl]").fill(object_nl)
        page.locator(f"[name=items-{index}-object_en]").fill(object_en)
    page.locator("form.ulo-form button[type=submit]").click()

    expect(page.locator("#statement-nl")).to_contain_text(
        "Aan het einde van dit leertraject is de deelnemer in staat om een waterstofleiding te controleren in een "
        "nieuw aangelegde installatie, met inachtneming van NEN-EN 1779."
    )
    expect(page.locator("#statement-en")).to_contain_text(
        "At the end of this learning path the participant is able to check a hydrogen pipe in a newly built "
        "installation, taking into account NEN-EN 1779."
    )
    expect(page.locator("table.items tbody tr")).to_have_count(3)
    expect(page.locator("table.items")).to_contain_text(re.compile(r"RO\d{3}"))
    ulo_url = page.url
    page.locator("form[action$='/submit/'] button").click()
    expect(page.locator("#ulo-status")).to_have_text("In beoordeling bij expert")

    page = _switch_user(page, login, "expert.noord")
    page.goto(ulo_url)
    page.locator("form[action$='/validate/'] [name=remarks]").fill("Sluit aan bij de praktijk")
    page.locator("form[action$='/validate/'] button").click()
    expect(page.locator("#ulo-status")).to_have_text("Gevalideerd")
    page.locator("form[action$='/publish/'] button").click()
    expect(page.locator("#ulo-status")).to_have_text("Gepubliceerd")

    page = _switch_user(page, login, "docent.noord")
    page.goto(ulo_url)
    page.locator("form[action$='/new-version/'] button").click()
    page.locator("[name=title_nl]").fill("Waterstofleidingen afpersen en lektesten")
    page.locator("form.ulo-form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("Waterstofleidingen afpersen en lektesten")
    expect(page.locator("#ulo-status")).to_have_text("Concept")
    page.goto(ulo_url)
    expect(page.locator("#ulo-status")).to_have_text("Gepubliceerd")
    expect(page.locator("h1")).to_have_text(re.compile(r"Waterstofleidingen afpersen$"))


def test_the_broker_sees_the_heatmap_and_spider_of_the_demo_mapping(login, live_server):
    page = login("makelaar.noord")
    page.get_by_role("link", name="Skills-mappings").click()
    page.get_by_role("link", name="Installatietechniek waterstof").click()
    expect(page.locator("#heatmap svg g.cell")).to_have_count(3 * 10)
    expect(page.locator("#heatmap svg text.row-label")).to_have_text(
        ["Allround monteur", "Servicemonteur", "Werkvoorbereider/engineer"]
    )
    expect(page.locator("#spider svg text.axis-label")).to_have_count(10)
    expect(page.locator("#spider svg polygon.series")).to_have_count(2)
    page.locator("select[name=role]").select_option(label="Servicemonteur")
    expect(page.locator("#spider svg title").first).to_contain_text("Servicemonteur")
    with page.expect_download() as download:
        page.locator("#heatmap figcaption a", has_text="PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")

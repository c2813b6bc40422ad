"""Skills from a vacancy text in the browser: the company account manager pastes a Dutch vacancy, gets catalogue
items with levels and the sentences they came from, removes one, raises a level, and saves the profile."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

VACANCY = """Wij zoeken een monteur voor onze nieuwe elektrolyser.
Je monteert zelfstandig waterstof- en stikstofleidingen op de elektrolysercontainer.
Je meet lekkages met een waterstoflekdetector.
Je kent de verschillen in risico tussen waterstof en aardgas."""


def test_a_pasted_vacancy_becomes_a_checked_skills_profile(login, live_server):
    page = login("accountmanager-bedrijven.noord")
    page.goto(f"{live_server.url}/profiles/new/")
    page.locator("[name=title_nl]").fill("Monteur elektrolyser")
    page.locator("[name=vacancy_text]").fill(VACANCY)
    page.get_by_role("button", name="Vaardigheden voorstellen uit de vacaturetekst").click()
    expect(page.locator("#suggestion-count")).to_contain_text("voorgesteld")
    sentences = page.locator("tr.source-sentence")
    expect(sentences.first).to_be_visible()
    expect(
        page.get_by_text("Je monteert zelfstandig waterstof- en stikstofleidingen", exact=False).first
    ).to_be_visible()
    suggested = page.locator("select[name$='-item']").evaluate_all(
        "selects => selects.filter(s => s.value).map(s => s.options[s.selectedIndex].text)"
    )
    assert any("stikstofleidingen" in text for text in suggested)
    assert len(suggested) >= 2
    page.locator("[name='req-0-level']").select_option("4")
    page.locator("[name='req-1-DELETE']").check()
    page.get_by_role("button", name="Profiel opslaan").click()
    expect(page).to_have_url(re.compile(r"/profiles/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Monteur elektrolyser")
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(len(suggested) - 1)
    expect(page.locator(".source-sentence").first).to_contain_text("Uit de vacature")


CV = """Twaalf jaar scheepswerktuigkundige op de koopvaardij.
Ik heb ruime ervaring met het meten van lekkages aan leidingen en flenzen.
Ik ken de risico's van brandbare gassen aan boord."""


def test_the_coach_records_skills_from_a_cv_as_self_reported(login, live_server):
    from mhw.candidates.models import Candidate

    michael = Candidate.objects.get(first_name="Michael", last_name="Zwart")
    page = login("coach.noord")
    page.goto(f"{live_server.url}/candidates/{michael.pk}/")
    page.locator("#skills-from-text").click()
    page.locator("[name=text]").fill(CV)
    page.get_by_role("button", name="Vaardigheden voorstellen", exact=True).click()
    row = page.locator("#suggestions tbody tr", has_text="Ik heb ruime ervaring").first
    expect(row).to_be_visible()
    expect(row.locator("select")).to_have_value("4")  # "ruime ervaring" asks level 4
    first_item = row.locator("code").inner_text()
    row.locator("input[name=accept]").check()
    page.get_by_role("button", name="Vastleggen als zelfgerapporteerd").click()
    expect(page).to_have_url(re.compile(rf"/candidates/{michael.pk}/$"))
    recorded = page.locator("table.candidate-skills tbody tr", has_text=first_item)
    expect(recorded).to_contain_text("Zelfbeoordeling (niet aangetoond)")
    expect(recorded).to_contain_text("Uit het cv of de intakenotities")


def test_the_catalogue_finds_by_meaning_and_the_ulo_form_shows_what_is_alike(login, live_server):
    page = login("docent.noord")
    page.goto(f"{live_server.url}/catalogue/")
    page.locator("[name=q]").fill("check hydrogen pipelines for leak tightness before use")
    expect(page.locator("#meaning-matches")).to_contain_text("lekdichtheid van waterstofinstallaties")
    page.goto(f"{live_server.url}/catalogue/new/")
    page.locator("[name=title_nl]").fill("Lekdichtheid controleren")
    page.locator("[name=items-0-object_nl]").fill("de lekdichtheid van waterstofinstallaties vóór ingebruikname")
    page.locator("[name=items-0-verb_nl]").fill("controleren")
    page.locator("[name=items-0-verb_nl]").blur()
    expect(page.locator("#similar-entries")).to_contain_text("lekdichtheid van waterstofinstallaties")

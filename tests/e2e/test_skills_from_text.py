"""Skills from a vacancy text in the browser: the company account manager pastes a Dutch vacancy, gets catalogue
items with levels and the sentences they came from, removes one, raises a level, and saves the profile; or makes the
profile from a recorded vacancy, which is then linked to it."""

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


def test_a_long_vacancy_becomes_a_skills_profile_linked_to_it(login, live_server):
    from mhw.ecosystem.models import Vacancy

    # A vacancy as companies write them: the skills, and a long story around them; longer than an address may be.
    story = " ".join(
        f"Waddenpijp Leidingbouw werkt sinds {1990 + year} aan leidingnetten in het noorden." for year in range(60)
    )
    vacancy = Vacancy.objects.get(campus__slug="noord", role_title="Leidingmonteur waterstof")
    vacancy.text = f"{VACANCY}\n{story}"
    vacancy.save(update_fields=["text"])
    assert len(vacancy.text) > 4_096
    page = login("accountmanager-bedrijven.noord")
    # The row by its role's own cell: once the profile exists, every row's profile choice names it too.
    role_cell = page.get_by_role("cell", name="Leidingmonteur waterstof", exact=True)
    page.goto(f"{live_server.url}/vacancies/?campus=noord")
    row = page.locator("#vacancies tbody tr").filter(has=role_cell)
    row.get_by_role("link", name="er een profiel van maken").click()
    expect(page).to_have_url(re.compile(rf"/vacancies/{vacancy.pk}/profile/new/$"))
    expect(page.locator("[name=title_nl]")).to_have_value("Leidingmonteur waterstof")
    expect(page.locator("[name=vacancy_text]")).to_have_value(vacancy.text)
    page.get_by_role("button", name="Vaardigheden voorstellen uit de vacaturetekst").click()
    expect(page.locator("#suggestion-count")).to_contain_text("voorgesteld")
    page.get_by_role("button", name="Profiel opslaan").click()
    expect(page).to_have_url(re.compile(r"/profiles/\d+/$"))
    expect(page.locator(".messages")).to_contain_text("aan de vacature gekoppeld")
    page.goto(f"{live_server.url}/vacancies/?campus=noord")
    row = page.locator("#vacancies tbody tr").filter(has=role_cell)
    expect(row.locator("a[href*='/profiles/']")).to_have_count(1)
    expect(row.get_by_role("link", name="er een profiel van maken")).to_have_count(0)

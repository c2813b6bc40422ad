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

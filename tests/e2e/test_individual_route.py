"""A professional registers through the front door and the coach takes them through intake to selection."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_a_professional_registers_and_the_coach_completes_the_intake(page, live_server, demo, login):
    page.goto(live_server.url)
    page.locator("#professional-job a").click()
    page.locator("[name=campus]").select_option(label="MHW Campus Noord")
    for name, value in {
        "first_name": "Joost",
        "last_name": "Visscher",
        "email": "joost.visscher@example.org",
        "current_occupation": "Scheepswerktuigkundige",
        "background": "Tien jaar in de machinekamer van een veerboot.",
        "motivation": "Ik wil aan land werken aan de energietransitie.",
        "password": "Waterstof-2026-veilig",
    }.items():
        page.locator(f"[name={name}]").fill(value)
    page.locator("[name=trajectory][value=lateral_entry]").check()
    page.locator("[name=consent_programme]").check()
    page.locator("form.stacked button[type=submit]").click()
    expect(page.locator("#own-stage")).to_have_text("Aangemeld")
    expect(page.locator("ul.consents li")).to_have_count(1)

    page.context.clear_cookies()
    page = login("coach.noord")
    page.locator("a[href='/candidates/']").first.click()
    page.locator("input[name=q]").fill("Visscher")
    page.get_by_role("link", name="Joost Visscher").click()
    page.locator("#intake-heading ~ details summary").click()
    page.locator("[name=kind]").select_option("interview")
    page.locator("[name=taken_on]").fill("2026-11-20")
    page.locator("[name=source]").fill("Bram Hoekstra")
    page.locator("[name=summary]").fill("Sterk in druksystemen en procedures.")
    page.locator("[name=conclusions_for_candidate]").fill("Je past goed bij de rol van pipe-engineer.")
    page.locator("form[action$='/intake/'] button").click()
    page.locator("form[action$='/steps/complete_intake/'] button").click()
    expect(page.locator("#candidate-stage")).to_have_text("Intake gedaan")
    page.locator("form[action$='/steps/select/'] button").click()
    expect(page.locator("#candidate-stage")).to_have_text("Geselecteerd")
    expect(page.locator("table.history tbody tr")).to_have_count(3)

    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("[name=username]").fill("joost.visscher@example.org")
    page.locator("[name=password]").fill("Waterstof-2026-veilig")
    page.locator("form.stacked button[type=submit]").click()
    expect(page.locator("#own-stage")).to_have_text("Geselecteerd")
    expect(page.get_by_text("Je past goed bij de rol van pipe-engineer.")).to_be_visible()

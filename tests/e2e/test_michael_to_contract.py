"""Michael, ship's engineer, walks the individual route from registration to a signed contract as a hydrogen pipe
engineer, through the pages of the candidate, the coach, the company and the teacher (toolbox ch. 3)."""

import pytest
from playwright.sync_api import expect

from mhw.demo.data import DEMO_DOMAIN, DEMO_PASSWORD

pytestmark = pytest.mark.e2e
EMAIL = "michael.pijpleiding@example.org"
PASSWORD = "Waterstof-2026-veilig"


def _as(page, live_server, email, password):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("[name=username]").fill(email)
    page.locator("[name=password]").fill(password)
    page.locator("form.stacked button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/dashboard/")
    return page


def _staff(page, live_server, local):
    return _as(page, live_server, f"{local}@{DEMO_DOMAIN}", DEMO_PASSWORD)


def _step(page, action):
    page.locator(f"form[action$='/steps/{action}/'] button").click()
    expect(page.locator(".messages .success")).to_be_visible()


def test_michael_goes_from_registration_to_a_signed_contract(page, live_server, demo):
    page.goto(f"{live_server.url}/register/")
    page.locator("[name=campus]").select_option(label="MHW Campus Noord")
    for name, value in {
        "first_name": "Michael", "last_name": "Pijpers", "email": EMAIL,
        "current_occupation": "Scheepswerktuigkundige (machinist)",
        "background": "Vijftien jaar in de machinekamer: druksystemen, leidingwerk, veiligheidsrondes.",
        "motivation": "Ik wil aan land bijdragen aan waterstof.", "password": PASSWORD,
    }.items():  # fmt: skip
        page.locator(f"[name={name}]").fill(value)
    page.locator("[name=trajectory][value=lateral_entry]").check()
    page.locator("[name=consent_programme]").check()
    page.locator("[name=consent_share]").check()
    page.locator("form.stacked button[type=submit]").click()
    expect(page.locator("#own-stage")).to_have_text("Aangemeld")

    page = _staff(page, live_server, "coach.noord")
    page.goto(f"{live_server.url}/candidates/?q=Pijpers")
    page.get_by_role("link", name="Michael Pijpers").click()
    candidate_url = page.url
    page.locator("#intake-heading ~ details summary").click()
    page.locator("[name=kind]").select_option("interview")
    page.locator("[name=taken_on]").fill("2026-11-20")
    page.locator("[name=source]").fill("Bram Hoekstra")
    page.locator("[name=summary]").fill("Sterk in druksystemen; geschikt voor pipe-engineer.")
    page.locator("form[action$='/intake/'] button").click()
    for action in ("complete_intake", "select", "complete_application_training", "attend_job_fair"):
        _step(page, action)
    page.locator("a[href$='/declarations/new/']").click()
    page.locator("[name=company]").select_option(label="Noorderwind Elektrolyse B.V.")
    for name, value in {
        "role_title": "Waterstof pipe-engineer", "contract_start": "2027-07-01", "minimum_months": "12",
        "work_experience_months": "6", "hours_per_week": "38", "salary_band": "€ 3.400–3.900 bruto per maand",
    }.items():  # fmt: skip
        page.locator(f"[name={name}]").fill(value)
    page.locator("form.stacked button[type=submit]").click()
    declaration_url = page.url
    page.goto(candidate_url)
    _step(page, "match")

    page = _staff(page, live_server, "hr.noorderwind")
    expect(page.get_by_text("Michael Pijpers").first).to_be_visible()
    page.goto(declaration_url)
    page.locator("#sign-declaration").click()
    expect(page.locator("#signed-company")).not_to_have_text("—")

    page = _as(page, live_server, EMAIL, PASSWORD)
    page.goto(declaration_url)
    page.locator("#sign-declaration").click()
    expect(page.locator("#signed-candidate")).not_to_have_text("—")

    page = _staff(page, live_server, "coach.noord")
    page.goto(candidate_url)
    _step(page, "sign_intent")
    page.locator("a[href$='/enrol/']").click()
    page.get_by_label("Veilig werken met waterstof", exact=False).first.check()
    page.locator("form.stacked button[type=submit]").click()
    _step(page, "enrol")

    page = _staff(page, live_server, "docent.noord")
    page.goto(candidate_url)
    for action in ("kick_off", "complete_basic_modules", "go", "complete_training"):
        _step(page, action)

    page = _staff(page, live_server, "coach.noord")
    page.goto(declaration_url)
    page.locator("form[action$='/contract/'] button").click()
    for who in ("hr.noorderwind", None):
        page = _staff(page, live_server, who) if who else _as(page, live_server, EMAIL, PASSWORD)
        page.goto(declaration_url)
        page.locator("#sign-contract").click()
    page = _staff(page, live_server, "coach.noord")
    page.goto(candidate_url)
    _step(page, "sign_contract")
    _step(page, "start_onboarding")
    expect(page.locator("#candidate-stage")).to_have_text("Onboarding en werkervaring")
    expect(page.locator("table.history tbody tr")).to_have_count(14)

    page = _as(page, live_server, EMAIL, PASSWORD)
    page.locator("a[href$='/evaluation/']").click()
    for name in ("preparation", "guidance", "recommend"):
        page.locator(f"[name={name}][value='5']").check()
    page.locator("form.stacked button[type=submit]").click()

    page = _staff(page, live_server, "coach.noord")
    page.goto(candidate_url)
    _step(page, "complete")
    expect(page.locator("#candidate-stage")).to_have_text("Afgerond en geëvalueerd")
    page.goto(f"{live_server.url}/figures/")
    expect(page.locator("#funnel svg g.bar[data-stage='contract_signed']")).to_have_attribute("data-count", "1")
    expect(page.locator("#figure-contracts")).to_have_text("1")

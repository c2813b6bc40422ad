"""The engines in use: the coach plans Michael's and Sophie's development paths, the office runs a job fair (a pinned
wish, the schedule, the live board on the day), records the choices, accepts the stable matching and prints the
declaration of intent."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def _open_candidate(page, live_server, name):
    page.goto(f"{live_server.url}/candidates/?q={name.split()[1]}")
    page.get_by_role("link", name=name).click()
    return page.url


def test_paths_a_job_fair_and_a_declaration(login, live_server):
    page = login("coach.noord")
    for name, role in (("Michael Zwart", "Waterstof pipe-engineer"), ("Sophie Meijer", "Elektrolyser-monteur")):
        _open_candidate(page, live_server, name)
        page.locator("a[href$='/path/']").click()
        page.locator("[name=profile]").select_option(label=role)
        page.locator("[name=start_date]").fill("2027-01-01")
        page.locator("[name=hours_per_week]").fill("24")
        page.locator("form.stacked button[type=submit]").click()
        expect(page.locator("#path-fits")).to_have_text("ja")
        expect(page.locator("table.path-steps tbody tr").first).not_to_contain_text("Geen module")

    michael = _open_candidate(page, live_server, "Michael Zwart")
    for action in ("select", "complete_application_training", "attend_job_fair"):
        page.locator(f"form[action$='/steps/{action}/'] button").click()
    expect(page.locator("#candidate-stage")).to_have_text("Op de banenmarkt")

    page.goto(f"{live_server.url}/job-fairs/")
    page.locator("[name=title]").fill("Banenmarkt Noord")
    page.locator("[name=held_on]").fill("2027-02-01")
    page.locator("[name=rounds]").fill("3")
    page.locator("form.stacked button[type=submit]").click()
    for company, role in (
        ("Waddenpijp Leidingbouw B.V.", "Pipe-engineer"),
        ("Noorderwind Elektrolyse B.V.", "Monteur"),
    ):
        page.locator("#add-company").evaluate("form => form.closest('details').open = true")
        page.locator("[name=company-company]").select_option(label=company)
        page.locator("[name=company-role_title]").fill(role)
        page.locator("[name=company-tables]").fill("1")
        page.locator("[name=company-places]").fill("1")
        page.locator("#add-company button").click()
    page.get_by_label("Michael Zwart").check()
    page.locator("#invite button").click()
    page.locator("#add-wish").evaluate("form => form.closest('details').open = true")
    page.locator("[name=wish-candidate]").select_option(label="Michael Zwart")
    page.locator("[name=wish-company]").select_option(label="Waddenpijp Leidingbouw B.V. — Pipe-engineer")
    page.locator("[name=wish-wished_by]").select_option("company")
    page.locator("#add-wish button").click()
    expect(page.locator("#wishes li").first).to_contain_text("gewenst door het bedrijf")
    page.locator("#make-schedule").click()
    expect(page.locator("ul.round li")).to_have_count(2)
    expect(page.locator("ul.round").first).to_contain_text("Michael Zwart")

    page.locator("#open-live").click()
    expect(page.locator("#round-status")).to_have_text("De speeddates zijn nog niet begonnen.")
    page.locator("#next-round").click()
    expect(page.locator("#round-status")).to_have_text("Ronde 1 van 3 loopt.")
    expect(page.locator("table.board-now")).to_contain_text("Michael Zwart")
    page.get_by_role("link", name="Banenmarkt Noord", exact=False).click()
    page.locator("select[aria-label='Michael Zwart 1']").select_option(label="Waddenpijp Leidingbouw B.V.")
    page.locator("select[aria-label='Waddenpijp Leidingbouw B.V. 1']").select_option(label="Michael Zwart")
    page.locator("#choices button").click()
    expect(page.locator("#proposal tbody")).to_contain_text("Waddenpijp Leidingbouw B.V.")
    page.locator("#accept-matching").click()

    page.goto(michael)
    expect(page.locator("#candidate-stage")).to_have_text("Gematcht met een werkgever")
    page.get_by_role("link", name="Intentieverklaring: Waddenpijp Leidingbouw B.V.", exact=False).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF downloaden", exact=False).click()
    assert download.value.suggested_filename.endswith(".pdf")

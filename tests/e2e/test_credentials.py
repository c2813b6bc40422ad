"""Credentials in use: a teacher assesses Michael by the leak-testing rubric and the microcredential is issued; Michael
finds it in his skills wallet, shares a link, an anonymous visitor sees it verified, Michael stops the link and it
stops working, and he downloads the certificate."""

from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_rubric_badge_wallet_share_verify_revoke_and_certificate(login, live_server, browser):
    page = login("docent.noord")
    page.goto(f"{live_server.url}/candidates/?q=Zwart")
    page.get_by_role("link", name="Michael Zwart").click()
    page.locator("#open-rubric").click()
    page.locator("[name=achievement]").select_option(
        label="Lekdichtheid beproeven (Praktijkbeoordeling lekdichtheidsbeproeving)"
    )
    rows = page.locator("table.rubric tbody tr")
    expect(rows.first).to_be_visible()
    for index in range(rows.count()):
        rows.nth(index).get_by_label("Vakbekwaam", exact=False).check()
    page.locator("#rubric-form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("de credential is aan de deelnemer uitgegeven")
    expect(page.locator("article.credential")).to_contain_text("Lekdichtheid beproeven")

    page.context.clear_cookies()
    page = login("michael.zwart")
    page.locator("#open-wallet").click()
    card = page.locator("article.credential", has_text="Lekdichtheid beproeven")
    expect(card.locator(".credential-status")).to_contain_text("geldig")
    page.locator("#share-form").get_by_label("Lekdichtheid beproeven").check()
    page.locator("#share-form [name=days]").fill("14")
    page.locator("#share-form button[type=submit]").click()
    # The link names the configured SITE_URL; the test server listens elsewhere, so keep the path.
    link = live_server.url + urlparse(page.locator("#new-share-link").inner_text()).path

    visitor = browser.new_context().new_page()
    visitor.goto(link)
    expect(visitor.locator("h1")).to_contain_text("Credentials van Michael Zwart")
    expect(visitor.locator("article.credential .credential-status")).to_contain_text("geldig")

    page.locator("button.revoke-share").click()
    expect(page.locator(".messages")).to_contain_text("De link werkt niet meer")
    visitor.reload()
    expect(visitor.locator("h1")).to_have_text("Deze link werkt niet meer")
    visitor.context.close()

    with page.expect_download() as download:
        card.locator("a.certificate").click()
    assert download.value.suggested_filename.endswith(".pdf")

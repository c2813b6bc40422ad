"""Browser tests in Debian's Chromium, driven by Playwright (never a browser Playwright downloads).

They run when /usr/bin/chromium (or MHW_CHROMIUM) exists. With MHW_E2E=required a missing browser stops the run
instead of skipping these tests.
"""

import os
import shutil

import pytest

from mhw.demo.data import DEMO_DOMAIN, DEMO_PASSWORD

CHROMIUM = os.environ.get("MHW_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HAVE_CHROMIUM = os.path.exists(CHROMIUM)

# Playwright's sync API runs an event loop in the test thread; the Django ORM calls the tests make are synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "e2e" in item.nodeid.split("::")[0]:
            item.add_marker(pytest.mark.page_cache)  # the journeys run with pages kept, as in production
    if HAVE_CHROMIUM:
        return
    if os.environ.get("MHW_E2E") == "required":
        raise pytest.UsageError(f"MHW_E2E=required but no Chromium at {CHROMIUM}: install Debian's chromium package.")
    marker = pytest.mark.skipif(True, reason=f"no Chromium at {CHROMIUM}; set MHW_E2E=required to make this fail")
    for item in items:
        if "e2e" in item.nodeid.split("::")[0]:
            item.add_marker(marker)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def demo(transactional_db):
    from mhw.demo.seed import seed_all

    seed_all()


@pytest.fixture
def login(page, live_server, demo):
    """Log in through the login page as the demo user with e-mail `local@demo-domain`."""

    def do(local: str):
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_label("E-mailadres").fill(f"{local}@{DEMO_DOMAIN}")
        page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url(f"{live_server.url}/dashboard/")
        return page

    return do

"""Security headers on every route: a Content Security Policy that allows no inline script on every answer, for a
logged-in user (or an API token) answers no browser or proxy may store, and with the production profile's security
settings HTTPS only (HSTS on every answer, plain HTTP redirected, cookies marked Secure)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.test_permission_matrix import API, PAGES, _request

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_carries_the_policy_and_authenticated_answers_are_not_stored(name, world, client_for):
    route = PAGES[name]
    for actor in ("anonymous", "coach"):
        response = _request(client_for(world.user(actor)), route, world)
        policy = response.headers.get("Content-Security-Policy", "")
        assert "script-src 'self';" in policy
        assert "frame-ancestors 'none'" in policy
        if actor != "anonymous":
            assert "no-store" in response.headers.get("Cache-Control", "")


@pytest.mark.parametrize("key", sorted(API), ids=lambda key: f"{key[0].upper()} {key[1]}")
def test_api_answers_to_a_token_are_not_stored(key, world, client):
    token_client = client
    token_client.defaults["HTTP_AUTHORIZATION"] = "Bearer not-a-valid-token"
    response = _request(token_client, API[key], world)
    assert "no-store" in response.headers.get("Cache-Control", "")
    assert "Content-Security-Policy" in response.headers


#: The security settings of the production profile (tests/test_settings.py checks that profile with check --deploy).
PRODUCTION_SECURITY = {
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31_536_000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
}


@pytest.fixture
def production_security(settings):
    for name, value in PRODUCTION_SECURITY.items():
        setattr(settings, name, value)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.usefixtures("production_security")
def test_in_production_every_page_is_served_over_https_only(name, world, client_for):
    client = client_for(world.user("coach"))
    response = _request(client, PAGES[name], world, secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    plain = _request(client, PAGES[name], world)
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://")


@pytest.mark.parametrize("key", sorted(API), ids=lambda key: f"{key[0].upper()} {key[1]}")
@pytest.mark.usefixtures("production_security")
def test_in_production_every_api_answer_carries_hsts(key, world, client):
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer not-a-valid-token"
    response = _request(client, API[key], world, secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.usefixtures("production_security")
def test_in_production_the_login_cookies_are_secure_and_the_session_is_out_of_reach_of_scripts(db):
    user = UserFactory(email="veilig@example.org")
    user.set_password("een-lang-wachtwoord-2026")
    user.save()
    browser = Client(enforce_csrf_checks=True)
    form = browser.get(reverse("login"), secure=True)
    csrf = form.cookies["csrftoken"]
    assert csrf["secure"]
    assert csrf["samesite"] == "Lax"
    response = browser.post(
        reverse("login"),
        {"username": user.email, "password": "een-lang-wachtwoord-2026", "csrfmiddlewaretoken": csrf.value},
        secure=True,
        headers={"Referer": "https://testserver/accounts/login/"},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"

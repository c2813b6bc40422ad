import pytest
from django.test import Client
from django.urls import reverse

from mhw.accounts import services
from mhw.accounts.models import AuditEvent
from mhw.accounts.tokens import user_for_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_token_is_stored_only_as_a_hash_and_finds_its_user():
    user = UserFactory()
    token, raw = services.create_api_token(user, name="script")
    assert raw.startswith(f"mhw_{token.prefix}_")
    assert raw not in token.key_hash
    assert user_for_token(raw) == user
    assert AuditEvent.objects.filter(action="api_token.created", actor=user).exists()


@pytest.mark.parametrize(
    "mangle", [lambda raw: raw + "x", lambda raw: raw[:-1], lambda raw: "nonsense", lambda raw: ""]
)
def test_a_wrong_or_malformed_token_finds_nobody(mangle):
    _token, raw = services.create_api_token(UserFactory(), name="script")
    assert user_for_token(mangle(raw)) is None


def test_a_revoked_token_or_a_deactivated_user_finds_nobody():
    user = UserFactory()
    token, raw = services.create_api_token(user, name="script")
    services.revoke_api_token(user, token)
    assert user_for_token(raw) is None
    _token, raw = services.create_api_token(user, name="second")
    user.is_active = False
    user.save()
    assert user_for_token(raw) is None


def test_the_api_accepts_a_bearer_token_and_refuses_a_revoked_one(client):
    user = UserFactory()
    token, raw = services.create_api_token(user, name="script")
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json()["email"] == user.email
    assert "no-store" in response["Cache-Control"]
    services.revoke_api_token(user, token)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 401
    assert response.json()["detail"]


def test_the_token_page_shows_a_new_token_once(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("token_create"), {"name": "rapportage"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    raw = response.context["new_token"]
    assert raw in response.content.decode()
    assert raw not in client.get(reverse("profile")).content.decode()


def test_a_token_without_a_name_is_refused_and_nothing_is_made(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("token_create"), {"name": ""})
    assert response.status_code == 400
    assert not user.api_tokens.exists()


def test_the_api_revokes_only_your_own_tokens(client):
    owner, other = UserFactory(), UserFactory()
    token, _raw = services.create_api_token(owner, name="script")
    client.force_login(other)
    assert client.delete(f"/api/v1/tokens/{token.pk}").status_code == 404
    token.refresh_from_db()
    assert token.is_active
    client.force_login(owner)
    response = client.delete(f"/api/v1/tokens/{token.pk}")
    assert response.status_code == 200
    assert response.json()["revoked_at"] is not None


def test_a_token_made_through_the_api_is_returned_once(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/api/v1/tokens", {"name": "etl"}, content_type="application/json")
    assert response.status_code == 201
    raw = response.json()["token"]
    assert user_for_token(raw) == user
    assert "token" not in client.get("/api/v1/tokens").json()[0]


def test_a_script_with_a_bearer_token_may_write_without_a_csrf_token():
    # The test client normally skips CSRF checks; a real script does not, so enforce them here.
    strict = Client(enforce_csrf_checks=True)
    _token, raw = services.create_api_token(UserFactory(), name="script")
    response = strict.post(
        "/api/v1/tokens",
        {"name": "tweede"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 201


def test_a_browser_session_still_needs_its_csrf_token_to_write_and_nobody_gets_401():
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/api/v1/tokens", {"name": "x"}, content_type="application/json").status_code == 401
    strict.force_login(UserFactory())
    response = strict.post("/api/v1/tokens", {"name": "x"}, content_type="application/json")
    assert response.status_code == 403
    page = strict.get(reverse("profile"))
    token = page.cookies["csrftoken"].value
    response = strict.post(
        "/api/v1/tokens", {"name": "x"}, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 201

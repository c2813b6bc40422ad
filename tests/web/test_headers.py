"""Security headers on every route: a Content Security Policy that allows no inline script on every answer, and
for a logged-in user (or an API token) answers no browser or proxy may store."""

import pytest

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

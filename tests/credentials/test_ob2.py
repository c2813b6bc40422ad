"""Open Badges 2.0 exports: the hosted BadgeClass, Issuer and Assertion link up, and a revoked assertion says so."""

import pytest
from django.urls import reverse

from mhw.credentials import openbadges, services
from tests.credentials.conftest import issue_badge

pytestmark = pytest.mark.django_db
SITE = "http://127.0.0.1:8000"


def _get(client, url: str) -> dict:
    response = client.get(url.removeprefix(SITE))
    assert response.status_code == 200
    return response.json()


def test_the_hosted_assertion_leads_to_its_badge_class_and_issuer(world, achievement, client):
    credential = issue_badge(world, achievement)
    assertion = _get(client, reverse("credential_ob2", args=[credential.public_id]))
    assert assertion["@context"] == "https://w3id.org/openbadges/v2"
    assert assertion["verification"] == {"type": "hosted"}
    identity = assertion["recipient"]
    assert identity["identity"] == openbadges.hashed_email(world.candidate_a.email, identity["salt"])
    badge = _get(client, assertion["badge"])
    assert badge["type"] == "BadgeClass"
    assert badge["name"] == "Veilig werken met waterstof"
    assert {a["targetCode"] for a in badge["alignment"]} >= {i.code for i in achievement.outcomes.all()}
    issuer = _get(client, badge["issuer"]["id"])
    assert (issuer["type"], issuer["name"]) == ("Issuer", world.campus_a.name)
    assert client.get(badge["image"].removeprefix(SITE))["Content-Type"] == "image/svg+xml"

    services.revoke(world.user("teacher"), credential, reason="Verkeerde deelnemer")
    revoked = _get(client, reverse("credential_ob2", args=[credential.public_id]))
    assert (revoked["revoked"], revoked["revocationReason"]) == (True, "Verkeerde deelnemer")


def test_an_unknown_issuer_profile_is_not_found(world, achievement, client):
    assert client.get(reverse("issuer_ob2", args=["campus", world.campus_b.pk])).status_code == 404
    assert client.get(reverse("issuer_ob2", args=["iets", world.campus_a.pk])).status_code == 404

"""Issuing, verifying, revoking and suspending credentials of the platform's issuers."""

import base64
import copy
import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from mhw.credentials import keys, services, signing, statuslist
from mhw.credentials.models import IssuerKey
from tests.credentials.conftest import issue_badge

pytestmark = pytest.mark.django_db


def test_an_issued_credential_verifies_and_names_its_skills(world, achievement):
    credential = issue_badge(world, achievement)
    report = services.verify(credential.document)
    assert report.valid, report.problems
    assert report.known_issuer == world.campus_a.name
    codes = {a.code for a in report.summary.alignments}
    assert {item.code for item in achievement.outcomes.all()} <= codes
    assert "4" in codes  # the NLQF level
    assert credential.document["issuer"]["id"] == credential.key.did
    assert world.candidate_a.email not in json.dumps(credential.document)


def test_tampered_expired_revoked_suspended_and_foreign_credentials_are_each_reported(world, achievement):
    credential = issue_badge(world, achievement)
    tampered = copy.deepcopy(credential.document)
    tampered["credentialSubject"]["achievement"]["name"] = "Waterstofexpert"
    assert services.verify(tampered).problems == ["bad_signature"]

    later = timezone.now() + datetime.timedelta(days=365 * 3)
    assert services.verify(credential.document, now=later).problems == ["expired"]
    earlier = timezone.now() - datetime.timedelta(days=1)
    assert services.verify(credential.document, now=earlier).problems == ["not_yet_valid"]

    unsigned = {k: v for k, v in credential.document.items() if k != "proof"}
    stranger = signing.sign(
        unsigned, keys.new_secret(), verification_method=credential.key.verification_method, created="2026-01-01T00:00Z"
    )  # fmt: skip
    assert services.verify(stranger).problems == ["bad_signature"]

    services.set_suspended(world.user("teacher"), credential, suspended=True)
    assert services.verify(credential.document).problems == ["suspended"]
    services.set_suspended(world.user("teacher"), credential, suspended=False)
    services.revoke(world.user("coach"), credential, reason="Uitgereikt aan de verkeerde deelnemer")
    report = services.verify(credential.document)
    assert report.problems == ["revoked"]
    assert report.revocation_reason == "Uitgereikt aan de verkeerde deelnemer"


def test_the_published_status_list_is_signed_and_has_the_revoked_bit(world, achievement, client):
    first, second = issue_badge(world, achievement), issue_badge(world, achievement)
    services.revoke(world.user("teacher"), second, reason="Fout")
    entry = next(s for s in second.document["credentialStatus"] if s["statusPurpose"] == "revocation")
    published = client.get(entry["statusListCredential"].removeprefix("http://127.0.0.1:8000")).json()
    assert signing.verify(published).valid
    assert published["issuer"] == second.key.did
    encoded = published["credentialSubject"]["encodedList"]
    assert statuslist.is_set(encoded, second.status_index)
    assert not statuslist.is_set(encoded, first.status_index)


def test_only_staff_who_record_training_issue_and_a_reason_is_needed_to_revoke(world, achievement):
    with pytest.raises(services.CredentialError):
        services.issue(world.user("company_hr"), achievement, world.candidate_a)
    with pytest.raises(services.CredentialError):
        services.issue(world.user("coach_campus_b"), achievement, world.candidate_a)
    credential = issue_badge(world, achievement)
    with pytest.raises(services.CredentialError):
        services.revoke(world.user("teacher"), credential, reason="  ")
    credential.refresh_from_db()
    assert credential.revoked_at is None


def test_each_issuer_has_one_key_and_its_secret_is_sealed(world, achievement):
    first, second = issue_badge(world, achievement), issue_badge(world, achievement)
    assert first.key == second.key
    assert IssuerKey.objects.count() == 1
    assert (first.status_index, second.status_index) == (1, 2)
    secret = services.secret_of(first.key)
    assert secret not in bytes(first.key.sealed_secret)
    assert keys.public_multikey(keys.public_bytes(secret)) == first.key.public_key


def test_the_verification_page_reports_in_dutch_and_refuses_what_is_not_a_credential(world, achievement, client):
    credential = issue_badge(world, achievement)
    page = client.post(reverse("verify"), {"credential": json.dumps(credential.document)})
    assert "Geldige credential" in page.content.decode()
    tampered = copy.deepcopy(credential.document)
    tampered["validFrom"] = "2020-01-01T00:00:00Z"
    page = client.post(reverse("verify"), {"credential": json.dumps(tampered)})
    assert "De handtekening klopt niet" in page.content.decode()
    for junk in ("", "{niet json", "[1, 2]"):
        page = client.post(reverse("verify"), {"credential": junk})
        assert page.status_code == 200
        assert page.context["report"] is None
        assert page.context["form"].errors


def test_the_achievement_page_is_public(world, achievement, client):
    page = client.get(reverse("achievement_public", args=[achievement.public_id]))
    assert page.status_code == 200
    assert "Veilig werken met waterstof" in page.content.decode()


def test_the_vc_jwt_form_verifies_and_tampering_or_revocation_is_reported(world, achievement, client):
    credential = issue_badge(world, achievement)
    assert services.verify_jwt(credential.jwt).valid
    header, payload, signature = credential.jwt.split(".")
    document = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert "proof" not in document
    document["name"] = "Waterstofexpert"
    forged = base64.urlsafe_b64encode(json.dumps(document).encode()).decode().rstrip("=")
    assert services.verify_jwt(f"{header}.{forged}.{signature}").problems == ["bad_signature"]
    assert services.verify_jwt("a.b.c").problems == ["malformed"]
    services.revoke(world.user("teacher"), credential, reason="Fout")
    assert services.verify_jwt(credential.jwt).problems == ["revoked"]
    page = client.post(reverse("verify"), {"credential": credential.jwt}).content.decode()
    assert "De uitgever heeft de credential ingetrokken" in page


def test_the_verification_api_reports_like_the_page_and_refuses_an_empty_request(world, achievement, client):
    credential = issue_badge(world, achievement)
    url = "/api/v1/credentials/verify"
    good = client.post(url, {"credential": credential.document}, content_type="application/json").json()
    assert good["valid"] is True
    assert good["known_issuer"] == world.campus_a.name
    assert {s["code"] for s in good["skills"]} >= {item.code for item in achievement.outcomes.all()}
    services.revoke(world.user("teacher"), credential, reason="Fout")
    revoked = client.post(url, {"jwt": credential.jwt}, content_type="application/json").json()
    assert [p["code"] for p in revoked["problems"]] == ["revoked"]
    assert revoked["revocation_reason"] == "Fout"
    for bad in ({}, {"credential": credential.document, "jwt": credential.jwt}, {"credential": "x"}):
        assert client.post(url, bad, content_type="application/json").status_code == 422

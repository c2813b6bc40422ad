"""Issuers named by did:web: the platform publishes each issuer's DID document with all its keys, credentials signed
under that name verify (Data Integrity and JWT) from the published keys, and nothing is fetched from elsewhere."""

import copy
import string
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from mhw.credentials import didweb, services, signing
from tests.credentials.conftest import issue_badge

segment = st.text(string.ascii_letters + string.digits + "-_.~ %:", min_size=1, max_size=12)


def test_the_did_names_host_port_and_path_as_the_method_says():
    assert (
        didweb.did_for("https://mhw.example.nl", "issuers", "campus", "3") == "did:web:mhw.example.nl:issuers:campus:3"
    )
    did = didweb.did_for("http://127.0.0.1:8000", "issuers", "organisation", "12")
    assert did == "did:web:127.0.0.1%3A8000:issuers:organisation:12"
    assert didweb.document_url(did) == "https://127.0.0.1:8000/issuers/organisation/12/did.json"
    assert didweb.document_url("did:web:example.com") == "https://example.com/.well-known/did.json"
    for bad in ("did:key:z6Mk", "did:web:", "did:web:example.com::x"):
        with pytest.raises(ValueError, match="did:web"):
            didweb.parse(bad)


@given(host=st.from_regex(r"[a-z][a-z0-9-]{0,10}\.(nl|com)", fullmatch=True), port=st.none() | st.integers(1, 65535),
       segments=st.lists(segment, min_size=1, max_size=4))  # fmt: skip
def test_any_did_reads_back_as_the_host_and_path_it_was_made_from(host, port, segments):
    netloc = host if port is None else f"{host}:{port}"
    did = didweb.did_for(f"https://{netloc}", *segments)
    assert didweb.parse(did) == (netloc, segments)
    assert did.count(":") == 2 + len(segments)


@pytest.fixture
def web_issuer(settings):
    settings.CREDENTIAL_ISSUER_DID = "web"


@pytest.mark.django_db
def test_a_credential_of_a_did_web_issuer_verifies_from_the_published_document(world, achievement, client, web_issuer):
    credential = issue_badge(world, achievement)
    did = credential.document["issuer"]["id"]
    assert did.startswith("did:web:127.0.0.1%3A8000:issuers:campus:")
    method = credential.document["proof"]["verificationMethod"]
    assert method == f"{did}#{credential.key.public_key}"
    report = services.verify(credential.document)
    assert report.valid, report.problems
    assert report.known_issuer == world.campus_a.name
    assert services.verify_jwt(credential.jwt).valid

    published = client.get(urlsplit(didweb.document_url(did)).path)
    assert published.status_code == 200
    assert published["Content-Type"] == "application/did+json"
    document = published.json()
    assert document["id"] == did
    assert method in document["assertionMethod"]
    [entry] = document["verificationMethod"]
    assert entry["publicKeyMultibase"] == credential.key.public_key

    tampered = copy.deepcopy(credential.document)
    tampered["name"] = "Iets anders"
    assert services.verify(tampered).problems == ["bad_signature"]


@pytest.mark.django_db
def test_credentials_keep_verifying_after_rotation_and_a_change_of_naming(world, achievement, client, settings):
    settings.CREDENTIAL_ISSUER_DID = "web"
    first = issue_badge(world, achievement)
    services.rotate_key(world.user("campus_admin"), first.key)
    second = issue_badge(world, achievement)
    assert second.key != first.key
    did = second.document["issuer"]["id"]
    document = client.get(urlsplit(didweb.document_url(did)).path).json()
    assert {m["publicKeyMultibase"] for m in document["verificationMethod"]} == {first.key.public_key,
                                                                                  second.key.public_key}  # fmt: skip
    settings.CREDENTIAL_ISSUER_DID = "key"
    third = issue_badge(world, achievement)
    assert third.document["issuer"]["id"] == third.key.did
    assert all(services.verify(c.document).valid for c in (first, second, third))


@pytest.mark.django_db
def test_a_did_web_of_another_host_or_issuer_is_not_trusted(world, achievement, web_issuer):
    credential = issue_badge(world, achievement)
    unsigned = {k: v for k, v in credential.document.items() if k != "proof"}
    secret = services.secret_of(credential.key)
    elsewhere = f"did:web:evil.example:issuers:campus:{world.campus_a.pk}#{credential.key.public_key}"
    other_issuer = f"{services.issuer_web_did(credential.key)[:-1]}999#{credential.key.public_key}"
    for method in (elsewhere, other_issuer):
        signed = signing.sign(unsigned, secret, verification_method=method, created="2026-11-29T10:00:00Z")
        assert services.verify(signed).problems == ["unknown_key"]


@pytest.mark.django_db
def test_the_status_list_of_a_did_web_issuer_is_signed_under_that_name(world, achievement, client, web_issuer):
    credential = issue_badge(world, achievement)
    entry = credential.document["credentialStatus"][0]
    published = client.get(entry["statusListCredential"].removeprefix("http://127.0.0.1:8000")).json()
    assert published["issuer"] == credential.document["issuer"]["id"]
    assert signing.verify(published, services.resolve_method).valid
    assert not signing.verify(published).valid  # without the platform's keys a did:web cannot be resolved offline


@pytest.mark.django_db
@pytest.mark.parametrize("path", [("campus", 999999), ("nobody", 1)])
def test_an_issuer_without_keys_has_no_did_document(client, path):
    assert client.get(reverse("issuer_did_document", args=path)).status_code == 404

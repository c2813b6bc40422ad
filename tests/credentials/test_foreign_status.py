"""Credentials from elsewhere: their issuer's status list (served here by a real HTTP server on this machine) says
whether they are revoked or suspended; a list that cannot be fetched or trusted is reported as such, private
addresses and redirects are never followed, and a credential signed by someone else than its issuer fails."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache

from mhw.credentials import keys, openbadges, services, signing, statuslist

pytestmark = pytest.mark.django_db
CREATED = "2026-11-29T10:00:00Z"


class StatusServer:
    """Serves one status list at /status, or a redirect."""

    def __init__(self):
        self.body, self.redirect = b"{}", ""
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                if server.redirect:
                    self.send_response(302)
                    self.send_header("Location", server.redirect)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/vc+ld+json")
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args):
                """Quiet: the test asserts on what the server received, not on its log."""

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/status"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def server(settings):
    settings.CREDENTIAL_STATUS_TRUSTED_HOSTS = ["127.0.0.1"]
    cache.clear()
    running = StatusServer()
    yield running
    running.httpd.shutdown()
    running.httpd.server_close()
    cache.clear()


class Issuer:
    def __init__(self):
        self.secret = keys.new_secret()
        self.method = keys.verification_method(keys.public_bytes(self.secret))
        self.did = self.method.partition("#")[0]

    def credential(self, list_url: str, index: int = 7, issuer_did: str = "") -> dict:
        document = openbadges.credential_document(
            credential_id="urn:uuid:0b4b3c9e-3f7e-4a51-9a77-5d1c1e0f2a10",
            achievement=openbadges.AchievementData("urn:uuid:1c2d", "Lassen van RVS-leidingen", "d", "c"),
            issuer=openbadges.IssuerData(issuer_did or self.did, "Opleider Elders"),
            recipient=openbadges.RecipientData("deelnemer@example.org", "abcd"),
            valid_from="2026-01-01T00:00:00Z",
            statuses=[openbadges.StatusEntry(list_url, index, "revocation")],
        )
        return signing.sign(document, self.secret, verification_method=self.method, created=CREATED)

    def status_list(self, url: str, revoked: set[int], purpose: str = "revocation") -> bytes:
        document = statuslist.status_list_document(
            url=url, issuer=self.did, purpose=purpose, indexes=revoked, valid_from=CREATED
        )
        return json.dumps(
            signing.sign(document, self.secret, verification_method=self.method, created=CREATED)
        ).encode()


def test_a_credential_revoked_by_its_issuer_elsewhere_is_reported_revoked(server):
    issuer = Issuer()
    server.body = issuer.status_list(server.url, {7})
    report = services.verify(issuer.credential(server.url))
    assert report.problems == ["revoked"]
    cache.clear()
    server.body = issuer.status_list(server.url, {8})
    report = services.verify(issuer.credential(server.url))
    assert report.valid
    assert report.status_unknown == ""


@pytest.mark.parametrize("case", ["signed by another key", "another purpose", "not json", "redirect"])
def test_a_status_list_that_cannot_be_trusted_is_reported_not_believed(server, case):
    issuer, stranger = Issuer(), Issuer()
    server.body = {
        "signed by another key": stranger.status_list(server.url, {7}),
        "another purpose": issuer.status_list(server.url, {7}, purpose="suspension"),
        "not json": b"<html>",
        "redirect": b"",
    }[case]
    if case == "redirect":
        server.redirect = "http://10.0.0.1/status"
    report = services.verify(issuer.credential(server.url))
    assert report.status_unknown
    assert "revoked" not in report.problems


@pytest.mark.parametrize("url", ["http://register.example/status", "https://127.0.0.1/status", "https://10.1.2.3/s"])
def test_status_lists_are_never_read_from_plain_http_or_private_addresses(settings, url):
    settings.CREDENTIAL_STATUS_TRUSTED_HOSTS = []
    cache.clear()
    report = services.verify(Issuer().credential(url))
    assert report.status_unknown
    assert report.valid  # the signature and dates hold; only the status is unknown


def test_a_credential_signed_by_another_did_than_its_issuer_fails(server):
    victim, forger = Issuer(), Issuer()
    forged = forger.credential(server.url, issuer_did=victim.did)
    assert services.verify(forged).problems == ["issuer_mismatch"]

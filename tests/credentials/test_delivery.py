"""Automatic sharing with registering bodies: a register (here a real HTTP server on this machine) receives each
valid credential of a consenting participant of its campus once; without consent, after withdrawal, for another
campus, or while paused it receives nothing; a failed delivery is recorded and tried again."""

import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.urls import reverse

from mhw.accounts.models import AuditEvent
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import consent
from mhw.credentials import delivery, services
from mhw.credentials.models import CredentialDelivery, RegisteringBody
from tests.credentials.conftest import issue_badge

pytestmark = pytest.mark.django_db


class Register:
    """A register that accepts credentials, or answers `status` to each of them."""

    def __init__(self):
        self.received: list[tuple[str, dict]] = []
        self.status = 201
        register = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if register.status < 300:
                    register.received.append((self.headers["Content-Type"], json.loads(body)))
                self.send_response(register.status)
                self.end_headers()

            def log_message(self, *args):
                """Quiet: the test asserts on what the server received, not on its log."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/credentials"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def register():
    server = Register()
    yield server
    server.close()


@pytest.fixture
def body(world, register):
    return RegisteringBody.objects.create(
        campus=world.campus_a, name="Register waterstofvakmensen", endpoint=register.url
    )


def _consent(world):
    return consent.give_consent(world.user("candidate"), world.candidate_a, ConsentScope.SHARE_WITH_REGISTERS)


def test_nothing_is_sent_without_consent_and_everything_once_with_it(world, achievement, body, register):
    first = issue_badge(world, achievement)
    assert delivery.deliver_pending().delivered == 0
    assert register.received == []
    _consent(world)
    second = issue_badge(world, achievement)
    assert delivery.deliver_pending().delivered == 2
    assert {doc["id"] for _type, doc in register.received} == {first.document["id"], second.document["id"]}
    assert {media for media, _doc in register.received} == {"application/vc+ld+json"}
    assert all(services.verify(doc).valid for _type, doc in register.received)
    assert delivery.deliver_pending().delivered == 0  # nothing twice
    assert AuditEvent.objects.filter(action="credential.delivered").count() == 2


def test_withdrawn_consent_revoked_credentials_paused_and_foreign_registers_get_nothing(
    world, achievement, body, register
):
    given = _consent(world)
    revoked = issue_badge(world, achievement)
    services.revoke(world.user("teacher"), revoked, reason="Ten onrechte uitgereikt")
    RegisteringBody.objects.create(campus=world.campus_b, name="Elders", endpoint=register.url)
    assert delivery.deliver_pending().delivered == 0
    consent.withdraw_consent(world.user("candidate"), given)
    issue_badge(world, achievement)
    assert delivery.deliver_pending().delivered == 0
    _consent(world)
    RegisteringBody.objects.filter(pk=body.pk).update(active=False)
    assert delivery.deliver_pending().delivered == 0
    assert register.received == []


def test_a_refused_or_unreachable_delivery_is_recorded_and_tried_again(world, achievement, body, register):
    _consent(world)
    issue_badge(world, achievement)
    register.status = 503
    assert delivery.deliver_pending().failed == 1
    [failed] = CredentialDelivery.objects.all()
    assert failed.delivered_at is None
    assert "503" in failed.last_error
    RegisteringBody.objects.filter(pk=body.pk).update(endpoint="http://127.0.0.1:9/closed")
    assert delivery.deliver_pending().failed == 1
    RegisteringBody.objects.filter(pk=body.pk).update(endpoint=register.url)
    register.status = 200
    err, out = io.StringIO(), io.StringIO()
    call_command("deliver_credentials", stdout=out, stderr=err)
    assert "100%" in err.getvalue()
    failed.refresh_from_db()
    assert failed.delivered_at is not None
    assert failed.attempts == 3
    assert len(register.received) == 1


def test_the_wallet_says_who_receives_credentials_and_on_what_consent(world, achievement, body, client_for):
    issue_badge(world, achievement)
    holder = client_for(world.user("candidate"))
    page = holder.get(reverse("wallet")).content.decode()
    assert "Register waterstofvakmensen" in page
    assert not holder.get(reverse("wallet")).context["automatic"].registers_consent
    _consent(world)
    automatic = holder.get(reverse("wallet")).context["automatic"]
    assert automatic.registers_consent
    assert automatic.companies == [world.company_a.name]


def test_the_campus_admin_adds_a_register_and_bad_input_changes_nothing(world, client_for):
    admin = client_for(world.user("campus_admin"))
    data = {
        "campus": world.campus_a.pk,
        "name": "Sectorregister",
        "endpoint": "https://register.example/api",
        "active": "on",
    }
    assert admin.post(reverse("register_list"), data).status_code == 302
    other = "Ander register"
    for bad in ({"endpoint": "geen adres", "name": other}, {"name": ""}, {"campus": world.campus_b.pk, "name": other},
                {"name": "Sectorregister"}):  # fmt: skip
        response = admin.post(reverse("register_list"), {**data, **bad})
        assert response.status_code == 200
        assert response.context["form"].errors
    assert list(RegisteringBody.objects.values_list("name", flat=True)) == ["Sectorregister"]
    assert AuditEvent.objects.filter(action="credential.register_added").count() == 1

"""Automatic sharing with registering bodies: each valid credential of a participant who consented to it is sent to
every active register of their campus, once. Without consent in force nothing is sent; a failed delivery is tried
again on the next run. Runs outside any request (`manage.py deliver_credentials`, e.g. every few minutes)."""

import json
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from mhw.accounts.audit import record_event
from mhw.candidates.models.consent import ConsentScope
from mhw.credentials.models import CredentialDelivery, IssuedCredential, RegisteringBody

TIMEOUT_SECONDS = 10
MEDIA_TYPE = "application/vc+ld+json"


class DeliveryRefused(Exception):
    """The register answered, but not with success."""


@dataclass
class DeliveryRun:
    delivered: int = 0
    failed: int = 0


def consenting_credentials():
    """Credentials that may be sent: valid ones of holders whose consent to share with registers is in force."""
    return IssuedCredential.objects.filter(
        revoked_at__isnull=True, suspended_at__isnull=True,
        candidate__consents__text__scope=ConsentScope.SHARE_WITH_REGISTERS,
        candidate__consents__withdrawn_at__isnull=True,
    ).distinct()  # fmt: skip


def pending(body: RegisteringBody):
    """What `body` should receive and has not received yet."""
    delivered = CredentialDelivery.objects.filter(body=body, delivered_at__isnull=False).values("credential_id")
    return (
        consenting_credentials()
        .filter(candidate__campus_id=body.campus_id)
        .exclude(pk__in=delivered)
        .select_related("candidate")
        .order_by("issued_at", "pk")
    )


def post_credential(endpoint: str, document: dict) -> None:
    """POST the signed credential to the register; any answer but 2xx is a refusal."""
    if not endpoint.startswith(("https://", "http://")):
        raise DeliveryRefused("not a web address")
    request = urllib.request.Request(
        endpoint, data=json.dumps(document, ensure_ascii=False).encode(), method="POST",
        headers={"Content-Type": MEDIA_TYPE, "Accept": "application/json"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # the scheme is checked above
        if not 200 <= response.status < 300:
            raise DeliveryRefused(f"HTTP {response.status}")


@transaction.atomic
def _record(body: RegisteringBody, credential: IssuedCredential, error: str) -> None:
    delivery, _created = CredentialDelivery.objects.select_for_update().get_or_create(credential=credential, body=body)
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.last_error = error[:300]
    if not error:
        delivery.delivered_at = now
        record_event(
            None, "credential.delivered", credential.candidate,
            details={"credential": credential.pk, "registering_body": body.pk},
        )  # fmt: skip
    delivery.save()


def deliver_pending(*, progress=None) -> DeliveryRun:
    """Send everything pending to every active register; each delivery is recorded on its own, so a failure stops
    nothing else. `progress(label, done, total)`."""
    run = DeliveryRun()
    for body in RegisteringBody.objects.filter(active=True).order_by("pk"):
        credentials = list(pending(body))
        for done, credential in enumerate(credentials, start=1):
            try:
                post_credential(body.endpoint, credential.document)
            except (DeliveryRefused, urllib.error.URLError, OSError, ValueError) as error:
                _record(body, credential, str(error) or error.__class__.__name__)
                run.failed += 1
            else:
                _record(body, credential, "")
                run.delivered += 1
            if progress is not None:
                progress(body.name, done, len(credentials))
    return run

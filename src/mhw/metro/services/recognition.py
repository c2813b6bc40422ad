"""Credentials earned on the company route: taking part in a station (recorded present at one of its sessions) and
completing a line (present at every station of it). Issued once per participant, by name and e-mail address, and
mailed to them with the certificate; their skills show in any wallet they add the credential to."""

import json

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from mhw.credentials import services as credentials
from mhw.credentials.certificates import certificate_pdf
from mhw.credentials.models import IssuedCredential
from mhw.metro.models import LineCompletion, Registration


def _mail_credential(credential: IssuedCredential) -> None:
    context = {
        "credential": credential,
        "verify_url": settings.SITE_URL + reverse("verify_issued", args=[credential.public_id]),
    }
    message = EmailMessage(
        subject=_("Your credential: %(achievement)s") % {"achievement": credential.achievement},
        body=render_to_string("metro/email/credential.txt", context),
        to=[credential.recipient_email],
    )
    message.attach("credential.json", json.dumps(credential.document, ensure_ascii=False, indent=2), "application/json")
    message.attach("certificaat.pdf", certificate_pdf(credential), "application/pdf")
    message.send()


def recognise_attendance(actor, registration: Registration) -> list[IssuedCredential]:
    """What being present at this session earns the participant; called within the attendance's transaction."""
    session = registration.session
    station, cluster = session.station, session.station.cluster
    issued = []
    if station.achievement_id and registration.credential_id is None:
        present = _("Recorded present by %(name)s.") % {"name": actor.full_name}
        registration.credential = credentials.issue_to_participant(
            actor, station.achievement, name=registration.name, email=registration.email, campus_id=cluster.campus_id,
            narrative=_("Took part in the station “%(station)s” of %(cluster)s.")
            % {"station": station.name, "cluster": cluster.name},
            evidence=[{"name": str(session), "narrative": present}],
        )  # fmt: skip
        registration.save(update_fields=["credential"])
        issued.append(registration.credential)
    for line in station.lines.filter(achievement__isnull=False).select_related("achievement"):
        if line.completions.filter(email=registration.email).exists():
            continue
        needed = set(line.stops.values_list("station_id", flat=True))
        present = set(
            Registration.objects.filter(email=registration.email, attended=True, session__station__in=needed)
            .values_list("session__station", flat=True)
        )  # fmt: skip
        if present >= needed:
            credential = credentials.issue_to_participant(
                actor, line.achievement, name=registration.name, email=registration.email, campus_id=cluster.campus_id,
                narrative=_("Completed the metro line “%(line)s” of %(cluster)s.")
                % {"line": line.name, "cluster": cluster.name},
                evidence=[{"name": line.name, "narrative": _("Present at all %(n)s stations.") % {"n": len(needed)}}],
            )  # fmt: skip
            LineCompletion.objects.create(
                line=line, email=registration.email, name=registration.name, credential=credential
            )
            issued.append(credential)
    for credential in issued:
        transaction.on_commit(lambda c=credential: _mail_credential(c))
    return issued

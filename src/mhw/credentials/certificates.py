"""The PDF certificate of a credential, made from the same data as the credential, with the QR code of its public
check."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from weasyprint import HTML

from mhw.credentials import services
from mhw.credentials.models import IssuedCredential


def qr(credential: IssuedCredential, scale: int = 3) -> tuple[str, str]:
    """The QR code (inline SVG) of the credential's public check, and its address."""
    link = settings.SITE_URL + reverse("verify_issued", args=[credential.public_id])
    return segno.make(link, error="m").svg_inline(scale=scale, dark="#084c37"), link


def certificate_pdf(credential: IssuedCredential) -> bytes:
    code, link = qr(credential)
    data = services.achievement_data(credential.achievement)
    html = render_to_string(
        "credentials/certificate.html", {"credential": credential, "data": data, "qr": code, "link": link}
    )
    return HTML(string=html).write_pdf()

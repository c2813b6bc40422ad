"""Downloading everything the platform holds about a person (AVG/GDPR right of access): the candidate their own, the
candidate office a candidate of its campus; as JSON for machines and as a PDF for people. Each download is audited."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from mhw.accounts.audit import record_event
from mhw.accounts.decorators import login_required_or_403
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate
from mhw.web import personal_data

FORMATS = ("json", "pdf")


def _download(request, candidate: Candidate, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    record_event(request.user, "candidate.data_exported", candidate, details={"format": fmt})
    name = f"gegevens-{candidate.pk}-{timezone.localdate():%Y%m%d}.{fmt}"
    if fmt == "json":
        response = HttpResponse(personal_data.as_json(candidate), content_type="application/json; charset=utf-8")
    else:
        html = render_to_string(
            "web/personal_data.html",
            {"candidate": candidate, "data": personal_data.collect(candidate), "now": timezone.now()},
        )
        response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required_or_403
def my_data(request, fmt: str):
    candidate = Candidate.objects.filter(user=request.user).first()
    if candidate is None:
        raise Http404
    return _download(request, candidate, fmt)


@login_required_or_403
def candidate_data(request, pk: int, fmt: str):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=pk)
    if not can(request.user, Capability.MANAGE_CANDIDATES, candidate.campus_id):
        raise Http404
    return _download(request, candidate, fmt)

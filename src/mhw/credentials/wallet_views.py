"""The skills wallet pages: the holder's credentials and share links, each credential's download and certificate,
the shared page anyone with the link sees, and campus staff's view of a participant's credentials."""

import io
import json
import zipfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from weasyprint import HTML

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates import services as candidate_services
from mhw.candidates.models import Candidate
from mhw.credentials import baking, certificates, services, wallet
from mhw.credentials.models import IssuedCredential
from mhw.credentials.views import PROBLEMS, VerifyForm


def _own_candidate(request) -> Candidate:
    candidate = Candidate.objects.filter(user=request.user).first()
    if candidate is None:
        raise Http404
    return candidate


class ShareForm(forms.Form):
    credentials = forms.ModelMultipleChoiceField(
        queryset=IssuedCredential.objects.none(), widget=forms.CheckboxSelectMultiple, label=gettext_lazy("Share")
    )
    days = forms.IntegerField(min_value=1, max_value=wallet.MAX_SHARE_DAYS, initial=30, label=gettext_lazy("Days"))
    label = forms.CharField(max_length=120, required=False, label=gettext_lazy("For whom (only you see this)"))

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["credentials"].queryset = candidate.credentials.select_related("achievement")
        self.fields["credentials"].label_from_instance = lambda c: str(c.achievement)


def _held_context(held) -> list[dict]:
    return [{"item": h, "problems": [PROBLEMS[p] for p in h.report.problems]} for h in held]


@login_required
def wallet_page(request):
    candidate = _own_candidate(request)
    adding = request.method == "POST" and request.POST.get("add") == "external"
    add_form = VerifyForm(request.POST if adding else None, request.FILES if adding else None, prefix="external")
    if adding and add_form.is_valid():
        try:
            wallet.add_external(
                request.user, candidate, document=add_form.cleaned_data.get("document"),
                jwt=add_form.cleaned_data.get("jwt", ""),
            )  # fmt: skip
        except wallet.ShareError as error:
            add_form.add_error(None, error.message)
        else:
            messages.success(request, _("The credential verifies and is in your wallet."))
            return redirect("wallet")
    form = ShareForm(None if adding else request.POST or None, candidate=candidate)
    new_link = None
    if request.method == "POST" and not adding and form.is_valid():
        try:
            _share, token = wallet.create_share(
                request.user, candidate, form.cleaned_data["credentials"], days=form.cleaned_data["days"],
                label=form.cleaned_data["label"],
            )  # fmt: skip
        except wallet.ShareError as error:
            form.add_error(None, error.message)
        else:
            new_link = settings.SITE_URL + reverse("shared", args=[token])
            form = ShareForm(candidate=candidate)
    context = {
        "candidate": candidate,
        "held": _held_context(wallet.held(candidate)),
        "areas": wallet.skills_by_area(candidate),
        "shares": candidate.credential_shares.prefetch_related("credentials__achievement"),
        "form": form,
        "new_link": new_link,
        "added": [
            {"external": external, "report": report, "problems": [PROBLEMS[p] for p in report.problems]}
            for external, report in wallet.added(candidate)
        ],
        "add_form": add_form,
        "automatic": wallet.automatic_sharing(candidate),
    }
    return render(request, "credentials/wallet.html", context)


@login_required
def wallet_export(request):
    """The whole wallet as one ZIP: each credential as JSON (with its proof) and as VC-JWT."""
    candidate = _own_candidate(request)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for credential in candidate.credentials.all():
            archive.writestr(
                f"{credential.public_id}.json", json.dumps(credential.document, ensure_ascii=False, indent=2)
            )
            archive.writestr(f"{credential.public_id}.jwt", credential.jwt)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="skills-wallet.zip"'
    return response


@login_required
def wallet_overview(request):
    """All the holder's credentials in one PDF, each with its status now and the QR code of its public check."""
    candidate = _own_candidate(request)
    entries = [
        {"credential": h.credential, "report": h.report, "problems": [PROBLEMS[p] for p in h.report.problems],
         "qr": certificates.qr(h.credential, scale=2)[0]}
        for h in wallet.held(candidate)
    ]  # fmt: skip
    html = render_to_string(
        "credentials/overview.html", {"candidate": candidate, "entries": entries, "today": timezone.localdate()}
    )
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="credentials-overzicht.pdf"'
    return response


@require_POST
@login_required
def share_revoke(request, pk: int):
    candidate = _own_candidate(request)
    share = get_object_or_404(candidate.credential_shares, pk=pk)
    wallet.revoke_share(request.user, share)
    messages.success(request, _("The link no longer works."))
    return redirect("wallet")


def _visible_credential(request, public_id) -> IssuedCredential:
    credential = get_object_or_404(
        IssuedCredential.objects.visible_to(request.user).select_related("achievement", "candidate"),
        public_id=public_id,
    )
    if credential.candidate.user_id != request.user.pk:
        candidate_services.open_candidate_record(request.user, credential.candidate)
    return credential


@login_required
def credential_badge_png(request, public_id):
    credential = _visible_credential(request, public_id)
    baked = baking.bake_png(baking.badge_png(credential.pk), jwt=credential.jwt)
    response = HttpResponse(baked, content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="badge-{credential.public_id}.png"'
    return response


def _json_attachment(credential: IssuedCredential) -> HttpResponse:
    response = HttpResponse(
        json.dumps(credential.document, ensure_ascii=False, indent=2), content_type="application/vc+ld+json"
    )
    response["Content-Disposition"] = f'attachment; filename="credential-{credential.public_id}.json"'
    return response


@login_required
def credential_download(request, public_id):
    return _json_attachment(_visible_credential(request, public_id))


@login_required
def credential_download_jwt(request, public_id):
    credential = _visible_credential(request, public_id)
    response = HttpResponse(credential.jwt, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="credential-{credential.public_id}.jwt"'
    return response


@login_required
def credential_badge(request, public_id):
    """The badge picture with the credential baked in: the image itself can be checked."""
    credential = _visible_credential(request, public_id)
    picture = baking.badge_svg(str(credential.achievement), credential.document["issuer"]["name"], credential.pk)
    response = HttpResponse(baking.bake(picture, credential=credential.document), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="badge-{credential.public_id}.svg"'
    return response


@login_required
def credential_certificate(request, public_id):
    credential = _visible_credential(request, public_id)
    response = HttpResponse(certificates.certificate_pdf(credential), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{credential.public_id}.pdf"'
    return response


def shared(request, token: str):
    """What anyone with a share link sees: the shared credentials, each verified now."""
    share = wallet.open_share(token)
    if share is None:
        return render(request, "credentials/share_closed.html", status=410)
    held = [
        wallet.HeldCredential(c, services.verify(c.document)) for c in share.credentials.select_related("achievement")
    ]
    return render(request, "credentials/shared.html", {"share": share, "held": _held_context(held), "token": token})


def shared_download(request, token: str, public_id):
    share = wallet.open_share(token)
    if share is None:
        return render(request, "credentials/share_closed.html", status=410)
    return _json_attachment(get_object_or_404(share.credentials, public_id=public_id))


def verify_issued(request, public_id):
    """The verification of one credential of this platform, where a certificate's QR code leads: no name shown."""
    credential = get_object_or_404(IssuedCredential.objects.select_related("achievement"), public_id=public_id)
    report = services.verify(credential.document)
    context = {"report": report, "problems": [PROBLEMS[p] for p in report.problems], "form": None}
    return render(request, "credentials/verify.html", context)


@capability_required(Capability.VIEW_CANDIDATES)
def candidate_credentials(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=pk)
    candidate_services.open_candidate_record(request.user, candidate)
    context = {
        "candidate": candidate,
        "held": _held_context(wallet.held(candidate)),
        "may_revoke": can(request.user, Capability.RECORD_TRAINING, candidate.campus_id),
    }
    return render(request, "credentials/candidate_credentials.html", context)


@require_POST
@capability_required(Capability.RECORD_TRAINING)
def credential_suspend(request, public_id):
    """Suspend a credential for now (e.g. while a complaint is looked into), or reinstate it."""
    credential = get_object_or_404(IssuedCredential.objects.visible_to(request.user), public_id=public_id)
    suspend = request.POST.get("suspend") == "1"
    try:
        services.set_suspended(request.user, credential, suspended=suspend)
    except services.CredentialError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The credential is suspended.") if suspend else _("The credential is valid again."))
    return redirect("candidate_credentials", pk=credential.candidate_id)


@require_POST
@capability_required(Capability.RECORD_TRAINING)
def credential_revoke(request, public_id):
    credential = get_object_or_404(IssuedCredential.objects.visible_to(request.user), public_id=public_id)
    try:
        services.revoke(request.user, credential, reason=request.POST.get("reason", ""))
    except services.CredentialError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The credential is revoked; verifiers see it at once."))
    return redirect("candidate_credentials", pk=credential.candidate_id)

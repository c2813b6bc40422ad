"""Public pages of credentials: what an achievement means, the issuers' status lists, and the verification page
where anyone can check a credential."""

import json

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control

from mhw.credentials import baking, didweb, jose, ob2, services, signing, statuslist
from mhw.credentials.models import Achievement, IssuedCredential, IssuerKey

MAX_UPLOAD = 512 * 1024

PROBLEMS = {
    "no_proof": gettext_lazy("The credential carries no proof: anyone could have written it."),
    "unsupported_proof": gettext_lazy("The proof is of a kind this platform does not check (only eddsa-rdfc-2022)."),
    "unknown_key": gettext_lazy(
        "The key that signed it cannot be found: only did:key, and the did:web issuers of this platform, are checked."
    ),
    "unknown_context": gettext_lazy("The credential uses a vocabulary (JSON-LD context) this platform does not know."),
    "malformed": gettext_lazy("The credential is not well formed: its proof or its data cannot be read."),
    "bad_signature": gettext_lazy(
        "The signature does not match: the credential was changed after it was signed, or signed by another key."
    ),
    "issuer_mismatch": gettext_lazy(
        "The signature holds, but it was made with the key of someone else than the issuer the credential names."
    ),
    "bad_dates": gettext_lazy("Its validity dates cannot be read."),
    "not_yet_valid": gettext_lazy("The credential is not valid yet."),
    "expired": gettext_lazy("The credential has expired."),
    "revoked": gettext_lazy("The issuer has revoked the credential."),
    "suspended": gettext_lazy("The issuer has suspended the credential for now."),
}


class VerifyForm(forms.Form):
    credential = forms.CharField(
        label=gettext_lazy("Credential (JSON or VC-JWT)"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    upload = forms.FileField(label=gettext_lazy("or upload the file (JSON, VC-JWT or baked image)"), required=False)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is not None and upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is too large for a credential (at most 512 kB)."))
        raw = upload.read() if upload is not None else b""
        text = raw.decode("utf-8", errors="replace") if upload is not None else cleaned.get("credential")
        if not (text or "").strip():
            raise forms.ValidationError(_("Paste a credential or upload its file."))
        if raw.startswith(baking.PNG_SIGNATURE) or "<svg" in text[:2000]:
            baked = baking.unbake_png(raw) if raw.startswith(baking.PNG_SIGNATURE) else baking.unbake(text)
            if baked is None:
                raise forms.ValidationError(_("This image carries no credential."))
            if isinstance(baked, str):
                cleaned["jwt"] = baked
            else:
                cleaned["document"] = baked
            return cleaned
        if jose.looks_like_jwt(text):
            cleaned["jwt"] = text.strip()
            return cleaned
        try:
            document = json.loads(text)
        except ValueError as error:
            raise forms.ValidationError(_("This is not JSON: %(error)s") % {"error": error}) from error
        if not isinstance(document, dict):
            raise forms.ValidationError(_("A credential is a JSON object ({ … })."))
        cleaned["document"] = document
        return cleaned


def verify_page(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        jwt = form.cleaned_data.get("jwt")
        report = services.verify_jwt(jwt) if jwt else services.verify(form.cleaned_data["document"])
    context = {
        "form": form,
        "report": report,
        "problems": [PROBLEMS[p] for p in report.problems] if report else [],
    }
    return render(request, "credentials/verify.html", context)


def achievement_public(request, public_id):
    achievement = get_object_or_404(
        Achievement.objects.select_related("campus", "organisation", "rubric"), public_id=public_id
    )
    data = services.achievement_data(achievement, request.LANGUAGE_CODE)
    return render(request, "credentials/achievement_public.html", {"achievement": achievement, "data": data})


def _issuer_url(achievement: Achievement) -> str:
    if achievement.campus_id:
        return settings.SITE_URL + reverse("issuer_ob2", args=["campus", achievement.campus_id])
    return settings.SITE_URL + reverse("issuer_ob2", args=["organisation", achievement.organisation_id])


def _achievement_ob2_urls(achievement: Achievement) -> dict:
    return {
        "url": settings.SITE_URL + reverse("achievement_ob2", args=[achievement.public_id]),
        "image_url": settings.SITE_URL + reverse("achievement_image", args=[achievement.public_id]),
        "issuer_url": _issuer_url(achievement),
    }


def issuer_ob2(request, kind: str, pk: int):
    """An issuer's Open Badges 2.0 profile: a campus, or a provider that has achievements."""
    if kind == "campus":
        achievement = Achievement.objects.filter(campus_id=pk).select_related("campus").first()
    elif kind == "organisation":
        achievement = Achievement.objects.filter(organisation_id=pk).select_related("organisation").first()
    else:
        achievement = None
    if achievement is None:
        raise Http404
    document = ob2.issuer_profile(services.issuer_data(achievement), _issuer_url(achievement))
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})


def achievement_ob2(request, public_id):
    """The achievement as an Open Badges 2.0 BadgeClass, hosted where edubadges and older backpacks look."""
    achievement = get_object_or_404(Achievement.objects.select_related("campus", "organisation"), public_id=public_id)
    document = ob2.badge_class(
        services.achievement_data(achievement), services.issuer_data(achievement), **_achievement_ob2_urls(achievement)
    )
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})


def achievement_image(request, public_id):
    achievement = get_object_or_404(Achievement.objects.select_related("campus", "organisation"), public_id=public_id)
    issuer = achievement.campus or achievement.organisation
    return HttpResponse(baking.badge_svg(str(achievement), issuer.name, achievement.pk), content_type="image/svg+xml")


def credential_ob2(request, public_id):
    """A credential as an Open Badges 2.0 hosted Assertion; a revoked one says so."""
    credential = get_object_or_404(
        IssuedCredential.objects.select_related("achievement", "candidate"), public_id=public_id
    )
    identifier = credential.document["credentialSubject"]["identifier"][0]
    document = ob2.assertion(
        url=settings.SITE_URL + reverse("credential_ob2", args=[credential.public_id]),
        badge_url=settings.SITE_URL + reverse("achievement_ob2", args=[credential.achievement.public_id]),
        email=credential.holder_email, salt=identifier["salt"],
        issued_on=credential.document["validFrom"], expires=credential.document.get("validUntil", ""),
        narrative=credential.document["credentialSubject"].get("narrative", ""),
        revoked_reason=credential.revocation_reason if credential.revoked_at else None,
    )  # fmt: skip
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})


@cache_control(max_age=300, public=True)
def status_list(request, public_key: str, purpose: str):
    """The signed BitstringStatusListCredential of one key and purpose, for any verifier."""
    if purpose not in services.PURPOSES:
        raise Http404
    key = get_object_or_404(IssuerKey, public_key=public_key)
    field = "revoked_at" if purpose == "revocation" else "suspended_at"
    indexes = set(key.credentials.filter(**{f"{field}__isnull": False}).values_list("status_index", flat=True))
    now = services.iso_moment(timezone.now())
    document = statuslist.status_list_document(
        url=services.status_list_url(key, purpose),
        issuer=services.issuer_did(key),
        purpose=purpose,
        indexes=indexes,
        valid_from=now,
    )
    signed = signing.sign(
        document, services.secret_of(key), verification_method=services.signing_method(key), created=now
    )
    return JsonResponse(signed, json_dumps_params={"ensure_ascii": False})


def issuer_did_document(request, kind: str, pk: int):
    """The DID document of an issuer's did:web: every key it signed with, retired ones too, so that what they signed
    stays verifiable."""
    if kind not in ("campus", "organisation"):
        raise Http404
    issuer_keys = IssuerKey.objects.filter(**{f"{kind}_id": pk}).order_by("created_at", "pk")
    if not issuer_keys:
        raise Http404
    did = services.issuer_web_did(issuer_keys[0])
    document = didweb.did_document(did, [key.public_key for key in issuer_keys])
    return JsonResponse(document, content_type="application/did+json")

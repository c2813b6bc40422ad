"""The public verification API: anyone posts a credential (JSON with its proof, or a VC-JWT) and gets the same report
as the verification page. Nothing posted is stored."""

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from mhw.accounts.api import Error
from mhw.credentials import services
from mhw.credentials.views import PROBLEMS

router = Router(tags=["credentials"])


class VerifyIn(Schema):
    credential: dict | None = Field(None, description="An Open Badges 3.0 credential with its Data Integrity proof.")
    jwt: str | None = Field(None, description="Or the credential as VC-JWT.")


class Problem(Schema):
    code: str = Field(
        ..., description="no_proof, unsupported_proof, unknown_key, unknown_context, malformed, bad_signature, "
        "issuer_mismatch, bad_dates, not_yet_valid, expired, revoked or suspended.",
    )  # fmt: skip
    message: str


class AlignedSkill(Schema):
    name: str
    code: str
    framework: str
    url: str


class VerifyOut(Schema):
    valid: bool
    problems: list[Problem]
    issuer_id: str
    issuer_name: str
    known_issuer: str = Field(..., description="The platform issuer whose key signed it, if any.")
    achievement: str
    valid_from: str
    valid_until: str
    revocation_reason: str
    status_unknown: str = Field(
        ..., description="Why the status list of a credential from elsewhere could not be read; empty when it was."
    )
    signed_by: str = Field(..., description="The verification method whose key made the signature.")
    skills: list[AlignedSkill]


@router.post(
    "/credentials/verify",
    response={200: VerifyOut, 422: Error},
    auth=None,
    summary="Verify a credential: signature, issuer, dates, revocation, and the skills it proves",
)
def verify_credential(request, payload: VerifyIn):
    if (payload.credential is None) == (not payload.jwt):
        return Status(422, {"detail": _("Send either the credential or its VC-JWT.")})
    report = services.verify_jwt(payload.jwt) if payload.jwt else services.verify(payload.credential)
    summary = report.summary
    skills = [{"name": a.name, "code": a.code, "framework": a.framework, "url": a.url} for a in summary.alignments]
    return {
        "valid": report.valid,
        "problems": [{"code": p, "message": str(PROBLEMS[p])} for p in report.problems],
        "issuer_id": summary.issuer_id, "issuer_name": summary.issuer_name, "known_issuer": report.known_issuer,
        "achievement": summary.achievement, "valid_from": summary.valid_from, "valid_until": summary.valid_until,
        "revocation_reason": report.revocation_reason, "status_unknown": report.status_unknown,
        "signed_by": report.signature.verification_method,
        "skills": skills,
    }  # fmt: skip

"""The participant's skills wallet: their credentials by catalogue area, share links they control, and the
certificate of each credential."""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mhw.accounts.audit import record_event
from mhw.candidates.models.consent import ConsentScope
from mhw.credentials import services
from mhw.credentials.models import CredentialShare, ExternalCredential, IssuedCredential, RegisteringBody

MAX_SHARE_DAYS = 365


class ShareError(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class HeldCredential:
    credential: IssuedCredential
    report: services.VerificationReport


def held(candidate) -> list[HeldCredential]:
    """The candidate's credentials, newest first, each with what a verifier would say of it now."""
    credentials = candidate.credentials.select_related("achievement", "key")
    return [HeldCredential(c, services.verify(c.document)) for c in credentials]


@dataclass(frozen=True)
class AutomaticSharing:
    """Who receives the participant's credentials without a link, and whether the consent that allows it is in force."""

    companies: list[str]  # companies the participant is matched with (declarations of intent)
    companies_consent: bool
    registers: list[tuple[RegisteringBody, int]]  # active registers of the campus, with what they received
    registers_consent: bool


def automatic_sharing(candidate) -> AutomaticSharing:
    in_force = set(
        candidate.consents.filter(withdrawn_at__isnull=True).values_list("text__scope", flat=True)
    )  # fmt: skip
    registers = [
        (body, body.deliveries.filter(credential__candidate=candidate, delivered_at__isnull=False).count())
        for body in RegisteringBody.objects.filter(campus_id=candidate.campus_id, active=True)
    ]
    return AutomaticSharing(
        companies=sorted({d.company.name for d in candidate.declarations.select_related("company")}),
        companies_consent=ConsentScope.SHARE_WITH_COMPANIES in in_force,
        registers=registers,
        registers_consent=ConsentScope.SHARE_WITH_REGISTERS in in_force,
    )


@dataclass(frozen=True)
class Area:
    """One catalogue area (a learning outcome unit) in the wallet: what the valid credentials prove of it."""

    name: str
    proven: list[tuple[str, str]]  # (outcome, the credential proving it)
    total: int  # outcomes the area has

    @property
    def percent(self) -> int:
        return round(100 * len(self.proven) / self.total) if self.total else 0


def skills_by_area(candidate) -> list[Area]:
    """Per catalogue area, the outcomes the candidate's valid credentials prove, by which, out of the area's total."""
    areas: dict = {}
    for item in held(candidate):
        if not item.report.valid:
            continue
        achievement = str(item.credential.achievement)
        for outcome in item.credential.achievement.outcomes.select_related("version"):
            proven = areas.setdefault(outcome.version, {})
            proven[f"{outcome.code} {outcome.text}"] = achievement
    return sorted(
        (Area(str(version), sorted(proven.items()), version.items.count()) for version, proven in areas.items()),
        key=lambda area: area.name,
    )


def added(candidate) -> list[tuple[ExternalCredential, services.VerificationReport]]:
    """The credentials from elsewhere in the wallet, each checked now."""
    return [
        (e, services.verify_jwt(e.jwt) if e.jwt else services.verify(e.document or {}))
        for e in candidate.external_credentials.all()
    ]


@transaction.atomic
def add_external(actor, candidate, *, document: dict | None = None, jwt: str = "") -> ExternalCredential:
    """Add a credential from elsewhere to the holder's wallet; only one that verifies now is accepted."""
    _holder(actor, candidate)
    report = services.verify_jwt(jwt) if jwt else services.verify(document or {})
    if not report.valid:
        raise ShareError(_("This credential does not verify, so it cannot be added; the check says why."))
    external = ExternalCredential.objects.create(candidate=candidate, document=None if jwt else document, jwt=jwt)
    record_event(actor, "credential.external_added", candidate, details={"external": external.pk})
    return external


def _holder(actor, candidate) -> None:
    if candidate.user_id is None or candidate.user_id != actor.pk:
        raise ShareError(_("Only the holder shares their credentials."))


@transaction.atomic
def create_share(actor, candidate, credentials, *, days: int, label: str = "") -> tuple[CredentialShare, str]:
    """A share link for some of the holder's credentials; returns the link's token, shown this once."""
    _holder(actor, candidate)
    credentials = list(credentials)
    if not credentials or any(c.candidate_id != candidate.pk for c in credentials):
        raise ShareError(_("Choose one or more of your own credentials."))
    if not 1 <= days <= MAX_SHARE_DAYS:
        raise ShareError(_("A link is valid for 1 to 365 days."))
    token = secrets.token_urlsafe(24)
    share = CredentialShare.objects.create(
        candidate=candidate, token_hash=_hash(token), label=label.strip(),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )  # fmt: skip
    share.credentials.set(credentials)
    record_event(actor, "credential.shared", candidate, details={"share": share.pk, "count": len(credentials)})
    return share, token


@transaction.atomic
def revoke_share(actor, share: CredentialShare) -> None:
    _holder(actor, share.candidate)
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])
        record_event(actor, "credential.share_revoked", share.candidate, details={"share": share.pk})


def open_share(token: str) -> CredentialShare | None:
    """The share behind a link while it is open; None when unknown, expired or revoked."""
    return CredentialShare.objects.open().select_related("candidate").filter(token_hash=_hash(token)).first()

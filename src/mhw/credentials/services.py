"""Use cases of credentials: the issuer's key, issuing a signed Open Badges 3.0 credential to a participant,
revoking and suspending it, and verifying any credential someone hands in."""

import datetime
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from mhw.accounts.audit import record_event
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.credentials import didweb, foreign_status, jose, keys, openbadges, sealing, signing
from mhw.credentials.models import Achievement, IssuedCredential, IssuerKey

PURPOSES = ("revocation", "suspension")


class CredentialError(ValueError):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _issuer_filter(achievement: Achievement) -> dict:
    if achievement.campus_id:
        return {"campus_id": achievement.campus_id, "organisation": None}
    return {"campus": None, "organisation_id": achievement.organisation_id}


def active_key(achievement: Achievement) -> IssuerKey:
    """The signing key of the achievement's issuer, made on first use."""
    where = _issuer_filter(achievement)
    key = IssuerKey.objects.filter(retired_at__isnull=True, **where).first()
    if key is not None:
        return key
    secret = keys.new_secret()
    try:
        with transaction.atomic():
            return IssuerKey.objects.create(
                public_key=keys.public_multikey(keys.public_bytes(secret)),
                sealed_secret=sealing.seal(secret, settings.CREDENTIAL_KEY),
                **{k: v for k, v in where.items() if v is not None},
            )
    except IntegrityError:  # made by a concurrent request meanwhile: use that one
        return IssuerKey.objects.get(retired_at__isnull=True, **where)


def issuer_campus_id(issuer) -> int:
    """The campus of an achievement or key's issuer (the campus itself, or the provider's campus)."""
    return issuer.campus_id or issuer.organisation.campus_id


@transaction.atomic
def save_achievement(actor, achievement: Achievement, outcomes) -> Achievement:
    """Define or change an achievement; credentials already issued keep the text they were signed with."""
    if not can(actor, Capability.MANAGE_CREDENTIALS, issuer_campus_id(achievement)):
        raise CredentialError(_("Your role does not allow defining achievements."))
    created = achievement.pk is None
    achievement.save()
    achievement.outcomes.set(outcomes)
    action = "credential.achievement_defined" if created else "credential.achievement_changed"
    record_event(
        actor, action, achievement, campus_id=issuer_campus_id(achievement), details={"achievement": achievement.pk}
    )
    return achievement


@transaction.atomic
def save_registering_body(actor, body) -> None:
    """Add or change a register the campus delivers credentials to (for participants who consented)."""
    if not can(actor, Capability.MANAGE_CREDENTIALS, body.campus_id):
        raise CredentialError(_("Your role does not allow managing registering bodies."))
    action = "credential.register_added" if body.pk is None else "credential.register_changed"
    body.save()
    record_event(actor, action, body, details={"registering_body": body.pk, "active": body.active})


@transaction.atomic
def rotate_key(actor, key: IssuerKey) -> None:
    """Retire an issuer's key: it signs nothing new (the next credential makes a new key); what it signed stays
    verifiable and revocable, and its status lists stay published."""
    if not can(actor, Capability.MANAGE_CREDENTIALS, issuer_campus_id(key)):
        raise CredentialError(_("Your role does not allow managing issuer keys."))
    key = IssuerKey.objects.select_for_update().get(pk=key.pk)
    if key.retired_at is None:
        key.retired_at = timezone.now()
        key.save(update_fields=["retired_at"])
        record_event(
            actor, "credential.key_retired", key, campus_id=issuer_campus_id(key), details={"key": key.public_key}
        )


def secret_of(key: IssuerKey) -> bytes:
    """The key's secret, unsealed for one signature; never stored or shown in clear."""
    return sealing.unseal(key.sealed_secret, settings.CREDENTIAL_KEY)


def issuer_ref(issuer) -> tuple[str, str]:
    """How the platform's addresses name the issuer of a key or achievement: ("campus", id) or ("organisation", id)."""
    return ("campus", str(issuer.campus_id)) if issuer.campus_id else ("organisation", str(issuer.organisation_id))


def issuer_web_did(issuer) -> str:
    return didweb.did_for(settings.SITE_URL, "issuers", *issuer_ref(issuer))


def issuer_did(key: IssuerKey) -> str:
    """The issuer's identifier in what `key` signs: its did:key, or in production the issuer's did:web."""
    return issuer_web_did(key) if settings.CREDENTIAL_ISSUER_DID == "web" else key.did


def signing_method(key: IssuerKey) -> str:
    """The verification method proofs signed with `key` name."""
    if settings.CREDENTIAL_ISSUER_DID == "web":
        return f"{issuer_web_did(key)}#{key.public_key}"
    return key.verification_method


def platform_key(method: str) -> IssuerKey | None:
    """The platform's key a verification method names, by did:key or by one of the platform's did:web issuers."""
    did, _hash, fragment = method.partition("#")
    if did.startswith("did:key:"):
        return IssuerKey.objects.filter(public_key=did.removeprefix("did:key:")).first()
    if did.startswith("did:web:") and fragment:
        key = IssuerKey.objects.filter(public_key=fragment).first()
        if key is not None and issuer_web_did(key) == did:
            return key
    return None


def resolve_method(method: str) -> bytes:
    """The public key of a verification method: a did:key from itself, a did:web of this platform's issuers from the
    keys it publishes. Other did:web documents are not fetched: verification never depends on the network."""
    if method.startswith("did:web:"):
        key = platform_key(method)
        if key is None:
            raise ValueError("not a key this platform publishes")
        return keys.public_from_multikey(key.public_key)
    return keys.public_from_verification_method(method)


def status_list_url(key: IssuerKey, purpose: str) -> str:
    return settings.SITE_URL + reverse("credential_status_list", args=[key.public_key, purpose])


def iso_moment(moment: datetime.datetime) -> str:
    """The moment in UTC to the second, as credentials write it: 2026-11-29T10:00:00Z."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_data(achievement: Achievement, issuer_id: str = "") -> openbadges.IssuerData:
    """Who issues the achievement, as credentials (Open Badges 3.0 and 2.0) describe them: the campus with its
    contact address, or the provider with its website."""
    if achievement.campus_id:
        campus = achievement.campus
        return openbadges.IssuerData(issuer_id, campus.name, settings.SITE_URL, campus.contact_email)
    provider = achievement.organisation
    return openbadges.IssuerData(issuer_id, provider.name, provider.website or settings.SITE_URL)


def achievement_data(achievement: Achievement, language: str = "nl") -> openbadges.AchievementData:
    english = language == "en"
    alignments = []
    for item in achievement.outcomes.select_related("version__ulo").prefetch_related("links"):
        alignments.append(
            openbadges.Alignment(
                name=item.text_in(language), code=item.code,
                url=settings.SITE_URL + reverse("catalogue") + f"?q={item.code}",
            )
        )  # fmt: skip
        alignments.extend(
            openbadges.Alignment(
                name=link.preferred_label, code=link.concept_uri, url=link.concept_uri, framework="ESCO",
                kind="ceterms:Skill",
            )
            for link in item.links.all()
            if link.scheme == "esco" and link.concept_uri.startswith("http")
        )  # fmt: skip
    if achievement.nlqf_level:
        alignments.append(
            openbadges.Alignment(
                name=f"NLQF {achievement.nlqf_level}", code=str(achievement.nlqf_level), url="https://www.nlqf.nl/",
                framework="NLQF", kind="ext:NLQF",
            )
        )  # fmt: skip
    return openbadges.AchievementData(
        id=settings.SITE_URL + reverse("achievement_public", args=[achievement.public_id]),
        name=achievement.name_en if english else achievement.name_nl,
        description=achievement.description_en if english else achievement.description_nl,
        criteria=achievement.criteria_en if english else achievement.criteria_nl,
        alignments=alignments,
        achievement_type=achievement.kind,
        image_url=settings.SITE_URL + reverse("achievement_image", args=[achievement.public_id]),
        ects=float(achievement.ects) if achievement.ects is not None else None,
        language=language,
    )


def issue(actor, achievement: Achievement, candidate, *, narrative: str = "", evidence=()) -> IssuedCredential:
    """Sign and store an OpenBadgeCredential for the candidate. `evidence`: dicts with name, narrative, id (a URL)."""
    if not can(actor, Capability.RECORD_TRAINING, candidate.campus_id):
        raise CredentialError(_("Your role does not allow issuing credentials."))
    return issue_earned(actor, achievement, candidate, narrative=narrative, evidence=evidence)


@transaction.atomic
def issue_earned(actor, achievement: Achievement, candidate, *, narrative: str = "", evidence=()) -> IssuedCredential:
    """Issue an achievement earned by a fact the actor was allowed to record (a module completed): the right to
    record the fact is the right to issue what it earns. Callers check that right."""
    if issuer_campus_id(achievement) != candidate.campus_id:
        raise CredentialError(_("This achievement belongs to another campus."))
    credential = _sign_and_store(
        actor, achievement, IssuedCredential(candidate=candidate), candidate.email, narrative=narrative,
        evidence=evidence,
    )  # fmt: skip
    record_event(actor, "credential.issued", candidate, details={"credential": credential.pk})
    return credential


@transaction.atomic
def issue_to_participant(
    actor, achievement: Achievement, *, name: str, email: str, campus_id: int, narrative: str = "", evidence=()
) -> IssuedCredential:
    """Issue to someone who is not a candidate, such as a company's employee on a metro line, by name and e-mail
    address; earned, like `issue_earned`, by a fact the actor was allowed to record at `campus_id`."""
    if issuer_campus_id(achievement) != campus_id:
        raise CredentialError(_("This achievement belongs to another campus."))
    holder = IssuedCredential(recipient_name=name, recipient_email=email.lower())
    credential = _sign_and_store(actor, achievement, holder, email.lower(), narrative=narrative, evidence=evidence)
    record_event(actor, "credential.issued", achievement, campus_id=campus_id, details={"credential": credential.pk})
    return credential


def _sign_and_store(actor, achievement, credential: IssuedCredential, email: str, *, narrative, evidence):
    key = IssuerKey.objects.select_for_update().get(pk=active_key(achievement).pk)
    index = (key.credentials.aggregate(top=Max("status_index"))["top"] or 0) + 1
    issued_at = timezone.now()
    valid_until = (
        issued_at + datetime.timedelta(days=round(30.44 * achievement.valid_months))
        if achievement.valid_months else None
    )  # fmt: skip
    credential.achievement, credential.key, credential.status_index = achievement, key, index
    credential.issued_at, credential.valid_until, credential.issued_by = issued_at, valid_until, actor
    document = openbadges.credential_document(
        credential_id=f"urn:uuid:{credential.public_id}",
        achievement=achievement_data(achievement),
        issuer=issuer_data(achievement, issuer_did(key)),
        recipient=openbadges.RecipientData(email, secrets.token_hex(8)),
        valid_from=iso_moment(issued_at),
        valid_until=iso_moment(valid_until) if valid_until else "",
        narrative=narrative,
        evidence=list(evidence),
        statuses=[openbadges.StatusEntry(status_list_url(key, p), index, p) for p in PURPOSES],
    )  # fmt: skip
    secret = secret_of(key)
    credential.document = signing.sign(
        document, secret, verification_method=signing_method(key), created=iso_moment(issued_at)
    )
    credential.jwt = jose.encode(document, secret, kid=signing_method(key))
    credential.save()
    return credential


def _holder_campus_id(credential: IssuedCredential) -> int:
    return credential.candidate.campus_id if credential.candidate_id else issuer_campus_id(credential.achievement)


def _audit_holder(actor, action: str, credential: IssuedCredential) -> None:
    target = credential.candidate if credential.candidate_id else credential.achievement
    record_event(actor, action, target, campus_id=_holder_campus_id(credential), details={"credential": credential.pk})


@transaction.atomic
def revoke(actor, credential: IssuedCredential, *, reason: str) -> None:
    """Revoke for good, with a reason the holder and verifiers see."""
    if not can(actor, Capability.RECORD_TRAINING, _holder_campus_id(credential)):
        raise CredentialError(_("Your role does not allow revoking credentials."))
    if not reason.strip():
        raise CredentialError(_("Say why the credential is revoked."))
    credential = IssuedCredential.objects.select_for_update().get(pk=credential.pk)
    if credential.revoked_at is None:
        credential.revoked_at, credential.revocation_reason = timezone.now(), reason.strip()
        credential.save(update_fields=["revoked_at", "revocation_reason"])
        _audit_holder(actor, "credential.revoked", credential)


@transaction.atomic
def set_suspended(actor, credential: IssuedCredential, *, suspended: bool) -> None:
    if not can(actor, Capability.RECORD_TRAINING, _holder_campus_id(credential)):
        raise CredentialError(_("Your role does not allow suspending credentials."))
    credential = IssuedCredential.objects.select_for_update().get(pk=credential.pk)
    credential.suspended_at = timezone.now() if suspended else None
    credential.save(update_fields=["suspended_at"])
    action = "credential.suspended" if suspended else "credential.reinstated"
    _audit_holder(actor, action, credential)


@dataclass
class VerificationReport:
    """What the verification page says about a credential: each check, and the facts read from it."""

    signature: signing.ProofCheck
    summary: openbadges.CredentialSummary
    problems: list[str] = field(default_factory=list)  # codes, see `PROBLEMS` in views
    status_unknown: str = ""  # why a status list from elsewhere could not be read, if it could not
    known_issuer: str = ""  # the platform issuer whose key signed it, if any
    revocation_reason: str = ""

    @property
    def valid(self) -> bool:
        return not self.problems


def _moment(value: str) -> datetime.datetime | None:
    try:
        moment = parse_datetime(value) if value else None
    except ValueError:
        return None
    return moment if moment is None or moment.tzinfo else timezone.make_aware(moment, datetime.UTC)


def _check_foreign_status(report: VerificationReport) -> None:
    """Revocation and suspension of a credential from elsewhere, read from its issuer's published status lists."""
    for entry in report.summary.statuses:
        try:
            problem = foreign_status.problem_for(entry, report.summary.issuer_id, resolve_method)
        except foreign_status.StatusUnavailable as error:
            report.status_unknown = str(error.message)
            continue
        if problem and problem not in report.problems:
            report.problems.append(problem)


def verify_jwt(token: str, *, now: datetime.datetime | None = None) -> VerificationReport:
    """Check a credential handed in as VC-JWT: the JWS instead of a Data Integrity proof, the rest the same."""
    document, check = jose.decode(token, resolve_method)
    return verify(document, now=now, check=check)


def verify(
    document: dict, *, now: datetime.datetime | None = None, check: signing.ProofCheck | None = None
) -> VerificationReport:
    """Check a credential: signature (its Data Integrity proof, unless `check` comes from a JWS), validity dates,
    and revocation or suspension by a platform issuer."""
    now = now or timezone.now()
    check = check or signing.verify(document, resolve_method)
    summary = openbadges.summary(document)
    report = VerificationReport(check, summary)
    if not check.valid:
        report.problems.append(check.problem)
    elif summary.issuer_id.startswith("did:") and check.verification_method.partition("#")[0] != summary.issuer_id:
        report.problems.append("issuer_mismatch")  # signed, but by another DID than the issuer it names
    valid_from, valid_until = _moment(summary.valid_from), _moment(summary.valid_until)
    if (summary.valid_from and valid_from is None) or (summary.valid_until and valid_until is None):
        report.problems.append("bad_dates")
    if valid_from and valid_from > now:
        report.problems.append("not_yet_valid")
    if valid_until and valid_until < now:
        report.problems.append("expired")
    key = platform_key(check.verification_method) if check.valid else None
    if key is None and check.valid:
        _check_foreign_status(report)
    if key is not None:
        report.known_issuer = str(key.campus or key.organisation)
        indexes = {s.index for s in summary.statuses if s.list_url.startswith(settings.SITE_URL)}
        issued = key.credentials.filter(status_index__in=indexes).first()
        if issued is not None and issued.revoked_at:
            report.problems.append("revoked")
            report.revocation_reason = issued.revocation_reason
        elif issued is not None and issued.suspended_at:
            report.problems.append("suspended")
    return report

"""Credentials: issuers' signing keys, achievements (badge classes) aligned to the catalogue, and the credentials
issued to participants, with their revocation and suspension."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate
from mhw.credentials import keys

ONE_ISSUER = Q(campus__isnull=False, organisation__isnull=True) | Q(campus__isnull=True, organisation__isnull=False)


class IssuerKey(models.Model):
    """An issuer's Ed25519 key: a campus or a provider signs with it. The secret is sealed (`sealing`) and never
    shown; a retired key signs nothing new, and what it signed stays verifiable."""

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    public_key = models.CharField(_("public key"), max_length=60, unique=True)  # Multikey, z6Mk…
    sealed_secret = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=ONE_ISSUER, name="issuer_key_one_issuer"),
            models.UniqueConstraint(
                fields=["campus"], condition=Q(retired_at__isnull=True, campus__isnull=False),
                name="campus_one_active_key",
            ),
            models.UniqueConstraint(
                fields=["organisation"], condition=Q(retired_at__isnull=True, organisation__isnull=False),
                name="organisation_one_active_key",
            ),
        ]  # fmt: skip

    def __str__(self) -> str:
        return self.did

    @property
    def did(self) -> str:
        return f"did:key:{self.public_key}"

    @property
    def verification_method(self) -> str:
        return keys.verification_method(keys.public_from_multikey(self.public_key))


class RouteStep(models.TextChoices):
    """Steps of the individual route that can earn a credential (actions of `candidates.pipeline`)."""

    BASIC_MODULES = "complete_basic_modules", _("Basic modules done")
    GO = "go", _("Go decision: admitted to the training")
    TRAINING = "complete_training", _("Training completed")


class AchievementQuerySet(models.QuerySet):
    def manageable_by(self, user):
        """Achievements of the campuses where `user` manages credentials, and of those campuses' providers."""
        scope = campus_scope(user, Capability.MANAGE_CREDENTIALS)
        if scope.everywhere:
            return self.all()
        return self.filter(Q(campus_id__in=scope.campus_ids) | Q(organisation__campus_id__in=scope.campus_ids))


class Achievement(models.Model):
    """A badge class: what a credential says its holder achieved, by which criteria, proving which outcomes."""

    class Kind(models.TextChoices):
        BADGE = "Badge", _("Badge")
        CERTIFICATE = "Certificate", _("Certificate")
        MICROCREDENTIAL = "MicroCredential", _("Microcredential")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BADGE)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description_nl = models.TextField(_("description (Dutch)"))
    description_en = models.TextField(_("description (English)"))
    criteria_nl = models.TextField(_("criteria (Dutch)"))
    criteria_en = models.TextField(_("criteria (English)"))
    outcomes = models.ManyToManyField("skills.UloItem", related_name="+", verbose_name=_("learning outcomes"))
    rubric = models.ForeignKey(
        "skills.Rubric", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("rubric")
    )
    module = models.ForeignKey(
        "learning.Module", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("module"), help_text=_("Issued to every participant who completes this module."),
    )  # fmt: skip
    route_step = models.CharField(
        _("step of the route"), max_length=30, choices=RouteStep.choices, blank=True,
        help_text=_("Issued to every participant of the campus who passes this step."),
    )  # fmt: skip
    rubric_pass_level = models.ForeignKey(
        "skills.RubricLevel", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("level to reach on every criterion"),
    )  # fmt: skip
    nlqf_level = models.PositiveSmallIntegerField(
        _("NLQF level"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    study_hours = models.PositiveIntegerField(_("study load (hours)"), null=True, blank=True)
    ects = models.DecimalField(_("ECTS credits"), max_digits=4, decimal_places=1, null=True, blank=True)
    assessment_form = models.CharField(_("form of assessment"), max_length=200, blank=True)
    quality_assurance = models.CharField(_("quality assurance"), max_length=200, blank=True)
    valid_months = models.PositiveSmallIntegerField(
        _("valid for (months)"), null=True, blank=True, help_text=_("Empty: the credential does not expire.")
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = AchievementQuerySet.as_manager()

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("achievement")
        verbose_name_plural = _("achievements")
        constraints = [models.CheckConstraint(condition=ONE_ISSUER, name="achievement_one_issuer")]

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl


class CredentialQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Whoever may see the holder (`Candidate.objects.visible_to`): staff of the holder's campus, the holder, and a
        company the holder chose at the job fair while the holder's consent to share with companies is in force.
        Anyone else sees a credential only through a share link the holder made."""
        return self.filter(candidate__in=Candidate.objects.visible_to(user))


class IssuedCredential(models.Model):
    """One signed OpenBadgeCredential as issued. The document is stored as signed; revocation and suspension are
    bits in the issuer's status lists at `status_index`."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    achievement = models.ForeignKey(Achievement, on_delete=models.PROTECT, related_name="credentials")
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.PROTECT, null=True, blank=True, related_name="credentials"
    )
    # Or someone who is not a candidate, such as a company's employee on a metro line:
    recipient_name = models.CharField(_("recipient"), max_length=150, blank=True)
    recipient_email = models.EmailField(_("recipient's e-mail address"), blank=True)
    key = models.ForeignKey(IssuerKey, on_delete=models.PROTECT, related_name="credentials")
    status_index = models.PositiveIntegerField()
    document = models.JSONField()  # signed with a Data Integrity proof
    jwt = models.TextField(blank=True)  # the same credential as VC-JWT, signed at the same time
    issued_at = models.DateTimeField(default=timezone.now)
    valid_until = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason"), max_length=300, blank=True)
    suspended_at = models.DateTimeField(_("suspended"), null=True, blank=True)

    objects = CredentialQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-id"]
        verbose_name = _("credential")
        verbose_name_plural = _("credentials")
        constraints = [
            models.UniqueConstraint(fields=["key", "status_index"], name="credential_status_index_once"),
            models.CheckConstraint(
                condition=Q(candidate__isnull=False) | ~Q(recipient_email=""), name="credential_has_a_holder"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.achievement} — {self.holder_name}"

    @property
    def holder_name(self) -> str:
        return self.candidate.full_name if self.candidate_id else self.recipient_name

    @property
    def holder_email(self) -> str:
        return self.candidate.email if self.candidate_id else self.recipient_email


class ShareQuerySet(models.QuerySet):
    def open(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class CredentialShare(models.Model):
    """A link the holder made to show some of their credentials to whoever has it, until it expires or the holder
    revokes it. Only a hash of the link's token is stored."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="credential_shares")
    credentials = models.ManyToManyField(IssuedCredential, related_name="shares", verbose_name=_("credentials"))
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(_("for whom"), max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ShareQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("share link")
        verbose_name_plural = _("share links")

    def __str__(self) -> str:
        return f"{self.candidate}: {self.label or self.created_at.date().isoformat()}"

    @property
    def is_open(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class RubricAssessment(models.Model):
    """A teacher's judgement of a participant by an achievement's rubric: one level per criterion. Passed when every
    criterion reaches the achievement's pass level; then the credential is issued with the scores as evidence."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="rubric_assessments")
    achievement = models.ForeignKey(Achievement, on_delete=models.PROTECT, related_name="assessments")
    assessor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField(default=timezone.now)
    passed = models.BooleanField(_("passed"))
    credential = models.OneToOneField(
        IssuedCredential, on_delete=models.SET_NULL, null=True, blank=True, related_name="assessment"
    )

    class Meta:
        ordering = ["-assessed_at", "-id"]
        verbose_name = _("rubric assessment")
        verbose_name_plural = _("rubric assessments")

    def __str__(self) -> str:
        return f"{self.candidate} — {self.achievement}"


class RubricScore(models.Model):
    assessment = models.ForeignKey(RubricAssessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey("skills.RubricCriterion", on_delete=models.PROTECT, related_name="+")
    level = models.ForeignKey("skills.RubricLevel", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["assessment", "criterion__position"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="rubric_score_once")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.level}"


class ExternalCredential(models.Model):
    """A credential from elsewhere that the holder added to their wallet. It counts only while it verifies: the
    wallet checks it again each time it is shown."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="external_credentials")
    document = models.JSONField(null=True, blank=True)  # with a Data Integrity proof
    jwt = models.TextField(blank=True)  # or as VC-JWT
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = _("credential from elsewhere")
        verbose_name_plural = _("credentials from elsewhere")

    def __str__(self) -> str:
        return f"{self.candidate}: {self.added_at.date().isoformat()}"


class RegisteringBody(models.Model):
    """A register outside the platform that keeps participants' credentials, such as a sector register of qualified
    technicians. The campus's credentials are delivered to it only for participants who consented."""

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    name = models.CharField(_("name"), max_length=200)
    endpoint = models.URLField(
        _("delivery address"), help_text=_("The register's address that accepts one credential as JSON per request.")
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("registering body")
        verbose_name_plural = _("registering bodies")
        constraints = [models.UniqueConstraint(fields=["campus", "name"], name="registering_body_name_once")]

    def __str__(self) -> str:
        return self.name


class CredentialDelivery(models.Model):
    """A credential sent, or being sent, to a registering body: delivered once; a failed attempt is tried again."""

    credential = models.ForeignKey(IssuedCredential, on_delete=models.CASCADE, related_name="deliveries")
    body = models.ForeignKey(RegisteringBody, on_delete=models.CASCADE, related_name="deliveries")
    attempts = models.PositiveSmallIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-last_attempt_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["credential", "body"], name="credential_delivery_once")]

    def __str__(self) -> str:
        return f"{self.credential} → {self.body}"

"""Users, campuses, partner organisations, memberships with roles, API tokens and the audit log."""

from functools import cached_property

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import CAMPUS_ROLES, ORGANISATION_ROLES, Capability, Role


class CampusQuerySet(models.QuerySet):
    def where(self, user, capability: Capability) -> "CampusQuerySet":
        """The campuses where `user` holds `capability`."""
        return campus_scope(user, capability).filter(self, field="pk")


class Campus(models.Model):
    """A regional Make Hydrogen Work campus: the tenant that owns candidates, companies, events and lines."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    region = models.CharField(_("region"), max_length=120)
    city = models.CharField(_("city"), max_length=120)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("campus")
        verbose_name_plural = _("campuses")

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OrganisationQuerySet":
        """Partner organisations the user may see: those of campuses where they may view partners, and their own."""
        if not user.is_authenticated:
            return self.none()
        scope = campus_scope(user, Capability.VIEW_PARTNERS)
        own = Q(pk__in=user.organisation_ids)
        if scope.everywhere:
            return self.all()
        return self.filter(Q(campus_id__in=scope.campus_ids) | own)


class Organisation(models.Model):
    """A partner of a campus: a company, an education provider, a research institute, a government body, a fieldlab,
    an innovation lab, a sector association or a regional work centre (UWV)."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        EDUCATION_PROVIDER = "education_provider", _("Education provider")
        RESEARCH_INSTITUTE = "research_institute", _("Research institute")
        GOVERNMENT = "government", _("Government")
        FIELDLAB = "fieldlab", _("Fieldlab")
        INNOVATION_LAB = "innovation_lab", _("Innovation lab")
        SECTOR_ASSOCIATION = "sector_association", _("Sector association")
        WORK_CENTRE = "work_centre", _("UWV or regional work centre")

    class EducationType(models.TextChoices):
        MBO = "mbo", _("Secondary vocational (mbo)")
        HBO = "hbo", _("University of applied sciences (hbo)")
        UNIVERSITY = "university", _("University")
        PRIVATE = "private", _("Private training provider")

    class SizeClass(models.TextChoices):
        LARGE = "large", _("Large company")
        SME = "sme", _("SME")

    campus = models.ForeignKey(Campus, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("campus"))
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    size_class = models.CharField(_("size"), max_length=10, choices=SizeClass.choices, blank=True)
    education_type = models.CharField(
        _("type of education"), max_length=12, choices=EducationType.choices, blank=True,
        help_text=_("For education providers."),
    )  # fmt: skip
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        constraints = [
            models.UniqueConstraint(fields=["campus", "name"], name="organisation_unique_name_per_campus"),
            # Only companies have a size class, and every company has one.
            models.CheckConstraint(
                condition=(Q(kind="company") & ~Q(size_class="")) | (~Q(kind="company") & Q(size_class="")),
                name="organisation_size_class_only_for_companies",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, email: str) -> "User":
        # Addresses are stored in lower case, so "Anouk@Example.org" logs in as well.
        return self.get(email=email.lower())


class User(AbstractBaseUser):
    """Anyone who logs in: campus staff, company HR, provider staff, candidates. Identified by e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="nl")
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.email

    # Roles are read once per request: the user object lives only as long as the request that loaded it.
    @cached_property
    def active_memberships(self) -> list["Membership"]:
        return list(self.memberships.select_related("campus", "organisation"))

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(m.role for m in self.active_memberships)

    @property
    def is_national_admin(self) -> bool:
        return Role.NATIONAL_ADMIN in self.roles

    @cached_property
    def campus_roles(self) -> dict[int, frozenset[str]]:
        by_campus: dict[int, set[str]] = {}
        for membership in self.active_memberships:
            if membership.role in CAMPUS_ROLES:
                by_campus.setdefault(membership.campus_id, set()).add(membership.role)
        return {campus_id: frozenset(roles) for campus_id, roles in by_campus.items()}

    @cached_property
    def organisation_ids(self) -> frozenset[int]:
        return frozenset(m.organisation_id for m in self.active_memberships if m.role in ORGANISATION_ROLES)

    @cached_property
    def provider_ids(self) -> frozenset[int]:
        """The education providers whose modules this user maintains."""
        return frozenset(m.organisation_id for m in self.active_memberships if m.role == Role.PROVIDER_STAFF)

    @property
    def is_campus_staff(self) -> bool:
        return bool(self.campus_roles) or self.is_national_admin


class Membership(models.Model):
    """A role a user holds: at a campus (staff), in a partner organisation, or nationally."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=40, choices=Role.choices)
    campus = models.ForeignKey(
        Campus,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("campus"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        ordering = ["role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # Three partial constraints instead of one with nulls_distinct, which SQLite does not support.
            models.UniqueConstraint(
                fields=["user", "role", "campus"],
                condition=Q(campus__isnull=False),
                name="membership_unique_campus",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "organisation"],
                condition=Q(organisation__isnull=False),
                name="membership_unique_organisation",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(campus__isnull=True, organisation__isnull=True),
                name="membership_unique_national",
            ),
            models.CheckConstraint(
                condition=(
                    (Q(role__in=sorted(CAMPUS_ROLES)) & Q(campus__isnull=False, organisation__isnull=True))
                    | (Q(role__in=sorted(ORGANISATION_ROLES)) & Q(campus__isnull=True, organisation__isnull=False))
                    | (Q(role=Role.NATIONAL_ADMIN) & Q(campus__isnull=True, organisation__isnull=True))
                ),
                name="membership_scope_matches_role",
            ),
        ]

    def __str__(self) -> str:
        where = self.campus or self.organisation or _("national")
        return f"{self.user} — {self.get_role_display()} ({where})"


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token itself is shown once, when it is made."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    key_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuditEventQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AuditEventQuerySet":
        if not user.is_authenticated:
            return self.none()
        return campus_scope(user, Capability.VIEW_AUDIT).filter(self)


class AuditEvent(models.Model):
    """One append-only line of the audit log: a state change or a read of sensitive data.

    Values of personal data are never written here, only which object and which fields were touched.
    """

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("actor")
    )
    actor_label = models.CharField(_("actor"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    object_type = models.CharField(_("object type"), max_length=80, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    campus = models.ForeignKey(
        Campus, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("campus")
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        # A campus's audit log is read newest first, 50 at a time: without the campus in front of the time SQLite
        # sorted all of a campus's events for every page (10 ms at 96,000 events; 0.1 ms with it).
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["campus", "-at", "-id"], name="audit_campus_newest_first"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("Audit events are append-only and cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Audit events are append-only and cannot be deleted.")

"""The skills catalogue (SkillsCatalogus): units of learning outcome, their versions and items.

A `Ulo` is the lasting identity of a learning outcome; each change after publication makes a new `UloVersion`, and
what points at an old version (profiles, modules, badges) keeps pointing at it. Items (responsibility RO###, skills
VO###, knowledge KO###) belong to one version; a new version copies them with the same codes.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.skills import statement


class UloStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Under expert review")
    VALIDATED = "validated", _("Validated")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")


class CodeCounter(models.Model):
    """The last number handed out per code prefix (ULO, RO, VO, KO). Taken under a row lock."""

    prefix = models.CharField(max_length=8, primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.prefix}: {self.last}"


class Ulo(models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True)
    campus = models.ForeignKey(
        "accounts.Campus", on_delete=models.PROTECT, related_name="ulos", verbose_name=_("campus")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["code"]
        verbose_name = _("unit of learning outcome")
        verbose_name_plural = _("units of learning outcome")

    def __str__(self) -> str:
        return self.code


class UloVersionQuerySet(models.QuerySet):
    def published(self) -> "UloVersionQuerySet":
        return self.filter(status=UloStatus.PUBLISHED)

    def visible_to(self, user) -> "UloVersionQuerySet":
        """Published versions for everyone (the catalogue is open); other states for their author and for staff of
        the owning campus."""
        public = Q(status__in=[UloStatus.PUBLISHED, UloStatus.RETIRED])
        if not user.is_authenticated:
            return self.filter(public)
        scope = campus_scope(user, Capability.VIEW_SKILLS_WORK)
        if scope.everywhere:
            return self.all()
        return self.filter(public | Q(author=user) | Q(ulo__campus_id__in=scope.campus_ids))


class UloVersion(models.Model):
    ulo = models.ForeignKey(Ulo, on_delete=models.CASCADE, related_name="versions", verbose_name=_("ULO"))
    number = models.PositiveIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=12, choices=UloStatus.choices, default=UloStatus.DRAFT)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF/NLQF level"), validators=[MinValueValidator(1), MaxValueValidator(8)]
    )
    bloom_level = models.PositiveSmallIntegerField(
        _("Bloom level"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    subject_nl = models.CharField(_("knowledge or skill (Dutch)"), max_length=300, blank=True)
    subject_en = models.CharField(_("knowledge or skill (English)"), max_length=300, blank=True)
    verb_nl = models.CharField(_("action verb (Dutch)"), max_length=60, blank=True)
    verb_en = models.CharField(_("action verb (English)"), max_length=60, blank=True)
    context_nl = models.CharField(_("context (Dutch)"), max_length=300, blank=True)
    context_en = models.CharField(_("context (English)"), max_length=300, blank=True)
    conditions_nl = models.CharField(_("conditions (Dutch)"), max_length=300, blank=True)
    conditions_en = models.CharField(_("conditions (English)"), max_length=300, blank=True)
    observable_result_nl = models.CharField(_("observable result (Dutch)"), max_length=300, blank=True)
    observable_result_en = models.CharField(_("observable result (English)"), max_length=300, blank=True)
    tasks = models.TextField(_("tasks"), blank=True, help_text=_("One task per line."))
    functions = models.TextField(_("functions"), blank=True, help_text=_("One function per line."))
    occupations = models.ManyToManyField(
        "skills.EscoOccupation", blank=True, related_name="ulo_versions", verbose_name=_("occupations")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("validated by"),
    )
    validated_at = models.DateTimeField(_("validated"), null=True, blank=True)
    validation_remarks = models.TextField(_("validation remarks"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    row_version = models.PositiveIntegerField(default=1, editable=False)

    objects = UloVersionQuerySet.as_manager()

    class Meta:
        ordering = ["ulo__code", "-number"]
        verbose_name = _("ULO version")
        verbose_name_plural = _("ULO versions")
        constraints = [
            models.UniqueConstraint(fields=["ulo", "number"], name="ulo_version_number_unique"),
            models.UniqueConstraint(fields=["ulo"], condition=Q(status="published"), name="ulo_one_published_version"),
            models.UniqueConstraint(
                fields=["ulo"],
                condition=Q(status__in=["draft", "in_review", "validated"]),
                name="ulo_one_version_in_progress",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ulo.code} v{self.number} {self.title}"

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_nl

    def statement_parts(self, language: str) -> statement.StatementParts:
        return statement.StatementParts(
            subject=getattr(self, f"subject_{language}"),
            verb=getattr(self, f"verb_{language}"),
            context=getattr(self, f"context_{language}"),
            conditions=getattr(self, f"conditions_{language}"),
            observable_result=getattr(self, f"observable_result_{language}"),
        )

    @property
    def statement_nl(self) -> str:
        return statement.compose(self.statement_parts("nl"), "nl")

    @property
    def statement_en(self) -> str:
        return statement.compose(self.statement_parts("en"), "en")

    @property
    def is_editable(self) -> bool:
        return self.status == UloStatus.DRAFT


class UloItem(models.Model):
    """One responsibility, skill or knowledge item: action verb + object + preposition + context + regulation."""

    class Kind(models.TextChoices):
        RESPONSIBILITY = "responsibility", _("Responsibility")
        SKILL = "skill", _("Skill")
        KNOWLEDGE = "knowledge", _("Knowledge")

    PREFIXES = {"responsibility": "RO", "skill": "VO", "knowledge": "KO"}

    version = models.ForeignKey(UloVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("version"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    code = models.CharField(_("code"), max_length=8)
    position = models.PositiveIntegerField(_("position"), default=0)
    verb_nl = models.CharField(_("action verb (Dutch)"), max_length=60, blank=True)
    verb_en = models.CharField(_("action verb (English)"), max_length=60, blank=True)
    object_nl = models.CharField(_("object (Dutch)"), max_length=300)
    object_en = models.CharField(_("object (English)"), max_length=300)
    preposition_nl = models.CharField(_("preposition (Dutch)"), max_length=20, blank=True)
    preposition_en = models.CharField(_("preposition (English)"), max_length=20, blank=True)
    context_nl = models.CharField(_("context (Dutch)"), max_length=300, blank=True)
    context_en = models.CharField(_("context (English)"), max_length=300, blank=True)
    regulation_nl = models.CharField(_("regulatory requirement (Dutch)"), max_length=200, blank=True)
    regulation_en = models.CharField(_("regulatory requirement (English)"), max_length=200, blank=True)

    class Meta:
        ordering = ["version", "position", "code"]
        verbose_name = _("learning-outcome item")
        verbose_name_plural = _("learning-outcome items")
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="ulo_item_code_unique_per_version")]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"

    def text_in(self, language: str) -> str:
        parts = [getattr(self, f"{name}_{language}") for name in ("verb", "object", "preposition", "context")]
        text = " ".join(part.strip() for part in parts if part.strip())
        regulation = getattr(self, f"regulation_{language}").strip()
        return f"{text} ({regulation})" if regulation else text

    @property
    def text(self) -> str:
        return self.text_in("en" if get_language() == "en" else "nl")


class UloTransition(models.Model):
    """One step in a ULO version's life, with who took it, when and why."""

    version = models.ForeignKey(UloVersion, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, choices=UloStatus.choices)
    to_status = models.CharField(max_length=12, choices=UloStatus.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    remarks = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.version}: {self.from_status} → {self.to_status}"

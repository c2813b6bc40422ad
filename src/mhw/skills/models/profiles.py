"""Skills profiles (skillsprofielen): the skills a job or role requires, at which level and with which weight.

A profile is versioned: a change saves a new version, and whatever compared a candidate against an older version
keeps that comparison.
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


class SkillsProfileQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SkillsProfileQuerySet":
        """Staff of the profile's campus, and HR of the organisation the profile belongs to."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        scope = campus_scope(user, Capability.VIEW_SKILLS_WORK)
        if scope.everywhere:
            return self.all()
        return self.filter(Q(campus_id__in=scope.campus_ids) | Q(organisation_id__in=user.organisation_ids))

    def manageable_by(self, user) -> "SkillsProfileQuerySet":
        return campus_scope(user, Capability.MANAGE_PROFILES).filter(self)


class SkillsProfile(models.Model):
    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="skills_profiles")
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="skills_profiles",
        verbose_name=_("company"),
    )
    title_nl = models.CharField(_("role (Dutch)"), max_length=200)
    title_en = models.CharField(_("role (English)"), max_length=200)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = SkillsProfileQuerySet.as_manager()

    class Meta:
        ordering = ["title_nl"]
        verbose_name = _("skills profile")
        verbose_name_plural = _("skills profiles")

    def __str__(self) -> str:
        return self.title_en if get_language() == "en" else self.title_nl

    @property
    def current(self) -> "SkillsProfileVersion | None":
        return self.versions.order_by("-number").first()


class SkillsProfileVersion(models.Model):
    profile = models.ForeignKey(SkillsProfile, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    vacancy_text = models.TextField(_("vacancy text"), blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["profile", "-number"]
        constraints = [models.UniqueConstraint(fields=["profile", "number"], name="profile_version_unique")]

    def __str__(self) -> str:
        return f"{self.profile} v{self.number}"


class ProfileRequirement(models.Model):
    """A required catalogue item or mapping specialism at a skill level 1–5 with a weight."""

    version = models.ForeignKey(SkillsProfileVersion, on_delete=models.CASCADE, related_name="requirements")
    item = models.ForeignKey(
        "skills.UloItem", on_delete=models.PROTECT, null=True, blank=True, related_name="profile_requirements"
    )
    specialism = models.ForeignKey(
        "skills.Specialism", on_delete=models.PROTECT, null=True, blank=True, related_name="profile_requirements"
    )
    level = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=2, default=1)
    source_sentence = models.TextField(
        _("from the vacancy"), blank=True, help_text=_("The sentence of the vacancy text this requirement came from.")
    )

    class Meta:
        # Requirements keep the order they were written in: gap explanations and charts follow it.
        ordering = ["version", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(item__isnull=False, specialism__isnull=True)
                | Q(item__isnull=True, specialism__isnull=False),
                name="profile_requirement_item_or_specialism",
            ),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="profile_requirement_level_1_5"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="profile_requirement_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.level}"

    @property
    def skill_key(self) -> str:
        return f"item:{self.item.code}" if self.item_id else f"specialism:{self.specialism_id}"

    @property
    def label(self) -> str:
        return str(self.item) if self.item_id else str(self.specialism)

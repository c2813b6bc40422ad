"""Skills mapping (toolbox 5.1, figure 13): per occupational group, the current and future level of each role on
each specialism, as set with front-runners. The gap is computed, never stored."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability

LEVEL_VALIDATORS = [MinValueValidator(0), MaxValueValidator(5)]


class SkillsMappingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SkillsMappingQuerySet":
        return campus_scope(user, Capability.VIEW_SKILLS_WORK).filter(self)

    def manageable_by(self, user) -> "SkillsMappingQuerySet":
        return campus_scope(user, Capability.MANAGE_MAPPINGS).filter(self)


class SkillsMapping(models.Model):
    campus = models.ForeignKey(
        "accounts.Campus", on_delete=models.PROTECT, related_name="skills_mappings", verbose_name=_("campus")
    )
    title_nl = models.CharField(_("occupational group (Dutch)"), max_length=200)
    title_en = models.CharField(_("occupational group (English)"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = SkillsMappingQuerySet.as_manager()

    class Meta:
        ordering = ["title_nl"]
        verbose_name = _("skills mapping")
        verbose_name_plural = _("skills mappings")

    def __str__(self) -> str:
        return self.title_en if get_language() == "en" else self.title_nl


class MappingRole(models.Model):
    mapping = models.ForeignKey(SkillsMapping, on_delete=models.CASCADE, related_name="roles")
    position = models.PositiveIntegerField(default=0)
    name_nl = models.CharField(_("role (Dutch)"), max_length=120)
    name_en = models.CharField(_("role (English)"), max_length=120)

    class Meta:
        ordering = ["mapping", "position"]
        constraints = [models.UniqueConstraint(fields=["mapping", "name_nl"], name="mapping_role_unique_name")]

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl


class Specialism(models.Model):
    mapping = models.ForeignKey(SkillsMapping, on_delete=models.CASCADE, related_name="specialisms")
    code = models.PositiveIntegerField(_("code"))
    name_nl = models.CharField(_("specialism (Dutch)"), max_length=120)
    name_en = models.CharField(_("specialism (English)"), max_length=120)

    class Meta:
        ordering = ["mapping", "code"]
        constraints = [models.UniqueConstraint(fields=["mapping", "code"], name="specialism_unique_code")]

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl


class MappingCell(models.Model):
    role = models.ForeignKey(MappingRole, on_delete=models.CASCADE, related_name="cells")
    specialism = models.ForeignKey(Specialism, on_delete=models.CASCADE, related_name="cells")
    current = models.PositiveSmallIntegerField(_("current level"), validators=LEVEL_VALIDATORS)
    future = models.PositiveSmallIntegerField(_("future level"), validators=LEVEL_VALIDATORS)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["role", "specialism"], name="mapping_cell_unique"),
            models.CheckConstraint(condition=Q(current__lte=5, future__lte=5), name="mapping_cell_levels_0_5"),
        ]

    def __str__(self) -> str:
        return f"{self.role} / {self.specialism}: {self.current} → {self.future}"

    @property
    def gap(self) -> int:
        return max(0, self.future - self.current)

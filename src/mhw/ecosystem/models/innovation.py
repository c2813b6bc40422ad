"""The technological innovation system analysis of a campus (toolbox 2.5): hydrogen developments (clusters of
innovations), their scores on the seven system functions with evidence, and the skills each needs."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.ecosystem.models.network import CampusQuerySet

LEVELS = [MinValueValidator(1), MaxValueValidator(5)]


class SystemFunction(models.TextChoices):
    ENTREPRENEURIAL_ACTIVITY = "entrepreneurial_activity", _("Entrepreneurial activity")
    KNOWLEDGE_DEVELOPMENT = "knowledge_development", _("Knowledge development")
    KNOWLEDGE_DIFFUSION = "knowledge_diffusion", _("Knowledge diffusion")
    GUIDANCE_OF_SEARCH = "guidance_of_search", _("Guidance of the search")
    MARKET_FORMATION = "market_formation", _("Market formation")
    RESOURCE_MOBILISATION = "resource_mobilisation", _("Resource mobilisation")
    LEGITIMACY = "legitimacy", _("Creation of legitimacy")


class Development(models.Model):
    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    name = models.CharField(_("development"), max_length=200)
    description = models.TextField(_("innovations it brings together"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("hydrogen development")
        verbose_name_plural = _("hydrogen developments")
        constraints = [models.UniqueConstraint(fields=["campus", "name"], name="development_once_per_campus")]

    def __str__(self) -> str:
        return self.name


class FunctionScore(models.Model):
    development = models.ForeignKey(Development, on_delete=models.CASCADE, related_name="scores")
    function = models.CharField(_("system function"), max_length=30, choices=SystemFunction.choices)
    score = models.PositiveSmallIntegerField(_("score (1–5)"), validators=LEVELS)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["development", "function"]
        constraints = [models.UniqueConstraint(fields=["development", "function"], name="function_scored_once")]

    def __str__(self) -> str:
        return f"{self.development}: {self.function} {self.score}"


class DevelopmentSkill(models.Model):
    """A skill (catalogue item) the development asks of people, and at which level."""

    development = models.ForeignKey(Development, on_delete=models.CASCADE, related_name="skills")
    item = models.ForeignKey("skills.UloItem", on_delete=models.PROTECT, related_name="+", verbose_name=_("skill"))
    level = models.PositiveSmallIntegerField(_("level needed"), validators=LEVELS)

    class Meta:
        ordering = ["development", "item__code"]
        constraints = [models.UniqueConstraint(fields=["development", "item"], name="development_skill_once")]

    def __str__(self) -> str:
        return f"{self.development}: {self.item} ≥ {self.level}"

"""Skills impact (toolbox 5.1): the specialisms of a skills mapping that a prioritised development touches, so that
the roles whose levels must rise show."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SkillsImpact(models.Model):
    development = models.ForeignKey("ecosystem.Development", on_delete=models.CASCADE, related_name="impacts")
    mapping = models.ForeignKey(
        "skills.SkillsMapping", on_delete=models.CASCADE, related_name="+", verbose_name=_("skills mapping")
    )
    specialisms = models.ManyToManyField("skills.Specialism", related_name="+", verbose_name=_("specialisms touched"))

    class Meta:
        ordering = ["development", "mapping"]
        verbose_name = _("skills impact")
        verbose_name_plural = _("skills impacts")
        constraints = [models.UniqueConstraint(fields=["development", "mapping"], name="impact_once_per_mapping")]

    def __str__(self) -> str:
        return f"{self.development} — {self.mapping}"

"""A candidate's planned development path: the module runs that close the gap to a role, as the optimiser chose."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DevelopmentPath(models.Model):
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="paths")
    profile = models.ForeignKey("skills.SkillsProfileVersion", on_delete=models.PROTECT, related_name="+")
    start_date = models.DateField(_("start date"))
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"))
    online_only = models.BooleanField(_("online only"), default=False)
    max_cost = models.DecimalField(_("maximum cost (EUR)"), max_digits=9, decimal_places=2, null=True, blank=True)
    pinned_modules = models.ManyToManyField("learning.Module", blank=True, related_name="+", verbose_name=_("pinned"))
    excluded_modules = models.ManyToManyField(
        "learning.Module", blank=True, related_name="+", verbose_name=_("excluded")
    )
    status = models.CharField(_("status"), max_length=12)  # optimal | time_limit | infeasible
    finish_week = models.PositiveSmallIntegerField(_("weeks"), default=0)
    total_hours = models.DecimalField(_("hours"), max_digits=8, decimal_places=1, default=0)
    total_cost = models.DecimalField(_("cost (EUR)"), max_digits=10, decimal_places=2, default=0)
    unclosable = models.JSONField(_("gaps no module closes"), default=list)
    reasons = models.JSONField(default=list)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("development path")
        verbose_name_plural = _("development paths")

    def __str__(self) -> str:
        return f"{self.candidate}: {self.finish_week} weeks"

    @property
    def fits_six_months(self) -> bool:
        return self.status != "infeasible" and self.finish_week <= 26


class PathStep(models.Model):
    path = models.ForeignKey(DevelopmentPath, on_delete=models.CASCADE, related_name="steps")
    run = models.ForeignKey("learning.ModuleRun", on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    start_week = models.PositiveSmallIntegerField()
    end_week = models.PositiveSmallIntegerField()
    closes = models.JSONField(default=list)  # catalogue item codes this run closes

    class Meta:
        ordering = ["path", "position"]

    def __str__(self) -> str:
        return f"{self.path}: {self.run}"

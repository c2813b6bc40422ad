"""Microlearning communities (toolbox 2.6): started on a prioritised question with the partners who share the
ambition, they go through four steps, and share what they learned with the L&D network."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.ecosystem.models.network import CampusQuerySet


class CommunityStep(models.TextChoices):
    PROFILES = "profiles", _("Skills profiles and learning materials")
    PATHS = "paths", _("Run development paths")
    PILOT = "pilot", _("Pilot")
    IMPLEMENTATION = "implementation", _("Implementation")


class Community(models.Model):
    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    name = models.CharField(_("name"), max_length=200)
    question = models.ForeignKey(
        "ecosystem.NetworkQuestion", on_delete=models.PROTECT, null=True, blank=True, related_name="communities",
        verbose_name=_("question of the network"),
    )  # fmt: skip
    development = models.ForeignKey(
        "ecosystem.Development", on_delete=models.PROTECT, null=True, blank=True, related_name="communities",
        verbose_name=_("prioritised development"),
    )  # fmt: skip
    partners = models.ManyToManyField("accounts.Organisation", related_name="+", verbose_name=_("partners"))
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    lessons = models.TextField(_("lessons learned"), blank=True)
    shared_at = models.DateTimeField(_("shared with the L&D network"), null=True, blank=True)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "name"]
        verbose_name = _("microlearning community")
        verbose_name_plural = _("microlearning communities")
        constraints = [
            models.UniqueConstraint(fields=["campus", "name"], name="community_once_per_campus"),
            models.CheckConstraint(
                condition=models.Q(question__isnull=False) | models.Q(development__isnull=False),
                name="community_starts_from_a_priority",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CommunityStepRecord(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Not started")
        ACTIVE = "active", _("In progress")
        DONE = "done", _("Done")

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(_("step"), max_length=20, choices=CommunityStep.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["community", "id"]
        constraints = [models.UniqueConstraint(fields=["community", "step"], name="community_step_once")]

    def __str__(self) -> str:
        return f"{self.community}: {self.get_step_display()}"

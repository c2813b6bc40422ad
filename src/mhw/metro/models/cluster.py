"""A cluster of companies on the company route, its core team, and the six-step development and quality cycle it
runs (again and again)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability


class CycleStep(models.IntegerChoices):
    """The development and quality cycle of the company route (toolbox 4.1)."""

    ANALYSE = 1, _("Analyse needs and ambitions")
    OUTCOMES = 2, _("Design learning outcomes")
    MAP = 3, _("Design the metro map")
    RUN = 4, _("Run the lines")
    VALIDATE = 5, _("Validate and recognise skills")
    EVALUATE = 6, _("Evaluate and follow up")


class ClusterQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ClusterQuerySet":
        """Campus staff who see partners see their campus's clusters; a company's people see the clusters their
        company is in."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        scope = campus_scope(user, Capability.VIEW_PARTNERS)
        if scope.everywhere:
            return self.all()
        return self.filter(Q(campus_id__in=scope.campus_ids) | Q(companies__in=user.organisation_ids)).distinct()

    def manageable_by(self, user) -> "ClusterQuerySet":
        return campus_scope(user, Capability.MANAGE_COMPANY_ROUTE).filter(self)


class Cluster(models.Model):
    """Companies (or one company) with a shared ambition that develop learning routes together."""

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    name = models.CharField(_("name"), max_length=200)
    theme = models.CharField(
        _("theme"), max_length=300,
        help_text=_("The shared question, e.g. “How can we switch our fleet to hydrogen?”"),
    )  # fmt: skip
    companies = models.ManyToManyField(
        "accounts.Organisation", related_name="clusters", verbose_name=_("companies"), blank=True
    )
    commitment = models.TextField(
        _("covenant or intent of commitment"), blank=True,
        help_text=_("What the companies committed to: time, people, money, facilities."),
    )  # fmt: skip
    committed_on = models.DateField(_("signed on"), null=True, blank=True)
    broker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("broker"),
    )  # fmt: skip
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("company account manager"),
    )  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")
        constraints = [models.UniqueConstraint(fields=["campus", "name"], name="cluster_name_once_per_campus")]

    def __str__(self) -> str:
        return self.name

    @property
    def current_round(self) -> "CycleRound | None":
        return self.rounds.order_by("-number").first()


class CoreTeamMember(models.Model):
    """Someone in the cluster's core team: key players, front-runners, innovation labs."""

    class Kind(models.TextChoices):
        KEY_PLAYER = "key_player", _("Key player")
        FRONT_RUNNER = "front_runner", _("Front-runner")
        INNOVATION_LAB = "innovation_lab", _("Innovation lab")

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="core_team")
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("organisation"),
    )  # fmt: skip
    kind = models.CharField(_("part"), max_length=20, choices=Kind.choices)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("core team member")
        verbose_name_plural = _("core team")

    def __str__(self) -> str:
        return self.name


class CycleRound(models.Model):
    """One pass through the six steps; the cycle is run again when the cluster starts a new round."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["cluster", "number"]
        constraints = [models.UniqueConstraint(fields=["cluster", "number"], name="cycle_round_number_once")]

    def __str__(self) -> str:
        return f"{self.cluster} — {self.number}"


class CycleStepRecord(models.Model):
    """The state of one step in a round: its status, what it produced, and who worked on it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Not started")
        ACTIVE = "active", _("In progress")
        DONE = "done", _("Done")

    round = models.ForeignKey(CycleRound, on_delete=models.CASCADE, related_name="steps")
    step = models.PositiveSmallIntegerField(_("step"), choices=CycleStep.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    products = models.TextField(_("products"), blank=True, help_text=_("What the step produced, e.g. canvases, map."))
    worked_on_by = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name=_("worked on by")
    )
    updated_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["round", "step"]
        constraints = [models.UniqueConstraint(fields=["round", "step"], name="cycle_step_once_per_round")]

    def __str__(self) -> str:
        return self.get_step_display()

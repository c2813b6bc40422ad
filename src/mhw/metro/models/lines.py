"""Metro lines and their stations: a line per target group, 4–8 stations of 2–8 hours each; a station shared by
several lines is one connecting station."""

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Phase(models.IntegerChoices):
    INSPIRATION = 1, _("Inspiration")
    UNDERSTANDING = 2, _("Familiarisation and understanding")
    TRANSLATION = 3, _("Translation to own context")


class WorkForm(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    SIMULATION = "simulation", _("Simulation")
    EXPERIENCE = "experience", _("Experience")
    E_LEARNING = "e_learning", _("E-learning")
    PEER_TO_PEER = "peer_to_peer", _("Peer-to-peer")
    STRATEGIC_DISCUSSION = "strategic_discussion", _("Strategic discussion")


class Station(models.Model):
    cluster = models.ForeignKey("metro.Cluster", on_delete=models.CASCADE, related_name="stations")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    phase = models.PositiveSmallIntegerField(_("phase"), choices=Phase.choices, default=Phase.INSPIRATION)
    work_form = models.CharField(_("work form"), max_length=30, choices=WorkForm.choices, default=WorkForm.WORKSHOP)
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=1, default=4,
        validators=[MinValueValidator(0.5), MaxValueValidator(40)],
    )  # fmt: skip
    provider = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("provider"),
    )  # fmt: skip
    outcomes = models.ManyToManyField(
        "skills.UloItem", related_name="+", blank=True, verbose_name=_("learning outcomes covered")
    )
    achievement = models.ForeignKey(
        "credentials.Achievement", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("credential for taking part"),
        help_text=_("Issued to every participant recorded present at a session of this station."),
    )  # fmt: skip
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["phase", "name"]
        verbose_name = _("station")
        verbose_name_plural = _("stations")
        constraints = [models.UniqueConstraint(fields=["cluster", "name"], name="station_name_once_per_cluster")]

    def __str__(self) -> str:
        return self.name


class MetroLine(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # the line's sign-up address
    cluster = models.ForeignKey("metro.Cluster", on_delete=models.CASCADE, related_name="lines")
    name = models.CharField(_("name"), max_length=120)
    target_group = models.CharField(_("target group"), max_length=200)
    goal = models.TextField(_("goal"), blank=True)
    desired_reaction = models.TextField(_("desired reaction and behaviour after the line"), blank=True)
    colour = models.CharField(
        _("colour"), max_length=7, blank=True, validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$")],
        help_text=_("Empty: a colour of the map's palette."),
    )  # fmt: skip
    outcomes = models.ManyToManyField(
        "skills.UloItem", related_name="+", blank=True, verbose_name=_("learning outcomes")
    )
    branches_from = models.ForeignKey(
        Station, on_delete=models.SET_NULL, null=True, blank=True, related_name="branches",
        verbose_name=_("starts at the connecting station"),
        help_text=_("A deepening or broadening line that starts where another line stops."),
    )  # fmt: skip
    stations = models.ManyToManyField(Station, through="LineStop", related_name="lines")
    achievement = models.ForeignKey(
        "credentials.Achievement", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("credential for completing the line"),
        help_text=_("Issued to every participant recorded present at every station of the line."),
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("metro line")
        verbose_name_plural = _("metro lines")
        constraints = [models.UniqueConstraint(fields=["cluster", "name"], name="line_name_once_per_cluster")]

    def __str__(self) -> str:
        return self.name

    def ordered_stations(self) -> list[Station]:
        return [stop.station for stop in self.stops.select_related("station").order_by("position", "id")]


class LineStop(models.Model):
    line = models.ForeignKey(MetroLine, on_delete=models.CASCADE, related_name="stops")
    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="stops")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["line", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["line", "station"], name="line_stops_once_at_a_station")]

    def __str__(self) -> str:
        return f"{self.line}: {self.position}. {self.station}"

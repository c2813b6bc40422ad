"""Step 1 of the cycle: the canvases a cluster fills in (Sailboat, Empathy Map, Value Proposition Canvas, Metro line
canvas), the "How might we …" questions it ranks, and the actors with their goals."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CanvasKind(models.TextChoices):
    SAILBOAT = "sailboat", _("Sailboat")
    EMPATHY = "empathy", _("Empathy map")
    VALUE_PROPOSITION = "value_proposition", _("Value proposition canvas")
    METRO_LINE = "metro_line", _("Metro line canvas")


#: The parts of each canvas, in the order they are filled in and printed.
CANVAS_FIELDS: dict[str, list[tuple[str, str]]] = {
    CanvasKind.SAILBOAT: [
        ("island", _("Island: where we want to be")),
        ("wind", _("Wind: what drives us forward")),
        ("anchors", _("Anchors: what holds us back")),
        ("rocks", _("Rocks: the risks ahead")),
    ],
    CanvasKind.EMPATHY: [
        ("who", _("Who: the person or target group")),
        ("says", _("Says")),
        ("thinks", _("Thinks")),
        ("does", _("Does")),
        ("feels", _("Feels")),
        ("pains", _("Pains")),
        ("gains", _("Gains")),
    ],
    CanvasKind.VALUE_PROPOSITION: [
        ("customer_jobs", _("Customer jobs")),
        ("pains", _("Pains")),
        ("gains", _("Gains")),
        ("products", _("Products and services")),
        ("pain_relievers", _("Pain relievers")),
        ("gain_creators", _("Gain creators")),
    ],
    CanvasKind.METRO_LINE: [
        ("value_proposition", _("Value proposition")),
        ("target_group", _("Target group")),
        ("goal", _("Goal of the line")),
        ("desired_reaction", _("Desired reaction and behaviour after the line")),
    ],
}
CANVAS_FIELD_LENGTH = 2000


class Canvas(models.Model):
    cluster = models.ForeignKey("metro.Cluster", on_delete=models.CASCADE, related_name="canvases")
    kind = models.CharField(_("canvas"), max_length=20, choices=CanvasKind.choices)
    title = models.CharField(_("title"), max_length=200)
    content = models.JSONField(default=dict)  # field key → text, keys from CANVAS_FIELDS[kind]
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("canvas")
        verbose_name_plural = _("canvases")

    def __str__(self) -> str:
        return self.title

    def parts(self) -> list[tuple[str, str, str]]:
        """(key, label, text) of each part of the canvas, in order."""
        return [(key, label, self.content.get(key, "")) for key, label in CANVAS_FIELDS[self.kind]]


class Question(models.Model):
    """A "How might we …" question the cluster collected; staff and companies vote to rank them."""

    cluster = models.ForeignKey("metro.Cluster", on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("How might we …"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    voters = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("“How might we” question")
        verbose_name_plural = _("“How might we” questions")
        constraints = [models.UniqueConstraint(fields=["cluster", "text"], name="question_once_per_cluster")]

    def __str__(self) -> str:
        return self.text


class Actor(models.Model):
    """Someone who matters for the cluster's ambition, with what they want from it."""

    cluster = models.ForeignKey("metro.Cluster", on_delete=models.CASCADE, related_name="actors")
    name = models.CharField(_("actor"), max_length=200)
    goal = models.CharField(_("goal"), max_length=300)

    class Meta:
        ordering = ["name"]
        verbose_name = _("actor")
        verbose_name_plural = _("actors")

    def __str__(self) -> str:
        return self.name

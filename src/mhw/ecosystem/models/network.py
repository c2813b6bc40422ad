"""The campus's L&D network (toolbox 2.2): strategic HR of companies, educators, government and labour-market parties
who work together on the questions of the region, in meetings with decisions."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability

#: The toolbox's advice for a network that carries the region: at least this many large companies and SMEs.
ADVISED_LARGE_COMPANIES, ADVISED_SMES = 5, 10


class CampusQuerySet(models.QuerySet):
    """Rows of a campus: seen by staff who see the campus's partners, changed by those who manage them."""

    def visible_to(self, user):
        return campus_scope(user, Capability.VIEW_PARTNERS).filter(self)

    def manageable_by(self, user):
        return campus_scope(user, Capability.MANAGE_PARTNERS).filter(self)


class NetworkMember(models.Model):
    class Role(models.TextChoices):
        STRATEGIC_HR = "strategic_hr", _("Strategic HR of a company")
        EDUCATOR = "educator", _("Educator")
        GOVERNMENT = "government", _("Government")
        LABOUR_MARKET = "labour_market", _("Labour-market party")
        OTHER = "other", _("Other")

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    name = models.CharField(_("name"), max_length=150)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="network_members",
        verbose_name=_("organisation"),
    )  # fmt: skip
    role = models.CharField(_("role in the network"), max_length=20, choices=Role.choices)
    position = models.CharField(_("position"), max_length=150, blank=True)
    joined_on = models.DateField(_("member since"), default=timezone.localdate)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["role", "name"]
        verbose_name = _("network member")
        verbose_name_plural = _("network members")
        constraints = [models.UniqueConstraint(fields=["campus", "name", "organisation"], name="network_member_once")]

    def __str__(self) -> str:
        return self.name


class NetworkQuestion(models.Model):
    class Theme(models.TextChoices):
        INFLOW = "inflow", _("Inflow into the sector")
        RETENTION = "retention", _("Keeping and developing current staff")
        TRANSITION = "transition", _("Transition questions of companies")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACTIVE = "active", _("Being worked on")
        ANSWERED = "answered", _("Answered")

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    text = models.CharField(_("question"), max_length=300)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["theme", "created_at", "id"]
        verbose_name = _("network question")
        verbose_name_plural = _("network questions")

    def __str__(self) -> str:
        return self.text


class NetworkMeeting(models.Model):
    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("network meeting")
        verbose_name_plural = _("network meetings")

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    meeting = models.ForeignKey(NetworkMeeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.CharField(_("decision"), max_length=300)
    owner = models.CharField(_("who acts on it"), max_length=150, blank=True)
    question = models.ForeignKey(
        NetworkQuestion, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions",
        verbose_name=_("about the question"),
    )  # fmt: skip

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text


def composition(members) -> dict:
    """How many distinct large companies and SMEs the members come from, against the toolbox's advice."""
    companies = {m.organisation for m in members if m.organisation and m.organisation.kind == "company"}
    large = sum(1 for c in companies if c.size_class == "large")
    smes = sum(1 for c in companies if c.size_class == "sme")
    return {
        "large": large, "smes": smes, "advised_large": ADVISED_LARGE_COMPANIES, "advised_smes": ADVISED_SMES,
        "meets_advice": large >= ADVISED_LARGE_COMPANIES and smes >= ADVISED_SMES,
    }  # fmt: skip


class Relation(models.Model):
    """How two key players around the campus work together; drawn as a line on the ecosystem map."""

    class Kind(models.TextChoices):
        COLLABORATION = "collaboration", _("Collaboration")
        TRAINING = "training", _("Training and education")
        RESEARCH = "research", _("Research")
        FUNDING = "funding", _("Funding")
        SUPPLY = "supply", _("Supply chain")

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    source = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("from")
    )
    target = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("to")
    )
    kind = models.CharField(_("relation"), max_length=20, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["source__name", "target__name", "kind"]
        verbose_name = _("relation")
        verbose_name_plural = _("relations")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="relation_once"),
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="relation_between_two"),
        ]

    def __str__(self) -> str:
        return f"{self.source} — {self.target}"

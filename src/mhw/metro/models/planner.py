"""Running the lines (step 4 of the cycle): each station planned as one or more sessions, participants of the
companies registering (with a waiting list), announcements and reminders, attendance, reflections per session and
an evaluation per line, and the follow-up of participants who want more."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StationSession(models.Model):
    """A station as it takes place: when, where, by whom, for how many."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    station = models.ForeignKey("metro.Station", on_delete=models.CASCADE, related_name="sessions")
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    teacher = models.CharField(_("teacher or host"), max_length=200, blank=True)
    materials = models.TextField(_("materials"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start")
        ]

    def __str__(self) -> str:
        return f"{self.station} — {timezone.localtime(self.starts_at):%d-%m-%Y %H:%M}"


class Registration(models.Model):
    """A participant from a company at a session: a place, or a place on the waiting list."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(StationSession, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    company = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("company"),
    )  # fmt: skip
    wishes = models.TextField(_("what do you want to learn here?"), blank=True)
    expectations = models.TextField(_("what do you expect of this station?"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    announced_at = models.DateTimeField(_("announcement sent"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    credential = models.ForeignKey(
        "credentials.IssuedCredential", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # issued for taking part in the station

    class Meta:
        ordering = ["registered_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "email"], condition=~Q(status="cancelled"), name="session_registration_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.session}"


class Reflection(models.Model):
    """A short reflection after a session: what went well, what to improve."""

    session = models.ForeignKey(StationSession, on_delete=models.CASCADE, related_name="reflections")
    went_well = models.TextField(_("what went well"))
    to_improve = models.TextField(_("what to improve"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")

    def __str__(self) -> str:
        return f"{self.session}: {self.went_well[:40]}"


class LineEvaluation(models.Model):
    """The structured evaluation of a line: which of its outcomes were achieved, and how it supported the companies'
    goals."""

    line = models.ForeignKey("metro.MetroLine", on_delete=models.CASCADE, related_name="evaluations")
    company = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("company"),
    )  # fmt: skip
    outcomes_achieved = models.ManyToManyField(
        "skills.UloItem", related_name="+", blank=True, verbose_name=_("learning outcomes achieved")
    )
    goals_supported = models.PositiveSmallIntegerField(
        _("how well did the line support the company's goals? (1–5)"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )  # fmt: skip
    remarks = models.TextField(_("remarks and follow-up wishes"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("line evaluation")
        verbose_name_plural = _("line evaluations")

    def __str__(self) -> str:
        return f"{self.line} — {self.created_at:%d-%m-%Y}"


class Referral(models.Model):
    """A participant who wants more: referred to the individual route (a candidate is made, with their consent) or
    to a partner such as an innovation lab or solution provider."""

    class Kind(models.TextChoices):
        INDIVIDUAL_ROUTE = "individual_route", _("Individual Make Hydrogen Work route")
        PARTNER = "partner", _("Partner (innovation lab, solution provider)")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(_("referred to"), max_length=20, choices=Kind.choices)
    partner = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("partner"),
    )  # fmt: skip
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    consent_recorded = models.BooleanField(_("the participant agreed to the referral"))
    referred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    referred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-referred_at", "-id"]
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")

    def __str__(self) -> str:
        return f"{self.registration.name} → {self.get_kind_display()}"


class LineCompletion(models.Model):
    """A participant (by e-mail address) who took part in every station of a line, with the credential it earned."""

    line = models.ForeignKey("metro.MetroLine", on_delete=models.CASCADE, related_name="completions")
    email = models.EmailField()
    name = models.CharField(max_length=150)
    completed_at = models.DateTimeField(default=timezone.now)
    credential = models.ForeignKey(
        "credentials.IssuedCredential", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-completed_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["line", "email"], name="line_completed_once")]

    def __str__(self) -> str:
        return f"{self.name} — {self.line}"

"""Recruitment events (toolbox ch. 3, step 1): information sessions, in-depth sessions per course, trial-study
sessions and coach conversations, with sign-up, waiting list, reminders and attendance."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability


class RecruitmentEventQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now(), cancelled_at__isnull=True)

    def manageable_by(self, user):
        return campus_scope(user, Capability.MANAGE_EVENTS).filter(self)


class RecruitmentEvent(models.Model):
    class Kind(models.TextChoices):
        INFORMATION = "information", _("Information session")
        IN_DEPTH = "in_depth", _("In-depth session about a course")
        TRIAL_STUDY = "trial_study", _("Trial-study session")
        COACH_CONVERSATION = "coach_conversation", _("Coach conversation")

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="recruitment_events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hosted_events", verbose_name=_("host")
    )
    module = models.ForeignKey(
        "learning.Module", on_delete=models.PROTECT, null=True, blank=True, related_name="recruitment_events",
        verbose_name=_("course"),
    )  # fmt: skip
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = RecruitmentEventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("recruitment event")
        verbose_name_plural = _("recruitment events")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"),
            models.CheckConstraint(condition=~Q(location="", online_url=""), name="event_has_a_place_or_a_link"),
        ]

    def __str__(self) -> str:
        return f"{self.title} — {timezone.localtime(self.starts_at):%d-%m-%Y %H:%M}"


class EventRegistration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(RecruitmentEvent, on_delete=models.CASCADE, related_name="registrations")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    candidate = models.ForeignKey(
        "candidates.Candidate", on_delete=models.SET_NULL, null=True, blank=True, related_name="event_registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["registered_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], condition=~Q(status="cancelled"), name="event_registration_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.event}"

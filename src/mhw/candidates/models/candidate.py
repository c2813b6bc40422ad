"""Candidates of the individual route. The pipeline, intake and the rest of the route build on this record."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability


class RecruitmentChannel(models.TextChoices):
    UWV = "uwv", _("UWV")
    WORK_CENTRE = "work_centre", _("Regional work centre")
    SECTOR_ASSOCIATION = "sector_association", _("Sector association")
    INFORMATION_SESSION = "information_session", _("Information session")
    EMPLOYER = "employer", _("Current employer")
    WEBSITE = "website", _("Website or social media")
    OTHER = "other", _("Other")


STAGE_CHOICES = [
    ("interested", _("Interested")),
    ("registered", _("Registered")),
    ("intake_done", _("Intake done")),
    ("selected", _("Selected")),
    ("not_selected", _("Not selected")),
    ("application_training_done", _("Application training done")),
    ("at_job_fair", _("At the job fair")),
    ("matched", _("Matched with an employer")),
    ("intent_signed", _("Declaration of intent signed")),
    ("enrolled", _("Enrolled (student)")),
    ("kicked_off", _("Kick-off")),
    ("basic_modules_done", _("Basic modules done")),
    ("in_training", _("Go: in training")),
    ("stopped", _("No-go: stopped")),
    ("training_completed", _("Training completed")),
    ("contract_signed", _("Contract signed")),
    ("onboarding", _("Onboarding and work experience")),
    ("completed", _("Completed and evaluated")),
    ("withdrawn", _("Withdrawn")),
]


class CandidateQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CandidateQuerySet":
        """Candidates `user` may see.

        Campus staff whose role may view candidates see their own campus's candidates; a national administrator sees
        all; a candidate sees their own record. A company sees a candidate only after a mutual match (recorded as a
        declaration of intent with that company) and only while the candidate's consent to share is in force.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        scope = campus_scope(user, Capability.VIEW_CANDIDATES)
        if scope.everywhere:
            return self.all()
        matched_and_consenting = Q(
            declarations__company_id__in=user.organisation_ids,
            consents__text__scope="share_with_companies",
            consents__withdrawn_at__isnull=True,
        )
        visible = Q(campus_id__in=scope.campus_ids)
        # Their own record, when they have one outside their campuses. Asked apart, by the unique user column: "campus
        # in ... or user = ..." in one condition kept the database from reading a campus's candidates in name order
        # from its index, and it sorted them all for every page instead (10 ms a page at a campus of 4,000).
        own = self.model._default_manager.filter(user=user).exclude(campus_id__in=scope.campus_ids)
        if own_ids := list(own.values_list("pk", flat=True)):
            visible |= Q(pk__in=own_ids)
        if not user.organisation_ids:
            return self.filter(visible)
        # Only the join through declarations and consents can repeat a candidate: distinct only then.
        return self.filter(visible | matched_and_consenting).distinct()

    def manageable_by(self, user) -> "CandidateQuerySet":
        """Candidates whose record `user` may change."""
        return campus_scope(user, Capability.MANAGE_CANDIDATES).filter(self)


class Candidate(models.Model):
    """A person on the individual route, from first interest to employee."""

    class Trajectory(models.TextChoices):
        LATERAL_ENTRY = "lateral_entry", _("Lateral entry")
        UPSKILLING = "upskilling", _("Upskilling")

    campus = models.ForeignKey(
        "accounts.Campus", on_delete=models.PROTECT, related_name="candidates", verbose_name=_("campus")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidate",
        verbose_name=_("portal account"),
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=120)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    city = models.CharField(_("place of residence"), max_length=120, blank=True)
    current_occupation = models.CharField(_("current occupation"), max_length=200, blank=True)
    trajectory = models.CharField(
        _("trajectory"), max_length=20, choices=Trajectory.choices, default=Trajectory.LATERAL_ENTRY
    )
    employer = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="upskilling_candidates",
        verbose_name=_("current employer"),
        help_text=_("For upskilling: the employer who sponsors the path."),
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coached_candidates",
        verbose_name=_("coach"),
    )
    stage = models.CharField(_("stage"), max_length=40, choices=STAGE_CHOICES, default="interested")
    stage_since = models.DateTimeField(_("in this stage since"), default=timezone.now)
    background = models.TextField(_("background and experience"), blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    target_roles = models.ManyToManyField(
        "skills.SkillsProfile", blank=True, related_name="aspiring_candidates", verbose_name=_("roles aimed at")
    )
    recruitment_channel = models.CharField(
        _("recruitment channel"), max_length=30, choices=RecruitmentChannel.choices, blank=True
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        # Lists are in name order, 50 at a time, of all candidates or of a campus's: without the indexes the database
        # sorted every candidate in view for each page (20 ms for the national list of 20,000; 0.2 ms with them).
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="candidate_name_order"),
            models.Index(fields=["campus", "last_name", "first_name"], name="candidate_campus_name_order"),
            # The figures count candidates per campus and stage: from this index alone (18 -> 8 ms nationally).
            models.Index(fields=["campus", "stage"], name="candidate_campus_stage"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["campus", "email"], name="candidate_unique_email_per_campus"),
            models.CheckConstraint(
                condition=Q(trajectory="upskilling") | Q(employer__isnull=True),
                name="candidate_employer_only_for_upskilling",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

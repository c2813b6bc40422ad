"""Records of the individual route: every pipeline step, intake results, declarations of intent and contracts."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.candidates.labels import ACTION_LABELS
from mhw.candidates.models.candidate import STAGE_CHOICES


class PipelineEvent(models.Model):
    """One step of a candidate's route, with who took it, when and why. Never changed afterwards."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="pipeline_events")
    action = models.CharField(_("step"), max_length=40)
    from_stage = models.CharField(_("from"), max_length=40)
    to_stage = models.CharField(_("to"), max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("time"), default=timezone.now)
    reason = models.CharField(_("reason"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.from_stage} → {self.to_stage}"

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    @property
    def to_stage_label(self) -> str:
        return str(dict(STAGE_CHOICES).get(self.to_stage, self.to_stage))


class IntakeResult(models.Model):
    """A result of the intake: special-care personal data, read only by the candidate, their coach and the staff
    who need it, every read audited."""

    class Kind(models.TextChoices):
        PERSONALITY = "personality", _("Personality test")
        COGNITIVE = "cognitive", _("Cognitive assessment")
        SKILLS = "skills", _("Skills assessment")
        INTERVIEW = "interview", _("Intake interview")

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="intake_results")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    taken_on = models.DateField(_("date"))
    source = models.CharField(_("source"), max_length=200, help_text=_("The provider or person who assessed."))
    summary = models.TextField(_("result"))
    conclusions_for_candidate = models.TextField(
        _("conclusions for the candidate"), blank=True, help_text=_("What the candidate reads in the portal.")
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["-taken_on", "-id"]
        verbose_name = _("intake result")
        verbose_name_plural = _("intake results")

    def __str__(self) -> str:
        return f"{self.candidate}: {self.get_kind_display()} {self.taken_on}"


class DeclarationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DeclarationQuerySet":
        """The candidate office of the campus, the company that declared, and the candidate."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        scope = campus_scope(user, Capability.VIEW_CANDIDATES)
        if scope.everywhere:
            return self.all()
        visible = Q(company_id__in=user.organisation_ids) | Q(candidate__user=user)
        visible |= Q(candidate__campus_id__in=scope.campus_ids)
        return self.filter(visible)


class DeclarationOfIntent(models.Model):
    """The company promises a contract after successful training; the candidate promises to join (toolbox ch. 3)."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.PROTECT, related_name="declarations")
    company = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="declarations")
    role_title = models.CharField(_("role"), max_length=200)
    contract_start = models.DateField(_("start of the contract"))
    minimum_months = models.PositiveSmallIntegerField(_("minimum duration (months)"), validators=[MinValueValidator(1)])
    work_experience_months = models.PositiveSmallIntegerField(_("work-experience period (months)"))
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"), validators=[MinValueValidator(1)])
    salary_band = models.CharField(_("salary band communicated beforehand"), max_length=120)
    training = models.TextField(
        _("training"), blank=True, help_text=_("The modules agreed on, with providers and dates.")
    )
    signed_by_company_at = models.DateTimeField(_("signed by the company"), null=True, blank=True)
    signed_by_candidate_at = models.DateTimeField(_("signed by the candidate"), null=True, blank=True)
    copy_sent_to_provider_at = models.DateTimeField(_("copy sent to the provider"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("declaration of intent")
        verbose_name_plural = _("declarations of intent")
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_months__gte=models.F("work_experience_months")),
                name="intent_minimum_covers_work_experience",
            )
        ]

    def __str__(self) -> str:
        return f"{self.company} — {self.candidate}: {self.role_title}"

    @property
    def is_signed(self) -> bool:
        return self.signed_by_company_at is not None and self.signed_by_candidate_at is not None

    @property
    def signed_by_anyone(self) -> bool:
        return self.signed_by_company_at is not None or self.signed_by_candidate_at is not None


class EmploymentContract(models.Model):
    declaration = models.OneToOneField(DeclarationOfIntent, on_delete=models.PROTECT, related_name="contract")
    starts_on = models.DateField(_("start"))
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), validators=[MinValueValidator(1)])
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"), validators=[MinValueValidator(1)])
    signed_by_company_at = models.DateTimeField(_("signed by the company"), null=True, blank=True)
    signed_by_candidate_at = models.DateTimeField(_("signed by the candidate"), null=True, blank=True)

    class Meta:
        verbose_name = _("employment contract")
        verbose_name_plural = _("employment contracts")

    def __str__(self) -> str:
        return f"{self.declaration}: {self.starts_on}"

    @property
    def is_signed(self) -> bool:
        return self.signed_by_company_at is not None and self.signed_by_candidate_at is not None


class Enrolment(models.Model):
    """The candidate becomes a student in a run of a module; who pays what is recorded with it."""

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.PROTECT, related_name="enrolments")
    run = models.ForeignKey("learning.ModuleRun", on_delete=models.PROTECT, related_name="enrolments")
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    paid_by = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="paid_enrolments",
        verbose_name=_("paid by"),
    )
    own_contribution = models.DecimalField(
        _("own contribution (EUR)"), max_digits=8, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        ordering = ["run__starts_on"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [models.UniqueConstraint(fields=["candidate", "run"], name="enrolment_unique")]

    def __str__(self) -> str:
        return f"{self.candidate} — {self.run}"


class CandidateSkill(models.Model):
    """A level the candidate shows in a catalogue item, with where it comes from. Self-assessed levels are kept
    apart: they inform the coach but never count as proven."""

    class Source(models.TextChoices):
        ASSESSMENT = "assessment", _("Skills assessment")
        CREDENTIAL = "credential", _("Earlier credential")
        MODULE = "module", _("Completed module")
        SELF = "self", _("Self-assessment (not proven)")

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="skills")
    item = models.ForeignKey("skills.UloItem", on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(_("level"), validators=[MinValueValidator(0), MaxValueValidator(5)])
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    evidence = models.CharField(_("evidence"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["item__code", "source"]
        verbose_name = _("shown skill level")
        verbose_name_plural = _("shown skill levels")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "item", "source"], name="candidate_skill_one_per_source"),
            models.CheckConstraint(condition=Q(level__gte=0, level__lte=5), name="candidate_skill_level_0_5"),
        ]

    def __str__(self) -> str:
        return f"{self.candidate}: {self.item.code} = {self.level} ({self.source})"

    @property
    def is_proven(self) -> bool:
        return self.source != self.Source.SELF


class Evaluation(models.Model):
    """The end-of-route evaluation by the student or by the company; its ratings feed the campus figures."""

    class By(models.TextChoices):
        STUDENT = "student", _("Student")
        COMPANY = "company", _("Company")

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="evaluations")
    by = models.CharField(_("by"), max_length=8, choices=By.choices)
    preparation = models.PositiveSmallIntegerField(
        _("preparation for the job (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    guidance = models.PositiveSmallIntegerField(
        _("guidance and cooperation (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    recommend = models.PositiveSmallIntegerField(
        _("would recommend the route (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    remarks = models.TextField(_("remarks"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "by"], name="evaluation_one_per_side"),
            models.CheckConstraint(
                condition=Q(preparation__range=(1, 5), guidance__range=(1, 5), recommend__range=(1, 5)),
                name="evaluation_ratings_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.candidate} — {self.get_by_display()}"


class CoachingSession(models.Model):
    """A coaching conversation, workshop or application training planned for a candidate, and whether they came."""

    class Kind(models.TextChoices):
        COACHING = "coaching", _("Coaching conversation")
        APPLICATION_TRAINING = "application_training", _("Application training")
        WORKSHOP = "workshop", _("Workshop")
        RETURN_DAY = "return_day", _("Return day")

    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="sessions")
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    planned_at = models.DateTimeField(_("planned for"))
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)

    class Meta:
        ordering = ["planned_at", "id"]
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")

    def __str__(self) -> str:
        return f"{self.candidate}: {self.get_kind_display()} {self.planned_at:%Y-%m-%d}"

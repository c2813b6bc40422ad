"""Job fairs (banenmarkt): companies with their terms and places, invited candidates, the speed-date schedule, and
the choices both sides make afterwards."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability


class JobFairQuerySet(models.QuerySet):
    def manageable_by(self, user):
        return campus_scope(user, Capability.MANAGE_CANDIDATES).filter(self)


class JobFair(models.Model):
    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="job_fairs")
    title = models.CharField(_("title"), max_length=200)
    held_on = models.DateField(_("date"))
    rounds = models.PositiveSmallIntegerField(_("rounds"), validators=[MinValueValidator(1), MaxValueValidator(20)])
    min_dates = models.PositiveSmallIntegerField(_("minimum dates per candidate"), default=0)
    # The round under way on the day, as the office announces it (0: not started; rounds + 1: over).
    current_round = models.PositiveSmallIntegerField(_("current round"), default=0)

    objects = JobFairQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("job fair")
        verbose_name_plural = _("job fairs")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d-%m-%Y})"


class FairCompany(models.Model):
    """A company at the fair, with the terms of the agreement it offers and the places it has."""

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="companies")
    company = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    role_title = models.CharField(_("role"), max_length=200)
    profile = models.ForeignKey(
        "skills.SkillsProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("skills profile"),
    )  # fmt: skip
    tables = models.PositiveSmallIntegerField(_("tables"), validators=[MinValueValidator(1)])
    places = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    work_experience_months = models.PositiveSmallIntegerField(_("work-experience period (months)"), default=6)
    salary_band = models.CharField(_("salary band"), max_length=120, blank=True)

    class Meta:
        ordering = ["company__name"]
        constraints = [models.UniqueConstraint(fields=["fair", "company"], name="fair_company_once")]

    def __str__(self) -> str:
        return f"{self.company} — {self.role_title}"


class FairCandidate(models.Model):
    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="candidates")
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["candidate__last_name"]
        constraints = [models.UniqueConstraint(fields=["fair", "candidate"], name="fair_candidate_once")]

    def __str__(self) -> str:
        return str(self.candidate)


class SpeedDate(models.Model):
    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="dates")
    round = models.PositiveSmallIntegerField(_("round"))
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey(FairCompany, on_delete=models.CASCADE, related_name="dates")
    table = models.PositiveSmallIntegerField(_("table"))
    score = models.FloatField(_("match score"))

    class Meta:
        ordering = ["fair", "round", "company__company__name", "table"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "round", "candidate"], name="speed_date_one_per_round"),
            models.UniqueConstraint(fields=["fair", "candidate", "company"], name="speed_date_pair_once"),
        ]

    def __str__(self) -> str:
        return f"{self.fair} r{self.round + 1}: {self.candidate} — {self.company}"


class FairChoice(models.Model):
    """After the fair: whom one side wants to continue with, ranked (1 = first choice)."""

    class Side(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        COMPANY = "company", _("Company")

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="choices")
    side = models.CharField(_("chosen by"), max_length=10, choices=Side.choices)
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey(FairCompany, on_delete=models.CASCADE, related_name="choices")
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["fair", "side", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["fair", "side", "candidate", "company"], name="fair_choice_once")
        ]

    def __str__(self) -> str:
        return f"{self.side}: {self.candidate} — {self.company} #{self.rank}"


class FairWish(models.Model):
    """Before the schedule: a candidate and a company that must meet, because one of them asked for it. The schedule
    includes every wish or says it cannot."""

    class Side(models.TextChoices):
        CANDIDATE = "candidate", _("Candidate")
        COMPANY = "company", _("Company")

    fair = models.ForeignKey(JobFair, on_delete=models.CASCADE, related_name="wishes")
    candidate = models.ForeignKey("candidates.Candidate", on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey(FairCompany, on_delete=models.CASCADE, related_name="wishes")
    wished_by = models.CharField(_("wished by"), max_length=10, choices=Side.choices)

    class Meta:
        ordering = ["fair", "candidate__last_name", "company__company__name"]
        constraints = [models.UniqueConstraint(fields=["fair", "candidate", "company"], name="fair_wish_once")]
        verbose_name = _("pinned wish")
        verbose_name_plural = _("pinned wishes")

    def __str__(self) -> str:
        return f"{self.candidate} — {self.company}"

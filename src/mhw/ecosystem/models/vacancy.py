"""Regional vacancies of the campus's companies: what is asked (role, how many, where, when), each turned into a
skills profile by the company account manager, so that demand per role and region can be followed over time."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.ecosystem.models.network import CampusQuerySet


class Vacancy(models.Model):
    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="+", verbose_name=_("campus"))
    company = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="vacancies", verbose_name=_("company"),
        limit_choices_to={"kind": "company"},
    )  # fmt: skip
    role_title = models.CharField(_("role"), max_length=200)
    number = models.PositiveSmallIntegerField(_("number of places"), default=1, validators=[MinValueValidator(1)])
    region = models.CharField(_("region"), max_length=120)
    posted_on = models.DateField(_("posted on"), default=timezone.localdate)
    text = models.TextField(_("vacancy text"), blank=True)
    profile = models.ForeignKey(
        "skills.SkillsProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="vacancies",
        verbose_name=_("skills profile"),
    )  # fmt: skip

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_on", "role_title"]
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def __str__(self) -> str:
        return f"{self.role_title} — {self.company}"

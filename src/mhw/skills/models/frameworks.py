"""Qualifications and regulations (named sets of ULOs), regulated acts with their responsibility roles and
assessment blueprint (toolbox 5.3, table 3), and rubrics used to assess."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Qualification(models.Model):
    class Kind(models.TextChoices):
        QUALIFICATION = "qualification", _("Qualification")
        REGULATION = "regulation", _("Regulation")

    campus = models.ForeignKey("accounts.Campus", on_delete=models.PROTECT, related_name="qualifications")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.QUALIFICATION)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    ulo_versions = models.ManyToManyField(
        "skills.UloVersion", related_name="qualifications", blank=True, verbose_name=_("learning outcomes")
    )

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("qualification or regulation")
        verbose_name_plural = _("qualifications and regulations")

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl


class RegulatedAct(models.Model):
    """An act within a regulation, reserved to a responsibility level: VOP, VP or WV (toolbox table 3)."""

    class Responsibility(models.TextChoices):
        VOP = "vop", _("VOP — sufficiently instructed person")
        VP = "vp", _("VP — competent person")
        WV = "wv", _("WV — responsible person")

    qualification = models.ForeignKey(Qualification, on_delete=models.CASCADE, related_name="acts")
    position = models.PositiveIntegerField(default=0)
    description_nl = models.CharField(_("act (Dutch)"), max_length=300)
    description_en = models.CharField(_("act (English)"), max_length=300)
    responsibility = models.CharField(_("responsibility"), max_length=4, choices=Responsibility.choices)
    item = models.ForeignKey(
        "skills.UloItem", on_delete=models.PROTECT, null=True, blank=True, related_name="regulated_acts"
    )

    class Meta:
        ordering = ["qualification", "position"]
        verbose_name = _("regulated act")
        verbose_name_plural = _("regulated acts")

    def __str__(self) -> str:
        return self.description_en if get_language() == "en" else self.description_nl


class BlueprintEntry(models.Model):
    """One line of the assessment blueprint (toetsmatrijs): how an act is tested."""

    class TestForm(models.TextChoices):
        THEORY = "theory", _("Theory")
        PRACTICAL = "practical", _("Practical")
        ORAL = "oral", _("Oral")
        PORTFOLIO = "portfolio", _("Portfolio")

    act = models.ForeignKey(RegulatedAct, on_delete=models.CASCADE, related_name="blueprint")
    test_form = models.CharField(_("test form"), max_length=12, choices=TestForm.choices)
    number_of_questions = models.PositiveIntegerField(_("number of questions"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("blueprint entry")
        verbose_name_plural = _("assessment blueprint")
        constraints = [models.UniqueConstraint(fields=["act", "test_form"], name="blueprint_one_line_per_form")]

    def __str__(self) -> str:
        return f"{self.act}: {self.number_of_questions} × {self.get_test_form_display()}"


class Rubric(models.Model):
    ulo_version = models.ForeignKey("skills.UloVersion", on_delete=models.CASCADE, related_name="rubrics")
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self) -> str:
        return self.title_en if get_language() == "en" else self.title_nl


class RubricLevel(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="levels")
    position = models.PositiveIntegerField(default=0)
    name_nl = models.CharField(_("level (Dutch)"), max_length=80)
    name_en = models.CharField(_("level (English)"), max_length=80)
    score = models.PositiveIntegerField(_("score"))

    class Meta:
        ordering = ["rubric", "position"]
        constraints = [models.UniqueConstraint(fields=["rubric", "position"], name="rubric_level_position_unique")]

    def __str__(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl


class RubricCriterion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveIntegerField(default=0)
    text_nl = models.CharField(_("criterion (Dutch)"), max_length=300)
    text_en = models.CharField(_("criterion (English)"), max_length=300)

    class Meta:
        ordering = ["rubric", "position"]

    def __str__(self) -> str:
        return self.text_en if get_language() == "en" else self.text_nl


class RubricDescriptor(models.Model):
    """What performance at one level of one criterion looks like."""

    criterion = models.ForeignKey(RubricCriterion, on_delete=models.CASCADE, related_name="descriptors")
    level = models.ForeignKey(RubricLevel, on_delete=models.CASCADE, related_name="descriptors")
    text_nl = models.TextField(_("descriptor (Dutch)"))
    text_en = models.TextField(_("descriptor (English)"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["criterion", "level"], name="rubric_one_descriptor_per_cell")]

    def __str__(self) -> str:
        return self.text_en if get_language() == "en" else self.text_nl

"""Outside taxonomies: ESCO skills and occupations (imported from the official CSV download) and links from
catalogue items to concepts of ESCO, O*NET and CompetentNL."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class EscoConcept(models.Model):
    """What ESCO skills and occupations share: a URI and labels and descriptions in English and Dutch."""

    uri = models.CharField(_("concept URI"), max_length=200, unique=True)
    label_en = models.CharField(_("preferred label (English)"), max_length=400)
    label_nl = models.CharField(_("preferred label (Dutch)"), max_length=400, blank=True)
    alt_labels_en = models.TextField(_("alternative labels (English)"), blank=True)
    alt_labels_nl = models.TextField(_("alternative labels (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)

    class Meta:
        abstract = True
        ordering = ["label_en"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_nl if get_language() != "en" and self.label_nl else self.label_en


class EscoSkill(EscoConcept):
    skill_type = models.CharField(_("skill type"), max_length=40, blank=True)
    reuse_level = models.CharField(_("reuse level"), max_length=40, blank=True)

    class Meta(EscoConcept.Meta):
        verbose_name = _("ESCO skill")
        verbose_name_plural = _("ESCO skills")


class EscoOccupation(EscoConcept):
    isco_group = models.CharField(_("ISCO group"), max_length=10, blank=True)
    code = models.CharField(_("code"), max_length=40, blank=True)
    skills = models.ManyToManyField(EscoSkill, through="EscoRelation", related_name="occupations")

    class Meta(EscoConcept.Meta):
        verbose_name = _("ESCO occupation")
        verbose_name_plural = _("ESCO occupations")


class EscoRelation(models.Model):
    class Kind(models.TextChoices):
        ESSENTIAL = "essential", _("Essential")
        OPTIONAL = "optional", _("Optional")

    occupation = models.ForeignKey(EscoOccupation, on_delete=models.CASCADE, related_name="relations")
    skill = models.ForeignKey(EscoSkill, on_delete=models.CASCADE, related_name="relations")
    relation_type = models.CharField(_("relation"), max_length=12, choices=Kind.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["occupation", "skill"], name="esco_relation_unique")]

    def __str__(self) -> str:
        return f"{self.occupation} — {self.skill} ({self.relation_type})"


class TaxonomyLink(models.Model):
    """A catalogue item's link to a concept of an outside taxonomy."""

    class Scheme(models.TextChoices):
        ESCO = "esco", "ESCO"
        ONET = "onet", "O*NET"
        COMPETENTNL = "competentnl", "CompetentNL"

    item = models.ForeignKey("skills.UloItem", on_delete=models.CASCADE, related_name="links")
    scheme = models.CharField(_("taxonomy"), max_length=12, choices=Scheme.choices)
    concept_uri = models.CharField(_("concept URI or code"), max_length=200)
    preferred_label = models.CharField(_("preferred label"), max_length=400)
    esco_skill = models.ForeignKey(
        EscoSkill, on_delete=models.SET_NULL, null=True, blank=True, related_name="catalogue_links"
    )

    class Meta:
        ordering = ["scheme", "preferred_label"]
        verbose_name = _("taxonomy link")
        verbose_name_plural = _("taxonomy links")
        constraints = [models.UniqueConstraint(fields=["item", "scheme", "concept_uri"], name="taxonomy_link_unique")]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()}: {self.preferred_label}"

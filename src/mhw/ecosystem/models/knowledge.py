"""The KennisCirkel (toolbox 2.4): the six knowledge functions of the regional knowledge infrastructure, which
players fill each and how strongly, and so where the holes are. The six functions are data a campus can rename and
describe; until it does, the default set below applies (documented in the README)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mhw.ecosystem.models.network import CampusQuerySet

FUNCTIONS = 6
#: The default knowledge functions: (name nl, name en, description nl, description en).
DEFAULT_FUNCTIONS = [
    ("Kennisontwikkeling", "Knowledge development",
     "Nieuwe kennis ontwikkelen: onderzoek, fieldlabs en pilots.",
     "Developing new knowledge: research, fieldlabs and pilots."),
    ("Kennisdeling", "Knowledge sharing",
     "Kennis delen tussen bedrijven, onderwijs en overheid: netwerken, bijeenkomsten, publicaties.",
     "Sharing knowledge between companies, education and government: networks, meetings, publications."),
    ("Initieel onderwijs", "Initial education",
     "Nieuwe vakmensen opleiden in mbo, hbo en wo.",
     "Educating new professionals in secondary vocational, applied and university education."),
    ("Leven lang ontwikkelen", "Lifelong learning",
     "Werkenden bij-, om- en opscholen: modules, cursussen, microcredentials.",
     "Upskilling and retraining people at work: modules, courses, microcredentials."),
    ("Praktijkleren en toepassing", "Learning in practice and application",
     "Kennis toepassen in de praktijk: leerwerkplekken, innovatielabs, proeftuinen.",
     "Applying knowledge in practice: work-based learning places, innovation labs, test beds."),
    ("Loopbaan en matching", "Careers and matching",
     "Mensen en werk bij elkaar brengen: loopbaanbegeleiding, vacatures, van werk naar werk.",
     "Bringing people and work together: career guidance, vacancies, job-to-job transitions."),
]  # fmt: skip


class KnowledgeFunction(models.Model):
    """A campus's own name and description of one of the six functions (position 1–6)."""

    campus = models.ForeignKey("accounts.Campus", on_delete=models.CASCADE, related_name="+", verbose_name=_("campus"))
    position = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(FUNCTIONS)])
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_nl = models.CharField(_("description (Dutch)"), max_length=300, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["campus", "position"]
        verbose_name = _("knowledge function")
        verbose_name_plural = _("knowledge functions")
        constraints = [models.UniqueConstraint(fields=["campus", "position"], name="knowledge_function_once")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl

    @property
    def description(self) -> str:
        return self.description_en if get_language() == "en" else self.description_nl


def functions_of(campus) -> list[KnowledgeFunction]:
    """The campus's six functions: its own where it set them, the defaults elsewhere (not saved)."""
    own = {f.position: f for f in KnowledgeFunction.objects.filter(campus=campus)}
    return [
        own.get(position) or KnowledgeFunction(campus=campus, position=position, name_nl=nl, name_en=en,
                                                description_nl=dnl, description_en=den)
        for position, (nl, en, dnl, den) in enumerate(DEFAULT_FUNCTIONS, start=1)
    ]  # fmt: skip


class FunctionFill(models.Model):
    """A player filling a knowledge function, weakly, moderately or strongly."""

    class Strength(models.IntegerChoices):
        WEAK = 1, _("weak")
        MODERATE = 2, _("moderate")
        STRONG = 3, _("strong")

    campus = models.ForeignKey("accounts.Campus", on_delete=models.CASCADE, related_name="+", verbose_name=_("campus"))
    position = models.PositiveSmallIntegerField(
        _("knowledge function"), validators=[MinValueValidator(1), MaxValueValidator(FUNCTIONS)]
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+", verbose_name=_("player")
    )
    strength = models.PositiveSmallIntegerField(_("strength"), choices=Strength.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = CampusQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-strength", "organisation__name"]
        verbose_name = _("filling of a knowledge function")
        verbose_name_plural = _("fillings of knowledge functions")
        constraints = [models.UniqueConstraint(fields=["organisation", "position"], name="function_filled_once")]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.position}"

"""Demo credentials: the provider's badge for its basic hydrogen-safety module (issued when the module is completed)
and the campus's microcredential for leak-tightness testing (assessed by the demo rubric), each aligned to the
catalogue; the campus's certificate for passing the go decision after the basic modules (issued by that step of the
route). Sophie holds the badge, issued and signed like any other. The northern campus delivers credentials to the
sector register of its participants who consent to it."""

from mhw.accounts.models import Campus, Organisation, User
from mhw.candidates.models import Candidate
from mhw.credentials import services
from mhw.credentials.models import Achievement, RegisteringBody
from mhw.demo.data import DEMO_DOMAIN
from mhw.demo.seed_learning import item_code
from mhw.learning.models import Module
from mhw.skills.models import Rubric, UloItem, UloStatus

# (issuer: campus slug or provider name, kind, name nl/en, description nl/en, criteria nl/en, outcomes, NLQF, hours,
#  ECTS, assessment, quality assurance, months valid, step of the route that issues it)
ACHIEVEMENTS = [
    ("Noordelijk Vakcollege Techniek", "Badge", "Veilig werken met waterstof", "Working safely with hydrogen",
     "Herkent de gevaren van waterstof en werkt er veilig mee volgens de procedures.",
     "Recognises the hazards of hydrogen and works with it safely by the procedures.",
     "Module H2-BASIS afgerond en de praktijktoets volgens de rubric met minstens niveau 2 op elk criterium.",
     "Module H2-BASIS completed and the practical test passed by the rubric at level 2 or above on every criterion.",
     [("h2-gevaren-herkennen", 0), ("h2-gevaren-herkennen", 1), ("h2-gevaren-herkennen", 4)], 3, 16, None,
     "praktijktoets met rubric", "", 36, ""),
    ("noord", "MicroCredential", "Lekdichtheid beproeven", "Leak-tightness testing",
     "Beproeft waterstofleidingen en -verbindingen op lekdichtheid en legt de resultaten vast.",
     "Tests hydrogen pipes and joints for leak-tightness and records the results.",
     "Beproeving op de proefopstelling uitgevoerd en beoordeeld door twee assessoren.",
     "Test on the training rig carried out and assessed by two assessors.",
     [("lekdichtheid-controleren", 0), ("lekdichtheid-controleren", 1), ("lekdichtheid-controleren", 2)], 4, 24,
     "1.0", "praktijkassessment", "Microcredentials-pilot hoger en middelbaar beroepsonderwijs", None, ""),
    ("noord", "Certificate", "Basisfase waterstoftechniek", "Hydrogen engineering foundation phase",
     "Heeft de basismodules van de omscholing afgerond en is na het go/no-go-moment toegelaten tot de vakopleiding.",
     "Completed the basic modules of the retraining and was admitted to the vocational training at the go/no-go.",
     "Basismodules afgerond en een go van het opleidingsteam op grond van voortgang, houding en toetsresultaten.",
     "Basic modules completed and a go from the training team based on progress, attitude and test results.",
     [("h2-gevaren-herkennen", 0)], 3, 80, None, "go/no-go-gesprek met het opleidingsteam", "", None, "go"),
]  # fmt: skip


def seed_credentials() -> None:
    for (issuer, kind, name_nl, name_en, description_nl, description_en, criteria_nl, criteria_en, outcomes, level,
         hours, ects, assessment, quality, months, step) in ACHIEVEMENTS:  # fmt: skip
        campus = Campus.objects.filter(slug=issuer).first()
        organisation = None if campus else Organisation.objects.get(name=issuer)
        achievement, created = Achievement.objects.get_or_create(
            campus=campus, organisation=organisation, name_nl=name_nl,
            defaults={
                "kind": kind, "name_en": name_en, "description_nl": description_nl, "description_en": description_en,
                "criteria_nl": criteria_nl, "criteria_en": criteria_en, "nlqf_level": level, "study_hours": hours,
                "ects": ects, "assessment_form": assessment, "quality_assurance": quality, "valid_months": months,
                "route_step": step,
            },
        )  # fmt: skip
        if created and kind == "Badge":  # the provider awards its badge for completing the basic module
            achievement.module = Module.objects.get(code="H2-BASIS", provider=organisation)
            achievement.save(update_fields=["module"])
        if created:
            rubric = Rubric.objects.filter(ulo_version__items__code__in=[item_code(k, i) for k, i in outcomes]).first()
            if rubric is not None:  # the campus assesses leak testing by the demo rubric; "Vakbekwaam" passes
                achievement.rubric = rubric
                achievement.rubric_pass_level = rubric.levels.get(name_nl="Vakbekwaam")
                achievement.save(update_fields=["rubric", "rubric_pass_level"])
            codes = [item_code(key, index) for key, index in outcomes]
            achievement.outcomes.set(UloItem.objects.filter(code__in=codes, version__status=UloStatus.PUBLISHED))
    RegisteringBody.objects.get_or_create(
        campus=Campus.objects.get(slug="noord"), name="Register Waterstofvakmensen",
        defaults={"endpoint": "https://register.waterstofvakmensen.example/api/credentials"},
    )  # fmt: skip
    badge = Achievement.objects.get(name_nl="Veilig werken met waterstof")
    sophie = Candidate.objects.get(email=f"sophie.meijer@{DEMO_DOMAIN}")
    if not sophie.credentials.filter(achievement=badge).exists():
        services.issue(
            User.objects.get(email=f"docent.noord@{DEMO_DOMAIN}"), badge, sophie,
            narrative="Praktijktoets veilig werken met waterstof met goed gevolg afgelegd.",
            evidence=[{"name": "Praktijktoets H2-BASIS", "narrative": "Niveau 2 of hoger op elk criterium."}],
        )  # fmt: skip

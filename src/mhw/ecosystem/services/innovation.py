"""Use cases of the innovation system analysis: name a hydrogen development, score it on the seven system functions
with evidence, say which skills it asks; and the priority view that sets momentum against the regional offer."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.ecosystem import innovation
from mhw.ecosystem.models import Development, DevelopmentSkill, FunctionScore, SkillsImpact
from mhw.ecosystem.services.network import EcosystemError, require_manager
from mhw.learning.models import Module, ModuleOutcome
from mhw.skills.models import MappingCell


@transaction.atomic
def create_development(actor, development: Development) -> Development:
    require_manager(actor, development.campus_id)
    development.save()
    record_event(actor, "innovation.development_added", development, details={"development": development.pk})
    return development


@transaction.atomic
def score(actor, development: Development, scores: dict[str, tuple[int | None, str]]) -> None:
    """Set each system function's score and evidence; a function without a score is left unscored."""
    require_manager(actor, development.campus_id)
    for function, (value, evidence) in scores.items():
        if function not in innovation.SYSTEM_FUNCTIONS:
            raise EcosystemError(_("Unknown system function."))
        if value is None:
            FunctionScore.objects.filter(development=development, function=function).delete()
            continue
        FunctionScore.objects.update_or_create(
            development=development, function=function, defaults={"score": value, "evidence": evidence}
        )
    record_event(actor, "innovation.scored", development, details={"development": development.pk})


@transaction.atomic
def set_skill(actor, development: Development, *, item, level: int) -> DevelopmentSkill:
    require_manager(actor, development.campus_id)
    skill, _created = DevelopmentSkill.objects.update_or_create(
        development=development, item=item, defaults={"level": level}
    )
    record_event(actor, "innovation.skill_set", development, details={"development": development.pk, "item": item.pk})
    return skill


def regional_offer(campus) -> dict[int, int]:
    """Per catalogue item, the highest level an offered module of the campus's providers teaches it to."""
    rows = (
        ModuleOutcome.objects.filter(module__provider__campus=campus, module__in=Module.objects.offered())
        .values("item")
        .annotate(level=Max("level"))
    )
    return {row["item"]: row["level"] for row in rows}


def assessments(campus) -> list[tuple[Development, innovation.Assessment]]:
    """The campus's developments, highest priority first, each with what the analysis says of it."""
    developments = {d.pk: d for d in Development.objects.filter(campus=campus).prefetch_related("scores", "skills")}
    facts = [
        innovation.Development(
            pk, {s.function: s.score for s in d.scores.all()}, {k.item_id: k.level for k in d.skills.all()}
        )
        for pk, d in developments.items()
    ]
    return [(developments[a.key], a) for a in innovation.ranked(facts, regional_offer(campus))]


@transaction.atomic
def set_impact(actor, development: Development, specialisms) -> None:
    """The specialisms (of the campus's skills mappings) the development touches; replaces what was recorded."""
    require_manager(actor, development.campus_id)
    if any(s.mapping.campus_id != development.campus_id for s in specialisms):
        raise EcosystemError(_("Choose specialisms of the campus's skills mappings."))
    development.impacts.all().delete()
    by_mapping: dict = {}
    for specialism in specialisms:
        by_mapping.setdefault(specialism.mapping, []).append(specialism)
    for mapping, touched in by_mapping.items():
        SkillsImpact.objects.create(development=development, mapping=mapping).specialisms.set(touched)
    record_event(actor, "innovation.impact_set", development, details={"development": development.pk})


def impact_of(development: Development) -> list[dict]:
    """Per skills mapping the development touches: the roles whose levels must rise in the specialisms touched."""
    result = []
    for impact in development.impacts.select_related("mapping").prefetch_related("specialisms"):
        touched = {s.pk for s in impact.specialisms.all()}
        cells = list(MappingCell.objects.filter(role__mapping=impact.mapping).select_related("role", "specialism"))
        names = {c.specialism_id: c.specialism for c in cells}
        rows = innovation.skills_impact(
            [innovation.Cell(c.role, c.specialism_id, c.current, c.future) for c in cells], touched
        )
        result.append({
            "mapping": impact.mapping, "specialisms": list(impact.specialisms.all()),
            "roles": [(role, gap, [(names[c.specialism], c.current, c.future) for c in cells_of])
                      for role, gap, cells_of in rows],
        })  # fmt: skip
    return result

"""API endpoints of the skills framework: the open catalogue, qualifications, skill levels, profiles, mappings."""

from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from mhw.accounts.api import Error
from mhw.accounts.models import Campus
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.api.pagination import Pages
from mhw.skills.bloom import BLOOM_LEVELS
from mhw.skills.catalogue_search import search_versions
from mhw.skills.forms import CatalogueFilterForm, UloItemFormSet, UloVersionForm
from mhw.skills.levels import SKILL_LEVELS
from mhw.skills.models import Qualification, SkillsMapping, SkillsProfile, UloStatus, UloVersion
from mhw.skills.services import catalogue as catalogue_services
from mhw.skills.services.catalogue import VERSION_FIELDS, TransitionError
from mhw.skills.services.mapping import gaps_of, grid_of

router = Router(tags=["skills"])


class LinkOut(Schema):
    scheme: str
    concept_uri: str
    preferred_label: str


class ItemOut(Schema):
    code: str
    kind: str
    verb_nl: str
    verb_en: str
    object_nl: str
    object_en: str
    preposition_nl: str
    preposition_en: str
    context_nl: str
    context_en: str
    regulation_nl: str
    regulation_en: str
    links: list[LinkOut]

    @staticmethod
    def resolve_links(item):
        return list(item.links.all())


class UloSummaryOut(Schema):
    id: int
    code: str = Field(..., alias="ulo.code")
    version: int = Field(..., alias="number")
    status: str
    title_nl: str
    title_en: str
    eqf_level: int
    bloom_level: int
    campus: str = Field(..., alias="ulo.campus.slug")


class UloOut(UloSummaryOut):
    statement_nl: str
    statement_en: str
    observable_result_nl: str
    observable_result_en: str
    tasks: str
    functions: str
    published_at: datetime | None
    validated_at: datetime | None
    items: list[ItemOut]

    @staticmethod
    def resolve_items(version):
        return list(version.items.prefetch_related("links"))


class CatalogueFilter(Schema):
    q: str | None = Field(None, max_length=200)
    eqf: int | None = Field(None, ge=1, le=8)
    bloom: int | None = Field(None, ge=1, le=6)
    status: UloStatus | None = None


class ItemIn(Schema):
    kind: str
    verb_nl: str = ""
    verb_en: str = ""
    object_nl: str
    object_en: str
    preposition_nl: str = ""
    preposition_en: str = ""
    context_nl: str = ""
    context_en: str = ""
    regulation_nl: str = ""
    regulation_en: str = ""


class UloIn(Schema):
    campus: str = Field(..., description="The slug of the campus that owns the ULO.")
    title_nl: str
    title_en: str
    eqf_level: int
    bloom_level: int
    subject_nl: str = ""
    subject_en: str = ""
    verb_nl: str = ""
    verb_en: str = ""
    context_nl: str = ""
    context_en: str = ""
    conditions_nl: str = ""
    conditions_en: str = ""
    observable_result_nl: str = ""
    observable_result_en: str = ""
    tasks: str = ""
    functions: str = ""
    items: list[ItemIn] = Field(..., max_length=40)


class TransitionIn(Schema):
    action: str = Field(..., description="submit, reject, validate, publish or retire")
    remarks: str = Field("", max_length=500)


class LevelOut(Schema):
    level: int
    name: dict[str, str]
    knowledge_and_experience: dict[str, str]
    task: dict[str, str]
    person: dict[str, str]


class BloomOut(Schema):
    level: int
    name: dict[str, str]
    verbs: dict[str, list[str]]


class QualificationOut(Schema):
    id: int
    kind: str
    name_nl: str
    name_en: str
    description: str
    campus: str = Field(..., alias="campus.slug")
    ulo_versions: list[int]

    @staticmethod
    def resolve_ulo_versions(qualification):
        return [v.pk for v in qualification.ulo_versions.all()]


class RequirementOut(Schema):
    skill: str = Field(..., alias="skill_key")
    label: str
    level: int
    weight: float


class ProfileOut(Schema):
    id: int
    campus: str = Field(..., alias="campus.slug")
    organisation_id: int | None
    title_nl: str
    title_en: str
    version: int | None
    requirements: list[RequirementOut]

    @staticmethod
    def resolve_version(profile):
        return profile.current.number if profile.current else None

    @staticmethod
    def resolve_requirements(profile):
        current = profile.current
        return list(current.requirements.select_related("item", "specialism")) if current else []


class MappingOut(Schema):
    id: int
    campus: str
    title_nl: str
    title_en: str
    version: int
    roles: list[str]
    specialisms: list[str]
    current: list[list[int | None]]
    future: list[list[int | None]]
    gap: list[list[int | None]]


def _mapping_out(mapping: SkillsMapping) -> dict:
    grid = grid_of(mapping)
    roles, specialisms = range(len(grid.roles)), range(len(grid.specialisms))
    return {
        "id": mapping.pk,
        "campus": mapping.campus.slug,
        "title_nl": mapping.title_nl,
        "title_en": mapping.title_en,
        "version": mapping.version,
        "roles": [nl for nl, _en in grid.roles],
        "specialisms": [nl for _code, nl, _en in grid.specialisms],
        "current": [[grid.cells.get((r, s), (None, None))[0] for s in specialisms] for r in roles],
        "future": [[grid.cells.get((r, s), (None, None))[1] for s in specialisms] for r in roles],
        "gap": gaps_of(grid),
    }


@router.get("/catalogue/ulos", response=list[UloSummaryOut], auth=None, summary="Search the open catalogue")
@paginate(Pages)
def list_ulos(request, filters: Query[CatalogueFilter]):
    form = CatalogueFilterForm(
        {k: v for k, v in filters.dict().items() if v is not None},
        statuses=[("", ""), *UloStatus.choices],
    )
    return search_versions(request.user, form)


@router.get("/catalogue/ulos/{version_id}", response={200: UloOut, 404: Error}, auth=None)
def get_ulo(request, version_id: int):
    return get_object_or_404(UloVersion.objects.visible_to(request.user).select_related("ulo__campus"), pk=version_id)


@router.post("/catalogue/ulos", response={201: UloOut, 403: Error, 404: Error, 422: Error}, summary="Write a draft ULO")
def create_ulo(request, payload: UloIn):
    campus = get_object_or_404(Campus, slug=payload.campus)
    if not can(request.user, Capability.AUTHOR_OUTCOMES, campus.pk):
        raise PermissionDenied
    data = payload.dict()
    form = UloVersionForm({name: data[name] for name in VERSION_FIELDS})
    items = data.pop("items")
    formset = UloItemFormSet(
        {"items-TOTAL_FORMS": len(items), "items-INITIAL_FORMS": 0}
        | {f"items-{i}-{k}": v for i, item in enumerate(items) for k, v in item.items()},
        prefix="items",
    )
    if not form.is_valid() or not formset.is_valid():
        errors = dict(form.errors.get_json_data())
        errors.update({f"items.{i}": e for i, e in enumerate(formset.errors) if e})
        raise HttpError(422, "; ".join(f"{k}: {v}" for k, v in errors.items()))
    version = catalogue_services.create_ulo(
        request.user, campus=campus, data={n: form.cleaned_data[n] for n in VERSION_FIELDS}, items=formset.items()
    )
    return Status(201, version)


@router.post(
    "/catalogue/ulos/{version_id}/transitions",
    response={200: UloOut, 404: Error, 409: Error},
    summary="Take a step in the ULO's life cycle",
)
def transition_ulo(request, version_id: int, payload: TransitionIn):
    version = get_object_or_404(UloVersion.objects.visible_to(request.user), pk=version_id)
    try:
        return catalogue_services.take_transition(request.user, version, payload.action, remarks=payload.remarks)
    except TransitionError as error:
        raise HttpError(409, str(error.message)) from None


@router.get("/catalogue/skill-levels", response=list[LevelOut], auth=None, summary="Skill levels 1-5 (table 2)")
def skill_levels(request):
    return [level.__dict__ for level in SKILL_LEVELS]


@router.get("/catalogue/bloom-levels", response=list[BloomOut], auth=None, summary="Bloom levels and action verbs")
def bloom_levels(request):
    return [{"level": b.level, "name": b.name, "verbs": {k: list(v) for k, v in b.verbs.items()}} for b in BLOOM_LEVELS]


@router.get("/qualifications", response=list[QualificationOut], auth=None)
def list_qualifications(request):
    return Qualification.objects.select_related("campus").prefetch_related("ulo_versions")


@router.get("/qualifications/{qualification_id}", response={200: QualificationOut, 404: Error}, auth=None)
def get_qualification(request, qualification_id: int):
    return get_object_or_404(Qualification.objects.select_related("campus"), pk=qualification_id)


@router.get("/profiles", response={200: list[ProfileOut], 403: Error}, summary="Skills profiles you may see")
@paginate(Pages)
def list_profiles(request):
    if not (can(request.user, Capability.VIEW_SKILLS_WORK) or request.user.organisation_ids):
        raise PermissionDenied
    return SkillsProfile.objects.visible_to(request.user).select_related("campus")


@router.get("/profiles/{profile_id}", response={200: ProfileOut, 403: Error, 404: Error})
def get_profile(request, profile_id: int):
    if not (can(request.user, Capability.VIEW_SKILLS_WORK) or request.user.organisation_ids):
        raise PermissionDenied
    return get_object_or_404(SkillsProfile.objects.visible_to(request.user).select_related("campus"), pk=profile_id)


@router.get("/mappings", response={200: list[MappingOut], 403: Error}, summary="Skills mappings with their gaps")
def list_mappings(request):
    if not can(request.user, Capability.VIEW_SKILLS_WORK):
        raise PermissionDenied
    return [_mapping_out(m) for m in SkillsMapping.objects.visible_to(request.user).select_related("campus")]


@router.get("/mappings/{mapping_id}", response={200: MappingOut, 403: Error, 404: Error})
def get_mapping(request, mapping_id: int):
    if not can(request.user, Capability.VIEW_SKILLS_WORK):
        raise PermissionDenied
    mapping = get_object_or_404(SkillsMapping.objects.visible_to(request.user).select_related("campus"), pk=mapping_id)
    return _mapping_out(mapping)

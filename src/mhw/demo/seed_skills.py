"""Builds the demo skills catalogue, qualifications, rubrics and skills mapping through the real services, so the
demo ULOs carry the same history (submitted, validated, published) as ones written in the browser. Idempotent: a ULO
or mapping that is already there (by title and campus) is left alone."""

from mhw.accounts.models import Campus, User
from mhw.demo import skills_data
from mhw.demo.data import DEMO_DOMAIN
from mhw.skills.mapping_sheet import MappingGrid
from mhw.skills.models import (
    BlueprintEntry,
    Qualification,
    RegulatedAct,
    Rubric,
    RubricCriterion,
    RubricDescriptor,
    RubricLevel,
    SkillsMapping,
    UloStatus,
    UloVersion,
)
from mhw.skills.services import catalogue, mapping
from mhw.skills.services.catalogue import ITEM_FIELDS, VERSION_FIELDS

STEPS = {
    UloStatus.DRAFT: [],
    UloStatus.IN_REVIEW: [("author", "submit")],
    UloStatus.PUBLISHED: [("author", "submit"), ("expert", "validate"), ("expert", "publish")],
}


def _user(local: str) -> User:
    return User.objects.get(email=f"{local}@{DEMO_DOMAIN}")


def seed_ulos(campuses: dict[str, Campus]) -> dict[str, UloVersion]:
    versions = {}
    for ulo in skills_data.ULOS:
        campus = campuses[ulo["campus"]]
        existing = UloVersion.objects.filter(ulo__campus=campus, title_nl=ulo["title_nl"]).order_by("-number").first()
        if existing:
            versions[ulo["key"]] = existing
            continue
        actors = {"author": _user(f"docent.{campus.slug}"), "expert": _user(f"expert.{campus.slug}")}
        items = [{"kind": item["kind"]} | {name: item.get(name, "") for name in ITEM_FIELDS} for item in ulo["items"]]
        data = {name: ulo.get(name, "") for name in VERSION_FIELDS}
        data["tasks"] = "\n".join(ulo.get("tasks", []))
        data["functions"] = "\n".join(ulo.get("functions", []))
        version = catalogue.create_ulo(actors["author"], campus=campus, data=data, items=items)
        for item, stored in zip(ulo["items"], version.items.order_by("position"), strict=True):
            if item.get("esco"):
                uri, label = skills_data.ESCO_LINKS[item["esco"]]
                catalogue.link_item(actors["author"], stored, scheme="esco", concept_uri=uri, preferred_label=label)
        for role, action in STEPS[ulo["status"]]:
            version = catalogue.take_transition(actors[role], version, action, remarks="Demo")
        versions[ulo["key"]] = version
    return versions


def seed_qualifications(campuses, versions) -> None:
    for data in skills_data.QUALIFICATIONS:
        qualification, created = Qualification.objects.get_or_create(
            campus=campuses[data["campus"]],
            name_nl=data["name_nl"],
            defaults={"name_en": data["name_en"], "kind": data["kind"], "description": data["description_nl"]},
        )
        if not created:
            continue
        qualification.ulo_versions.set([versions[key] for key in data["ulos"]])
        for position, act in enumerate(data["acts"]):
            item = None
            if act.get("item"):
                key, index = act["item"]
                item = versions[key].items.order_by("position")[index]
            regulated = RegulatedAct.objects.create(
                qualification=qualification,
                position=position,
                description_nl=act["description_nl"],
                description_en=act["description_en"],
                responsibility=act["responsibility"],
                item=item,
            )
            BlueprintEntry.objects.bulk_create(
                BlueprintEntry(act=regulated, test_form=form, number_of_questions=count)
                for form, count in act["blueprint"]
            )


def seed_rubrics(versions) -> None:
    for data in skills_data.RUBRICS:
        version = versions[data["ulo"]]
        rubric, created = Rubric.objects.get_or_create(
            ulo_version=version, title_nl=data["title_nl"], defaults={"title_en": data["title_en"]}
        )
        if not created:
            continue
        levels = [
            RubricLevel.objects.create(rubric=rubric, position=i, **level) for i, level in enumerate(data["levels"])
        ]
        for position, criterion in enumerate(data["criteria"]):
            stored = RubricCriterion.objects.create(
                rubric=rubric, position=position, text_nl=criterion["text_nl"], text_en=criterion["text_en"]
            )
            RubricDescriptor.objects.bulk_create(
                RubricDescriptor(criterion=stored, level=level, text_nl=nl, text_en=en)
                for level, (nl, en) in zip(levels, criterion["descriptors"], strict=True)
            )


def seed_mappings(campuses) -> None:
    for data in skills_data.MAPPINGS:
        seed_mapping(campuses, data)


def seed_mapping(campuses, data) -> None:
    campus = campuses[data["campus"]]
    if SkillsMapping.objects.filter(campus=campus, title_nl=data["title_nl"]).exists():
        return
    codes = [code for code, _nl, _en in data["specialisms"]]
    grid = MappingGrid(
        roles=list(data["roles"]),
        specialisms=list(data["specialisms"]),
        cells={
            (r, s): data["cells"][role_nl][code]
            for r, (role_nl, _en) in enumerate(data["roles"])
            for s, code in enumerate(codes)
        },
    )
    mapping.create_mapping(
        _user(f"makelaar.{campus.slug}"),
        campus=campus,
        title_nl=data["title_nl"],
        title_en=data["title_en"],
        description=data["description"],
        grid=grid,
    )


def seed_skills(campuses: dict[str, Campus]) -> None:
    versions = seed_ulos(campuses)
    seed_qualifications(campuses, versions)
    seed_rubrics(versions)
    seed_mappings(campuses)

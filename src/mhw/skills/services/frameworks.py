"""Use cases of qualifications, regulations and rubrics."""

from django.db import transaction

from mhw.accounts.audit import record_event
from mhw.skills.models import (
    BlueprintEntry,
    Qualification,
    RegulatedAct,
    Rubric,
    RubricCriterion,
    RubricDescriptor,
    RubricLevel,
)


@transaction.atomic
def create_qualification(actor, *, campus, kind, name_nl, name_en, description, ulo_versions) -> Qualification:
    qualification = Qualification.objects.create(
        campus=campus, kind=kind, name_nl=name_nl, name_en=name_en or name_nl, description=description
    )
    qualification.ulo_versions.set(ulo_versions)
    record_event(actor, "qualification.created", qualification)
    return qualification


@transaction.atomic
def add_act(actor, qualification, *, description_nl, description_en, responsibility, item, blueprint) -> RegulatedAct:
    """Add an act reserved to VOP, VP or WV, with its assessment blueprint [(test form, number of questions)]."""
    act = RegulatedAct.objects.create(
        qualification=qualification,
        position=qualification.acts.count(),
        description_nl=description_nl,
        description_en=description_en or description_nl,
        responsibility=responsibility,
        item=item,
    )
    BlueprintEntry.objects.bulk_create(
        BlueprintEntry(act=act, test_form=form, number_of_questions=count) for form, count in blueprint if count
    )
    record_event(actor, "qualification.act_added", qualification, details={"act": act.pk})
    return act


@transaction.atomic
def create_rubric(actor, version, *, title_nl, title_en, levels, criteria, descriptors) -> Rubric:
    """A rubric: `levels` [(nl, en, score)], `criteria` [(nl, en)], `descriptors[(criterion i, level i)] = (nl, en)`."""
    rubric = Rubric.objects.create(ulo_version=version, title_nl=title_nl, title_en=title_en or title_nl)
    stored_levels = [
        RubricLevel.objects.create(rubric=rubric, position=i, name_nl=nl, name_en=en or nl, score=score)
        for i, (nl, en, score) in enumerate(levels)
    ]
    for c, (nl, en) in enumerate(criteria):
        criterion = RubricCriterion.objects.create(rubric=rubric, position=c, text_nl=nl, text_en=en or nl)
        RubricDescriptor.objects.bulk_create(
            RubricDescriptor(
                criterion=criterion,
                level=level,
                text_nl=descriptors[(c, index)][0],
                text_en=descriptors[(c, index)][1] or descriptors[(c, index)][0],
            )
            for index, level in enumerate(stored_levels)
        )
    record_event(actor, "rubric.created", version, campus_id=version.ulo.campus_id, details={"rubric": rubric.pk})
    return rubric

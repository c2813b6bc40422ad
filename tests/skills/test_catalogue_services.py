"""The ULO life cycle: codes, guards on every step, versions that leave old pointers alone."""

import re

import pytest
from django.utils import translation

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.models import AuditEvent
from mhw.skills.models import UloStatus, UloTransition, UloVersion
from mhw.skills.services import catalogue as services
from mhw.skills.services.catalogue import TransitionError
from mhw.skills.services.codes import next_code
from tests.skills.conftest import complete_items, ulo_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The messages are matched in English; the Dutch ones are checked by the translation tests.
    with translation.override("en"):
        yield


def test_codes_are_generated_unique_and_in_the_toolbox_format(team):
    first, second = team.draft(), team.draft()
    codes = [i.code for v in (first, second) for i in v.items.all()]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"(RO|VO|KO)\d{3,}", code) for code in codes)
    assert re.fullmatch(r"ULO\d{4,}", first.ulo.code)
    assert first.ulo.code != second.ulo.code
    assert [i.code[:2] for i in first.items.all()] == ["RO", "VO", "VO", "KO"]
    assert next_code("KO") == "KO003"


def test_the_whole_life_cycle_is_recorded(team):
    version = team.published()
    assert version.status == UloStatus.PUBLISHED
    assert version.validated_by == team.expert
    assert version.validation_remarks == "Klopt met de praktijk"
    steps = list(UloTransition.objects.filter(version=version).values_list("from_status", "to_status", "actor"))
    assert steps == [
        ("draft", "in_review", team.teacher.pk),
        ("in_review", "validated", team.expert.pk),
        ("validated", "published", team.expert.pk),
    ]
    actions = set(AuditEvent.objects.filter(object_id=str(version.pk)).values_list("action", flat=True))
    assert {"ulo.created", "ulo.submit", "ulo.validate", "ulo.publish"} <= actions


def test_an_incomplete_statement_cannot_be_submitted(team):
    version = team.draft(context_en="", verb_nl="weten")
    with pytest.raises(TransitionError) as error:
        services.take_transition(team.teacher, version, "submit")
    assert "context" in str(error.value)
    assert "weten" in str(error.value)
    assert UloVersion.objects.get(pk=version.pk).status == UloStatus.DRAFT


def test_a_ulo_needs_one_responsibility_and_skills_and_knowledge(team):
    version = services.create_ulo(team.teacher, campus=team.campus, data=ulo_data(), items=complete_items()[1:3])
    with pytest.raises(TransitionError, match="responsibility"):
        services.take_transition(team.teacher, version, "submit")


def test_the_author_cannot_validate_their_own_ulo(team):
    version = services.create_ulo(team.expert, campus=team.campus, data=ulo_data(), items=complete_items())
    version = services.take_transition(team.expert, version, "submit")
    with pytest.raises(TransitionError):
        services.take_transition(team.expert, version, "validate")
    assert services.allowed_actions(team.expert, version) == [services.TRANSITIONS["reject"]]


@pytest.mark.parametrize(("action", "actor"), [("validate", "teacher"), ("publish", "expert"), ("submit", "coach")])
def test_steps_out_of_order_or_by_the_wrong_role_are_refused(team, action, actor):
    version = team.draft()
    with pytest.raises(TransitionError):
        services.take_transition(getattr(team, actor), version, action)
    assert UloVersion.objects.get(pk=version.pk).status == UloStatus.DRAFT


def test_staff_of_another_campus_cannot_take_a_step(team):
    version = team.draft()
    with pytest.raises(TransitionError, match="role"):
        services.take_transition(team.other_teacher, version, "submit")


def test_sending_back_needs_a_reason(team):
    version = team.draft()
    services.take_transition(team.teacher, version, "submit")
    with pytest.raises(TransitionError, match="reason"):
        services.take_transition(team.expert, version, "reject", remarks="  ")
    services.take_transition(team.expert, version, "reject", remarks="Verb too vague")
    assert UloVersion.objects.get(pk=version.pk).status == UloStatus.DRAFT


def test_a_published_ulo_is_never_edited_in_place(team):
    version = team.published()
    with pytest.raises(TransitionError):
        services.update_draft(team.teacher, version, data=ulo_data(), items=complete_items(), expected_version=99)


def test_a_change_makes_version_two_and_version_one_stays_as_it_was(team):
    v1 = team.published()
    v1_items = {i.code: i.object_nl for i in v1.items.all()}
    v2 = services.start_new_version(team.teacher, v1.ulo)
    assert v2.number == 2
    assert v2.status == UloStatus.DRAFT
    items = [
        {"code": i.code, "kind": i.kind}
        | {f: getattr(i, f) for f in services.ITEM_FIELDS}
        | ({"object_nl": "de elektrolyser en de stack"} if i.kind == "responsibility" else {})
        for i in v2.items.all()
    ]
    services.update_draft(team.teacher, v2, data=ulo_data(title_nl="Nieuw"), items=items, expected_version=1)
    assert {i.code for i in v2.items.all()} == set(v1_items)
    services.take_transition(team.teacher, v2, "submit")
    services.take_transition(team.expert, v2, "validate")
    services.take_transition(team.expert, v2, "publish")
    v1.refresh_from_db()
    assert v1.status == UloStatus.RETIRED
    assert {i.code: i.object_nl for i in v1.items.all()} == v1_items
    assert v1.title_nl == "Veilig installeren van elektrolysers"
    assert UloVersion.objects.published().get(ulo=v1.ulo).number == 2


def test_only_one_version_is_in_progress_at_a_time(team):
    v1 = team.published()
    services.start_new_version(team.teacher, v1.ulo)
    with pytest.raises(TransitionError):
        services.start_new_version(team.teacher, v1.ulo)


def test_a_stale_draft_form_is_refused(team):
    version = team.draft()
    services.update_draft(
        team.teacher, version, data=ulo_data(title_nl="A"), items=complete_items(), expected_version=1
    )
    with pytest.raises(ConcurrentEditError):
        services.update_draft(
            team.teacher, version, data=ulo_data(title_nl="B"), items=complete_items(), expected_version=1
        )
    assert UloVersion.objects.get(pk=version.pk).title_nl == "A"


def test_drafts_are_seen_by_author_and_own_campus_only_published_by_everyone(team):
    from django.contrib.auth.models import AnonymousUser

    draft, published = team.draft(), team.published()
    assert set(UloVersion.objects.visible_to(AnonymousUser())) == {published}
    assert set(UloVersion.objects.visible_to(team.other_teacher)) == {published}
    assert set(UloVersion.objects.visible_to(team.coach)) == {draft, published}

"""Completing a module issues the achievements awarded for it, once, whoever may record the completion."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from mhw.credentials import services
from mhw.credentials.models import Achievement, IssuedCredential
from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def module_badge(world):
    badge = Achievement.objects.create(
        organisation=world.provider_a, module=world.module_a, name_nl="Basis waterstof", name_en="Hydrogen basics",
        description_nl="Basismodule afgerond.", description_en="Basic module completed.",
        criteria_nl="De module afronden.", criteria_en="Complete the module.",
    )  # fmt: skip
    badge.outcomes.set(world.module_a.outcomes.values_list("item", flat=True))
    return badge


@pytest.mark.parametrize("actor", ["teacher", "candidate_account_manager"])
def test_completing_the_module_issues_its_badge_once(world, module_badge, client_for, actor):
    staff = client_for(world.user(actor))
    staff.post(reverse("enrolment_complete", args=[world.enrolment_a.pk]))
    credential = IssuedCredential.objects.get(candidate=world.candidate_a, achievement=module_badge)
    assert services.verify(credential.document).valid
    assert credential.document["issuer"]["name"] == world.provider_a.name
    assert str(world.enrolment_a.run) in credential.document["evidence"][0]["name"]
    staff.post(reverse("enrolment_complete", args=[world.enrolment_a.pk]))
    assert IssuedCredential.objects.filter(candidate=world.candidate_a).count() == 1


def test_who_may_not_record_the_completion_issues_nothing(world, module_badge, client_for):
    response = client_for(world.user("broker")).post(reverse("enrolment_complete", args=[world.enrolment_a.pk]))
    assert response.status_code == 404
    assert not IssuedCredential.objects.exists()
    world.enrolment_a.refresh_from_db()
    assert world.enrolment_a.completed_at is None


def test_bulk_issuing_for_a_run_gives_each_participant_their_own_evidence_and_shows_progress(world, module_badge):
    run = world.enrolment_a.run
    people = [world.candidate_a, *(CandidateFactory(campus=world.campus_a) for _ in range(3))]
    for person in people[1:]:
        person.enrolments.create(run=run)
    run.enrolments.update(completed_at=timezone.now())
    run.enrolments.filter(candidate=people[-1]).update(completed_at=None)  # not completed: nothing for them
    err, out = io.StringIO(), io.StringIO()
    call_command("issue_credentials", str(module_badge.public_id), str(run.pk), "--as", world.user("teacher").email,
                 stdout=out, stderr=err)  # fmt: skip
    assert "100%" in err.getvalue()
    holders = set(IssuedCredential.objects.values_list("candidate", flat=True))
    assert holders == {p.pk for p in people[:-1]}
    assert all(services.verify(c.document).valid for c in IssuedCredential.objects.all())
    call_command("issue_credentials", str(module_badge.public_id), str(run.pk), "--as", world.user("teacher").email,
                 stdout=out, stderr=err)  # fmt: skip
    assert IssuedCredential.objects.count() == 3  # nobody gets it twice


def test_bulk_issuing_refuses_bad_arguments_and_roles(world, module_badge):
    run = world.enrolment_a.run
    run.enrolments.update(completed_at=timezone.now())
    for args in (["not-a-uuid", str(run.pk)], [str(module_badge.public_id), "999999"]):
        with pytest.raises(CommandError):
            call_command("issue_credentials", *args, "--as", world.user("teacher").email)
    with pytest.raises(CommandError):
        call_command("issue_credentials", str(module_badge.public_id), str(run.pk), "--as", "nobody@example.org")
    with pytest.raises(CommandError):
        call_command("issue_credentials", str(module_badge.public_id), str(run.pk), "--as", world.user("broker").email)
    assert not IssuedCredential.objects.exists()


def _completed_run(world, others=2):
    run = world.enrolment_a.run
    people = [world.candidate_a, *(CandidateFactory(campus=world.campus_a) for _ in range(others))]
    for person in people[1:]:
        person.enrolments.create(run=run)
    CandidateFactory(campus=world.campus_b).enrolments.create(run=run)  # another campus's participant
    run.enrolments.update(completed_at=timezone.now())
    return run, people


def test_the_bulk_page_issues_to_the_ticked_participants_each_with_their_own_evidence(world, module_badge, client_for):
    run, people = _completed_run(world)
    teacher = client_for(world.user("teacher"))
    page = teacher.get(reverse("bulk_issue"), {"achievement": module_badge.pk, "run": run.pk})
    listed = [row["enrolment"].candidate for row in page.context["rows"]]
    assert listed == sorted(people, key=lambda p: (p.last_name, p.first_name))  # not campus B's participant
    mine, skipped = (run.enrolments.get(candidate=p) for p in people[:2])
    response = teacher.post(
        reverse("bulk_issue"),
        {"achievement": module_badge.pk, "run": run.pk, "narrative": "Praktijkopdracht gehaald.",
         "recipient": [mine.pk, run.enrolments.get(candidate=people[2]).pk],
         f"evidence-{mine.pk}": "Eindopdracht met een 8 beoordeeld.", f"evidence-{skipped.pk}": "niet aangevinkt"},
    )  # fmt: skip
    assert response.status_code == 302
    issued = {c.candidate_id: c for c in IssuedCredential.objects.all()}
    assert set(issued) == {people[0].pk, people[2].pk}
    assert issued[people[0].pk].document["evidence"][0]["narrative"] == "Eindopdracht met een 8 beoordeeld."
    assert issued[people[2].pk].document["evidence"][0]["narrative"].endswith(f"{timezone.now():%d-%m-%Y}.")
    assert issued[people[0].pk].document["credentialSubject"]["narrative"] == "Praktijkopdracht gehaald."
    again = teacher.get(reverse("bulk_issue"), {"achievement": module_badge.pk, "run": run.pk})
    assert [row["enrolment"].candidate for row in again.context["rows"]] == [people[1]]


@pytest.mark.parametrize(
    "change",
    [{"recipient": []}, {"evidence": "x" * 1001}, {"narrative": "y" * 1001}],
    ids=["nobody ticked", "evidence too long", "narrative too long"],
)
def test_the_bulk_page_refuses_bad_input_and_issues_nothing(world, module_badge, client_for, change):
    run, _people = _completed_run(world, others=1)
    enrolment = world.enrolment_a
    data = {
        "achievement": module_badge.pk, "run": run.pk, "recipient": [enrolment.pk],
        f"evidence-{enrolment.pk}": change.get("evidence", "ok"), "narrative": change.get("narrative", ""),
    }  # fmt: skip
    data.update({k: v for k, v in change.items() if k == "recipient"})
    response = client_for(world.user("teacher")).post(reverse("bulk_issue"), data)
    assert response.status_code == 200
    assert response.context["errors"]
    assert not IssuedCredential.objects.exists()


def test_staff_of_another_campus_cannot_choose_this_campus_achievement(world, module_badge, client_for):
    run, _people = _completed_run(world)
    response = client_for(world.user("coach_campus_b")).post(
        reverse("bulk_issue"), {"achievement": module_badge.pk, "run": run.pk, "recipient": [world.enrolment_a.pk]}
    )
    assert response.status_code == 200
    assert "achievement" in response.context["form"].errors
    assert not IssuedCredential.objects.exists()

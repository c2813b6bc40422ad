"""The L&D network: members, questions and meetings with decisions per campus; the composition against the
toolbox's advice; each campus's staff see and change only their own network, a national admin chooses a campus."""

import datetime

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent, Organisation
from mhw.ecosystem.models import Decision, NetworkMember, NetworkQuestion, composition
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _companies(campus, size, count):
    return [OrganisationFactory(campus=campus, kind="company", size_class=size) for _ in range(count)]


def test_the_composition_meets_the_advice_only_with_five_large_companies_and_ten_smes(world):
    large, smes = _companies(world.campus_a, "large", 5), _companies(world.campus_a, "sme", 10)
    members = [NetworkMember(campus=world.campus_a, name=f"m{i}", organisation=o, role="strategic_hr")
               for i, o in enumerate([*large, *smes, large[0]])]  # fmt: skip
    assert composition(members) == {"large": 5, "smes": 10, "advised_large": 5, "advised_smes": 10,
                                    "meets_advice": True}  # fmt: skip
    assert not composition(members[1:-1])["meets_advice"]  # without the first large company: four
    assert composition(members[1:])["large"] == 5  # its second member still brings it in
    assert not composition(members[:-2])["meets_advice"]  # nine SMEs


def test_a_manager_adds_members_questions_and_a_meeting_with_decisions(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    url = f"{reverse('network')}?campus={world.campus_a.slug}"
    manager.post(url, {"add_member": "1", "name": "Maaike Dijkstra", "organisation": world.company_a.pk,
                       "role": "strategic_hr", "position": "HR-directeur"})  # fmt: skip
    manager.post(url, {"add_question": "1", "theme": "inflow", "text": "Hoe trekken we technici aan?"})
    question = NetworkQuestion.objects.get()
    meeting = {"add_meeting": "1", "held_on": "2026-10-14", "title": "Najaar", "decision_0": "Community starten",
               "owner_0": "Campus", "question_0": question.pk, "decision_1": ""}  # fmt: skip
    manager.post(url, meeting)
    [decision] = Decision.objects.all()
    assert (decision.text, decision.question, decision.meeting.held_on) == (
        "Community starten",
        question,
        datetime.date(2026, 10, 14),
    )
    manager.post(reverse("network_question_status", args=[question.pk]), {"status": "answered"})
    question.refresh_from_db()
    assert question.status == "answered"
    page = manager.get(url)
    assert page.context["composition"]["large"] == (1 if world.company_a.size_class == "large" else 0)
    assert {e.action for e in AuditEvent.objects.filter(action__startswith="network.")} >= {
        "network.member_added",
        "network.question_added",
        "network.meeting_recorded",
        "network.question_status",
    }


def test_bad_input_and_other_campuses_change_nothing(world, client_for):
    manager = client_for(world.user("company_account_manager"))
    url = f"{reverse('network')}?campus={world.campus_a.slug}"
    elsewhere = OrganisationFactory(campus=world.campus_b)
    for data in ({"add_member": "1", "name": "", "role": "educator"},
                 {"add_member": "1", "name": "X", "role": "educator", "organisation": elsewhere.pk},
                 {"add_question": "1", "theme": "nonsense", "text": "Vraag"},
                 {"add_meeting": "1", "held_on": "geen datum", "title": "x"}):  # fmt: skip
        assert manager.post(url, data).status_code == 200
    assert not NetworkMember.objects.exists()
    assert not NetworkQuestion.objects.exists()
    question = NetworkQuestion.objects.create(campus=world.campus_b, theme="inflow", text="Elders")
    assert (
        manager.post(reverse("network_question_status", args=[question.pk]), {"status": "answered"}).status_code == 404
    )
    response = manager.get(f"{reverse('network')}?campus={world.campus_b.slug}")
    assert response.context["campus"] == world.campus_a  # not allowed there: the own campus is shown


def test_a_national_admin_chooses_any_campus_and_a_viewer_cannot_change(world, client_for):
    NetworkMember.objects.create(campus=world.campus_b, name="Tarik", role="educator")
    admin = client_for(world.user("national_admin"))
    page = admin.get(f"{reverse('network')}?campus={world.campus_b.slug}")
    assert [m.name for m in page.context["members"]] == ["Tarik"]
    assert len(page.context["campuses"]) >= 2
    teacher = client_for(world.user("teacher"))
    refused = teacher.post(reverse("network"), {"add_question": "1", "theme": "inflow", "text": "Mag dit?"})
    assert refused.status_code == 403
    assert not NetworkQuestion.objects.filter(campus=world.campus_a).exists()
    assert Organisation.objects.exists()

"""The individual route in use: registering through the portal, steps with their guards, intake reads audited."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from mhw.accounts.models import AuditEvent, User
from mhw.candidates.models import Candidate, Consent, IntakeResult, PipelineEvent
from mhw.candidates.models.candidate import STAGE_CHOICES
from mhw.candidates.pipeline import STAGES
from mhw.candidates.services import route
from mhw.candidates.services.route import RouteError

pytestmark = pytest.mark.django_db


def _registration(world, **changes):
    return {
        "campus": world.campus_a.pk,
        "first_name": "Michael",
        "last_name": "de Boer",
        "email": "michael.deboer@example.org",
        "current_occupation": "Scheepswerktuigkundige",
        "trajectory": "lateral_entry",
        "background": "Twaalf jaar machinist op de koopvaardij.",
        "motivation": "Vaste wal, nieuwe techniek.",
        "password": "Waterstof-2026-veilig",
        "consent_programme": "on",
    } | changes


def test_the_stage_labels_follow_the_state_machine():
    assert tuple(code for code, _label in STAGE_CHOICES) == STAGES


def test_a_professional_registers_through_the_portal_with_consent(world, client):
    response = client.post(reverse("register"), _registration(world))
    assert response.status_code == 302
    candidate = Candidate.objects.get(email="michael.deboer@example.org")
    assert candidate.stage == "registered"
    assert candidate.user.check_password("Waterstof-2026-veilig")
    assert [c.text.scope for c in candidate.consents.all()] == ["programme"]
    assert list(PipelineEvent.objects.filter(candidate=candidate).values_list("action", "actor")) == [
        ("register", candidate.user.pk)
    ]
    assert client.get(reverse("dashboard")).context["own_candidate"] == candidate


@pytest.mark.parametrize(
    "changes",
    [
        {"consent_programme": ""},
        {"email": "not-an-address"},
        {"password": "12345"},
        {"trajectory": "space"},
    ],
)
def test_a_refused_registration_creates_nothing(world, client, changes):
    users = User.objects.count()
    data = {k: v for k, v in _registration(world, **changes).items() if v != ""}
    response = client.post(reverse("register"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert User.objects.count() == users
    assert not Candidate.objects.filter(email="michael.deboer@example.org").exists()


def test_an_address_with_an_account_cannot_register_again(world, client):
    response = client.post(reverse("register"), _registration(world, email=world.user("coach").email))
    assert "email" in response.context["form"].errors


def test_a_step_whose_facts_do_not_hold_is_refused_with_what_is_missing(world):
    coach, candidate = world.user("coach"), world.candidate_a
    candidate = route.take_step(coach, candidate, "register")
    with pytest.raises(RouteError, match="intake"):
        route.take_step(coach, candidate, "complete_intake")
    IntakeResult.objects.create(
        candidate=candidate, kind="interview", taken_on="2026-11-01", source="coach", summary="x", recorded_by=coach
    )
    candidate = route.take_step(coach, candidate, "complete_intake")
    assert candidate.stage == "intake_done"
    with pytest.raises(RouteError):
        route.take_step(coach, candidate, "reject")
    assert Candidate.objects.get(pk=candidate.pk).stage == "intake_done"
    assert [e.to_stage for e in candidate.pipeline_events.all()] == ["registered", "intake_done"]


def test_the_teacher_records_training_steps_but_not_selection(world):
    candidate = world.candidate_a
    Candidate.objects.filter(pk=candidate.pk).update(stage="basic_modules_done")
    candidate.refresh_from_db()
    teacher = world.user("teacher")
    with pytest.raises(PermissionDenied):
        route.take_step(teacher, candidate, "withdraw", reason="wil niet meer")
    assert route.take_step(teacher, candidate, "go").stage == "in_training"


def test_upskilling_is_enrolled_only_with_the_sponsoring_employer(world):
    coach, candidate = world.user("coach"), world.candidate_a
    Candidate.objects.filter(pk=candidate.pk).update(stage="selected", trajectory="upskilling")
    candidate.refresh_from_db()
    with pytest.raises(RouteError, match=r"employer|werkgever"):
        route.take_step(coach, candidate, "enrol")
    Candidate.objects.filter(pk=candidate.pk).update(employer=world.company_a)
    candidate.refresh_from_db()
    assert route.take_step(coach, candidate, "enrol").stage == "enrolled"


def test_reading_intake_results_is_audited_and_kept_from_the_teacher(world, client_for):
    coach, candidate = world.user("coach"), world.candidate_a
    client_for(coach).post(
        reverse("intake_record", args=[candidate.pk]),
        {
            "kind": "cognitive",
            "taken_on": "2026-11-03",
            "source": "Assessmentbureau Noord",
            "summary": "Bovengemiddeld",
        },
    )
    assert candidate.intake_results.count() == 1
    page = client_for(coach).get(reverse("candidate_detail", args=[candidate.pk])).content.decode()
    assert "Bovengemiddeld" in page
    assert AuditEvent.objects.filter(action="candidate.intake_viewed", actor=coach).count() == 1
    teacher_page = client_for(world.user("teacher")).get(reverse("candidate_detail", args=[candidate.pk]))
    assert "Bovengemiddeld" not in teacher_page.content.decode()
    assert not AuditEvent.objects.filter(action="candidate.intake_viewed", actor=world.user("teacher")).exists()


def test_withdrawing_consent_takes_effect_at_once(world, client_for):
    client = client_for(world.user("candidate"))
    client.post(reverse("consent_withdraw", args=[world.consent_a.pk]))
    assert Consent.objects.get(pk=world.consent_a.pk).withdrawn_at is not None
    assert "consent" not in route.route_facts(world.candidate_a)
    with pytest.raises(RouteError):
        route.take_step(world.user("candidate"), world.candidate_a, "register")
    client.post(reverse("consent_give", args=["programme"]))
    assert "consent" in route.route_facts(world.candidate_a)
    assert Consent.objects.filter(candidate=world.candidate_a).count() == 2


def test_the_route_completes_only_after_the_students_evaluation(world, client_for):
    candidate = world.candidate_a
    Candidate.objects.filter(pk=candidate.pk).update(stage="onboarding")
    candidate.refresh_from_db()
    with pytest.raises(RouteError):
        route.take_step(world.user("coach"), candidate, "complete")
    response = client_for(world.user("candidate")).post(
        reverse("evaluation", args=[candidate.pk]), {"preparation": 4, "guidance": 5, "recommend": 5, "remarks": "Top"}
    )
    assert response.status_code == 302
    again = client_for(world.user("candidate")).post(
        reverse("evaluation", args=[candidate.pk]), {"preparation": 1, "guidance": 1, "recommend": 1}
    )
    assert again.context["form"].non_field_errors()
    assert route.take_step(world.user("coach"), candidate, "complete").stage == "completed"


def test_the_figures_count_a_candidate_who_reached_a_contract(world, client_for):
    coach = world.user("coach")
    route.take_step(coach, world.candidate_a, "register")
    contract = world.declaration_a.contract
    contract.signed_by_company_at = contract.signed_by_candidate_at = timezone.now()
    contract.save()
    figures_page = client_for(coach).get(reverse("programme_figures"))
    registered = next(count for _label, count, _share in figures_page.context["funnel"])
    assert registered == 1
    assert figures_page.context["time_to_job"].count == 1
    assert figures_page.context["total"] == 1
    other_campus = client_for(world.user("coach_campus_b")).get(reverse("programme_figures"))
    assert other_campus.context["time_to_job"].count == 0


def test_the_coach_plans_sessions_the_candidate_sees_them_and_attendance_is_kept(world, client_for):
    coach = client_for(world.user("coach"))
    response = coach.post(
        reverse("session_plan", args=[world.candidate_a.pk]),
        {"session-kind": "application_training", "session-planned_at": "2030-01-20T10:00", "session-topic": "Oefenen"},
    )
    assert response.status_code == 302
    session = world.candidate_a.sessions.get(kind="application_training")
    coach.post(reverse("session_attendance", args=[session.pk]), {"attended": "no"})
    session.refresh_from_db()
    assert session.attended is False
    dashboard = client_for(world.user("candidate")).get(reverse("dashboard"))
    assert session in dashboard.context["own_sessions"]
    bad = client_for(world.user("coach")).post(
        reverse("session_plan", args=[world.candidate_a.pk]), {"session-kind": "party", "session-planned_at": "morgen"}
    )
    assert bad.status_code == 302
    assert world.candidate_a.sessions.count() == 2

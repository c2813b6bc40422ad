import json

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent, Organisation
from mhw.accounts.roles import Role
from mhw.candidates.models import Candidate
from tests.factories import CandidateFactory, OrganisationFactory, national_admin, staff

pytestmark = pytest.mark.django_db


def _form_data(candidate: Candidate, **changes) -> dict:
    data = {
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "city": candidate.city,
        "current_occupation": candidate.current_occupation,
        "trajectory": candidate.trajectory,
        "employer": candidate.employer_id or "",
        "coach": candidate.coach_id or "",
        "version": candidate.version,
    }
    data.update(changes)
    return data


def test_a_coach_of_another_campus_gets_404_for_a_candidate_on_page_and_api(world, client_for):
    client = client_for(world.user("coach_campus_b"))
    assert client.get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk})).status_code == 404
    assert client.get(f"/api/v1/candidates/{world.candidate_a.pk}").status_code == 404
    missing = client.get(reverse("candidate_detail", kwargs={"pk": 999_999}))
    assert missing.status_code == 404
    listed = client.get("/api/v1/candidates").json()["items"]
    assert [c["id"] for c in listed] == [world.candidate_b.pk]


def test_reading_a_candidate_is_audited_without_personal_values(world, client_for):
    client = client_for(world.user("teacher"))
    client.get(reverse("candidate_detail", kwargs={"pk": world.candidate_a.pk}))
    client.get(f"/api/v1/candidates/{world.candidate_a.pk}")
    events = AuditEvent.objects.filter(action="candidate.viewed", object_id=str(world.candidate_a.pk))
    assert events.count() == 2
    assert {e.actor_id for e in events} == {world.user("teacher").pk}
    assert {e.campus_id for e in events} == {world.campus_a.pk}


def test_editing_a_candidate_saves_and_logs_only_field_names(world, client_for):
    candidate = world.candidate_a
    client = client_for(world.user("coach"))
    response = client.post(
        reverse("candidate_edit", kwargs={"pk": candidate.pk}), _form_data(candidate, city="Appingedam")
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.city, candidate.version) == ("Appingedam", 2)
    event = AuditEvent.objects.get(action="candidate.updated")
    assert event.details == {"fields": ["city"]}
    assert "Appingedam" not in json.dumps(event.details)


def test_a_stale_edit_is_refused_and_the_newer_save_survives(world, client_for):
    candidate = world.candidate_a
    client = client_for(world.user("coach"))
    url = reverse("candidate_edit", kwargs={"pk": candidate.pk})
    client.post(url, _form_data(candidate, city="First"))
    response = client.post(url, _form_data(candidate, city="Stale"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    candidate.refresh_from_db()
    assert candidate.city == "First"


def test_a_stale_api_patch_answers_409_and_changes_nothing(world, client_for):
    client = client_for(world.user("coach"))
    url = f"/api/v1/candidates/{world.candidate_a.pk}"
    assert client.patch(url, {"version": 1, "city": "First"}, content_type="application/json").status_code == 200
    response = client.patch(url, {"version": 1, "city": "Stale"}, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["detail"]
    assert Candidate.objects.get(pk=world.candidate_a.pk).city == "First"


@pytest.mark.parametrize(
    "body",
    [
        {"version": 1, "email": "not-an-address"},
        {"version": 1, "trajectory": "upskilling"},
        {"version": 1, "first_name": ""},
        {"version": "one"},
        {"city": "no version"},
        {"version": 1, "trajectory": "astronaut"},
        {"version": 1, "coach_id": 999_999},
    ],
)
def test_a_bad_api_patch_answers_422_with_a_message_and_changes_nothing(world, client_for, body):
    client = client_for(world.user("coach"))
    before = Candidate.objects.get(pk=world.candidate_a.pk)
    response = client.patch(f"/api/v1/candidates/{world.candidate_a.pk}", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"]
    after = Candidate.objects.get(pk=world.candidate_a.pk)
    assert (after.version, after.email, after.trajectory) == (before.version, before.email, before.trajectory)


def test_malformed_json_is_a_clear_4xx(world, client_for):
    client = client_for(world.user("coach"))
    response = client.patch(f"/api/v1/candidates/{world.candidate_a.pk}", "{not json", content_type="application/json")
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


def test_upskilling_needs_an_employer_of_the_same_campus(world, client_for):
    client = client_for(world.user("coach"))
    url = reverse("candidate_edit", kwargs={"pk": world.candidate_a.pk})
    response = client.post(url, _form_data(world.candidate_a, trajectory="upskilling"))
    assert "employer" in response.context["form"].errors
    other_campus_company = OrganisationFactory(campus=world.campus_b)
    response = client.post(
        url, _form_data(world.candidate_a, trajectory="upskilling", employer=other_campus_company.pk)
    )
    assert "employer" in response.context["form"].errors
    response = client.post(url, _form_data(world.candidate_a, trajectory="upskilling", employer=world.company_a.pk))
    assert response.status_code == 302
    assert Candidate.objects.get(pk=world.candidate_a.pk).employer == world.company_a


def test_a_coach_of_another_campus_cannot_be_assigned(world, client_for):
    client = client_for(world.user("coach"))
    url = reverse("candidate_edit", kwargs={"pk": world.candidate_a.pk})
    response = client.post(url, _form_data(world.candidate_a, coach=world.user("coach_campus_b").pk))
    assert "coach" in response.context["form"].errors


def test_registering_a_candidate_at_the_own_campus(world, client_for):
    client = client_for(world.user("candidate_account_manager"))
    data = _form_data(CandidateFactory.build(campus=world.campus_a), email="Nieuw@Example.org", version="")
    response = client.post(reverse("candidate_create"), data)
    assert response.status_code == 302
    candidate = Candidate.objects.get(email="nieuw@example.org")
    assert candidate.campus == world.campus_a
    assert AuditEvent.objects.filter(action="candidate.registered", object_id=str(candidate.pk)).exists()
    again = client.post(reverse("candidate_create"), data)
    assert "email" in again.context["form"].errors


def test_a_national_admin_first_chooses_the_campus(world, client_for):
    client = client_for(national_admin())
    response = client.get(reverse("candidate_create"))
    assert "chooser" in response.context
    response = client.get(reverse("candidate_create"), {"campus": world.campus_b.pk})
    assert response.context["form"].campus == world.campus_b


def test_companies_see_no_candidates_without_a_match(world):
    assert not Candidate.objects.visible_to(world.user("company_hr")).exists()
    assert not Candidate.objects.visible_to(world.user("provider_staff")).exists()


def test_a_candidate_sees_only_their_own_record(world):
    assert list(Candidate.objects.visible_to(world.user("candidate"))) == [world.candidate_a]


def test_staff_who_are_candidates_elsewhere_see_their_campus_and_their_own_record(world, client_for):
    coach = world.user("coach")
    own = CandidateFactory(campus=world.campus_b, user=coach, first_name="Eigen", last_name="Dossier")
    at_a = set(Candidate.objects.filter(campus=world.campus_a).values_list("pk", flat=True))
    assert set(Candidate.objects.visible_to(coach).values_list("pk", flat=True)) == at_a | {own.pk}
    listed = client_for(coach).get(reverse("candidate_list")).context["page"].object_list
    assert own in listed
    assert not [c for c in listed if c.campus_id == world.campus_b.pk and c != own]


def test_the_candidate_list_searches_and_answers_htmx_with_rows_only(world, client_for):
    CandidateFactory(campus=world.campus_a, first_name="Sophie", last_name="Meijer")
    client = client_for(world.user("coach"))
    response = client.get(reverse("candidate_list"), {"q": "meijer"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Sophie Meijer" in page
    assert world.candidate_a.full_name not in page
    assert "<html" not in page


def test_roles_without_candidate_rights_are_refused(world, client_for):
    for actor in ("broker", "company_hr", "provider_staff", "candidate"):
        assert client_for(world.user(actor)).get(reverse("candidate_list")).status_code == 403
    staff_without_manage = staff(Role.TEACHER, world.campus_a)
    response = client_for(staff_without_manage).get(reverse("candidate_edit", kwargs={"pk": world.candidate_a.pk}))
    assert response.status_code == 403
    assert Organisation.objects.visible_to(world.user("candidate")).count() == 0

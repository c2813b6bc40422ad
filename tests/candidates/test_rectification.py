"""The right to rectification: a candidate corrects their own details; the audit log names the changed fields, not
their values; a stale form, a bad value or someone else's address changes nothing."""

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent
from mhw.candidates.models import Candidate
from tests.factories import CandidateFactory

pytestmark = pytest.mark.django_db


def _form(candidate: Candidate, **changes) -> dict:
    fields = ("first_name", "last_name", "email", "phone", "city", "current_occupation", "version")
    return {name: getattr(candidate, name) for name in fields} | changes


def test_a_candidate_corrects_their_details_and_the_audit_log_holds_no_values(world, client_for):
    client = client_for(world.user("candidate"))
    candidate = world.candidate_a
    response = client.post(reverse("my_details"), _form(candidate, city="Delfzijl", phone="06 12345678"))
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert (candidate.city, candidate.phone) == ("Delfzijl", "06 12345678")
    event = AuditEvent.objects.get(action="candidate.rectified")
    assert event.details == {"fields": ["phone", "city"]}
    assert "Delfzijl" not in str(event.details)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"email": "geen-adres"}, "email"),
        ({"first_name": ""}, "first_name"),
        ({"version": "oud"}, "version"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(world, client_for, changes, error):
    client = client_for(world.user("candidate"))
    before = Candidate.objects.get(pk=world.candidate_a.pk)
    response = client.post(reverse("my_details"), _form(before, city="Emmen", **changes))
    assert response.status_code == 200
    assert error in response.context["form"].errors
    assert Candidate.objects.get(pk=before.pk).city == before.city


def test_an_address_of_another_candidate_at_the_campus_is_refused(world, client_for):
    other = CandidateFactory(campus=world.campus_a, email="bezet@example.org")
    response = client_for(world.user("candidate")).post(
        reverse("my_details"), _form(world.candidate_a, email=other.email.upper())
    )
    assert "email" in response.context["form"].errors


def test_a_stale_form_tells_the_candidate_someone_else_changed_the_record(world, client_for):
    stale = _form(world.candidate_a, city="Assen")
    Candidate.objects.filter(pk=world.candidate_a.pk).update(version=world.candidate_a.version + 1, city="Hoogeveen")
    response = client_for(world.user("candidate")).post(reverse("my_details"), stale)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Candidate.objects.get(pk=world.candidate_a.pk).city == "Hoogeveen"


def test_the_dashboard_links_the_candidate_to_their_details(world, client_for):
    page = client_for(world.user("candidate")).get(reverse("dashboard")).content.decode()
    assert reverse("my_details") in page

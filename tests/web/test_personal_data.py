"""The right of access: everything that points at a person — their record, consents, intake, declarations,
credentials, registrations by e-mail address, the audit lines about them — in one download, without secrets; the
candidate gets their own, the candidate office those of its campus; every download is audited."""

import json

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent
from mhw.metro.models import Registration
from tests.metro import fixtures

pytestmark = pytest.mark.django_db


def test_a_candidate_downloads_everything_that_points_at_them(world, client_for):
    Registration.objects.create(session=fixtures.session(world), name="Michael", email=world.candidate_a.email.upper(),
                                status="confirmed")  # fmt: skip
    me = client_for(world.user("candidate"))
    data = json.loads(me.get(reverse("my_data", args=["json"])).content)
    assert [row["id"] for row in data["candidates.Candidate"]] == [world.candidate_a.pk]
    assert {"candidates.Consent", "candidates.DeclarationOfIntent", "candidates.Enrolment", "metro.Registration",
            "accounts.User", "accounts.AuditEvent"} <= set(data)  # fmt: skip
    assert "password" not in data["accounts.User"][0]
    assert world.candidate_b.first_name not in json.dumps(data["candidates.Candidate"])
    assert me.get(reverse("my_data", args=["pdf"])).content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action="candidate.data_exported").count() == 2


def test_the_candidate_office_downloads_for_its_own_campus_only(world, client_for):
    coach = client_for(world.user("coach"))
    assert coach.get(reverse("candidate_data", args=[world.candidate_a.pk, "json"])).status_code == 200
    assert coach.get(reverse("candidate_data", args=[world.candidate_b.pk, "json"])).status_code == 404
    assert coach.get(reverse("candidate_data", args=[world.candidate_a.pk, "xml"])).status_code == 404
    teacher = client_for(world.user("teacher"))  # sees the candidate, but does not manage their record
    assert teacher.get(reverse("candidate_data", args=[world.candidate_a.pk, "json"])).status_code == 404
    assert client_for(world.user("coach")).get(reverse("my_data", args=["json"])).status_code == 404

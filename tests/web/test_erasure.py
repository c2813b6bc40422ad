"""The right to be forgotten: after erasure no table holds any of the person's names, addresses or numbers — checked
on a dump of every table — while the figures keep an anonymous record; only the candidate office may erase."""

import pytest
from django.db import connection
from django.urls import reverse

from mhw.accounts.models import AuditEvent
from mhw.candidates.models import Candidate, IntakeResult, PipelineEvent
from mhw.metro.models import Registration
from mhw.recruitment.services import sign_up
from tests.metro import fixtures

pytestmark = pytest.mark.django_db
VALUES = ["Zebulon", "Quaxleberg", "zebulon.quaxleberg@voorbeeld.example", "0699887766"]


def _dump() -> str:
    rows = []
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            rows += [repr(row) for row in cursor.fetchall()]
    return "\n".join(rows).lower()


def test_after_erasure_no_table_holds_the_persons_values(world, client_for):
    candidate, user = world.candidate_a, world.user("candidate")
    Candidate.objects.filter(pk=candidate.pk).update(first_name=VALUES[0], last_name=VALUES[1], email=VALUES[2],
                                                     phone=VALUES[3])  # fmt: skip
    user.email, user.full_name = VALUES[2], f"{VALUES[0]} {VALUES[1]}"
    user.save()
    candidate.refresh_from_db()
    IntakeResult.objects.create(candidate=candidate, kind="interview", taken_on="2026-11-01", source="coach",
                                summary=f"Gesprek met {VALUES[0]}", recorded_by=world.user("coach"))  # fmt: skip
    Registration.objects.create(session=fixtures.session(world), name=f"{VALUES[0]} {VALUES[1]}", email=VALUES[2],
                                status="confirmed")  # fmt: skip
    sign_up(world.event_a, name=f"{VALUES[0]} {VALUES[1]}", email=VALUES[2], phone=VALUES[3])
    client_for(user).get(reverse("dashboard"))  # the person's own actions are audited under their address
    client_for(world.user("coach")).get(reverse("candidate_detail", args=[candidate.pk]))
    events = PipelineEvent.objects.count()
    dump = _dump()
    assert all(value.lower() in dump for value in VALUES)

    office = client_for(world.user("coach"))
    assert office.post(reverse("candidate_erase", args=[candidate.pk]), {}).status_code == 200  # not confirmed
    assert VALUES[0].lower() in _dump()
    office.post(reverse("candidate_erase", args=[candidate.pk]), {"confirm": "on"})
    dump = _dump()
    assert [value for value in VALUES if value.lower() in dump] == []
    assert not IntakeResult.objects.filter(candidate=candidate).exists()
    assert Candidate.objects.filter(pk=candidate.pk).exists()  # the figures keep the anonymous record
    assert PipelineEvent.objects.count() == events
    assert AuditEvent.objects.filter(action="candidate.erased").exists()
    user.refresh_from_db()
    assert not user.is_active


def test_only_the_candidate_office_of_the_campus_may_erase(world, client_for):
    for actor, status in (("teacher", 403), ("coach_campus_b", 404), ("company_hr", 403)):
        assert (
            client_for(world.user(actor))
            .post(reverse("candidate_erase", args=[world.candidate_a.pk]), {"confirm": "on"})
            .status_code
            == status
        )
    assert Candidate.objects.get(pk=world.candidate_a.pk).first_name != "Gewiste"

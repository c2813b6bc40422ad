"""Every failed authorization is audited: who, which route and method, never the values in the request."""

import pytest
from django.urls import reverse

from mhw.accounts.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_a_refused_page_is_audited_without_the_request_values(world, client_for):
    teacher = client_for(world.user("teacher"))
    assert teacher.get(reverse("achievement_list"), {"q": "Michael Zwart"}).status_code == 403
    [event] = AuditEvent.objects.filter(action="access.denied")
    assert event.actor == world.user("teacher")
    assert event.details == {"route": "achievement_list", "method": "GET"}
    assert "Michael" not in str(event.details) + event.reason


def test_a_refused_api_call_is_audited(world, client_for):
    assert client_for(world.user("teacher")).get("/api/v1/audit-events").status_code == 403
    [event] = AuditEvent.objects.filter(action="access.denied")
    assert event.details["method"] == "GET"
    assert event.details["route"]

"""Field-level rules on every route: a company that may see a matched, consenting candidate never sees the results
of the candidate's intake (special-care personal data), on any page or API answer."""

import datetime

import pytest

from mhw.candidates.models import IntakeResult
from tests.test_permission_matrix import API, PAGES, _request, _situation

pytestmark = pytest.mark.django_db

SUMMARY = "Cognitieve toets: percentiel 83, ruimtelijk inzicht sterk"
CONCLUSION = "Je kunt de technische theorie goed aan; plan extra oefentijd voor rekenen."
GETS = {**{name: route for name, route in PAGES.items() if route.method == "get"},
        **{key: route for key, route in API.items() if route.method == "get"}}  # fmt: skip


@pytest.mark.parametrize("actor", ["company_hr_consent_given", "company_hr"])
def test_a_company_sees_no_intake_result_on_any_route(world, client_for, actor):
    IntakeResult.objects.create(
        candidate=world.candidate_a, kind="cognitive", taken_on=datetime.date(2026, 11, 2), source="Testbureau",
        summary=SUMMARY, conclusions_for_candidate=CONCLUSION, recorded_by=world.user("coach"),
    )  # fmt: skip
    seen = 0
    with _situation(actor, world):
        client = client_for(world.user(actor))
        for route in GETS.values():
            response = _request(client, route, world)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert SUMMARY.encode() not in body
            assert CONCLUSION.encode() not in body
            seen += response.status_code == 200
    assert seen > 20  # the company did reach pages, among them candidate A's path and credentials


def test_the_candidates_coach_does_see_the_intake_result(world, client_for):
    IntakeResult.objects.create(
        candidate=world.candidate_a, kind="cognitive", taken_on=datetime.date(2026, 11, 2), source="Testbureau",
        summary=SUMMARY, recorded_by=world.user("coach"),
    )  # fmt: skip
    response = _request(client_for(world.user("coach")), PAGES["candidate_detail"], world)
    assert SUMMARY in response.content.decode()

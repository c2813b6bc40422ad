"""No input makes the API or a form answer 500: bad input gets a 4xx with a message, and changes nothing."""

import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.candidates.models import Candidate

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
candidate_fields = st.sampled_from(
    ["version", "first_name", "email", "trajectory", "employer_id", "coach_id", "phone", "unknown"]
)
patch_bodies = st.dictionaries(candidate_fields, json_values, max_size=5) | json_values
query_values = st.text(max_size=30)
hypothesis_settings = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def coach_client(world, client_for):
    return client_for(world.user("coach"))


@given(body=patch_bodies)
@hypothesis_settings
def test_any_json_sent_to_a_candidate_is_answered_without_a_server_error(world, coach_client, body):
    before = Candidate.objects.get(pk=world.candidate_a.pk)
    response = coach_client.patch(
        f"/api/v1/candidates/{world.candidate_a.pk}", json.dumps(body), content_type="application/json"
    )
    assert response.status_code < 500
    if response.status_code != 200:
        assert response.json()["detail"]
        assert Candidate.objects.get(pk=world.candidate_a.pk).version == before.version


@given(limit=query_values, offset=query_values, kind=query_values, q=query_values)
@hypothesis_settings
def test_any_query_string_on_the_lists_is_answered_without_a_server_error(coach_client, limit, offset, kind, q):
    for path in ("/api/v1/candidates", "/api/v1/organisations", "/api/v1/audit-events"):
        response = coach_client.get(path, {"limit": limit, "offset": offset, "kind": kind, "trajectory": kind, "q": q})
        assert response.status_code < 500
    for name in ("candidate_list", "organisation_list"):
        response = coach_client.get(reverse(name), {"page": offset, "q": q, "kind": kind, "trajectory": kind})
        assert response.status_code == 200


@given(
    form=st.fixed_dictionaries(
        {},
        optional={
            field: st.text(max_size=60)
            for field in ("first_name", "last_name", "email", "trajectory", "employer", "coach", "version", "phone")
        },
    )
)
@hypothesis_settings
def test_any_candidate_form_is_answered_without_a_server_error(world, coach_client, form):
    url = reverse("candidate_edit", kwargs={"pk": world.candidate_a.pk})
    response = coach_client.post(url, form)
    assert response.status_code in (200, 302)


@given(body=st.text(max_size=80))
@hypothesis_settings
def test_malformed_bodies_are_refused_with_a_message(coach_client, body):
    response = coach_client.post("/api/v1/tokens", body, content_type="application/json")
    assert response.status_code in (201, 400, 422)
    assert response.status_code == 201 or response.json()["detail"]


@pytest.mark.parametrize("query", ["limit=0", "limit=201", "offset=-1", "offset=2147483648", "limit=1e40", "limit=x"])
def test_a_page_outside_the_bounds_is_refused_with_a_message(world, coach_client, query):
    response = coach_client.get(f"/api/v1/organisations?{query}")
    assert response.status_code == 422
    assert response.json()["errors"]

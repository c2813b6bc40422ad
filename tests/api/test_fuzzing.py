"""The API fuzzed by schemathesis from its own OpenAPI document, once per role.

Every operation gets generated requests (valid and invalid parameters and bodies, path ids that exist and ids that
do not) as each kind of caller, and every answer must be: no server error, a status code the document lists for the
operation, and a body that matches the documented schema. The number of cases per operation and role comes from
``MHW_FUZZ_EXAMPLES`` (a short run by default, with a fixed seed so CI is reproducible; ``make fuzz`` runs 500).
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from mhw.accounts.models import ApiToken
from mhw.accounts.tokens import new_token_secret, token_hash
from mhw.api.urls import api
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import consent as consent_services

EXAMPLES = int(os.environ.get("MHW_FUZZ_EXAMPLES", "8"))
SEED = int(os.environ.get("MHW_FUZZ_SEED", "20261206"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

SCHEMA = schemathesis.openapi.from_dict(api.get_openapi_schema())
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
APP = WSGIHandler()
#: Who calls: nobody, the candidate, a coach of campus A and of campus B, a company without a match, a company
#: matched with a consenting candidate, and the national administrator.
ROLES = ("anonymous", "candidate", "coach", "coach_campus_b", "company_unmatched", "company_matched", "admin")


def _token_for(user) -> str:
    prefix, raw = new_token_secret()
    ApiToken.objects.create(user=user, name="fuzz", prefix=prefix, key_hash=token_hash(raw))
    return raw


def _caller(world, role: str):
    if role == "anonymous":
        return None
    if role == "company_unmatched":
        return world.user("company_hr_unmatched")
    if role == "company_matched":
        consent_services.give_consent(world.user("candidate"), world.candidate_a, ConsentScope.SHARE_WITH_COMPANIES)
        return world.user("company_hr")
    return world.user("national_admin" if role == "admin" else role)


def _known_ids(world) -> dict[str, list]:
    """Ids that exist, so the fuzzer reaches the code behind the 404 as well as the 404 itself."""
    skills = world.skills
    return {
        "candidate_id": [world.candidate_a.pk, world.candidate_b.pk],
        "profile_id": [skills.profile.pk],
        "mapping_id": [skills.mapping.pk],
        "version_id": [skills.published.pk, skills.draft.pk],
        "qualification_id": [skills.qualification.pk],
        "module_id": [world.module_a.pk],
        "organisation_id": [world.company_a.pk, world.provider_a.pk],
        "token_id": [world.coach_token.pk],
        "slug": [world.campus_a.slug, world.campus_b.slug],
    }


@pytest.fixture
def test_transaction_kept():
    """The requests run in-process inside the test's transaction: like Django's test client, do not let the end of a
    request close the database connection (on PostgreSQL that would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("test_transaction_kept")
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda operation: operation.label)
def test_every_operation_answers_as_documented(world, role, operation):
    caller = _caller(world, role)
    headers = {"Authorization": f"Bearer {_token_for(caller)}"} if caller else {}
    known = _known_ids(world)

    @seed(SEED)
    @settings(
        max_examples=EXAMPLES,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(), data=st.data())
    def fuzz(case, data):
        for name in list(case.path_parameters or {}):
            if name in known and data.draw(st.booleans(), label=f"existing {name}"):
                case.path_parameters[name] = data.draw(st.sampled_from(known[name]), label=name)
        case.call_and_validate(app=APP, headers=headers, checks=CHECKS)

    fuzz()

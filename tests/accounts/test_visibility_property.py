"""Whatever campuses, staff, companies, candidates, matches and consents there are: every staff member who may see
candidates sees exactly their own campus's candidates; every company user sees exactly the candidates matched with
their company (a declaration of intent) whose consent to share with companies is in force; a candidate sees only
themselves; everyone else sees nobody. Checked on generated worlds."""

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.accounts.roles import ROLE_CAPABILITIES, Capability, Role
from mhw.candidates.models import Candidate, DeclarationOfIntent
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import consent
from mhw.demo.seed_route import seed_consent_texts
from tests.factories import CampusFactory, CandidateFactory, OrganisationFactory, UserFactory, organisation_user, staff

ROLES = [Role.CANDIDATE_ACCOUNT_MANAGER, Role.COACH, Role.TEACHER, Role.COMPANY_ACCOUNT_MANAGER, Role.BROKER,
         Role.EXPERT, Role.CAMPUS_ADMIN]  # fmt: skip


@st.composite
def worlds(draw):
    campuses = draw(st.integers(1, 3))
    return {
        "staff": draw(st.lists(st.tuples(st.integers(0, campuses - 1), st.sampled_from(ROLES)), max_size=5)),
        "companies": draw(st.lists(st.integers(0, campuses - 1), min_size=1, max_size=3)),
        "candidates": draw(st.lists(st.tuples(st.integers(0, campuses - 1), st.booleans()), min_size=1, max_size=6)),
        "matches": draw(
            st.lists(st.tuples(st.integers(0, 5), st.integers(0, 2), st.booleans(), st.booleans()), max_size=6)
        ),
        "campuses": campuses,
    }


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(worlds())
def test_everyone_sees_exactly_whom_they_may(db, spec):
    seed_consent_texts()
    savepoint = transaction.savepoint()
    try:
        _check(spec)
    finally:
        transaction.savepoint_rollback(savepoint)


def _check(spec):
    campuses = [CampusFactory() for _ in range(spec["campuses"])]
    companies = [OrganisationFactory(campus=campuses[c], kind="company", size_class="sme") for c in spec["companies"]]
    candidates = []
    for campus_index, has_account in spec["candidates"]:
        user = UserFactory() if has_account else None
        candidates.append(CandidateFactory(campus=campuses[campus_index], user=user))
    consenting, asked = set(), set()
    for candidate_index, company_index, consents, withdraws in spec["matches"]:
        if candidate_index >= len(candidates) or company_index >= len(companies):
            continue
        candidate, company = candidates[candidate_index], companies[company_index]
        DeclarationOfIntent.objects.get_or_create(
            candidate=candidate, company=company,
            defaults={"role_title": "Monteur", "contract_start": "2027-07-01", "minimum_months": 12,
                      "work_experience_months": 6, "hours_per_week": 38, "salary_band": "7"},
        )  # fmt: skip
        if consents and candidate.pk not in asked:
            asked.add(candidate.pk)
            given = consent.give_consent(candidate.user or UserFactory(), candidate, ConsentScope.SHARE_WITH_COMPANIES)
            if withdraws:  # withdrawn at once: companies stop seeing the candidate
                consent.withdraw_consent(candidate.user or UserFactory(), given)
            else:
                consenting.add(candidate.pk)
    for campus_index, role in spec["staff"]:
        user = staff(role, campuses[campus_index])
        expected = (
            {c.pk for c in candidates if c.campus_id == campuses[campus_index].pk}
            if Capability.VIEW_CANDIDATES in ROLE_CAPABILITIES[role] else set()
        )  # fmt: skip
        assert set(Candidate.objects.visible_to(user).values_list("pk", flat=True)) == expected
    for company in companies:
        user = organisation_user(Role.COMPANY_HR, company)
        matched = set(DeclarationOfIntent.objects.filter(company=company).values_list("candidate", flat=True))
        assert set(Candidate.objects.visible_to(user).values_list("pk", flat=True)) == matched & consenting
    for candidate in candidates:
        if candidate.user is not None:
            assert list(Candidate.objects.visible_to(candidate.user).values_list("pk", flat=True)) == [candidate.pk]
    assert not Candidate.objects.visible_to(UserFactory()).exists()

"""Property: whatever campuses, staff and candidates exist, staff see exactly their own campus's records."""

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mhw.accounts.models import AuditEvent, Organisation
from mhw.accounts.roles import CAMPUS_ROLES, ROLE_CAPABILITIES, Capability
from mhw.candidates.models import Candidate
from tests.factories import CampusFactory, CandidateFactory, OrganisationFactory, staff

worlds = st.fixed_dictionaries(
    {
        "campuses": st.integers(min_value=1, max_value=4),
        "candidates": st.lists(st.integers(min_value=0, max_value=3), max_size=10),
        "organisations": st.lists(st.integers(min_value=0, max_value=3), max_size=6),
        "staff": st.lists(
            st.tuples(st.sampled_from(sorted(CAMPUS_ROLES)), st.integers(min_value=0, max_value=3)),
            min_size=1,
            max_size=5,
        ),
    }
)


@given(world=worlds)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_staff_see_only_their_own_campus(world, db):
    with transaction.atomic():
        campuses = [CampusFactory() for _ in range(world["campuses"])]
        for index in world["candidates"]:
            CandidateFactory(campus=campuses[index % len(campuses)])
        for index in world["organisations"]:
            OrganisationFactory(campus=campuses[index % len(campuses)])
        for role, index in world["staff"]:
            campus = campuses[index % len(campuses)]
            user = staff(role, campus)
            grants = ROLE_CAPABILITIES[role]

            visible = set(Candidate.objects.visible_to(user).values_list("pk", flat=True))
            own = set(Candidate.objects.filter(campus=campus).values_list("pk", flat=True))
            assert visible == (own if Capability.VIEW_CANDIDATES in grants else set())

            partners = set(Organisation.objects.visible_to(user).values_list("pk", flat=True))
            own_partners = set(Organisation.objects.filter(campus=campus).values_list("pk", flat=True))
            assert partners == (own_partners if Capability.VIEW_PARTNERS in grants else set())

            events = AuditEvent.objects.visible_to(user)
            assert all(event.campus_id == campus.pk for event in events) or Capability.VIEW_AUDIT not in grants
        transaction.set_rollback(True)

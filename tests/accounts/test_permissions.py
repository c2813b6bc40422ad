"""The role table and campus scopes: who may do what, and where."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mhw.accounts.models import Membership, User
from mhw.accounts.permissions import campus_scope, can
from mhw.accounts.roles import CAMPUS_ROLES, ROLE_CAPABILITIES, Capability, Role


def _user_with(memberships: list[tuple[str, int | None]]) -> User:
    """An unsaved user whose memberships are given directly, so the rules can be tested without a database."""
    user = User(email="x@example.org", full_name="X")
    user.active_memberships = [
        Membership(
            role=role,
            campus_id=campus_id,
            organisation_id=None if campus_id or role == "national_admin" else 1,
        )
        for role, campus_id in memberships
    ]
    return user


campus_memberships = st.lists(
    st.tuples(st.sampled_from(sorted(CAMPUS_ROLES)), st.integers(min_value=1, max_value=7)), max_size=8
)


@given(memberships=campus_memberships, capability=st.sampled_from(list(Capability)))
@settings(max_examples=300)
def test_scope_is_exactly_the_campuses_where_a_role_grants_the_capability(memberships, capability):
    user = _user_with(memberships)
    expected = {campus for role, campus in memberships if capability in ROLE_CAPABILITIES[role]}
    scope = campus_scope(user, capability)
    assert not scope.everywhere
    assert scope.campus_ids == expected
    for campus_id in range(1, 9):
        assert can(user, capability, campus_id) == (campus_id in expected)


@given(memberships=campus_memberships, capability=st.sampled_from(list(Capability)))
def test_a_national_admin_holds_every_capability_everywhere(memberships, capability):
    user = _user_with([*memberships, ("national_admin", None)])
    assert campus_scope(user, capability).everywhere
    assert can(user, capability, 12345)


@pytest.mark.parametrize("role", [Role.COMPANY_HR, Role.PROVIDER_STAFF])
def test_organisation_roles_hold_no_campus_capability(role):
    user = _user_with([(role, None)])
    assert not any(can(user, capability) for capability in Capability)


def test_anonymous_users_hold_nothing():
    from django.contrib.auth.models import AnonymousUser

    assert not any(can(AnonymousUser(), capability) for capability in Capability)


def test_an_inactive_user_holds_nothing():
    user = _user_with([(Role.CAMPUS_ADMIN, 1)])
    user.is_active = False
    assert not any(can(user, capability, 1) for capability in Capability)


def test_the_broker_never_sees_candidates():
    assert Capability.VIEW_CANDIDATES not in ROLE_CAPABILITIES[Role.BROKER]


def test_only_administrators_read_the_audit_log():
    readers = {role for role, capabilities in ROLE_CAPABILITIES.items() if Capability.VIEW_AUDIT in capabilities}
    assert readers == {Role.CAMPUS_ADMIN, Role.NATIONAL_ADMIN}

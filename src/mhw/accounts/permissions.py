"""The one place that answers "may this user do X, and where".

Querysets call `campus_scope` to filter rows by campus; views call `can` for a yes/no on one campus. Nothing here
touches the database beyond the user's memberships, which the user object loads once per request.
"""

from dataclasses import dataclass

from mhw.accounts.roles import ROLE_CAPABILITIES, Capability


@dataclass(frozen=True)
class CampusScope:
    """The campuses where a user holds a capability; `everywhere` for a national administrator."""

    everywhere: bool
    campus_ids: frozenset[int]

    def __bool__(self) -> bool:
        return self.everywhere or bool(self.campus_ids)

    def includes(self, campus_id: int | None) -> bool:
        return self.everywhere or (campus_id is not None and campus_id in self.campus_ids)

    def filter(self, queryset, field: str = "campus"):
        """`queryset` narrowed to the rows whose `field` is one of the scope's campuses."""
        if self.everywhere:
            return queryset
        return queryset.filter(**{f"{field}__in": self.campus_ids})


NOWHERE = CampusScope(everywhere=False, campus_ids=frozenset())


def campus_scope(user, capability: Capability) -> CampusScope:
    """Where `user` holds `capability`: nowhere, at some campuses, or everywhere."""
    if not user.is_authenticated or not user.is_active:
        return NOWHERE
    if user.is_national_admin:
        return CampusScope(everywhere=True, campus_ids=frozenset())
    ids = frozenset(
        campus_id
        for campus_id, roles in user.campus_roles.items()
        if any(capability in ROLE_CAPABILITIES[role] for role in roles)
    )
    return CampusScope(everywhere=False, campus_ids=ids)


def can(user, capability: Capability, campus_id: int | None = None) -> bool:
    """Whether `user` holds `capability` at `campus_id`, or at any campus when no campus is given."""
    scope = campus_scope(user, capability)
    if campus_id is None:
        return bool(scope)
    return scope.includes(campus_id)

"""Which campus an ecosystem page shows: the one asked for, if the user may see it, else the first they may see."""

from django.core.exceptions import PermissionDenied

from mhw.accounts.models import Campus
from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability


def visible_campuses(user):
    return campus_scope(user, Capability.VIEW_PARTNERS).filter(Campus.objects.order_by("name"), field="id")


def chosen_campus(request) -> Campus:
    campuses = visible_campuses(request.user)
    wanted = request.GET.get("campus") or request.POST.get("campus")
    campus = (campuses.filter(slug=wanted).first() if wanted else None) or campuses.first()
    if campus is None:
        raise PermissionDenied
    return campus

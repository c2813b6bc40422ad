"""Credentials earned on the route itself: a step such as the go decision issues the achievements its campus awards
for that step. Runs inside the step's transaction (settings.ROUTE_STEP_FOLLOW_UPS), so both land or neither."""

from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from mhw.credentials import services
from mhw.credentials.models import Achievement, IssuedCredential, RouteStep


def achievements_for_step(candidate, action: str):
    """The achievements of the candidate's campus (or its providers) awarded for `action`, not held yet."""
    if action not in RouteStep.values:
        return Achievement.objects.none()
    held = candidate.credentials.values("achievement_id")
    return (
        Achievement.objects.filter(route_step=action)
        .filter(Q(campus_id=candidate.campus_id) | Q(organisation__campus_id=candidate.campus_id))
        .exclude(pk__in=held)
    )


def issue_for_step(actor, candidate, action: str) -> list[IssuedCredential]:
    """Issue what the step earns. The actor was allowed to take the step: that is the right to issue what it earns."""
    step = RouteStep(action).label if action in RouteStep.values else ""
    today = formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT")
    return [
        services.issue_earned(
            actor, achievement, candidate, narrative=_("Passed the step: %(step)s.") % {"step": step},
            evidence=[{"name": str(step), "narrative": _("Recorded by %(name)s on %(date)s.")
                       % {"name": actor.full_name, "date": today}}],
        )
        for achievement in achievements_for_step(candidate, action)
    ]  # fmt: skip

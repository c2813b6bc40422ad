from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability


def navigation(request):
    """The menu items the current user may use, in order."""
    user = getattr(request, "user", None)
    items = []
    if user is not None and user.is_authenticated:
        items.append(("dashboard", _("Dashboard")))
        if can(user, Capability.VIEW_CANDIDATES):
            items.append(("candidate_list", _("Candidates")))
            items.append(("programme_figures", _("Figures")))
        if can(user, Capability.MANAGE_CANDIDATES):
            items.append(("fair_list", _("Job fairs")))
        if can(user, Capability.MANAGE_EVENTS):
            items.append(("event_manage", _("Events")))
        if can(user, Capability.VIEW_PARTNERS):
            items.append(("organisation_list", _("Partners")))
            items.append(("ecosystem_map", _("Ecosystem")))
            items.append(("programme_dashboard", _("Programme")))
        if can(user, Capability.VIEW_PARTNERS) or user.organisation_ids:
            items.append(("cluster_list", _("Company route")))
        if can(user, Capability.VIEW_SKILLS_WORK):
            items.append(("profile_list", _("Skills profiles")))
            items.append(("mapping_list", _("Skills mappings")))
        if can(user, Capability.VIEW_STAFF):
            items.append(("staff_list", _("Staff")))
        if can(user, Capability.RECORD_TRAINING):
            items.append(("bulk_issue", _("Issue credentials")))
        if can(user, Capability.MANAGE_CREDENTIALS):
            items.append(("achievement_list", _("Achievements")))
        if can(user, Capability.VIEW_AUDIT):
            items.append(("audit_log", _("Audit log")))
    items.append(("catalogue", _("Skills catalogue")))
    items.append(("offer", _("Offer")))
    items.append(("agenda", _("Agenda")))
    items.append(("campus_list", _("Campuses")))
    return {"nav_items": items}

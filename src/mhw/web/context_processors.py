from functools import lru_cache

from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.web.links import link

MENU_LABELS = {
    "dashboard": _("Dashboard"),
    "candidate_list": _("Candidates"),
    "programme_figures": _("Figures"),
    "fair_list": _("Job fairs"),
    "event_manage": _("Events"),
    "organisation_list": _("Partners"),
    "ecosystem_map": _("Ecosystem"),
    "programme_dashboard": _("Programme"),
    "cluster_list": _("Company route"),
    "profile_list": _("Skills profiles"),
    "mapping_list": _("Skills mappings"),
    "staff_list": _("Staff"),
    "bulk_issue": _("Issue credentials"),
    "achievement_list": _("Achievements"),
    "audit_log": _("Audit log"),
    "catalogue": _("Skills catalogue"),
    "offer": _("Offer"),
    "agenda": _("Agenda"),
    "campus_list": _("Campuses"),
}
LAYOUT_PAGES = ("home", "switch_language", "profile", "logout", "login", "verify")


def menu_pages(user) -> tuple[str, ...]:
    """The pages in the main menu for `user`, in order: only those their roles let them use."""
    names = []
    if user is not None and user.is_authenticated:
        names.append("dashboard")
        if can(user, Capability.VIEW_CANDIDATES):
            names += ["candidate_list", "programme_figures"]
        if can(user, Capability.MANAGE_CANDIDATES):
            names.append("fair_list")
        if can(user, Capability.MANAGE_EVENTS):
            names.append("event_manage")
        if can(user, Capability.VIEW_PARTNERS):
            names += ["organisation_list", "ecosystem_map", "programme_dashboard"]
        if can(user, Capability.VIEW_PARTNERS) or user.organisation_ids:
            names.append("cluster_list")
        if can(user, Capability.VIEW_SKILLS_WORK):
            names += ["profile_list", "mapping_list"]
        if can(user, Capability.VIEW_STAFF):
            names.append("staff_list")
        if can(user, Capability.RECORD_TRAINING):
            names.append("bulk_issue")
        if can(user, Capability.MANAGE_CREDENTIALS):
            names.append("achievement_list")
        if can(user, Capability.VIEW_AUDIT):
            names.append("audit_log")
    return (*names, "catalogue", "offer", "agenda", "campus_list")


def navigation(request):
    """The main menu, and the addresses the layout links to on every page.

    The menu is the same for everyone with the same pages, language and current page, so it is drawn once per such
    combination and process: drawn anew it cost as much as the rest of the layout together.
    """
    match = getattr(request, "resolver_match", None)
    current = match.url_name if match else None
    pages = menu_pages(getattr(request, "user", None))
    return {
        "menu": _menu(pages, current, get_language(), get_urlconf(), get_script_prefix()),
        "layout_links": {name: link(name) for name in LAYOUT_PAGES},
    }


@lru_cache(maxsize=512)
def _menu(pages: tuple[str, ...], current: str | None, language: str, urlconf, prefix: str) -> str:
    # language, urlconf and prefix are part of the key: the labels and addresses depend on them.
    items = [(link(name), MENU_LABELS[name], name == current) for name in pages]
    return render_to_string("web/_menu.html", {"items": items})  # safe: a rendered template

"""Searching the catalogue: the one query behind the catalogue page and the API."""

from django.db.models import Q

from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.skills.forms import CatalogueFilterForm
from mhw.skills.models import UloStatus, UloVersion


def search_versions(user, form: CatalogueFilterForm):
    versions = UloVersion.objects.visible_to(user).select_related("ulo", "ulo__campus")
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status") or ""
    if status:
        versions = versions.filter(status=status)
    elif can(user, Capability.VIEW_SKILLS_WORK):
        versions = versions.exclude(status=UloStatus.RETIRED)
    else:
        versions = versions.filter(status=UloStatus.PUBLISHED)
    if data.get("eqf"):
        versions = versions.filter(eqf_level=data["eqf"])
    if data.get("bloom"):
        versions = versions.filter(bloom_level=data["bloom"])
    query = (data.get("q") or "").strip()
    if query:
        text = Q()
        for field in ("title_nl", "title_en", "subject_nl", "subject_en"):
            text |= Q(**{f"{field}__icontains": query})
        for field in ("object_nl", "object_en", "verb_nl", "verb_en", "context_nl", "context_en"):
            text |= Q(**{f"items__{field}__icontains": query})
        text |= Q(ulo__code__iexact=query) | Q(items__code__iexact=query)
        text |= Q(items__links__preferred_label__icontains=query) | Q(items__links__concept_uri=query)
        versions = versions.filter(text).distinct()
    return versions.order_by("ulo__code", "-number")

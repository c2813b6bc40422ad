"""The ecosystem map of a campus: its key players by kind around the campus, their relations, drawn and listed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Organisation
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.ecosystem import ecomap
from mhw.ecosystem.campus_choice import chosen_campus, visible_campuses
from mhw.ecosystem.forms import RelationForm
from mhw.ecosystem.models import Relation
from mhw.ecosystem.services import network
from mhw.ecosystem.services.network import EcosystemError


def player_kind(organisation: Organisation) -> str:
    """The map's kind of a partner: its kind, and for an educator also its type of education."""
    if organisation.kind == Organisation.Kind.EDUCATION_PROVIDER:
        return f"education_{organisation.education_type or 'other'}"
    return organisation.kind


def map_kinds() -> dict[str, str]:
    """Every kind on the map with its label, in legend order."""
    kinds = {Organisation.Kind.COMPANY.value: str(Organisation.Kind.COMPANY.label)}
    for value, label in Organisation.EducationType.choices:
        kinds[f"education_{value}"] = str(label)
    kinds["education_other"] = _("Education provider (other)")
    for kind in Organisation.Kind:
        if kind not in (Organisation.Kind.COMPANY, Organisation.Kind.EDUCATION_PROVIDER):
            kinds[kind.value] = str(kind.label)
    return kinds


def _back(campus) -> str:
    return f"{reverse('ecosystem_map')}?campus={campus.slug}"


@capability_required(Capability.VIEW_PARTNERS)
def ecosystem_page(request):
    campus = chosen_campus(request)
    may_manage = can(request.user, Capability.MANAGE_PARTNERS, campus.pk)
    form = RelationForm(request.POST or None, campus=campus)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                network.add_relation(request.user, form.save(commit=False))
            except EcosystemError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The relation has been added."))
                return redirect(_back(campus))
    partners = list(Organisation.objects.filter(campus=campus).order_by("name"))
    relations = list(Relation.objects.filter(campus=campus).select_related("source", "target"))
    kinds = map_kinds()
    drawing = ecomap.ecosystem_svg(
        campus.name.replace("MHW ", ""),
        [ecomap.Player(str(p.pk), p.name, player_kind(p)) for p in partners],
        [ecomap.Link(str(r.source_id), str(r.target_id), r.kind, r.get_kind_display()) for r in relations],
        kinds,
        title=_("Ecosystem map: %(campus)s") % {"campus": campus.name},
    )  # fmt: skip
    groups = [(label, [p for p in partners if player_kind(p) == kind]) for kind, label in kinds.items()]
    context = {
        "campus": campus, "campuses": visible_campuses(request.user), "may_manage": may_manage, "svg": drawing,
        "groups": [(label, members) for label, members in groups if members], "relations": relations, "form": form,
    }  # fmt: skip
    return render(request, "ecosystem/ecosystem_map.html", context)


@require_POST
@capability_required(Capability.MANAGE_PARTNERS)
def relation_remove(request, pk: int):
    relation = get_object_or_404(Relation.objects.manageable_by(request.user), pk=pk)
    network.remove_relation(request.user, relation)
    return redirect(_back(relation.campus))

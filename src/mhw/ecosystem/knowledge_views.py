"""The KennisCirkel page of a campus: the six knowledge functions, who fills each and how strongly, and the holes —
as a circle diagram and a table; managers record fillings and name the functions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.ecosystem import kenniscirkel
from mhw.ecosystem.campus_choice import chosen_campus, visible_campuses
from mhw.ecosystem.forms import FillForm, FunctionsForm
from mhw.ecosystem.models import FunctionFill, functions_of
from mhw.ecosystem.services import knowledge
from mhw.ecosystem.services.network import EcosystemError


def _back(campus) -> str:
    return f"{reverse('kenniscirkel')}?campus={campus.slug}"


@capability_required(Capability.VIEW_PARTNERS)
def kenniscirkel_page(request):
    campus = chosen_campus(request)
    may_manage = can(request.user, Capability.MANAGE_PARTNERS, campus.pk)
    functions = functions_of(campus)
    fill_form = FillForm(request.POST if "fill" in request.POST else None, campus=campus, functions=functions)
    names_form = FunctionsForm(request.POST if "names" in request.POST else None, functions=functions)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        try:
            if "fill" in request.POST and fill_form.is_valid():
                knowledge.set_fill(request.user, campus, **fill_form.cleaned_data)
                messages.success(request, _("The KennisCirkel has been updated."))
                return redirect(_back(campus))
            if "names" in request.POST and names_form.is_valid():
                knowledge.save_functions(request.user, campus, names_form.rows())
                messages.success(request, _("The knowledge functions have been saved."))
                return redirect(_back(campus))
        except EcosystemError as error:
            messages.error(request, error.message)
    fills = list(FunctionFill.objects.filter(campus=campus).select_related("organisation"))
    shapes = [kenniscirkel.Fill(f.position, str(f.organisation_id), f.organisation.name, f.strength) for f in fills]
    drawing = kenniscirkel.circle_svg(
        [kenniscirkel.Function(f.position, f.name) for f in functions], shapes,
        centre=campus.name.replace("MHW ", ""), title=_("KennisCirkel: %(campus)s") % {"campus": campus.name},
    )  # fmt: skip
    rows = [
        {"function": f, "fills": [x for x in fills if x.position == f.position],
         "hole": kenniscirkel.is_hole(shapes, f.position)}
        for f in functions
    ]  # fmt: skip
    context = {
        "campus": campus, "campuses": visible_campuses(request.user), "may_manage": may_manage, "svg": drawing,
        "rows": rows, "fill_form": fill_form, "names_form": names_form,
    }  # fmt: skip
    return render(request, "ecosystem/kenniscirkel.html", context)


@require_POST
@capability_required(Capability.MANAGE_PARTNERS)
def fill_remove(request, pk: int):
    fill = get_object_or_404(FunctionFill.objects.manageable_by(request.user), pk=pk)
    knowledge.remove_fill(request.user, fill)
    return redirect(_back(fill.campus))

"""Qualifications and regulations: open pages, like the published catalogue they are built from."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.skills.models import Qualification, RegulatedAct, UloVersion
from mhw.skills.views.framework_editing import ActForm


def qualification_list(request):
    qualifications = Qualification.objects.select_related("campus").order_by("kind", "name_nl")
    context = {"qualifications": qualifications, "may_create": can(request.user, Capability.REVIEW_OUTCOMES)}
    return render(request, "skills/qualification_list.html", context)


def qualification_detail(request, pk: int):
    qualification = get_object_or_404(
        Qualification.objects.select_related("campus").prefetch_related(
            Prefetch("acts", queryset=RegulatedAct.objects.prefetch_related("blueprint").select_related("item")),
            Prefetch("ulo_versions", queryset=UloVersion.objects.visible_to(request.user).select_related("ulo")),
        ),
        pk=pk,
    )
    acts = list(qualification.acts.all())
    totals = {}
    for act in acts:
        for entry in act.blueprint.all():
            totals[entry.get_test_form_display()] = (
                totals.get(entry.get_test_form_display(), 0) + entry.number_of_questions
            )
    may_add = can(request.user, Capability.REVIEW_OUTCOMES, qualification.campus_id)
    context = {
        "qualification": qualification,
        "acts": acts,
        "totals": sorted(totals.items()),
        "act_form": ActForm(qualification=qualification) if may_add else None,
    }
    return render(request, "skills/qualification_detail.html", context)

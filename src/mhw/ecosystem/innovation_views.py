"""The innovation system analysis of a campus: its hydrogen developments ranked by priority (momentum against the
white spots in the regional offer), and per development its scores with evidence and the skills it asks."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.ecosystem.campus_choice import chosen_campus, visible_campuses
from mhw.ecosystem.forms import DevelopmentForm, ImpactForm, ScoresForm, SkillNeedForm
from mhw.ecosystem.models import Development
from mhw.ecosystem.services import innovation
from mhw.ecosystem.services.network import EcosystemError
from mhw.skills.models import UloItem


@capability_required(Capability.VIEW_PARTNERS)
def innovation_page(request):
    campus = chosen_campus(request)
    may_manage = can(request.user, Capability.MANAGE_PARTNERS, campus.pk)
    form = DevelopmentForm(request.POST or None, campus=campus)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid():
            development = innovation.create_development(request.user, form.save(commit=False))
            return redirect("development_detail", pk=development.pk)
    ranked = innovation.assessments(campus)
    items = UloItem.objects.in_bulk({i for _d, a in ranked for i in a.white_spots})
    rows = [{"development": d, "assessment": a, "white_spots": [items[i] for i in a.white_spots]} for d, a in ranked]
    context = {"campus": campus, "campuses": visible_campuses(request.user), "may_manage": may_manage, "rows": rows,
               "form": form}  # fmt: skip
    return render(request, "ecosystem/innovation.html", context)


@capability_required(Capability.VIEW_PARTNERS)
def development_detail(request, pk: int):
    development = get_object_or_404(Development.objects.visible_to(request.user).select_related("campus"), pk=pk)
    may_manage = can(request.user, Capability.MANAGE_PARTNERS, development.campus_id)
    scores_form = ScoresForm(request.POST if "scores" in request.POST else None, development=development)
    skill_form = SkillNeedForm(request.POST if "skill" in request.POST else None)
    impact_form = ImpactForm(request.POST if "impact" in request.POST else None, development=development)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if "scores" in request.POST and scores_form.is_valid():
            innovation.score(request.user, development, scores_form.scores())
            messages.success(request, _("The scores have been saved."))
            return redirect("development_detail", pk=pk)
        if "skill" in request.POST and skill_form.is_valid():
            innovation.set_skill(request.user, development, **skill_form.cleaned_data)
            return redirect("development_detail", pk=pk)
        if "impact" in request.POST and impact_form.is_valid():
            try:
                innovation.set_impact(request.user, development, impact_form.cleaned_data["specialisms"])
            except EcosystemError as error:
                messages.error(request, error.message)
            return redirect("development_detail", pk=pk)
    offered = innovation.regional_offer(development.campus)
    skills = [(s, offered.get(s.item_id, 0)) for s in development.skills.select_related("item")]
    context = {
        "development": development, "may_manage": may_manage, "scores_form": scores_form, "skill_form": skill_form,
        "skills": skills, "impact_form": impact_form, "impact": innovation.impact_of(development),
        "back": f"{reverse('innovation')}?campus={development.campus.slug}",
    }  # fmt: skip
    return render(request, "ecosystem/development.html", context)

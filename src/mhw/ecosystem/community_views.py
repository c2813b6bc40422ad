"""Microlearning communities of a campus: started on a prioritised question or development with its partners, their
four steps with status, and their lessons shared with the L&D network."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.ecosystem.campus_choice import chosen_campus, visible_campuses
from mhw.ecosystem.forms import CommunityForm
from mhw.ecosystem.models import Community, CommunityStepRecord
from mhw.ecosystem.services import communities
from mhw.ecosystem.services.network import EcosystemError


@capability_required(Capability.VIEW_PARTNERS)
def community_list(request):
    campus = chosen_campus(request)
    may_manage = can(request.user, Capability.MANAGE_PARTNERS, campus.pk)
    form = CommunityForm(request.POST or None, campus=campus)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        if form.is_valid():
            try:
                community = communities.start(request.user, form.save(commit=False), form.cleaned_data["partners"])
            except EcosystemError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The community has started."))
                return redirect("community_detail", pk=community.pk)
    listed = Community.objects.filter(campus=campus).prefetch_related("steps", "partners")
    context = {"campus": campus, "campuses": visible_campuses(request.user), "may_manage": may_manage,
               "communities": listed, "form": form}  # fmt: skip
    return render(request, "ecosystem/communities.html", context)


@capability_required(Capability.VIEW_PARTNERS)
def community_detail(request, pk: int):
    community = get_object_or_404(Community.objects.visible_to(request.user).select_related("campus"), pk=pk)
    may_manage = can(request.user, Capability.MANAGE_PARTNERS, community.campus_id)
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        try:
            if "lessons" in request.POST:
                communities.share_lessons(request.user, community, request.POST.get("lessons", "")[:5000])
                messages.success(request, _("The lessons have been shared with the L&D network."))
            else:
                record = get_object_or_404(CommunityStepRecord, community=community, pk=request.POST.get("step"))
                communities.update_step(request.user, record, status=request.POST.get("status", ""),
                                        note=request.POST.get("note", "")[:300])  # fmt: skip
        except EcosystemError as error:
            messages.error(request, error.message)
        return redirect("community_detail", pk=pk)
    context = {"community": community, "may_manage": may_manage, "statuses": CommunityStepRecord.Status.choices}
    return render(request, "ecosystem/community_detail.html", context)

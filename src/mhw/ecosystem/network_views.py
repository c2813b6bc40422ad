"""The L&D network page of a campus: who is in it (and whether that meets the toolbox's advice), the questions it
works on, and its meetings with their decisions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.ecosystem.campus_choice import chosen_campus, visible_campuses
from mhw.ecosystem.forms import MeetingForm, MemberForm, QuestionForm
from mhw.ecosystem.models import Community, NetworkMeeting, NetworkMember, NetworkQuestion, composition
from mhw.ecosystem.services import network
from mhw.ecosystem.services.network import EcosystemError


def _back(campus) -> str:
    return f"{reverse('network')}?campus={campus.slug}"


@capability_required(Capability.VIEW_PARTNERS)
def network_page(request):
    campus = chosen_campus(request)
    may_manage = can(request.user, Capability.MANAGE_PARTNERS, campus.pk)
    forms = {
        "member": MemberForm(request.POST if "add_member" in request.POST else None, campus=campus),
        "question": QuestionForm(request.POST if "add_question" in request.POST else None, campus=campus),
        "meeting": MeetingForm(request.POST if "add_meeting" in request.POST else None, campus=campus),
    }
    if request.method == "POST":
        if not may_manage:
            raise PermissionDenied
        try:
            if "add_member" in request.POST and forms["member"].is_valid():
                network.add_member(request.user, forms["member"].save(commit=False))
                messages.success(request, _("The member has been added."))
                return redirect(_back(campus))
            if "add_question" in request.POST and forms["question"].is_valid():
                network.add_question(request.user, forms["question"].save(commit=False))
                messages.success(request, _("The question has been added."))
                return redirect(_back(campus))
            if "add_meeting" in request.POST and forms["meeting"].is_valid():
                meeting = forms["meeting"]
                network.record_meeting(request.user, meeting.save(commit=False), meeting.decisions())
                messages.success(request, _("The meeting has been recorded."))
                return redirect(_back(campus))
        except EcosystemError as error:
            messages.error(request, error.message)
    members = list(NetworkMember.objects.filter(campus=campus).select_related("organisation"))
    context = {
        "campus": campus, "campuses": visible_campuses(request.user), "may_manage": may_manage,
        "members": members, "composition": composition(members),
        "questions": NetworkQuestion.objects.filter(campus=campus),
        "meetings": NetworkMeeting.objects.filter(campus=campus).prefetch_related("decisions__question"),
        "forms": forms, "statuses": NetworkQuestion.Status.choices,
        "lessons": Community.objects.filter(campus=campus, shared_at__isnull=False).order_by("-shared_at"),
    }  # fmt: skip
    return render(request, "ecosystem/network.html", context)


@require_POST
@capability_required(Capability.MANAGE_PARTNERS)
def member_remove(request, pk: int):
    member = get_object_or_404(NetworkMember.objects.manageable_by(request.user), pk=pk)
    network.remove_member(request.user, member)
    return redirect(_back(member.campus))


@require_POST
@capability_required(Capability.MANAGE_PARTNERS)
def question_status(request, pk: int):
    question = get_object_or_404(NetworkQuestion.objects.manageable_by(request.user), pk=pk)
    try:
        network.set_question_status(request.user, question, request.POST.get("status", ""))
    except EcosystemError as error:
        messages.error(request, error.message)
    return redirect(_back(question.campus))

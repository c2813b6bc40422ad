"""Candidate pages for campus staff: the campus's candidate register, a candidate's record, registering and editing."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.permissions import campus_scope, can
from mhw.accounts.roles import Capability
from mhw.candidates import services
from mhw.candidates.forms import CampusChoiceForm, CandidateForm
from mhw.candidates.models import Candidate
from mhw.candidates.route_views import IntakeForm, SessionForm
from mhw.candidates.services import intake, route
from mhw.candidates.services.ranking import best_roles
from mhw.candidates.skill_views import SkillLevelForm, TargetRolesForm, gap_context
from mhw.skills.models import SkillsProfile

# What the candidate list shows. Loading only these columns (not every column of three tables) takes a quarter off
# the time of the page at national size.
LIST_COLUMNS = (
    "first_name",
    "last_name",
    "current_occupation",
    "trajectory",
    "created_at",
    "campus__name",
    "coach__full_name",
)


@capability_required(Capability.VIEW_CANDIDATES)
def candidate_list(request):
    candidates = Candidate.objects.visible_to(request.user).select_related("campus", "coach").only(*LIST_COLUMNS)
    query = request.GET.get("q", "").strip()
    if query:
        candidates = candidates.filter(
            Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
            | Q(current_occupation__icontains=query)
        )
    trajectory = request.GET.get("trajectory", "")
    if trajectory in Candidate.Trajectory.values:
        candidates = candidates.filter(trajectory=trajectory)
    page = Paginator(candidates, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": query,
        "trajectory": trajectory,
        "trajectories": Candidate.Trajectory.choices,
        "may_register": bool(campus_scope(request.user, Capability.MANAGE_CANDIDATES)),
    }
    template = "candidates/_candidate_rows.html" if request.htmx else "candidates/candidate_list.html"
    return render(request, template, context)


@capability_required(Capability.VIEW_CANDIDATES)
def candidate_detail(request, pk: int):
    candidate = get_object_or_404(
        Candidate.objects.visible_to(request.user).select_related("campus", "coach", "employer"), pk=pk
    )
    services.open_candidate_record(request.user, candidate)
    may_edit = Candidate.objects.manageable_by(request.user).filter(pk=pk).exists()
    context = {
        "candidate": candidate,
        "may_edit": may_edit,
        "next_steps": route.next_steps(request.user, candidate),
        "history": candidate.pipeline_events.select_related("actor"),
        "intake_results": intake.read_intake_results(request.user, candidate),
        "may_record_intake": may_edit and can(request.user, Capability.READ_INTAKE, candidate.campus_id),
        "may_assess": can(request.user, Capability.RECORD_TRAINING, candidate.campus_id),
        "intake_form": IntakeForm(),
        "consents": candidate.consents.select_related("text"),
        "target_roles": candidate.target_roles.all(),
        "declarations": candidate.declarations.select_related("company"),
        "skills": candidate.skills.select_related("item", "recorded_by"),
        "sessions": candidate.sessions.select_related("coach"),
        "session_form": SessionForm(),
        "gaps": gap_context(candidate),
        "best_roles": best_roles(candidate, SkillsProfile.objects.filter(campus=candidate.campus), limit=5),
        "skill_form": SkillLevelForm(),
        "target_roles_form": TargetRolesForm(candidate=candidate),
        "enrolments": candidate.enrolments.select_related("run__module__provider"),
    }
    return render(request, "candidates/candidate_detail.html", context)


@capability_required(Capability.MANAGE_CANDIDATES)
def candidate_edit(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user).select_related("campus"), pk=pk)
    form = CandidateForm(request.POST or None, instance=candidate, campus=candidate.campus)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_candidate(
                request.user, candidate, data=form.cleaned_data, expected_version=form.cleaned_data["version"]
            )
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The candidate's record has been saved."))
            return redirect("candidate_detail", pk=candidate.pk)
    return render(request, "candidates/candidate_form.html", {"form": form, "candidate": candidate})


@capability_required(Capability.MANAGE_CANDIDATES)
def candidate_create(request):
    scope = campus_scope(request.user, Capability.MANAGE_CANDIDATES)
    campuses = Campus.objects.where(request.user, Capability.MANAGE_CANDIDATES)
    chooser = CampusChoiceForm(request.GET or None, campuses=campuses)
    if len(scope.campus_ids) == 1 and not scope.everywhere:
        campus = campuses.get()
    elif chooser.is_valid():
        campus = chooser.cleaned_data["campus"]
    else:
        return render(request, "candidates/choose_campus.html", {"chooser": chooser})
    form = CandidateForm(request.POST or None, campus=campus)
    if request.method == "POST" and form.is_valid():
        candidate = services.register_candidate(request.user, campus=campus, data=form.cleaned_data)
        messages.success(request, _("%(name)s has been registered.") % {"name": candidate.full_name})
        return redirect("candidate_detail", pk=candidate.pk)
    return render(request, "candidates/candidate_form.html", {"form": form, "campus": campus})

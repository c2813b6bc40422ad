"""The cluster pages: the list of clusters, a cluster with its core team, cycle, canvases, questions, actors and
lines, and the small forms that change them."""

from django.contrib import messages
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required, login_required_or_403
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.metro.findings import finding_messages
from mhw.metro.forms import ActorForm, ClusterForm, CoreTeamForm, NewCanvasForm, QuestionForm, StepForm
from mhw.metro.models import Cluster, CoreTeamMember, CycleStepRecord, Question
from mhw.metro.services import canvases, clusters
from mhw.metro.services import lines as line_services
from mhw.metro.services.common import MetroError


def _managed(request, pk: int) -> Cluster:
    return get_object_or_404(Cluster.objects.manageable_by(request.user), pk=pk)


@login_required_or_403
def cluster_list(request):
    may_manage = can(request.user, Capability.MANAGE_COMPANY_ROUTE)
    form = ClusterForm(request.POST or None, user=request.user) if may_manage else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            cluster = clusters.create_cluster(request.user, form.save(commit=False), form.cleaned_data["companies"])
            messages.success(request, _("The cluster has been created; step 1 of its cycle can start."))
            return redirect("cluster_detail", pk=cluster.pk)
    visible = Cluster.objects.visible_to(request.user).select_related("campus").annotate(line_count=Count("lines"))
    show_form = request.method == "POST" or "new" in request.GET
    return render(request, "metro/cluster_list.html", {"clusters": visible, "form": form, "show_form": show_form})


@login_required_or_403
def cluster_detail(request, pk: int):
    cluster = get_object_or_404(Cluster.objects.visible_to(request.user).select_related("campus"), pk=pk)
    may_manage = can(request.user, Capability.MANAGE_COMPANY_ROUTE, cluster.campus_id)
    cycle_round = cluster.current_round
    steps = list(cycle_round.steps.prefetch_related("worked_on_by")) if cycle_round else []
    lines = list(cluster.lines.all())
    context = {
        "cluster": cluster,
        "may_manage": may_manage,
        "round": cycle_round,
        "steps": [(step, StepForm(instance=step, prefix=f"step{step.pk}")) for step in steps],
        "core_team": cluster.core_team.select_related("organisation"),
        "canvases": cluster.canvases.all(),
        "questions": cluster.questions.annotate(votes=Count("voters")).order_by("-votes", "created_at", "id"),
        "voted": set(Question.objects.filter(cluster=cluster, voters=request.user).values_list("pk", flat=True)),
        "actors": cluster.actors.all(),
        "lines": [(line, finding_messages(line, line_services.findings(line))) for line in lines],
        "team_form": CoreTeamForm(cluster=cluster),
        "canvas_form": NewCanvasForm(),
        "question_form": QuestionForm(),
        "actor_form": ActorForm(),
    }
    return render(request, "metro/cluster_detail.html", context)


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def cluster_edit(request, pk: int):
    cluster = _managed(request, pk)
    form = ClusterForm(request.POST or None, instance=cluster, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            clusters.update_cluster(
                request.user, form.save(commit=False), form.cleaned_data["companies"],
                expected_version=form.opened_version(),
            )  # fmt: skip
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The cluster has been saved."))
            return redirect("cluster_detail", pk=pk)
    return render(request, "metro/cluster_edit.html", {"cluster": cluster, "form": form})


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def core_team_add(request, pk: int):
    cluster = _managed(request, pk)
    form = CoreTeamForm(request.POST, cluster=cluster)
    if form.is_valid():
        member = form.save(commit=False)
        member.cluster = cluster
        clusters.add_core_team_member(request.user, member)
    else:
        messages.error(request, _("Give the member's name and part in the core team."))
    return redirect("cluster_detail", pk=pk)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def core_team_remove(request, pk: int):
    member = get_object_or_404(
        CoreTeamMember.objects.filter(cluster__in=Cluster.objects.manageable_by(request.user)), pk=pk
    )
    clusters.remove_core_team_member(request.user, member)
    return redirect("cluster_detail", pk=member.cluster_id)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def step_update(request, pk: int):
    record = get_object_or_404(
        CycleStepRecord.objects.filter(round__cluster__in=Cluster.objects.manageable_by(request.user)).select_related(
            "round__cluster"
        ),
        pk=pk,
    )
    form = StepForm(request.POST, instance=record, prefix=f"step{record.pk}")
    if form.is_valid():
        try:
            clusters.update_step(
                request.user, record, status=form.cleaned_data["status"], products=form.cleaned_data["products"],
                expected_version=form.opened_version(),
            )  # fmt: skip
        except ConcurrentEditError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The step has been saved."))
    else:
        messages.error(request, _("Choose a status for the step."))
    return redirect("cluster_detail", pk=record.round.cluster_id)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def round_start(request, pk: int):
    cluster = _managed(request, pk)
    cycle_round = clusters.start_next_round(request.user, cluster)
    messages.success(request, _("Round %(n)s of the cycle has started.") % {"n": cycle_round.number})
    return redirect("cluster_detail", pk=pk)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def question_add(request, pk: int):
    cluster = _managed(request, pk)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write the question (at most 300 characters)."))
        return redirect("cluster_detail", pk=pk)
    try:
        canvases.add_question(request.user, cluster, form.cleaned_data["text"])
    except MetroError as error:
        messages.error(request, error.message)
    return redirect("cluster_detail", pk=pk)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def question_vote(request, pk: int):
    question = get_object_or_404(
        Question.objects.filter(cluster__in=Cluster.objects.manageable_by(request.user)), pk=pk
    )
    canvases.toggle_vote(request.user, question)
    return redirect("cluster_detail", pk=question.cluster_id)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def actor_add(request, pk: int):
    cluster = _managed(request, pk)
    form = ActorForm(request.POST)
    if form.is_valid():
        canvases.add_actor(request.user, cluster, **form.cleaned_data)
    else:
        messages.error(request, _("Give the actor and their goal."))
    return redirect("cluster_detail", pk=pk)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def canvas_create(request, pk: int):
    cluster = _managed(request, pk)
    form = NewCanvasForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a canvas and give it a title."))
        return redirect("cluster_detail", pk=pk)
    canvas = canvases.create_canvas(request.user, cluster, **form.cleaned_data)
    return redirect("canvas_edit", pk=canvas.pk)

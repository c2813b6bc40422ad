"""The planner of a cluster: every line's stations with their sessions and places, planning a session, a session's
participants with attendance, reflections and referrals, and the evaluation of a line."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.decorators import capability_required
from mhw.accounts.roles import Capability
from mhw.metro.forms import LineEvaluationForm, ReferralForm, ReflectionForm, SessionForm
from mhw.metro.models import Cluster, MetroLine, Registration, StationSession
from mhw.metro.services import planner
from mhw.metro.services.common import MetroError

PLACES = Count("registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED))
WAITING = Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED))


def _clusters(request):
    return Cluster.objects.manageable_by(request.user)


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def planner_page(request, pk: int):
    cluster = get_object_or_404(_clusters(request), pk=pk)
    form = SessionForm(request.POST or None, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        session = planner.plan_session(request.user, form.save(commit=False))
        messages.success(request, _("The session has been planned."))
        return redirect("session_detail", pk=session.pk)
    lines = []
    for line in cluster.lines.all():
        stations = [
            (station, station.sessions.annotate(places=PLACES, waiting=WAITING).order_by("starts_at"))
            for station in line.ordered_stations()
        ]
        lines.append((line, stations))
    return render(request, "metro/planner.html", {"cluster": cluster, "lines": lines, "form": form})


def _session(request, pk: int) -> StationSession:
    return get_object_or_404(
        StationSession.objects.filter(station__cluster__in=_clusters(request)).select_related("station__cluster"), pk=pk
    )


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def session_detail(request, pk: int):
    session = _session(request, pk)
    cluster = session.station.cluster
    form = SessionForm(request.POST or None, instance=session, cluster=cluster)
    if request.method == "POST" and form.is_valid():
        planner.plan_session(request.user, form.save(commit=False))
        messages.success(request, _("The session has been saved."))
        return redirect("session_detail", pk=pk)
    context = {
        "session": session, "cluster": cluster, "form": form,
        "registrations": session.registrations.select_related("company").prefetch_related("referrals"),
        "reflections": session.reflections.select_related("author"),
        "reflection_form": ReflectionForm(), "referral_form": ReferralForm(cluster=cluster),
    }  # fmt: skip
    return render(request, "metro/session_detail.html", context)


def _registration(request, pk: int) -> Registration:
    return get_object_or_404(
        Registration.objects.filter(session__station__cluster__in=_clusters(request)).select_related(
            "session__station__cluster", "company"
        ),
        pk=pk,
    )


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def attendance(request, pk: int):
    registration = _registration(request, pk)
    planner.record_attendance(request.user, registration, request.POST.get("attended") == "yes")
    return redirect("session_detail", pk=registration.session_id)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def reflection_add(request, pk: int):
    session = _session(request, pk)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        planner.add_reflection(request.user, session, **form.cleaned_data)
        messages.success(request, _("The reflection has been saved."))
    else:
        messages.error(request, _("Write what went well (and what to improve)."))
    return redirect("session_detail", pk=pk)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def referral_add(request, pk: int):
    registration = _registration(request, pk)
    form = ReferralForm(request.POST, cluster=registration.session.station.cluster)
    if not form.is_valid():
        messages.error(request, _("Choose where to refer the participant to, and confirm they agreed."))
        return redirect("session_detail", pk=registration.session_id)
    try:
        referral = planner.refer(
            request.user, registration, kind=form.cleaned_data["kind"], partner=form.cleaned_data["partner"],
            note=form.cleaned_data["note"], consent=form.cleaned_data["consent"],
        )  # fmt: skip
    except MetroError as error:
        messages.error(request, error.message)
    else:
        if referral.candidate_id:
            messages.success(request, _("The participant is now an interested candidate of the individual route."))
        else:
            messages.success(request, _("The referral has been recorded."))
    return redirect("session_detail", pk=registration.session_id)


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def line_evaluate(request, pk: int):
    line = get_object_or_404(MetroLine.objects.filter(cluster__in=_clusters(request)).select_related("cluster"), pk=pk)
    form = LineEvaluationForm(request.POST or None, line=line)
    if request.method == "POST" and form.is_valid():
        try:
            planner.evaluate_line(request.user, form.save(commit=False), form.cleaned_data["outcomes_achieved"])
        except MetroError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The evaluation has been saved."))
            return redirect("cluster_evaluation", pk=line.cluster_id)
    return render(request, "metro/line_evaluate.html", {"line": line, "form": form})


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def cluster_evaluation(request, pk: int):
    """The results for the cluster: per line the evaluations summed up, per session the reflections."""
    cluster = get_object_or_404(_clusters(request), pk=pk)
    lines = []
    for line in cluster.lines.prefetch_related("outcomes", "evaluations__outcomes_achieved", "evaluations__company"):
        evaluations = list(line.evaluations.all())
        achieved = {
            item: sum(1 for e in evaluations if item in e.outcomes_achieved.all()) for item in line.outcomes.all()
        }
        scores = [e.goals_supported for e in evaluations]
        lines.append({"line": line, "evaluations": evaluations, "achieved": achieved,
                      "average": sum(scores) / len(scores) if scores else None})  # fmt: skip
    sessions = (
        StationSession.objects.filter(station__cluster=cluster)
        .annotate(places=PLACES, attended=Count("registrations", filter=Q(registrations__attended=True)))
        .prefetch_related("reflections")
        .select_related("station")
    )
    return render(request, "metro/cluster_evaluation.html", {"cluster": cluster, "lines": lines, "sessions": sessions})

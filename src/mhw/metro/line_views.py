"""Designing metro lines: a line's goal, target group and outcomes, its stations in order (a station of another line
makes it a connecting station), what the rules say about it, and each station's details."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.decorators import capability_required
from mhw.accounts.roles import Capability
from mhw.metro.findings import finding_messages
from mhw.metro.forms import LineForm, StationForm, StopForm
from mhw.metro.models import Cluster, LineStop, MetroLine, Station
from mhw.metro.services import lines as services
from mhw.metro.services.common import MetroError


def _manageable_clusters(request):
    return Cluster.objects.manageable_by(request.user)


def _line(request, pk: int) -> MetroLine:
    return get_object_or_404(MetroLine.objects.filter(cluster__in=_manageable_clusters(request)), pk=pk)


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def line_create(request, pk: int):
    cluster = get_object_or_404(_manageable_clusters(request), pk=pk)
    form = LineForm(request.POST or None, cluster=cluster, instance=MetroLine(cluster=cluster))
    if request.method == "POST" and form.is_valid():
        try:
            line = services.save_line(request.user, form.save(commit=False), form.cleaned_data["outcomes"])
        except MetroError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The line has been created; now give it its stations."))
            return redirect("line_edit", pk=line.pk)
    return render(request, "metro/line_edit.html", {"cluster": cluster, "form": form, "line": None})


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def line_edit(request, pk: int):
    line = _line(request, pk)
    form = LineForm(request.POST or None, cluster=line.cluster, instance=line)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_line(
                request.user, form.save(commit=False), form.cleaned_data["outcomes"],
                expected_version=form.opened_version(),
            )  # fmt: skip
        except (ConcurrentEditError, MetroError) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The line has been saved."))
            return redirect("line_edit", pk=pk)
    context = {
        "cluster": line.cluster, "line": line, "form": form,
        "stops": line.stops.select_related("station").prefetch_related("station__lines").order_by("position", "id"),
        "stop_form": StopForm(cluster=line.cluster),
        "findings": finding_messages(line, services.findings(line)),
    }  # fmt: skip
    return render(request, "metro/line_edit.html", context)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def stop_add(request, pk: int):
    line = _line(request, pk)
    form = StopForm(request.POST, cluster=line.cluster)
    if not form.is_valid():
        messages.error(request, " ".join(form.non_field_errors()) or _("Choose a station."))
        return redirect("line_edit", pk=pk)
    station = form.cleaned_data["station"]
    try:
        if station is None:
            name = form.cleaned_data["new_name"].strip()
            if line.cluster.stations.filter(name__iexact=name).exists():
                raise MetroError(_("The cluster has a station of this name already: choose it from the list."))
            station = services.save_station(request.user, Station(cluster=line.cluster, name=name), [])
        services.add_stop(request.user, line, station)
    except MetroError as error:
        messages.error(request, error.message)
    return redirect("line_edit", pk=pk)


def _stop(request, pk: int) -> LineStop:
    return get_object_or_404(
        LineStop.objects.filter(line__cluster__in=_manageable_clusters(request)).select_related("line__cluster"), pk=pk
    )


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def stop_move(request, pk: int):
    stop = _stop(request, pk)
    services.move_stop(request.user, stop, -1 if request.POST.get("direction") == "up" else 1)
    return redirect("line_edit", pk=stop.line_id)


@require_POST
@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def stop_remove(request, pk: int):
    stop = _stop(request, pk)
    services.remove_stop(request.user, stop)
    return redirect("line_edit", pk=stop.line_id)


@capability_required(Capability.MANAGE_COMPANY_ROUTE)
def station_edit(request, pk: int):
    station = get_object_or_404(Station.objects.filter(cluster__in=_manageable_clusters(request)), pk=pk)
    form = StationForm(request.POST or None, instance=station, cluster=station.cluster)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_station(
                request.user, form.save(commit=False), form.cleaned_data["outcomes"],
                expected_version=form.opened_version(),
            )  # fmt: skip
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The station has been saved."))
            return redirect("station_edit", pk=pk)
    context = {"station": station, "form": form, "lines": station.lines.all(), "cluster": station.cluster}
    return render(request, "metro/station_edit.html", context)

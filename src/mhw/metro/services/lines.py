"""Use cases of metro lines and stations: design a line for a target group, give it its stations in order (a
station of another line makes it a connecting station), and see what the rules say about it."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from mhw.accounts.audit import record_event
from mhw.accounts.concurrency import save_versioned
from mhw.metro import rules
from mhw.metro.models import LineStop, MetroLine, Station
from mhw.metro.services.common import MetroError, require_manager

LINE_FIELDS = ["name", "target_group", "goal", "desired_reaction", "colour", "branches_from_id", "achievement_id"]
STATION_FIELDS = ["name", "description", "phase", "work_form", "hours", "provider_id", "achievement_id"]


@transaction.atomic
def save_line(actor, line: MetroLine, outcomes, *, expected_version: int | None = None) -> MetroLine:
    """Create the line, or save its changes (refused with ConcurrentEditError when someone saved it meanwhile)."""
    require_manager(actor, line.cluster)
    if line.branches_from_id and line.branches_from.cluster_id != line.cluster_id:
        raise MetroError(_("A line can only start at a station of its own cluster."))
    if line.pk is None:
        line.save()
        record_event(actor, "metro_line.created", line.cluster, details={"line": line.pk})
    else:
        save_versioned(line, LINE_FIELDS, expected_version)
        record_event(actor, "metro_line.changed", line.cluster, details={"line": line.pk})
    line.outcomes.set(outcomes)
    return line


@transaction.atomic
def save_station(actor, station: Station, outcomes, *, expected_version: int | None = None) -> Station:
    require_manager(actor, station.cluster)
    if station.pk is None:
        station.save()
    else:
        save_versioned(station, STATION_FIELDS, expected_version)
    station.outcomes.set(outcomes)
    record_event(actor, "station.saved", station.cluster, details={"station": station.pk})
    return station


@transaction.atomic
def add_stop(actor, line: MetroLine, station: Station) -> LineStop:
    """Add the station at the end of the line."""
    require_manager(actor, line.cluster)
    if station.cluster_id != line.cluster_id:
        raise MetroError(_("The station belongs to another cluster."))
    line = MetroLine.objects.select_for_update().get(pk=line.pk)
    if line.stops.filter(station=station).exists():
        raise MetroError(_("The line already stops at this station."))
    position = (line.stops.aggregate(top=Max("position"))["top"] or 0) + 1
    stop = LineStop.objects.create(line=line, station=station, position=position)
    record_event(actor, "metro_line.stop_added", line.cluster, details={"line": line.pk, "station": station.pk})
    return stop


def _renumber(line: MetroLine, stops: list[LineStop]) -> None:
    for position, stop in enumerate(stops, start=1):
        if stop.position != position:
            stop.position = position
            stop.save(update_fields=["position"])


@transaction.atomic
def move_stop(actor, stop: LineStop, step: int) -> None:
    """Move the stop one place earlier (-1) or later (+1) in its line."""
    require_manager(actor, stop.line.cluster)
    line = MetroLine.objects.select_for_update().get(pk=stop.line_id)
    stops = list(line.stops.order_by("position", "id"))
    index = next(i for i, s in enumerate(stops) if s.pk == stop.pk)
    target = index + step
    if 0 <= target < len(stops):
        stops[index], stops[target] = stops[target], stops[index]
        _renumber(line, stops)
        record_event(
            actor, "metro_line.stop_moved", line.cluster, details={"line": line.pk, "station": stop.station_id}
        )


@transaction.atomic
def remove_stop(actor, stop: LineStop) -> None:
    """Take the station off the line; the station itself stays (it may serve other lines)."""
    require_manager(actor, stop.line.cluster)
    line = MetroLine.objects.select_for_update().get(pk=stop.line_id)
    record_event(actor, "metro_line.stop_removed", line.cluster, details={"line": line.pk, "station": stop.station_id})
    stop.delete()
    _renumber(line, list(line.stops.order_by("position", "id")))


def findings(line: MetroLine) -> list[rules.Finding]:
    """What the rules of a metro line say about this line."""
    stations = line.ordered_stations()
    facts = [
        rules.StationFacts(
            str(s.pk), s.name, s.phase, float(s.hours), frozenset(s.outcomes.values_list("code", flat=True))
        )
        for s in stations
    ]
    return rules.check_line(facts, frozenset(line.outcomes.values_list("code", flat=True)))

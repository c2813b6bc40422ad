"""The metro map of a cluster: its lines and stations, laid out and drawn (metro/layout.py, metro/svg.py)."""

from dataclasses import dataclass

from django.urls import reverse

from mhw.metro import layout as metro_layout
from mhw.metro import svg
from mhw.metro.models import Cluster, MetroLine, Station


@dataclass
class ClusterMap:
    layout: metro_layout.MapLayout
    lines: dict[str, MetroLine]
    stations: dict[str, Station]
    svg: str


def line_route(line: MetroLine) -> list[Station]:
    """The stations the line visits in order; a line that branches from a connecting station starts there."""
    stations = line.ordered_stations()
    if line.branches_from_id and (not stations or stations[0].pk != line.branches_from_id):
        stations = [line.branches_from, *(s for s in stations if s.pk != line.branches_from_id)]
    return stations


def cluster_map(cluster: Cluster, *, title: str, links: bool = True, highlight=()) -> ClusterMap:
    lines = {str(line.pk): line for line in cluster.lines.select_related("branches_from")}
    routes = {key: line_route(line) for key, line in lines.items()}
    stations = {str(s.pk): s for route in routes.values() for s in route}
    result = metro_layout.layout(
        [metro_layout.StationIn(key, station.name, station.phase) for key, station in stations.items()],
        [metro_layout.LineIn(key, line.name, [str(s.pk) for s in routes[key]]) for key, line in lines.items()],
    )
    styles = {key: svg.LineStyle(f"{line.name} — {line.target_group}", line.colour) for key, line in lines.items()}
    urls = {key: reverse("station_edit", args=[station.pk]) for key, station in stations.items()} if links else {}
    names = {key: station.name for key, station in stations.items()}
    drawing = svg.map_svg(
        result, styles, title=title, station_urls=urls, station_names=names, highlight=[str(pk) for pk in highlight]
    )  # fmt: skip
    return ClusterMap(result, lines, stations, drawing)

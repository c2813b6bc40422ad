"""The metro map of a cluster: on its page (hover a line, click a station) and exported as SVG, PNG or PDF, all
from the same drawing."""

import cairosvg
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from mhw.accounts.decorators import login_required_or_403
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.metro.models import Cluster
from mhw.metro.services.maps import cluster_map

EXPORTS = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


def _map(request, pk: int, *, links: bool):
    cluster = get_object_or_404(Cluster.objects.visible_to(request.user), pk=pk)
    title = _("Metro map: %(cluster)s") % {"cluster": cluster.name}
    may_manage = can(request.user, Capability.MANAGE_COMPANY_ROUTE, cluster.campus_id)
    return cluster, cluster_map(cluster, title=title, links=links and may_manage), may_manage


@login_required_or_403
def map_page(request, pk: int):
    cluster, drawn, may_manage = _map(request, pk, links=True)
    conflicts = [
        _("Line %(line)s goes from “%(a)s” to “%(b)s”, against the order other lines visit them; it takes a detour.")
        % {"line": drawn.lines[c.line].name, "a": drawn.stations[c.from_station].name,
           "b": drawn.stations[c.to_station].name}
        for c in drawn.layout.conflicts
    ]  # fmt: skip
    context = {"cluster": cluster, "map": drawn, "conflicts": conflicts, "may_manage": may_manage}
    return render(request, "metro/map.html", context)


@login_required_or_403
def map_export(request, pk: int, fmt: str):
    if fmt not in EXPORTS:
        raise Http404
    cluster, drawn, _may_manage = _map(request, pk, links=False)
    svg = drawn.svg.encode()
    body = {"svg": lambda: svg, "png": lambda: cairosvg.svg2png(bytestring=svg, scale=2),
            "pdf": lambda: cairosvg.svg2pdf(bytestring=svg)}[fmt]()  # fmt: skip
    response = HttpResponse(body, content_type=EXPORTS[fmt])
    response["Content-Disposition"] = f'attachment; filename="metrokaart-{cluster.pk}.{fmt}"'
    return response

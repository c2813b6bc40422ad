"""How good a metro map's layout is, measured on the layout itself: the share of octilinear segments, bends per
line, crossings between lines, lines through stations they do not serve, labels overlapping each other or a track,
and stations a line reaches against the map's order. Pure module; the tests and the benchmark use the same figures.
"""

import itertools
import math
from dataclasses import dataclass

from mhw.metro.layout import Box, MapLayout

TOLERANCE = 0.5  # a segment that only grazes a box edge does not count as passing through it


@dataclass(frozen=True)
class Quality:
    segments: int
    octilinear: int
    bends_per_line: float
    crossings: int
    through_unserved: int
    label_overlaps: int
    labels_on_tracks: int
    out_of_order: int

    @property
    def octilinear_share(self) -> float:
        return self.octilinear / self.segments if self.segments else 1.0


Segment = tuple[tuple[float, float], tuple[float, float]]


def segments(points) -> list[Segment]:
    return list(itertools.pairwise(points))


def is_octilinear(segment: Segment) -> bool:
    (x1, y1), (x2, y2) = segment
    dx, dy = abs(x2 - x1), abs(y2 - y1)
    return math.isclose(dx, 0, abs_tol=1e-6) or math.isclose(dy, 0, abs_tol=1e-6) or math.isclose(dx, dy, rel_tol=1e-9)


def _shrunk(box: Box, by: float = TOLERANCE) -> Box:
    return Box(box.left + by, box.top + by, box.right - by, box.bottom - by)


def segment_hits_box(segment: Segment, box: Box) -> bool:
    """Whether the segment passes through the inside of the box (Liang–Barsky clipping)."""
    (x1, y1), (x2, y2) = segment
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - box.left), (dx, box.right - x1), (-dy, y1 - box.top), (dy, box.bottom - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return True


def _cross(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def segments_cross(s: Segment, t: Segment) -> bool:
    """A proper crossing: each segment has the other's ends strictly on opposite sides."""
    d1, d2 = _cross(t[0], t[1], s[0]), _cross(t[0], t[1], s[1])
    d3, d4 = _cross(s[0], s[1], t[0]), _cross(s[0], s[1], t[1])
    eps = 1e-9
    return ((d1 > eps and d2 < -eps) or (d1 < -eps and d2 > eps)) and (
        (d3 > eps and d4 < -eps) or (d3 < -eps and d4 > eps)
    )


def bends(points) -> int:
    return max(0, len(points) - 2)  # the layout keeps only the points where the direction changes


def measure(layout: MapLayout) -> Quality:
    by_line = {key: segments(line.points) for key, line in layout.lines.items()}
    all_segments = [s for line in by_line.values() for s in line]
    crossings = sum(
        1
        for (a, sa), (b, sb) in itertools.combinations(by_line.items(), 2)
        for s in sa
        for t in sb
        if segments_cross(s, t)
    )
    through = sum(
        1
        for station in layout.stations.values()
        for key, line_segments in by_line.items()
        if key not in station.lines and any(segment_hits_box(s, _shrunk(station.marker)) for s in line_segments)
    )
    labels = [s.label_box for s in layout.stations.values()]
    overlaps = sum(1 for a, b in itertools.combinations(labels, 2) if _shrunk(a).overlaps(_shrunk(b)))
    on_tracks = sum(1 for box in labels if any(segment_hits_box(s, _shrunk(box)) for s in all_segments))
    lines = list(layout.lines.values())
    return Quality(
        segments=len(all_segments),
        octilinear=sum(1 for s in all_segments if is_octilinear(s)),
        bends_per_line=sum(bends(line.points) for line in lines) / len(lines) if lines else 0.0,
        crossings=crossings,
        through_unserved=through,
        label_overlaps=overlaps,
        labels_on_tracks=on_tracks,
        out_of_order=len(layout.conflicts),
    )

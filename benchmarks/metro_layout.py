"""Metro map layout quality and speed on generated instances.

Usage: python benchmarks/metro_layout.py [INSTANCES] [SEED]

Each instance has 3–10 lines over 10–60 stations: lines of 4–8 stations that share stations with other lines, one
station shared by all lines, and one line that shares nothing. Prints per size the share of octilinear segments,
bends per line, crossings, lines through stations they do not serve, label overlaps, labels on tracks, stations out
of order (conflicting orders), and the layout time (median), beside the baseline of drawing the same instance as a
naive straight-line map (each station at its line's row and its first visit's position), measured in the same run.
Goals: 100% octilinear, 0 label overlaps, 0 lines through unserved stations, under 1 s for 60 stations.
"""

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from mhw.metro.layout import Box, LineIn, LineOut, MapLayout, StationIn, StationOut, layout, wrap_label
from mhw.metro.quality import measure

WORDS = [
    "Waterstof", "veiligheid", "tankstation", "werkplaats", "elektrolyse", "brandstofcel", "onderhoud", "planning",
    "inspiratie", "simulatie", "excursie", "gesprek", "e-learning", "praktijk", "ombouw", "lekdetectie",
]  # fmt: skip


def instance(rng: random.Random, n_lines: int, n_stations: int, conflicts: int = 1):
    """Stations in phase order; lines of 4–8 of them in that order, all through the station "hub"; the last line
    shares nothing; `conflicts` lines visit two of their shared stations the other way round."""
    stations = [StationIn(f"s{i}", " ".join(rng.sample(WORDS, rng.randint(1, 3)))) for i in range(n_stations)]
    hub_at = n_stations // 2
    stations.insert(hub_at, StationIn("hub", "Waterstof in de praktijk"))
    order = {s.key: i for i, s in enumerate(stations)}
    own = [s.key for s in stations[-8:] if s.key != "hub"]
    shared_pool = [s.key for s in stations[:-8] if s.key != "hub"]
    lines = []
    for i in range(n_lines - 1):
        stops = [*rng.sample(shared_pool, min(rng.randint(3, 7), len(shared_pool))), "hub"]
        stops.sort(key=order.__getitem__)
        if i < conflicts and len(stops) >= 3:
            a, b = rng.sample(range(len(stops)), 2)
            stops[a], stops[b] = stops[b], stops[a]
        lines.append(LineIn(f"L{i}", f"Lijn {i}", stops))
    lines.append(LineIn("alone", "Eigen lijn", own[: rng.randint(4, 8)]))
    return stations, lines


def naive(stations, lines) -> MapLayout:
    """Baseline: each line on its own row, stations where the line first visits them, straight segments between."""
    placed, out = {}, {}
    for row, line in enumerate(lines):
        points = []
        for position, key in enumerate(line.stations):
            if key not in placed:
                label = wrap_label(next(s.label for s in stations if s.key == key))
                x, y = 60 + 120 * position, 60 + 60 * row
                placed[key] = StationOut(key, x, y, y, (line.key,), label, Box(x - 50, y + 10, x + 50, y + 24))
            points.append((placed[key].x, placed[key].top))
        out[line.key] = LineOut(line.key, tuple(points))
    for key, station in placed.items():
        serving = tuple(line.key for line in lines if key in line.stations)
        placed[key] = StationOut(key, station.x, station.top, station.bottom, serving, station.label_lines,
                                 station.label_box)  # fmt: skip
    return MapLayout(placed, out, 0, 0)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    rng = random.Random(seed)
    sizes = [(3, 10), (5, 25), (8, 40), (10, 60)]
    columns = ("lines×stations", "octilinear", "bends/line", "crossings", "unserved", "overlaps", "on tracks",
               "conflicts", "ms median", "ms max", "| naive: octilinear", "unserved", "overlaps")  # fmt: skip
    print(" ".join(f"{c:>10}" for c in columns))
    for n_lines, n_stations in sizes:
        rows, times, baseline = [], [], []
        for _ in range(count):
            stations, lines = instance(rng, n_lines, n_stations)
            started = time.perf_counter()
            result = layout(stations, lines)
            times.append(time.perf_counter() - started)
            rows.append(measure(result))
            baseline.append(measure(naive(stations, lines)))
        figures = (
            f"{n_lines}×{n_stations}", f"{min(q.octilinear_share for q in rows):.1%}",
            f"{statistics.mean(q.bends_per_line for q in rows):.2f}",
            f"{statistics.mean(q.crossings for q in rows):.1f}",
            sum(q.through_unserved for q in rows), sum(q.label_overlaps for q in rows),
            sum(q.labels_on_tracks for q in rows), sum(q.out_of_order for q in rows),
            f"{1000 * statistics.median(times):.1f}", f"{1000 * max(times):.1f}",
            f"| {statistics.mean(q.octilinear_share for q in baseline):.1%}",
            sum(q.through_unserved for q in baseline), sum(q.label_overlaps for q in baseline),
        )  # fmt: skip
        print(" ".join(f"{f!s:>10}" for f in figures))


if __name__ == "__main__":
    main()

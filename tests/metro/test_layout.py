"""The metro map layout on any lines over any stations: every segment octilinear, no label overlapping another or a
track, no line through a station it does not serve, every line through its own stations in its order, the same
input the same map, and (where lines agree on the order) an edit at the end of a line leaves the map before it
where it was."""

import itertools
import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mhw.metro.layout import LineIn, StationIn, layout, wrap_label
from mhw.metro.quality import measure, segments

label = st.text(min_size=1, max_size=60)


@st.composite
def networks(draw, max_stations=24, max_lines=7):
    n = draw(st.integers(2, max_stations))
    stations = [StationIn(f"s{i}", draw(label), draw(st.integers(1, 3))) for i in range(n)]
    keys = [s.key for s in stations]
    lines = [
        LineIn(f"L{i}", f"Lijn {i}", draw(st.lists(st.sampled_from(keys), min_size=1, max_size=8)))
        for i in range(draw(st.integers(1, max_lines)))
    ]
    return stations, lines


def _on_segment(point, segment) -> bool:
    (x1, y1), (x2, y2) = segment
    px, py = point
    cross = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1)
    within = min(x1, x2) - 1e-6 <= px <= max(x1, x2) + 1e-6 and min(y1, y2) - 1e-6 <= py <= max(y1, y2) + 1e-6
    return abs(cross) < 1e-6 and within


def _track_y(result, line_key, station_key):
    station = result.stations[station_key]
    position = station.lines.index(line_key)
    return station.top + (station.bottom - station.top) * (position / max(1, len(station.lines) - 1))


@settings(max_examples=300)
@given(networks())
def test_every_map_is_octilinear_readable_and_honest(network):
    stations, lines = network
    result = layout(stations, lines)
    quality = measure(result)
    assert quality.octilinear_share == 1.0
    assert quality.label_overlaps == 0
    assert quality.labels_on_tracks == 0
    assert quality.through_unserved == 0
    served = {key for line in lines for key in line.stations}
    assert set(result.stations) == served
    for line in lines:
        parts = segments(result.lines[line.key].points)
        position = 0.0  # how far along the polyline the line has come; its stations come in order
        for key, _group in itertools.groupby(line.stations):
            point = (result.stations[key].x, _track_y(result, line.key, key))
            assert line.key in result.stations[key].lines
            if not parts:
                assert result.lines[line.key].points == (point,)
                continue
            hits = [i + _fraction(point, s) for i, s in enumerate(parts) if _on_segment(point, s)]
            later = [h for h in hits if h >= position - 1e-9]
            assert later, f"line {line.key} does not reach {key} after the stations before it"
            position = min(later)


def _fraction(point, segment) -> float:
    (x1, y1), (x2, y2) = segment
    length = math.hypot(x2 - x1, y2 - y1)
    return math.hypot(point[0] - x1, point[1] - y1) / length if length else 0.0


@given(networks(max_stations=12, max_lines=4))
def test_the_same_input_gives_the_same_map(network):
    stations, lines = network
    assert layout(stations, lines) == layout(list(stations), list(lines))


@given(networks(max_stations=12, max_lines=4), st.data())
def test_extending_a_line_leaves_the_map_before_its_end_in_place(network, data):
    stations, lines = network
    before = layout(stations, lines)
    assume(not before.conflicts)  # where lines disagree, an edit may settle the disagreement differently
    chosen = data.draw(st.sampled_from(range(len(lines))))
    extended = [*lines]
    extended[chosen] = LineIn(lines[chosen].key, lines[chosen].name, [*lines[chosen].stations, "new"])
    after = layout([*stations, StationIn("new", "Nieuw station")], extended)
    end_x = before.stations[lines[chosen].stations[-1]].x
    for key, station in before.stations.items():
        if station.x < end_x:
            assert after.stations[key] == station


def test_lines_in_agreeing_orders_have_no_conflicts_and_share_one_marker():
    stations = [StationIn(k, f"Station {k}") for k in "ABCDEFG"]
    lines = [LineIn("drivers", "Chauffeurs", "ABCD"), LineIn("mechanics", "Monteurs", "EBFG")]
    result = layout(stations, lines)
    assert result.conflicts == []
    assert result.stations["B"].lines == ("drivers", "mechanics")
    assert [result.stations[k].x for k in "ABCD"] == sorted(result.stations[k].x for k in "ABCD")


def test_conflicting_orders_are_reported_and_still_drawn():
    stations = [StationIn(k, f"Station {k}") for k in "ABCD"]
    lines = [LineIn("one", "Eén", "ABC"), LineIn("two", "Twee", "CBD")]
    result = layout(stations, lines)
    assert [(c.line, c.from_station, c.to_station) for c in result.conflicts] == [("two", "C", "B")]
    assert measure(result).through_unserved == 0
    assert set(result.lines) == {"one", "two"}


def test_an_unknown_station_is_an_error():
    with pytest.raises(ValueError, match="unknown"):
        layout([StationIn("A", "A")], [LineIn("x", "X", ["A", "B"])])


@given(st.text(max_size=200))
def test_labels_wrap_into_at_most_three_short_lines(text):
    lines = wrap_label(text)
    assert 1 <= len(lines) <= 3
    assert all(len(line) <= 26 for line in lines)
    if len(text.split()) and len(" ".join(text.split())) <= 18:
        assert lines == (" ".join(text.split()),)

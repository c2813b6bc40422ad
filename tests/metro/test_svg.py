"""The drawn map: well-formed SVG with one marker per station (touching every line that stops there), a coloured
track and a legend entry per line, links for stations with an address, and text escaped."""

import xml.etree.ElementTree as ET

from hypothesis import given

from mhw.metro.layout import LineIn, StationIn, layout
from mhw.metro.svg import LineStyle, colour_for, map_svg
from tests.metro.test_layout import networks

NS = {"svg": "http://www.w3.org/2000/svg"}


@given(networks(max_stations=14, max_lines=5))
def test_any_map_draws_as_well_formed_svg_with_every_station_and_line(network):
    stations, lines = network
    result = layout(stations, lines)
    styles = {line.key: LineStyle(f"<{line.name}> & co") for line in lines}
    root = ET.fromstring(map_svg(result, styles, title="Metrokaart <test>"))
    drawn = {g.get("data-station") for g in root.iterfind(".//*[@class='metro-station']")}
    assert drawn == set(result.stations)
    legend = [g.get("data-line") for g in root.iterfind(".//svg:g[@class='metro-legend']/svg:g", NS)]
    assert legend == [line.key for line in lines]


def test_stations_link_and_lines_take_their_colours():
    stations = [StationIn(k, f"Station {k}") for k in "ABCD"]
    lines = [LineIn("drivers", "Chauffeurs", "ABC"), LineIn("mechanics", "Monteurs", "BD")]
    svg = map_svg(
        layout(stations, lines),
        {"drivers": LineStyle("Chauffeurs", "#123456"), "mechanics": LineStyle("Monteurs")},
        title="Kaart", station_urls={"B": "/metro/stations/2/"},
    )  # fmt: skip
    root = ET.fromstring(svg)
    [link] = root.iterfind(".//svg:a", NS)
    assert link.get("href") == "/metro/stations/2/"
    assert link.get("data-lines") == "drivers mechanics"
    strokes = {
        g.get("data-line"): g.find("svg:path", NS).get("stroke")
        for g in root.iterfind(".//svg:g[@class='metro-line']", NS)
    }
    assert strokes == {"drivers": "#123456", "mechanics": colour_for(1)}
    assert map_svg(layout(stations, lines), {k: LineStyle(k) for k in ("drivers", "mechanics")}, title="x") == map_svg(
        layout(stations, lines), {k: LineStyle(k) for k in ("drivers", "mechanics")}, title="x"
    )

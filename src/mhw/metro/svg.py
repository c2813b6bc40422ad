"""Drawing a laid-out metro map as SVG: each line a coloured track, each station one white marker touching all its
lines, labels under the markers, and a legend. Pure module: names and labels arrive already translated.

The same SVG is shown on the page and exported. Lines and stations carry their keys as data attributes; hovering a
line brings it forward (CSS in the SVG), and a station with an address is a link.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mhw.metro.layout import CHAR_WIDTH, FONT_SIZE, LINE_HEIGHT, MARKER, MapLayout
from mhw.xmltext import attribute as attr
from mhw.xmltext import text as esc

PALETTE = ("#e2001a", "#0069b4", "#00963f", "#f7a600", "#8c2f8f", "#00a3d9", "#e5007d", "#7b5b3a", "#5a6f7c",
           "#9bbb1f")  # fmt: skip
FONT = "DejaVu Sans, Arial, sans-serif"
TRACK_WIDTH = 6
LEGEND_ROW = 22
STYLE = (
    f".metro-line path{{fill:none;stroke-width:{TRACK_WIDTH};stroke-linecap:round;stroke-linejoin:round}}"
    ".metro-lines:hover .metro-line{opacity:.3}.metro-lines .metro-line:hover{opacity:1}"
    ".metro-station rect{fill:#fff;stroke:#1d1d1b;stroke-width:2.5}"
    ".metro-station:hover rect{stroke-width:4}.metro-station text{fill:#1d1d1b}"
)


@dataclass(frozen=True)
class LineStyle:
    name: str
    colour: str = ""  # empty: the palette's colour for the line's place in the legend


def colour_for(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _path(points) -> str:
    first, *rest = points
    return f"M{first[0]:.1f} {first[1]:.1f}" + "".join(f" L{x:.1f} {y:.1f}" for x, y in rest)


def map_svg(
    layout: MapLayout,
    styles: Mapping[str, LineStyle],
    *,
    title: str,
    station_urls: Mapping[str, str] | None = None,
    station_names: Mapping[str, str] | None = None,
    highlight: Sequence[str] = (),
) -> str:
    """The map as a standalone SVG document. `styles` names (and may colour) each line; `station_urls` makes stations
    links; `station_names` gives each station's full name (the label may be wrapped or shortened) for its tooltip and
    for screen readers; `highlight` lists station keys drawn with a thicker marker (e.g. the station being edited)."""
    station_urls, station_names = station_urls or {}, station_names or {}
    keys = list(layout.lines)
    colours = {key: styles[key].colour or colour_for(i) for i, key in enumerate(keys)}
    legend_top = layout.height
    width = max([layout.width, 320.0] + [94 + CHAR_WIDTH * len(styles[key].name) for key in keys])
    height = legend_top + LEGEND_ROW * len(keys) + 16
    against_order = {c.line for c in layout.conflicts}
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width:.0f} {height:.0f}' width='{width:.0f}' "
        f"height='{height:.0f}' role='img' class='metro-map' font-family={attr(FONT)} font-size='{FONT_SIZE:g}'>",
        f"<title>{esc(title)}</title>",
        f"<style>{STYLE}</style>",
        f"<rect width='{width:.0f}' height='{height:.0f}' fill='#ffffff'/>",
        "<g class='metro-lines'>",
    ]
    for key in keys:
        line = layout.lines[key]
        if len(line.points) < 2:
            continue
        conflict = " data-conflict='true'" if key in against_order else ""
        out.append(
            f"<g class='metro-line' data-line={attr(key)}{conflict}><title>{esc(styles[key].name)}</title>"
            f"<path d='{_path(line.points)}' stroke='{colours[key]}'/></g>"
        )
    out.append("</g><g class='metro-stations'>")
    for key, station in layout.stations.items():
        rect_height = station.bottom - station.top + 2 * MARKER
        stroke = " style='stroke-width:4.5'" if key in highlight else ""
        marker = (
            f"<rect x='{station.x - MARKER:.1f}' y='{station.top - MARKER:.1f}' width='{2 * MARKER:g}' "
            f"height='{rect_height:.1f}' rx='{MARKER:g}'{stroke}/>"
        )
        spans = "".join(
            f"<tspan x='{station.x:.1f}' y='{station.label_box.top + (i + 0.8) * LINE_HEIGHT:.1f}'>{esc(text)}</tspan>"
            for i, text in enumerate(station.label_lines)
        )
        name = station_names.get(key) or " ".join(station.label_lines)
        body = f"<title>{esc(name)}</title>{marker}<text text-anchor='middle' aria-hidden='true'>{spans}</text>"
        attributes = f"class='metro-station' data-station={attr(key)} data-lines={attr(' '.join(station.lines))}"
        if key in station_urls:
            out.append(f"<a href={attr(station_urls[key])} {attributes}>{body}</a>")
        else:
            out.append(f"<g {attributes}>{body}</g>")
    out.append("</g><g class='metro-legend'>")
    for i, key in enumerate(keys):
        y = legend_top + i * LEGEND_ROW + 8
        out.append(
            f"<g data-line={attr(key)}><rect x='24' y='{y:.0f}' width='36' height='{TRACK_WIDTH}' rx='3' "
            f"fill='{colours[key]}'/><text x='70' y='{y + TRACK_WIDTH:.0f}'>{esc(styles[key].name)}</text></g>"
        )
    out.append("</g></svg>")
    return "".join(out)

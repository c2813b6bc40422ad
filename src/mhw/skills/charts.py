"""SVG pictures of a skills mapping: the heatmap (roles × specialisms, coloured by gap) and the spider chart
(ontwikkelspin: current against future level per specialism).

Pure module: labels arrive already translated; the output is a complete, self-contained SVG document whose cells and
points carry their values as data attributes, so the page, the download and the tests read the same picture.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mhw.xmltext import attribute as attr
from mhw.xmltext import text as esc

FONT = "font-family='DejaVu Sans, Arial, sans-serif'"
# Gap 0..5 from calm to urgent; colour-blind safe sequential palette with enough contrast for dark text.
GAP_COLOURS = ("#f7fcf5", "#fee8c8", "#fdbb84", "#fc8d59", "#e34a33", "#b30000")
SERIES_COLOURS = ("#1f77b4", "#d95f02", "#1b9e77", "#7570b3")


def _text_width(text: str, size: float) -> float:
    # A conservative estimate of DejaVu Sans widths, enough to size margins without a font engine.
    return len(text) * size * 0.6


def gap_colour(gap: int | None) -> str:
    if gap is None:
        return "#ffffff"
    return GAP_COLOURS[max(0, min(5, gap))]


@dataclass(frozen=True)
class HeatmapLabels:
    title: str
    legend: str
    no_data: str


def heatmap_svg(
    roles: Sequence[str],
    specialisms: Sequence[str],
    gaps: Sequence[Sequence[int | None]],
    labels: HeatmapLabels,
) -> str:
    """A heatmap with one row per role and one column per specialism; `gaps[r][s]` is the gap or None."""
    if len(gaps) != len(roles) or any(len(row) != len(specialisms) for row in gaps):
        raise ValueError("gaps must have one row per role and one value per specialism")
    cell, size = 44, 13
    left = 16 + max((_text_width(r, size) for r in roles), default=40)
    # Column labels are turned 45°: they rise as high, and reach as far right, as their length times sin 45°.
    slant = max((_text_width(s, size) for s in specialisms), default=40) * math.sin(math.radians(45))
    top = 48 + slant + 10
    width = max(left + cell * len(specialisms) + slant + 24, 16 + _text_width(labels.title, 16) + 16)
    legend_y = top + cell * len(roles) + 28
    height = legend_y + 44
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{height:.0f}' "
        f"viewBox='0 0 {width:.0f} {height:.0f}' role='img' class='heatmap' {FONT}>",
        f"<title>{esc(labels.title)}</title>",
        "<rect width='100%' height='100%' fill='#ffffff'/>",
        f"<text x='16' y='26' font-size='16' font-weight='bold'>{esc(labels.title)}</text>",
    ]
    for index, name in enumerate(specialisms):
        x = left + cell * index + cell / 2
        out.append(
            f"<text class='column-label' data-index='{index}' x='{x:.1f}' y='{top - 8:.1f}' font-size='{size}' "
            f"transform='rotate(-45 {x:.1f} {top - 8:.1f})'>{esc(name)}</text>"
        )
    for row, role in enumerate(roles):
        y = top + cell * row
        out.append(
            f"<text class='row-label' data-index='{row}' x='{left - 8:.1f}' y='{y + cell / 2 + 4:.1f}' "
            f"font-size='{size}' text-anchor='end'>{esc(role)}</text>"
        )
        for column, gap in enumerate(gaps[row]):
            x = left + cell * column
            value = "" if gap is None else str(gap)
            shown = labels.no_data if gap is None else value
            tooltip = f"{role} · {specialisms[column]}: {shown}"
            out.append(
                f"<g class='cell' data-role={attr(role)} data-specialism={attr(specialisms[column])} "
                f"data-gap='{value}'><title>{esc(tooltip)}</title>"
                f"<rect x='{x:.1f}' y='{y:.1f}' width='{cell}' height='{cell}' fill='{gap_colour(gap)}' "
                f"stroke='#8a9aa5' stroke-width='1'/>"
                f"<text x='{x + cell / 2:.1f}' y='{y + cell / 2 + 5:.1f}' font-size='14' text-anchor='middle'>"
                f"{esc(value or '–')}</text></g>"
            )
    out.append(f"<text x='16' y='{legend_y:.1f}' font-size='{size}'>{esc(labels.legend)}</text>")
    start = 16 + _text_width(labels.legend, size) + 12
    for gap in range(6):
        x = start + gap * 30
        out.append(
            f"<g class='legend-item' data-gap='{gap}'><rect x='{x:.1f}' y='{legend_y - 14:.1f}' width='26' "
            f"height='20' fill='{gap_colour(gap)}' stroke='#8a9aa5'/><text x='{x + 13:.1f}' y='{legend_y + 1:.1f}' "
            f"font-size='12' text-anchor='middle'>{gap}</text></g>"
        )
    out.append("</svg>")
    return "\n".join(out)


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[int | None]


def spider_svg(axes: Sequence[str], series: Sequence[Series], title: str, max_level: int = 5) -> str:
    """A radar chart with one axis per specialism (levels 0..max_level) and one closed line per series."""
    if len(axes) < 3:
        raise ValueError("a spider chart needs at least three axes")
    if any(len(s.values) != len(axes) for s in series):
        raise ValueError("every series needs one value per axis")
    size = 12
    radius = 150
    # Labels sit beside the axes: the sides need room for the longest label, top and bottom only for a line.
    side = max(_text_width(a, size) for a in axes) + 24
    cx, cy = radius + side, 40 + radius + 36
    width = max(2 * cx, 16 + _text_width(title, 16) + 16)
    legend_top = cy + radius + 40
    height = legend_top + 22 * len(series) + 16

    def point(axis: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * axis / len(axes)
        r = radius * value / max_level
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{height:.0f}' "
        f"viewBox='0 0 {width:.0f} {height:.0f}' role='img' class='spider' {FONT}>",
        f"<title>{esc(title)}</title>",
        "<rect width='100%' height='100%' fill='#ffffff'/>",
        f"<text x='16' y='24' font-size='16' font-weight='bold'>{esc(title)}</text>",
    ]
    for level in range(1, max_level + 1):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(a, level) for a in range(len(axes))))
        out.append(f"<polygon class='ring' data-level='{level}' points='{ring}' fill='none' stroke='#d5dde3'/>")
    for index, name in enumerate(axes):
        x0, y0 = point(index, 0)
        x1, y1 = point(index, max_level)
        lx, ly = point(index, max_level + 0.45)
        anchor = "middle" if abs(lx - cx) < 4 else ("start" if lx > cx else "end")
        out.append(
            f"<line class='axis' data-index='{index}' x1='{x0:.1f}' y1='{y0:.1f}' x2='{x1:.1f}' y2='{y1:.1f}' "
            "stroke='#aab7c0'/>"
        )
        out.append(
            f"<text class='axis-label' data-index='{index}' x='{lx:.1f}' y='{ly + 4:.1f}' font-size='{size}' "
            f"text-anchor='{anchor}'>{esc(name)}</text>"
        )
    for number, item in enumerate(series):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        values = [0 if v is None else v for v in item.values]
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(a, v) for a, v in enumerate(values)))
        data = ",".join("" if v is None else str(v) for v in item.values)
        out.append(
            f"<polygon class='series' data-series={attr(item.name)} data-values='{data}' points='{points}' "
            f"fill='{colour}' fill-opacity='0.15' stroke='{colour}' stroke-width='2.5'/>"
        )
        y = legend_top + 22 * number
        out.append(
            f"<g class='legend-item'><rect x='16' y='{y:.1f}' width='16' height='4' fill='{colour}'/>"
            f"<text x='40' y='{y + 6:.1f}' font-size='{size}'>{esc(item.name)}</text></g>"
        )
    out.append("</svg>")
    return "\n".join(out)

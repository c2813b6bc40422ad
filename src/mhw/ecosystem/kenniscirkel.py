"""The KennisCirkel drawn: six knowledge functions as segments of a ring around the campus, each shaded by how
strongly it is filled, the players that fill it as dots in its segment (further out the stronger they are), and the
holes (a function nobody fills, or only weakly) outlined in red. Pure module: names arrive already translated.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from mhw.xmltext import attribute as attr
from mhw.xmltext import text as esc

CENTRE = 440.0  # room beside the ring for a function's name of some 28 characters
INNER, OUTER, LABEL = 80.0, 230.0, 262.0
STRENGTH_RADIUS = {1: 120.0, 2: 160.0, 3: 200.0}
SHADES = {0: "#ffffff", 1: "#d9eee6", 2: "#8cc9b0", 3: "#2e9a6f"}
FONT = "DejaVu Sans, Arial, sans-serif"


@dataclass(frozen=True)
class Function:
    position: int  # 1..n, clockwise from the top
    name: str


@dataclass(frozen=True)
class Fill:
    position: int
    player: str  # a key
    name: str
    strength: int  # 1 weak, 2 moderate, 3 strong


def coverage(fills: Sequence[Fill], position: int) -> int:
    """How strongly a function is filled: its strongest player's strength, 0 when nobody fills it."""
    return max((f.strength for f in fills if f.position == position), default=0)


def is_hole(fills: Sequence[Fill], position: int) -> bool:
    return coverage(fills, position) <= 1


def segment_angles(count: int, position: int) -> tuple[float, float]:
    step = 2 * math.pi / count
    return step * (position - 1), step * position


def _point(angle: float, radius: float) -> tuple[float, float]:
    return CENTRE + radius * math.sin(angle), CENTRE - radius * math.cos(angle)


def _segment(start: float, end: float) -> str:
    (ax, ay), (bx, by) = _point(start, OUTER), _point(end, OUTER)
    (cx, cy), (dx, dy) = _point(end, INNER), _point(start, INNER)
    return (f"M{ax:.1f} {ay:.1f} A{OUTER:g} {OUTER:g} 0 0 1 {bx:.1f} {by:.1f} L{cx:.1f} {cy:.1f} "
            f"A{INNER:g} {INNER:g} 0 0 0 {dx:.1f} {dy:.1f} Z")  # fmt: skip


def circle_svg(functions: Sequence[Function], fills: Sequence[Fill], *, centre: str, title: str) -> str:
    count = len(functions)
    if sorted(f.position for f in functions) != list(range(1, count + 1)):
        raise ValueError("functions are numbered 1..n")
    size = 2 * CENTRE
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {size:.0f} {size:.0f}' width='{size:.0f}' "
        f"height='{size:.0f}' role='img' class='kenniscirkel' font-family={attr(FONT)} font-size='12'>",
        f"<title>{esc(title)}</title><rect width='100%' height='100%' fill='#ffffff'/>",
    ]
    for function in sorted(functions, key=lambda f: f.position):
        start, end = segment_angles(count, function.position)
        level, hole = coverage(fills, function.position), is_hole(fills, function.position)
        stroke = (
            "stroke='#b03a2e' stroke-width='3' stroke-dasharray='8 5'" if hole else "stroke='#ffffff' stroke-width='2'"
        )
        lx, ly = _point((start + end) / 2, LABEL)
        anchor = "middle" if abs(lx - CENTRE) < 20 else ("start" if lx > CENTRE else "end")
        out.append(
            f"<g class='function' data-function='{function.position}' data-coverage='{level}' "
            f"data-hole='{str(hole).lower()}' data-start='{start:.6f}' data-end='{end:.6f}'>"
            f"<title>{esc(function.name)}</title><path d='{_segment(start, end)}' fill='{SHADES[level]}' {stroke}/>"
            f"<text x='{lx:.1f}' y='{ly + 4:.1f}' text-anchor='{anchor}' font-weight='bold'>"
            f"{esc(function.name)}</text></g>"
        )
        mine = sorted(
            (f for f in fills if f.position == function.position), key=lambda f: (-f.strength, f.name, f.player)
        )
        for strength in (3, 2, 1):
            row = [f for f in mine if f.strength == strength]
            for i, fill in enumerate(row):
                angle = start + (end - start) * (i + 1) / (len(row) + 1)
                x, y = _point(angle, STRENGTH_RADIUS[strength])
                out.append(
                    f"<circle class='player' cx='{x:.1f}' cy='{y:.1f}' r='6' fill='#084c37' stroke='#ffffff' "
                    f"data-player={attr(fill.player)} data-function='{fill.position}' data-strength='{fill.strength}' "
                    f"data-angle='{angle:.6f}'><title>{esc(fill.name)}</title></circle>"
                )
    out.append(
        f"<circle cx='{CENTRE}' cy='{CENTRE}' r='{INNER - 8:g}' fill='#084c37'/><text x='{CENTRE}' y='{CENTRE + 4}' "
        f"text-anchor='middle' fill='#ffffff' font-weight='bold'>{esc(centre)}</text></svg>"
    )
    return "".join(out)

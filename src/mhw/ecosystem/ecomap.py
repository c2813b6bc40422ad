"""The ecosystem map of a campus: the key players around it by kind, in sectors of a circle with the campus in the
middle, and their relations as lines between them. Pure module: names and labels arrive already translated.

Each kind gets a sector of the circle in proportion to its number of players (never less than a minimum, so a kind
with one player is still visible); the players of a sector are spread evenly over it, on two rings when one ring
would put them closer than a label needs. The same input always gives the same picture.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mhw.xmltext import attribute as attr
from mhw.xmltext import text as esc

CENTRE = 440.0  # room for a label of 28 characters beside a player on the outer ring
RING = 220.0
INNER_RING = 165.0
MIN_SECTOR = math.radians(18)
MIN_SPACING = 34.0  # distance between neighbouring players on a ring, below which a second ring is used
NODE = 9.0
FONT = "DejaVu Sans, Arial, sans-serif"
PALETTE = ("#0b6e4f", "#1f7ab8", "#b9770e", "#7570b3", "#d95f02", "#1b9e77", "#e7298a", "#66a61e", "#a6761d",
           "#666666", "#e6ab02", "#386cb0")  # fmt: skip


@dataclass(frozen=True)
class Player:
    key: str
    name: str
    kind: str


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    kind: str
    label: str = ""


@dataclass(frozen=True)
class Sector:
    kind: str
    start: float  # radians, clockwise from the top
    end: float


@dataclass(frozen=True)
class Placed:
    player: Player
    angle: float
    radius: float

    @property
    def x(self) -> float:
        return CENTRE + self.radius * math.sin(self.angle)

    @property
    def y(self) -> float:
        return CENTRE - self.radius * math.cos(self.angle)


def sectors(players: Sequence[Player], kinds: Sequence[str]) -> list[Sector]:
    """A sector per kind that has players, in the order of `kinds`, sized by the number of players."""
    counts = [(kind, sum(1 for p in players if p.kind == kind)) for kind in kinds]
    counts = [(kind, n) for kind, n in counts if n]
    if not counts:
        return []
    total = sum(n for _kind, n in counts)
    raw = [max(MIN_SECTOR, 2 * math.pi * n / total) for _kind, n in counts]
    scale = 2 * math.pi / sum(raw)
    result, start = [], 0.0
    for (kind, _n), size in zip(counts, raw, strict=True):
        result.append(Sector(kind, start, start + size * scale))
        start += size * scale
    return result


def place(players: Sequence[Player], kinds: Sequence[str]) -> tuple[list[Sector], dict[str, Placed]]:
    unknown = {p.kind for p in players} - set(kinds)
    if unknown:
        raise ValueError(f"players of kinds not in the legend: {sorted(unknown)}")
    placed = {}
    parts = sectors(players, kinds)
    for sector in parts:
        members = sorted((p for p in players if p.kind == sector.kind), key=lambda p: (p.name, p.key))
        step = (sector.end - sector.start) / len(members)
        two_rings = step * RING < MIN_SPACING and len(members) > 1
        for i, player in enumerate(members):
            radius = (INNER_RING if i % 2 else RING) if two_rings else RING
            placed[player.key] = Placed(player, sector.start + step * (i + 0.5), radius)
    return parts, placed


def _arc(start: float, end: float, radius: float) -> str:
    x1, y1 = CENTRE + radius * math.sin(start), CENTRE - radius * math.cos(start)
    x2, y2 = CENTRE + radius * math.sin(end), CENTRE - radius * math.cos(end)
    large = 1 if end - start > math.pi else 0
    return f"M{CENTRE:.1f} {CENTRE:.1f} L{x1:.1f} {y1:.1f} A{radius:.0f} {radius:.0f} 0 {large} 1 {x2:.1f} {y2:.1f} Z"


def ecosystem_svg(
    centre: str, players: Sequence[Player], links: Sequence[Link], kinds: Mapping[str, str], *, title: str
) -> str:
    """The map as a standalone SVG: `kinds` maps each kind to its label, in legend order."""
    parts, placed = place(players, list(kinds))
    colour = {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(kinds)}
    legend_top = 2 * CENTRE + 10
    height = legend_top + 22 * len(parts) + 20
    out = [
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {2 * CENTRE:.0f} {height:.0f}' width='{2 * CENTRE:.0f}' "
        f"height='{height:.0f}' role='img' class='ecosystem-map' font-family={attr(FONT)} font-size='11'>",
        f"<title>{esc(title)}</title><rect width='100%' height='100%' fill='#ffffff'/><g class='sectors'>",
    ]
    for sector in parts:
        out.append(
            f"<path d='{_arc(sector.start, sector.end, RING + 40)}' fill='{colour[sector.kind]}' fill-opacity='0.08' "
            f"stroke='#ffffff' data-kind={attr(sector.kind)} data-start='{sector.start:.6f}' "
            f"data-end='{sector.end:.6f}'/>"
        )
    out.append("</g><g class='relations'>")
    for link in links:
        if link.source not in placed or link.target not in placed:
            continue
        a, b = placed[link.source], placed[link.target]
        # A curve bent towards the centre keeps lines between neighbours off the players in between.
        cx, cy = (a.x + b.x) / 4 + CENTRE / 2, (a.y + b.y) / 4 + CENTRE / 2
        out.append(
            f"<path d='M{a.x:.1f} {a.y:.1f} Q{cx:.1f} {cy:.1f} {b.x:.1f} {b.y:.1f}' fill='none' stroke='#5a6f7c' "
            f"stroke-width='1.5' data-source={attr(link.source)} data-target={attr(link.target)} "
            f"data-kind={attr(link.kind)}><title>{esc(link.label or link.kind)}</title></path>"
        )
    out.append(
        f"</g><g class='centre'><circle cx='{CENTRE}' cy='{CENTRE}' r='46' fill='#084c37'/>"
        f"<text x='{CENTRE}' y='{CENTRE + 4}' text-anchor='middle' fill='#ffffff' font-weight='bold'>"
        f"{esc(centre)}</text></g><g class='players'>"
    )
    for key, spot in placed.items():
        right = math.sin(spot.angle) >= 0
        lx = spot.x + (NODE + 4) * (1 if right else -1)
        out.append(
            f"<g class='player' data-actor={attr(key)} data-kind={attr(spot.player.kind)} "
            f"data-angle='{spot.angle:.6f}'><title>{esc(spot.player.name)}</title>"
            f"<circle cx='{spot.x:.1f}' cy='{spot.y:.1f}' r='{NODE:g}' fill='{colour[spot.player.kind]}'/>"
            f"<text x='{lx:.1f}' y='{spot.y + 4:.1f}' text-anchor='{'start' if right else 'end'}'>"
            f"{esc(_short(spot.player.name))}</text></g>"
        )
    out.append("</g><g class='legend'>")
    for i, sector in enumerate(parts):
        y = legend_top + 22 * i
        count = sum(1 for p in players if p.kind == sector.kind)
        out.append(
            f"<g data-kind={attr(sector.kind)}>"
            f"<circle cx='30' cy='{y + 6:.0f}' r='6' fill='{colour[sector.kind]}'/>"
            f"<text x='44' y='{y + 10:.0f}'>{esc(kinds[sector.kind])} ({count})</text></g>"
        )
    out.append("</g></svg>")
    return "".join(out)


def _short(name: str, limit: int = 28) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"

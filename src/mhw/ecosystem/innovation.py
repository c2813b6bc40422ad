"""Priorities from the technological innovation system analysis (toolbox 2.5): per hydrogen development, its scores
on the seven system functions give its momentum; the skills it needs against what the region's modules teach give
its white spots; a development with momentum and white spots is where the campus should act first. Pure module.

momentum  = the mean of the scores given (1–5); a development is about to break through at BREAKTHROUGH or above.
coverage  = the share of the skills it needs that some module in the region teaches to the level needed.
priority  = momentum × (1 − coverage): high when much is moving and little is offered; 0 when all is offered.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

SYSTEM_FUNCTIONS = (
    "entrepreneurial_activity", "knowledge_development", "knowledge_diffusion", "guidance_of_search",
    "market_formation", "resource_mobilisation", "legitimacy",
)  # fmt: skip
BREAKTHROUGH = 3.5


@dataclass(frozen=True)
class Development:
    key: Hashable
    scores: Mapping[str, int]  # system function → 1..5 (functions not scored yet are left out)
    needs: Mapping[Hashable, int]  # skill → level the development asks


@dataclass(frozen=True)
class Assessment:
    key: Hashable
    momentum: float
    complete: bool  # all seven functions scored
    coverage: float
    white_spots: tuple  # skills no regional module teaches to the level needed, in a stable order
    priority: float

    @property
    def breaking_through(self) -> bool:
        return self.momentum >= BREAKTHROUGH


def assess(development: Development, offered: Mapping[Hashable, int]) -> Assessment:
    """`offered`: per skill the highest level a module in the region teaches it to."""
    unknown = set(development.scores) - set(SYSTEM_FUNCTIONS)
    if unknown or any(not 1 <= s <= 5 for s in development.scores.values()):
        raise ValueError("scores are 1..5 on the seven system functions")
    scores = list(development.scores.values())
    momentum = sum(scores) / len(scores) if scores else 0.0
    spots = tuple(sorted((s for s, level in development.needs.items() if offered.get(s, 0) < level), key=str))
    coverage = 1 - len(spots) / len(development.needs) if development.needs else 1.0
    return Assessment(
        development.key, momentum, len(scores) == len(SYSTEM_FUNCTIONS), coverage, spots, momentum * (1 - coverage)
    )


def ranked(developments, offered: Mapping[Hashable, int]) -> list[Assessment]:
    """Highest priority first; ties by momentum, then by key."""
    results = [assess(d, offered) for d in developments]
    return sorted(results, key=lambda a: (-a.priority, -a.momentum, str(a.key)))


@dataclass(frozen=True)
class Cell:
    role: Hashable
    specialism: Hashable
    current: int
    future: int


def skills_impact(cells, touched: set) -> list[tuple[Hashable, int, list[Cell]]]:
    """Which roles a development touches through the specialisms it needs (toolbox 5.1): per role the cells of those
    specialisms where the future level lies above the current one, and the total of those gaps; most impact first."""
    per_role: dict = {}
    for cell in cells:
        if cell.specialism in touched and cell.future > cell.current:
            per_role.setdefault(cell.role, []).append(cell)
    return sorted(
        ((role, sum(c.future - c.current for c in rows), rows) for role, rows in per_role.items()),
        key=lambda item: (-item[1], str(item[0])),
    )

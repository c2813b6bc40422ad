"""Skills-gap computation: what a person (or a role today) lacks against what a role needs.

Pure module: plain data in, plain data out. Used for candidates against role profiles, for vacancies, and for the
current-versus-future levels of a skills mapping. Per skill the gap is ``max(0, required - current)``; a skill that is
not shown at all counts as level 0.
"""

from collections.abc import Hashable, Mapping
from dataclasses import dataclass

MIN_LEVEL = 0
MAX_LEVEL = 5


@dataclass(frozen=True)
class Requirement:
    level: int
    weight: float = 1.0

    def __post_init__(self):
        if not MIN_LEVEL <= self.level <= MAX_LEVEL:
            raise ValueError(f"required level {self.level} is outside {MIN_LEVEL}..{MAX_LEVEL}")
        if self.weight < 0:
            raise ValueError(f"weight {self.weight} is negative")


@dataclass(frozen=True)
class SkillGap:
    skill: Hashable
    required: int
    current: int
    weight: float

    @property
    def gap(self) -> int:
        return max(0, self.required - self.current)

    @property
    def weighted_gap(self) -> float:
        return self.gap * self.weight


@dataclass(frozen=True)
class GapResult:
    """The gap per required skill, in the order of the requirements, and the totals."""

    skills: tuple[SkillGap, ...]

    @property
    def missing(self) -> tuple[SkillGap, ...]:
        """The skills with a gap, largest weighted gap first (ties in requirement order)."""
        return tuple(sorted((s for s in self.skills if s.gap > 0), key=lambda s: -s.weighted_gap))

    @property
    def met(self) -> tuple[SkillGap, ...]:
        return tuple(s for s in self.skills if s.gap == 0)

    @property
    def total_gap(self) -> int:
        return sum(s.gap for s in self.skills)

    @property
    def weighted_gap(self) -> float:
        return sum(s.weighted_gap for s in self.skills)

    @property
    def weighted_requirement(self) -> float:
        return sum(s.required * s.weight for s in self.skills)

    @property
    def coverage(self) -> float:
        """Share of the weighted required levels already met, from 0.0 (nothing) to 1.0 (no gap)."""
        if self.weighted_requirement == 0:
            return 1.0
        return 1.0 - self.weighted_gap / self.weighted_requirement


def compute_gap(required: Mapping[Hashable, Requirement], current: Mapping[Hashable, int]) -> GapResult:
    """The gap of `current` shown levels against the `required` levels.

    Skills in `current` that are not required do not count; required skills absent from `current` count as level 0.
    Shown levels are clipped to 0..5 so that a level above the scale cannot hide a gap elsewhere.
    """
    skills = []
    for skill, requirement in required.items():
        shown = min(MAX_LEVEL, max(MIN_LEVEL, int(current.get(skill, 0))))
        skills.append(SkillGap(skill, requirement.level, shown, requirement.weight))
    return GapResult(tuple(skills))

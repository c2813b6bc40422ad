"""Ranking both ways for the campus: the best roles for a candidate and the best candidates for a role, each pair
explained by the skills that match and the skills still missing. Uses the shared gap module; the national-scale
version of the same computation is `mhw.matching.scoring.top_matches`."""

from dataclasses import dataclass

from mhw.candidates.services.skills import proven_levels, proven_levels_of
from mhw.skills.gap import compute_gap
from mhw.skills.services.profiles import requirements_for_gap


@dataclass(frozen=True)
class PairExplanation:
    coverage: float  # 0..1 of the weighted required levels shown
    weighted_gap: float
    matching: list[str]  # skills already at the required level
    missing: list[tuple[str, int, int]]  # (skill, required, shown)


class _Role:
    """One profile version's requirements and labels, read once however many candidates are compared with it."""

    def __init__(self, version):
        self.requirements = requirements_for_gap(version)
        self.labels = {r.skill_key: r.label for r in version.requirements.select_related("item", "specialism")}

    def explain(self, shown: dict[str, int]) -> PairExplanation:
        result = compute_gap(self.requirements, shown)
        return PairExplanation(
            coverage=result.coverage,
            weighted_gap=result.weighted_gap,
            matching=[self.labels[s.skill] for s in result.met],
            missing=[(self.labels[s.skill], s.required, s.current) for s in result.missing],
        )


def best_roles(candidate, profiles, *, limit: int = 10) -> list[tuple[object, PairExplanation]]:
    """The roles with the smallest weighted gap for this candidate (ties by title)."""
    shown = proven_levels(candidate)
    ranked = [(p, _Role(p.current).explain(shown)) for p in profiles if p.current is not None]
    ranked.sort(key=lambda pair: (pair[1].weighted_gap, str(pair[0])))
    return ranked[:limit]


def best_candidates(profile, candidates, *, limit: int = 10) -> list[tuple[object, PairExplanation]]:
    """The candidates with the smallest weighted gap to this role (ties by name)."""
    if profile.current is None:
        return []
    role = _Role(profile.current)
    shown = proven_levels_of(candidates)
    ranked = [(c, role.explain(shown.get(c.pk, {}))) for c in candidates]
    ranked.sort(key=lambda pair: (pair[1].weighted_gap, pair[0].last_name, pair[0].first_name, pair[0].pk))
    return ranked[:limit]

"""Ranking both ways with how long training would take to close each gap: the campus pages and the API ask the
same question here. The skills explanation comes from the candidates' ranking, the weeks from the path engine."""

from dataclasses import dataclass

from mhw.candidates.services.ranking import PairExplanation, best_candidates, best_roles
from mhw.paths.services import TrainingEstimate, TrainingEstimator


@dataclass(frozen=True)
class RankedPair:
    subject: object  # the skills profile (ranking roles) or the candidate (ranking candidates)
    why: PairExplanation
    training: TrainingEstimate


def roles_for(candidate, profiles, *, limit: int) -> list[RankedPair]:
    """The roles this candidate is closest to, each with its explanation and training estimate."""
    ranked = best_roles(candidate, profiles, limit=limit)
    estimator = TrainingEstimator()
    return [RankedPair(profile, why, estimator.estimate(candidate, profile.current)) for profile, why in ranked]


def candidates_for(profile, candidates, *, limit: int) -> list[RankedPair]:
    """The candidates closest to this role, each with its explanation and training estimate."""
    ranked = best_candidates(profile, candidates, limit=limit)
    estimator = TrainingEstimator()
    return [RankedPair(candidate, why, estimator.estimate(candidate, profile.current)) for candidate, why in ranked]

"""API endpoints for ranking both ways: the best roles for a candidate and the best candidates for a role."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from mhw.accounts.api import Error
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates import services as candidate_services
from mhw.candidates.models import Candidate
from mhw.matching.ranking import RankedPair, candidates_for, roles_for
from mhw.skills.models import SkillsProfile

router = Router(tags=["matching"])


class RankingQuery(Schema):
    limit: int = Field(10, ge=1, le=25, description="How many of the best to return.")


class MissingSkill(Schema):
    skill: str
    required: int
    shown: int


class Training(Schema):
    weeks: int | None = Field(
        ...,
        description="Weeks of training on the shortest path through the regional offer from today; null when "
        "no combination of runs closes the gap, or none was found in time.",
    )
    proven: bool = Field(
        ..., description="False when the path engine ran out of time before it found a plan: weeks is then null."
    )
    unclosable_skills: int = Field(..., description="Required skills no module in the offer teaches.")
    hours_per_week: int = Field(..., description="Hours a week assumed: the candidate's latest planned path, or 20.")


class Explanation(Schema):
    coverage: float = Field(..., description="Share of the weighted required levels shown, 0 to 1.")
    weighted_gap: float = Field(..., description="Sum over the role's skills of weight × max(0, required − shown).")
    matching: list[str] = Field(..., description="Skills already shown at the required level.")
    missing: list[MissingSkill]
    training: Training


class RankedRole(Explanation):
    profile_id: int
    title: str


class RankedCandidate(Explanation):
    candidate_id: int
    name: str


def _explained(pair: RankedPair) -> dict:
    why, training = pair.why, pair.training
    return {
        "coverage": why.coverage,
        "weighted_gap": why.weighted_gap,
        "matching": why.matching,
        "missing": [{"skill": skill, "required": required, "shown": shown} for skill, required, shown in why.missing],
        "training": {
            "weeks": training.weeks, "proven": training.proven, "unclosable_skills": training.unclosable,
            "hours_per_week": training.hours_per_week,
        },
    }  # fmt: skip


@router.get(
    "/candidates/{candidate_id}/best-roles",
    response={200: list[RankedRole], 403: Error, 404: Error},
    summary="The campus's roles this candidate is closest to, each explained, with the weeks of training",
)
def get_best_roles(request, candidate_id: int, query: Query[RankingQuery]):
    if not can(request.user, Capability.VIEW_CANDIDATES):
        raise PermissionDenied
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=candidate_id)
    candidate_services.open_candidate_record(request.user, candidate)
    profiles = SkillsProfile.objects.filter(campus_id=candidate.campus_id)
    ranked = roles_for(candidate, profiles, limit=query.limit)
    return [{"profile_id": pair.subject.pk, "title": str(pair.subject), **_explained(pair)} for pair in ranked]


@router.get(
    "/profiles/{profile_id}/best-candidates",
    response={200: list[RankedCandidate], 403: Error, 404: Error},
    summary="The campus's candidates closest to this role, each explained, with the weeks of training",
)
def get_best_candidates(request, profile_id: int, query: Query[RankingQuery]):
    if not can(request.user, Capability.VIEW_CANDIDATES):
        raise PermissionDenied
    profile = get_object_or_404(SkillsProfile.objects.visible_to(request.user), pk=profile_id)
    if not can(request.user, Capability.VIEW_CANDIDATES, profile.campus_id):
        raise PermissionDenied
    candidates = Candidate.objects.visible_to(request.user).filter(campus_id=profile.campus_id)
    ranked = candidates_for(profile, candidates, limit=query.limit)
    return [{"candidate_id": pair.subject.pk, "name": pair.subject.full_name, **_explained(pair)} for pair in ranked]

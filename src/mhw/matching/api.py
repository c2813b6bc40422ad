"""API endpoints for ranking both ways: the best roles for a candidate and the best candidates for a role."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from mhw.accounts.api import Error
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates import services as candidate_services
from mhw.candidates.models import Candidate
from mhw.candidates.services.ranking import PairExplanation, best_candidates, best_roles
from mhw.skills.models import SkillsProfile

router = Router(tags=["matching"])


class RankingQuery(Schema):
    limit: int = Field(10, ge=1, le=50, description="How many of the best to return.")


class MissingSkill(Schema):
    skill: str
    required: int
    shown: int


class Explanation(Schema):
    coverage: float = Field(..., description="Share of the weighted required levels shown, 0 to 1.")
    weighted_gap: float = Field(..., description="Sum over the role's skills of weight × max(0, required − shown).")
    matching: list[str] = Field(..., description="Skills already shown at the required level.")
    missing: list[MissingSkill]


class RankedRole(Explanation):
    profile_id: int
    title: str


class RankedCandidate(Explanation):
    candidate_id: int
    name: str


def _explained(why: PairExplanation) -> dict:
    return {
        "coverage": why.coverage,
        "weighted_gap": why.weighted_gap,
        "matching": why.matching,
        "missing": [{"skill": skill, "required": required, "shown": shown} for skill, required, shown in why.missing],
    }


@router.get(
    "/candidates/{candidate_id}/best-roles",
    response={200: list[RankedRole], 403: Error, 404: Error},
    summary="The campus's roles this candidate is closest to, each explained",
)
def get_best_roles(request, candidate_id: int, query: Query[RankingQuery]):
    if not can(request.user, Capability.VIEW_CANDIDATES):
        raise PermissionDenied
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=candidate_id)
    candidate_services.open_candidate_record(request.user, candidate)
    profiles = SkillsProfile.objects.filter(campus_id=candidate.campus_id)
    ranked = best_roles(candidate, profiles, limit=query.limit)
    return [{"profile_id": p.pk, "title": str(p), **_explained(why)} for p, why in ranked]


@router.get(
    "/profiles/{profile_id}/best-candidates",
    response={200: list[RankedCandidate], 403: Error, 404: Error},
    summary="The campus's candidates closest to this role, each explained",
)
def get_best_candidates(request, profile_id: int, query: Query[RankingQuery]):
    if not can(request.user, Capability.VIEW_CANDIDATES):
        raise PermissionDenied
    profile = get_object_or_404(SkillsProfile.objects.visible_to(request.user), pk=profile_id)
    if not can(request.user, Capability.VIEW_CANDIDATES, profile.campus_id):
        raise PermissionDenied
    candidates = Candidate.objects.visible_to(request.user).filter(campus_id=profile.campus_id)
    ranked = best_candidates(profile, candidates, limit=query.limit)
    return [{"candidate_id": c.pk, "name": c.full_name, **_explained(why)} for c, why in ranked]

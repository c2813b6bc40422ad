"""The ranking page of a role: the campus's candidates closest to it, each explained. Lives here rather than on the
skills profile page because the skills app may not import candidates (apps import downwards only)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate
from mhw.candidates.services.ranking import best_candidates
from mhw.skills.models import SkillsProfile

SHOWN = 25


@capability_required(Capability.VIEW_CANDIDATES)
def profile_candidates(request, pk: int):
    profile = get_object_or_404(SkillsProfile.objects.visible_to(request.user).select_related("campus"), pk=pk)
    if not can(request.user, Capability.VIEW_CANDIDATES, profile.campus_id):
        raise Http404
    candidates = Candidate.objects.visible_to(request.user).filter(campus_id=profile.campus_id)
    ranked = best_candidates(profile, candidates, limit=SHOWN)
    return render(request, "matching/profile_candidates.html", {"profile": profile, "ranked": ranked})

"""The ranking pages: the campus's candidates closest to a role, and the roles closest to a candidate, each pair
explained and with the weeks of training the path engine estimates. They live here rather than on the skills profile
and candidate pages because those apps may not import the path engine (apps import downwards only)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates import services as candidate_services
from mhw.candidates.models import Candidate
from mhw.matching.ranking import candidates_for, roles_for
from mhw.skills.models import SkillsProfile

SHOWN = 25


@capability_required(Capability.VIEW_CANDIDATES)
def profile_candidates(request, pk: int):
    profile = get_object_or_404(SkillsProfile.objects.visible_to(request.user).select_related("campus"), pk=pk)
    if not can(request.user, Capability.VIEW_CANDIDATES, profile.campus_id):
        raise Http404
    # Every candidate of the campus is compared, 4,000 at a large one: only the columns the ranking and the page use.
    candidates = (
        Candidate.objects.visible_to(request.user)
        .filter(campus_id=profile.campus_id)
        .only("first_name", "last_name", "campus_id")
    )
    ranked = candidates_for(profile, candidates, limit=SHOWN)
    return render(request, "matching/profile_candidates.html", {"profile": profile, "ranked": ranked})


@capability_required(Capability.VIEW_CANDIDATES)
def candidate_roles(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user).select_related("campus"), pk=pk)
    candidate_services.open_candidate_record(request.user, candidate)
    profiles = SkillsProfile.objects.filter(campus_id=candidate.campus_id)
    ranked = roles_for(candidate, profiles, limit=SHOWN)
    return render(request, "matching/candidate_roles.html", {"candidate": candidate, "ranked": ranked})

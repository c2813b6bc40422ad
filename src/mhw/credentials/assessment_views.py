"""The rubric assessment page: a teacher judges a participant by an achievement's rubric; a pass issues the badge."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate
from mhw.credentials import assessment, services
from mhw.credentials.models import Achievement


@capability_required(Capability.RECORD_TRAINING)
def rubric_assessment(request, pk: int):
    """The teacher picks an achievement with a rubric, gives each criterion a level, and a pass issues the badge."""
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=pk)
    if not can(request.user, Capability.RECORD_TRAINING, candidate.campus_id):
        raise Http404
    achievements = [
        a
        for a in Achievement.objects.filter(
            Q(campus=candidate.campus) | Q(organisation__campus=candidate.campus)
        ).select_related("rubric", "rubric_pass_level")
        if assessment.assessable(a)
    ]
    chosen = next((a for a in achievements if str(a.pk) == request.GET.get("achievement", "")), None)
    criteria = list(chosen.rubric.criteria.prefetch_related("descriptors__level")) if chosen else []
    levels = list(chosen.rubric.levels.all()) if chosen else []
    error = None
    if request.method == "POST" and chosen is not None:
        by_id = {str(level.pk): level for level in levels}
        scores = {c: by_id.get(request.POST.get(f"criterion-{c.pk}", "")) for c in criteria}
        if None in scores.values():
            error = _("Give every criterion of the rubric one of its levels.")
        else:
            try:
                done = assessment.assess(request.user, chosen, candidate, scores=scores)
            except services.CredentialError as failure:
                error = failure.message
            else:
                if done.passed:
                    messages.success(request, _("Passed: the credential has been issued to the participant."))
                else:
                    messages.success(request, _("Recorded: not passed yet, so no credential was issued."))
                return redirect("candidate_credentials", pk=candidate.pk)
    for criterion in criteria:
        criterion.selected = request.POST.get(f"criterion-{criterion.pk}", "")
        criterion.cells = [
            (level, next((d for d in criterion.descriptors.all() if d.level_id == level.pk), None)) for level in levels
        ]
    context = {
        "candidate": candidate, "achievements": achievements, "chosen": chosen, "criteria": criteria,
        "levels": levels, "error": error,
    }  # fmt: skip
    return render(request, "credentials/rubric_assessment.html", context, status=422 if error else 200)

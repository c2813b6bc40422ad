"""Marking a module completed, where the credentials it earns are issued at once. Lives here rather than with the
candidates' pages because issuing is the credentials app's (apps import downwards only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates.models import Enrolment
from mhw.credentials import completion, services


@require_POST
@login_required
def enrolment_complete(request, pk: int):
    """Teachers and the candidate office mark a module completed; its outcomes become proven levels and its
    credentials are issued."""
    enrolment = get_object_or_404(Enrolment.objects.select_related("candidate", "run__module"), pk=pk)
    candidate = enrolment.candidate
    if not (
        can(request.user, Capability.RECORD_TRAINING, candidate.campus_id)
        or can(request.user, Capability.MANAGE_CANDIDATES, candidate.campus_id)
    ):
        raise Http404
    try:
        issued = completion.complete_module(request.user, enrolment)
    except services.CredentialError as error:
        messages.error(request, error.message)
        return redirect("candidate_detail", pk=candidate.pk)
    messages.success(request, _("The module is completed; its outcomes now count as shown levels."))
    if issued:
        messages.success(
            request,
            ngettext("%(n)s credential has been issued.", "%(n)s credentials have been issued.", len(issued))
            % {"n": len(issued)},
        )
    return redirect("candidate_detail", pk=candidate.pk)

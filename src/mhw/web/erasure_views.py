"""Erasing a candidate at their request: the candidate office confirms, and the platform keeps the figures."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate
from mhw.web import erasure


class ConfirmErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Erase this person's personal data for good. This cannot be undone."), required=True
    )


@capability_required(Capability.MANAGE_CANDIDATES)
def candidate_erase(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=pk)
    if not can(request.user, Capability.MANAGE_CANDIDATES, candidate.campus_id):
        raise Http404
    form = ConfirmErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erasure.erase(request.user, candidate)
        messages.success(request, _("The personal data has been erased; the figures keep the anonymous record."))
        return redirect("candidate_list")
    return render(request, "web/candidate_erase.html", {"candidate": candidate, "form": form})

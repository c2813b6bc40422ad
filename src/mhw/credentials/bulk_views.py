"""Bulk issuing: an achievement to the participants who completed a module run, each with their own evidence."""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mhw.accounts.decorators import capability_required
from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.credentials import completion, services
from mhw.credentials.models import Achievement
from mhw.learning.models import ModuleRun

EVIDENCE_LENGTH = 1000


class RunChoiceForm(forms.Form):
    achievement = forms.ModelChoiceField(Achievement.objects.none(), label=_("Achievement"))
    run = forms.ModelChoiceField(ModuleRun.objects.none(), label=_("Module run"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = campus_scope(user, Capability.RECORD_TRAINING)
        achievements = Achievement.objects.select_related("campus", "organisation")
        runs = ModuleRun.objects.filter(enrolments__completed_at__isnull=False).select_related("module").distinct()
        if not scope.everywhere:
            achievements = achievements.filter(
                Q(campus_id__in=scope.campus_ids) | Q(organisation__campus_id__in=scope.campus_ids)
            )
            runs = runs.filter(enrolments__candidate__campus_id__in=scope.campus_ids)
        self.fields["achievement"].queryset = achievements
        self.fields["run"].queryset = runs.order_by("-starts_on", "pk")


def _chosen_evidence(request, enrolments) -> tuple[dict[int, str], list[str]]:
    """The recipients ticked in the form, each with the evidence written for them, and what is wrong with it."""
    ticked = set(request.POST.getlist("recipient"))
    evidence, errors = {}, []
    for enrolment in enrolments:
        if str(enrolment.pk) not in ticked:
            continue
        text = request.POST.get(f"evidence-{enrolment.pk}", "").strip()
        if len(text) > EVIDENCE_LENGTH:
            errors.append(
                _("The evidence for %(name)s is longer than %(n)s characters.")
                % {"name": enrolment.candidate, "n": EVIDENCE_LENGTH}
            )
        evidence[enrolment.pk] = text
    if not evidence:
        errors.append(_("Tick at least one participant."))
    if len(request.POST.get("narrative", "").strip()) > EVIDENCE_LENGTH:
        errors.append(_("The text about the achievement is longer than %(n)s characters.") % {"n": EVIDENCE_LENGTH})
    return evidence, errors


@capability_required(Capability.RECORD_TRAINING)
def bulk_issue(request):
    """Choose an achievement and a run; the page lists who completed it and does not hold the achievement yet, with
    evidence per participant to adjust; issuing signs all of them or none."""
    data = request.POST if request.method == "POST" else (request.GET if "run" in request.GET else None)
    form = RunChoiceForm(data, user=request.user)
    enrolments, errors = [], []
    if form.is_valid():
        achievement, run = form.cleaned_data["achievement"], form.cleaned_data["run"]
        enrolments = list(completion.awaiting(achievement, run))
        if request.method == "POST":
            evidence, errors = _chosen_evidence(request, enrolments)
            if not errors:
                try:
                    issued = completion.issue_for_run(
                        request.user,
                        achievement,
                        run,
                        narrative=request.POST.get("narrative", "").strip(),
                        evidence=evidence,
                    )
                except services.CredentialError as error:
                    errors.append(error.message)
                else:
                    messages.success(
                        request,
                        ngettext("%(n)s credential has been issued.", "%(n)s credentials have been issued.",
                                 len(issued)) % {"n": len(issued)},
                    )  # fmt: skip
                    query = f"?achievement={achievement.pk}&run={run.pk}"
                    return redirect(reverse("bulk_issue") + query)
    rows = [
        {"enrolment": e, "evidence": request.POST.get(f"evidence-{e.pk}", completion.default_evidence(e)),
         "ticked": request.method != "POST" or str(e.pk) in request.POST.getlist("recipient")}
        for e in enrolments
    ]  # fmt: skip
    context = {"form": form, "rows": rows, "errors": errors, "narrative": request.POST.get("narrative", "")}
    return render(request, "credentials/bulk_issue.html", context)

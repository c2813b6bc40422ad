"""The programme figures page: funnel, drop-out and time-to-job per campus or nationally, over a period."""

from collections import Counter

from django import forms
from django.db.models import Avg, Prefetch
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.roles import Capability
from mhw.candidates import figures
from mhw.candidates.labels import ACTION_LABELS
from mhw.candidates.models import Candidate, EmploymentContract, Evaluation, PipelineEvent
from mhw.candidates.models.candidate import STAGE_CHOICES, RecruitmentChannel


class FiguresFilter(forms.Form):
    campus = forms.ModelChoiceField(queryset=Campus.objects.none(), required=False, label=gettext_lazy("Campus"))
    registered_from = forms.DateField(
        required=False,
        label=gettext_lazy("Registered from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    registered_until = forms.DateField(
        required=False, label=gettext_lazy("until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses


def _facts(candidate: Candidate) -> figures.CandidateFacts:
    events = list(candidate.pipeline_events.all())
    registered = next((e.at for e in events if e.action == "register"), None)
    left = next((e for e in reversed(events) if e.action in ("withdraw", "no_go", "reject")), None)
    contract = next(
        (d.contract for d in candidate.declarations.all() if hasattr(d, "contract") and d.contract.is_signed),
        None,
    )
    return figures.CandidateFacts(
        reached=frozenset(e.to_stage for e in events),
        registered_on=registered.date() if registered else None,
        contract_starts_on=contract.starts_on if contract else None,
        left_at_stage=left.from_stage if left else "",
        left_how=left.action if left else "",
        left_reason=left.reason if left else "",
    )


@capability_required(Capability.VIEW_CANDIDATES)
def programme_figures(request):
    candidates = Candidate.objects.visible_to(request.user)
    form = FiguresFilter(request.GET or None, campuses=Campus.objects.where(request.user, Capability.VIEW_CANDIDATES))
    if form.is_valid():
        data = form.cleaned_data
        if data["campus"]:
            candidates = candidates.filter(campus=data["campus"])
        register_events = PipelineEvent.objects.filter(action="register")
        if data["registered_from"]:
            register_events = register_events.filter(at__date__gte=data["registered_from"])
            candidates = candidates.filter(pk__in=register_events.values("candidate_id"))
        if data["registered_until"]:
            register_events = register_events.filter(at__date__lte=data["registered_until"])
            candidates = candidates.filter(pk__in=register_events.values("candidate_id"))
    candidates = candidates.prefetch_related(
        Prefetch("pipeline_events", queryset=PipelineEvent.objects.order_by("at", "id")),
        Prefetch("declarations__contract", queryset=EmploymentContract.objects.all()),
    )
    facts = [_facts(c) for c in candidates]
    channel_labels = dict(RecruitmentChannel.choices)
    channels = Counter(channel_labels.get(c.recruitment_channel, _("unknown")) for c in candidates)
    labels = dict(STAGE_CHOICES)
    rows = figures.funnel(facts)
    stats = figures.time_to_job(facts)
    evaluations = (
        Evaluation.objects.filter(candidate__in=candidates)
        .values("by")
        .annotate(preparation=Avg("preparation"), guidance=Avg("guidance"), recommend=Avg("recommend"))
    )
    context = {
        "form": form,
        "funnel": [(labels[stage], count, share) for stage, count, share in rows],
        "funnel_svg": figures.funnel_svg(
            rows, {s: str(labels[s]) for s in figures.MILESTONES}, _("Funnel of the route")
        ),
        "dropouts": [(ACTION_LABELS[how], labels.get(stage, stage), n) for how, stage, n in figures.dropouts(facts)],
        "reasons": [f.left_reason for f in facts if f.left_reason][:50],
        "time_to_job": stats,
        "weeks": {
            name: (round(value / 7, 1) if value is not None else None)
            for name, value in (("median", stats.median_days), ("p25", stats.p25_days), ("p75", stats.p75_days))
        },
        "evaluations": list(evaluations),
        "total": len(facts),
        "channels": channels.most_common(),
    }
    return render(request, "candidates/figures.html", context)

"""The programme figures page: funnel, drop-out and time-to-job per campus or nationally, over a period."""

from collections import Counter

from django import forms
from django.db.models import Avg
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus
from mhw.accounts.roles import Capability
from mhw.candidates import figures
from mhw.candidates.labels import ACTION_LABELS
from mhw.candidates.models import Candidate, Evaluation, PipelineEvent
from mhw.candidates.models.candidate import STAGE_CHOICES, RecruitmentChannel
from mhw.candidates.services import figures as figures_service
from mhw.periods import within_days


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


@capability_required(Capability.VIEW_CANDIDATES)
def programme_figures(request):
    candidates = Candidate.objects.visible_to(request.user)
    form = FiguresFilter(request.GET or None, campuses=Campus.objects.where(request.user, Capability.VIEW_CANDIDATES))
    if form.is_valid():
        data = form.cleaned_data
        if data["campus"]:
            candidates = candidates.filter(campus=data["campus"])
        if data["registered_from"] or data["registered_until"]:
            registered = PipelineEvent.objects.filter(
                within_days("at", data["registered_from"], data["registered_until"]), action="register"
            )
            candidates = candidates.filter(pk__in=registered.values("candidate_id"))
    route = figures_service.route_figures(candidates)
    channel_labels = dict(RecruitmentChannel.choices)
    channels = Counter()
    for channel, count in route.channels.items():
        channels[channel_labels.get(channel, _("unknown"))] += count
    labels = dict(STAGE_CHOICES)
    rows, stats = route.funnel, route.time_to_job
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
        "dropouts": [(ACTION_LABELS[how], labels.get(stage, stage), n) for how, stage, n in route.dropouts],
        "reasons": route.reasons,
        "time_to_job": stats,
        "weeks": {
            name: (round(value / 7, 1) if value is not None else None)
            for name, value in (("median", stats.median_days), ("p25", stats.p25_days), ("p75", stats.p75_days))
        },
        "evaluations": list(evaluations),
        "total": route.total,
        "channels": channels.most_common(),
    }
    return render(request, "candidates/figures.html", context)

"""The development path page of a candidate: the coach plans (pinning or excluding modules), everyone allowed sees
the plan week by week."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mhw.candidates.models import Candidate
from mhw.learning.models import Module
from mhw.paths import services
from mhw.paths.gantt import Bar, GanttLabels, gantt_svg, weekly_load
from mhw.paths.models import DevelopmentPath, PathStep
from mhw.skills.models import SkillsProfile, Specialism, UloItem
from mhw.widgets import LongSelectMultiple

REASONS = {
    "unclosable_skills": gettext_lazy("Some required skills are not taught by any module in the offer."),
    "beyond_six_months": gettext_lazy("The shortest path takes longer than six months (26 weeks)."),
    "no_feasible_plan": gettext_lazy("No combination of runs fits the available hours and prerequisites."),
    "time_limit": gettext_lazy("The planner ran out of time before it found a path."),
}


class PathForm(forms.Form):
    profile = forms.ModelChoiceField(queryset=SkillsProfile.objects.none(), label=gettext_lazy("Target role"))
    start_date = forms.DateField(
        label=gettext_lazy("Start"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    hours_per_week = forms.IntegerField(min_value=1, max_value=60, initial=20, label=gettext_lazy("Hours per week"))
    online_only = forms.BooleanField(required=False, label=gettext_lazy("Online modules only"))
    max_cost = forms.DecimalField(required=False, min_value=0, max_value=100_000, label=gettext_lazy("Maximum cost"))
    pinned = forms.ModelMultipleChoiceField(
        queryset=Module.objects.offered(), required=False, widget=LongSelectMultiple, label=gettext_lazy("Must include")
    )
    excluded = forms.ModelMultipleChoiceField(
        queryset=Module.objects.offered(), required=False, widget=LongSelectMultiple, label=gettext_lazy("Leave out")
    )

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = candidate.target_roles.all()
        self.fields["start_date"].initial = timezone.localdate()
        modules = _modules_to_choose_from(candidate, self.data.getlist("pinned") + self.data.getlist("excluded"))
        self.fields["pinned"].queryset = self.fields["excluded"].queryset = modules

    def clean(self):
        cleaned = super().clean()
        if set(cleaned.get("pinned") or []) & set(cleaned.get("excluded") or []):
            self.add_error("excluded", _("A module cannot be both included and left out."))
        if cleaned.get("profile") and cleaned["profile"].current is None:
            self.add_error("profile", _("This role has no requirements yet."))
        return cleaned


def _modules_to_choose_from(candidate, chosen: list[str]):
    """The modules a coach may pin or leave out: those that teach something one of the candidate's target roles
    requires, those in the candidate's plans, and those already chosen. The whole offer is thousands of modules at
    national size (two lists of 5,000 took two seconds to draw), and a module that teaches nothing the roles need
    cannot change a plan unless a plan already holds it."""
    planned = PathStep.objects.filter(path__candidate=candidate).values("run__module")
    return (
        Module.objects.offered()
        .filter(
            Q(outcomes__item__profile_requirements__version__profile__in=candidate.target_roles.all())
            | Q(pk__in=planned)
            | Q(pk__in=[value for value in chosen if value.isdigit()])
        )
        .distinct()
    )


def _labels(keys):
    items = {i.code: i for i in UloItem.objects.filter(code__in=[k for k in keys if not k.startswith("specialism:")])}
    specialism_ids = [int(k.split(":")[1]) for k in keys if k.startswith("specialism:")]
    specialisms = {f"specialism:{s.pk}": str(s) for s in Specialism.objects.filter(pk__in=specialism_ids)}
    return [specialisms.get(k) or (f"{k} {items[k].text}" if k in items else k) for k in keys]


def _plan_context(path: DevelopmentPath | None) -> dict:
    if path is None:
        return {"path": None}
    steps = list(path.steps.select_related("run__module__provider"))
    for step in steps:
        step.starts_on = path.start_date + datetime.timedelta(weeks=step.start_week)
        step.ends_on = path.start_date + datetime.timedelta(weeks=step.end_week)
        step.closes_labels = _labels(step.closes)
    bars = [
        Bar(str(s.run.module), s.start_week, s.end_week, float(s.run.module.hours) / (s.end_week - s.start_week))
        for s in steps
        if s.end_week > s.start_week
    ]
    labels = GanttLabels(title=_("Week by week"), week=_("week"), hours=_("hours per week"))
    load = weekly_load(bars, path.finish_week)
    weeks = [
        {
            "number": week + 1,
            "starts_on": path.start_date + datetime.timedelta(weeks=week),
            "modules": [b.label for b in bars if b.start_week <= week < b.end_week],
            "hours": hours,
        }
        for week, hours in enumerate(load)
    ]
    return {
        "path": path,
        "steps": steps,
        "chart": gantt_svg(bars, path.hours_per_week, labels) if bars else "",
        "weeks": weeks,
        "unclosable": _labels(path.unclosable),
        "reasons": [REASONS[r] for r in path.reasons if r in REASONS],
        "finish_on": path.start_date + datetime.timedelta(weeks=path.finish_week),
    }


@login_required
def path_page(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=pk)
    may_plan = Candidate.objects.manageable_by(request.user).filter(pk=pk).exists()
    form = PathForm(request.POST or None, candidate=candidate) if may_plan else None
    if request.method == "POST" and may_plan and form.is_valid():
        data = form.cleaned_data
        services.plan_path(
            request.user, candidate, data["profile"].current, start_date=data["start_date"],
            hours_per_week=data["hours_per_week"], online_only=data["online_only"], max_cost=data["max_cost"],
            pinned=list(data["pinned"]), excluded=list(data["excluded"]),
        )  # fmt: skip
        messages.success(request, _("The development path has been planned."))
        return redirect("path_page", pk=pk)
    context = {"candidate": candidate, "form": form} | _plan_context(candidate.paths.first())
    return render(request, "paths/path.html", context)

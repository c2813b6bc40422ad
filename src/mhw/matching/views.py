"""Job fair pages for the candidate office: companies and candidates, the speed-date schedule (page and PDF), the
choices afterwards, and the proposed stable matching that becomes declarations of intent."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from weasyprint import HTML

from mhw.accounts.decorators import capability_required
from mhw.accounts.models import Campus, Organisation
from mhw.accounts.roles import Capability
from mhw.candidates.models import Candidate
from mhw.matching import services
from mhw.matching.models import FairCompany, FairWish, JobFair
from mhw.matching.speeddates import ScheduleImpossible

INVITABLE_STAGES = ("selected", "application_training_done", "at_job_fair")
CHOICES = 3


class FairForm(forms.ModelForm):
    class Meta:
        model = JobFair
        fields = ["campus", "title", "held_on", "rounds", "min_dates"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses
        if campuses.count() == 1:
            self.fields["campus"].initial = campuses.first()


class FairCompanyForm(forms.ModelForm):
    class Meta:
        model = FairCompany
        fields = ["company", "role_title", "profile", "tables", "places", "work_experience_months", "salary_band"]

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = Organisation.objects.filter(campus=fair.campus, kind="company")
        self.fields["profile"].queryset = fair.campus.skills_profiles.all()
        self.instance.fair = fair


class WishForm(forms.Form):
    candidate = forms.ModelChoiceField(queryset=Candidate.objects.none(), label=gettext_lazy("Candidate"))
    company = forms.ModelChoiceField(queryset=FairCompany.objects.none(), label=gettext_lazy("Company"))
    wished_by = forms.ChoiceField(choices=FairWish.Side.choices, label=gettext_lazy("Wished by"))

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = Candidate.objects.filter(pk__in=fair.candidates.values("candidate_id"))
        self.fields["company"].queryset = fair.companies.select_related("company")


@capability_required(Capability.MANAGE_CANDIDATES)
def fair_list(request):
    campuses = Campus.objects.where(request.user, Capability.MANAGE_CANDIDATES)
    form = FairForm(request.POST or None, campuses=campuses)
    if request.method == "POST" and form.is_valid():
        fair = form.save()
        messages.success(request, _("The job fair has been created."))
        return redirect("fair_detail", pk=fair.pk)
    fairs = JobFair.objects.manageable_by(request.user).select_related("campus")
    return render(request, "matching/fair_list.html", {"fairs": fairs, "form": form})


def _fair(request, pk):
    return get_object_or_404(JobFair.objects.manageable_by(request.user).select_related("campus"), pk=pk)


@capability_required(Capability.MANAGE_CANDIDATES)
def fair_detail(request, pk: int):
    fair = _fair(request, pk)
    company_form = FairCompanyForm(request.POST or None, fair=fair, prefix="company")
    if request.method == "POST" and request.POST.get("add") == "company" and company_form.is_valid():
        company_form.save()
        messages.success(request, _("The company takes part."))
        return redirect("fair_detail", pk=pk)
    invitable = Candidate.objects.manageable_by(request.user).filter(campus=fair.campus, stage__in=INVITABLE_STAGES)
    if request.method == "POST" and request.POST.get("add") == "candidates":
        chosen = invitable.filter(pk__in=request.POST.getlist("candidates"))
        for candidate in chosen:
            fair.candidates.get_or_create(candidate=candidate)
        messages.success(request, _("The candidates are invited."))
        return redirect("fair_detail", pk=pk)
    wish_form = WishForm(request.POST or None, fair=fair, prefix="wish")
    if request.method == "POST" and request.POST.get("add") == "wish" and wish_form.is_valid():
        try:
            services.pin_wish(request.user, fair, **wish_form.cleaned_data)
        except services.FairError as error:
            wish_form.add_error(None, str(error))
        else:
            messages.success(request, _("The wish is pinned: the schedule will include this date."))
            return redirect("fair_detail", pk=pk)
    companies = list(fair.companies.select_related("company", "profile"))
    attendees = [fc.candidate for fc in fair.candidates.select_related("candidate")]
    dates = list(fair.dates.select_related("candidate", "company__company"))
    rounds = [(r + 1, [d for d in dates if d.round == r]) for r in range(fair.rounds)]
    choices = {(c.side, c.candidate_id, c.company_id): c.rank for c in fair.choices.all()}
    context = {
        "fair": fair,
        "company_form": company_form,
        "wish_form": wish_form,
        "wishes": fair.wishes.select_related("candidate", "company__company"),
        "companies": companies,
        "attendees": attendees,
        "invitable": invitable.exclude(pk__in=[c.pk for c in attendees]),
        "rounds": rounds if dates else [],
        "choice_slots": range(1, CHOICES + 1),
        "candidate_choices": {
            c.pk: [next((fc.pk for fc in companies if choices.get(("candidate", c.pk, fc.pk)) == i), None)
                   for i in range(1, CHOICES + 1)] for c in attendees
        },
        "company_choices": {
            fc.pk: [next((c.pk for c in attendees if choices.get(("company", c.pk, fc.pk)) == i), None)
                    for i in range(1, CHOICES + 1)] for fc in companies
        },
    }  # fmt: skip
    return render(request, "matching/fair_detail.html", context)


@require_POST
@capability_required(Capability.MANAGE_CANDIDATES)
def fair_schedule(request, pk: int):
    fair = _fair(request, pk)
    try:
        schedule = services.schedule_fair(request.user, fair)
    except ScheduleImpossible:
        messages.error(
            request,
            _("No schedule is possible: there are too few tables and rounds for the minimum number of dates per "
              "candidate together with the pinned wishes. Add tables or rounds, or lower the minimum."),
        )  # fmt: skip
    else:
        messages.success(
            request,
            _("%(n)s speed dates planned; total match score %(score)s (the best possible).")
            % {"n": len(schedule.dates), "score": round(schedule.total_score, 1)},
        )
    return redirect("fair_detail", pk=pk)


@capability_required(Capability.MANAGE_CANDIDATES)
def fair_schedule_pdf(request, pk: int):
    fair = _fair(request, pk)
    dates = list(fair.dates.select_related("candidate", "company__company"))
    by_candidate, by_company = {}, {}
    for d in dates:
        by_candidate.setdefault(d.candidate, []).append(d)
        by_company.setdefault(d.company, []).append(d)
    html = render_to_string(
        "matching/schedule_print.html",
        {"fair": fair, "by_candidate": sorted(by_candidate.items(), key=lambda i: i[0].last_name),
         "by_company": sorted(by_company.items(), key=lambda i: str(i[0]))},
    )  # fmt: skip
    response = HttpResponse(HTML(string=html).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="speeddates-{fair.pk}.pdf"'
    return response


@require_POST
@capability_required(Capability.MANAGE_CANDIDATES)
def fair_wish_delete(request, pk: int, wish_pk: int):
    fair = _fair(request, pk)
    services.unpin_wish(request.user, get_object_or_404(fair.wishes, pk=wish_pk))
    messages.success(request, _("The wish is no longer pinned."))
    return redirect("fair_detail", pk=pk)


@capability_required(Capability.MANAGE_CANDIDATES)
def fair_live(request, pk: int):
    """The board for the day: who sits at which table in the round under way and the next one. It refreshes
    itself, so the office can put it on a screen."""
    fair = _fair(request, pk)
    dates = list(fair.dates.select_related("candidate", "company__company"))
    current, following = fair.current_round, fair.current_round + 1
    context = {
        "fair": fair,
        "scheduled": bool(dates),
        "over": current > fair.rounds,
        "now": [d for d in dates if d.round + 1 == current],
        "next": [d for d in dates if d.round + 1 == following] if following <= fair.rounds else [],
        "free": sorted(
            {d.candidate for d in dates} - {d.candidate for d in dates if d.round + 1 == current},
            key=lambda c: (c.last_name, c.first_name),
        ) if 1 <= current <= fair.rounds else [],
    }  # fmt: skip
    template = "matching/_fair_board.html" if request.htmx else "matching/fair_live.html"
    return render(request, template, context)


@require_POST
@capability_required(Capability.MANAGE_CANDIDATES)
def fair_round(request, pk: int):
    fair = _fair(request, pk)
    try:
        services.move_round(
            request.user, fair, from_round=int(request.POST.get("from", "")), to_round=int(request.POST.get("to", ""))
        )
    except ValueError as error:  # FairError is a ValueError; so is a round that is not a number
        messages.error(request, str(error) if isinstance(error, services.FairError) else _("There is no such round."))
    return redirect("fair_live", pk=pk)


@require_POST
@capability_required(Capability.MANAGE_CANDIDATES)
def fair_choices(request, pk: int):
    """Record both sides' first to third choices as they were handed in after the fair."""
    fair = _fair(request, pk)
    companies = {str(fc.pk): fc for fc in fair.companies.all()}
    attendees = {str(fc.candidate_id): fc.candidate for fc in fair.candidates.select_related("candidate")}
    for candidate_id, candidate in attendees.items():
        ranked = [
            companies[v]
            for i in range(1, CHOICES + 1)
            if (v := request.POST.get(f"cand-{candidate_id}-{i}")) in companies
        ]
        services.record_choices(
            request.user, fair, side="candidate", owner=candidate, ranked=list(dict.fromkeys(ranked))
        )
    for company_id, company in companies.items():
        ranked = [
            attendees[v]
            for i in range(1, CHOICES + 1)
            if (v := request.POST.get(f"comp-{company_id}-{i}")) in attendees
        ]
        services.record_choices(request.user, fair, side="company", owner=company, ranked=list(dict.fromkeys(ranked)))
    messages.success(request, _("The choices have been recorded."))
    return redirect("fair_proposal", pk=pk)


@capability_required(Capability.MANAGE_CANDIDATES)
def fair_proposal(request, pk: int):
    fair = _fair(request, pk)
    proposing = request.POST.get("proposing") or request.GET.get("proposing") or "candidates"
    if proposing not in ("candidates", "companies"):
        proposing = "candidates"
    if request.method == "POST":
        declarations = services.accept_matching(request.user, fair, proposing=proposing)
        messages.success(request, _("%(n)s declarations of intent are ready to be signed.") % {"n": len(declarations)})
        return redirect("fair_proposal", pk=pk)
    matching = services.proposed_matching(fair, proposing=proposing)
    companies = {fc.pk: fc for fc in fair.companies.select_related("company")}
    candidates = {c.pk: c for c in Candidate.objects.filter(pk__in=fair.candidates.values("candidate_id"))}
    choices = list(fair.choices.all())
    mutual = sorted(
        {(c.candidate_id, c.company_id) for c in choices if c.side == "candidate"}
        & {(c.candidate_id, c.company_id) for c in choices if c.side == "company"}
    )
    context = {
        "fair": fair,
        "proposing": proposing,
        "pairs": [(candidates[c], companies[h]) for c, h in matching.items()],
        "mutual": [(candidates[c], companies[h]) for c, h in mutual],
        "unmatched": [candidates[c] for c in candidates if c not in matching],
    }
    return render(request, "matching/fair_proposal.html", context)

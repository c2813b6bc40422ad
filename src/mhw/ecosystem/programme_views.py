"""The programme dashboard: per campus — or, for a national administrator, all campuses side by side — partners,
candidates per step of the route, metro lines running and participants, credentials issued, time-to-job, and
vacancies against candidates per role, for a period; with charts and an Excel export."""

import io

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from mhw.accounts.decorators import capability_required
from mhw.accounts.roles import Capability
from mhw.candidates.models.candidate import STAGE_CHOICES
from mhw.ecosystem import bars
from mhw.ecosystem.campus_choice import visible_campuses
from mhw.ecosystem.services.programme import figures_for


class PeriodForm(forms.Form):
    campus = forms.ModelChoiceField(queryset=None, required=False, label=gettext_lazy("Campus"),
                                    empty_label=gettext_lazy("All campuses"))  # fmt: skip
    start = forms.DateField(required=False, label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, label=gettext_lazy("Until"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned


def _figures(request):
    campuses = visible_campuses(request.user)
    form = PeriodForm(request.GET or None, campuses=campuses)
    chosen, start, end = campuses, None, None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        if form.cleaned_data["campus"]:
            chosen = [form.cleaned_data["campus"]]
    return form, figures_for(chosen, start, end)


def _measures(rows) -> list[tuple[str, list]]:
    """The dashboard's figures as (label, value per campus), in the order the page and the export show them."""
    stages = [(str(label), [r.stages.get(stage, 0) for r in rows]) for stage, label in STAGE_CHOICES]
    return [
        (_("Companies"), [r.companies for r in rows]),
        (_("Other partners"), [r.partners for r in rows]),
        (_("Candidates (registered in the period)"), [sum(r.stages.values()) for r in rows]),
        *stages,
        (_("Metro lines running"), [r.lines_running for r in rows]),
        (_("Metro line participants"), [r.participants for r in rows]),
        (_("Credentials issued"), [r.credentials for r in rows]),
        (_("Jobs started"), [r.jobs for r in rows]),
        (_("Time-to-job, median (days)"), [r.time_to_job_days if r.time_to_job_days is not None else "" for r in rows]),
    ]


@capability_required(Capability.VIEW_PARTNERS)
def programme_dashboard(request):
    form, rows = _figures(request)
    charts = [
        bars.bar_chart([(r.campus.name, sum(r.stages.values())) for r in rows], title=_("Candidates")),
        bars.bar_chart([(r.campus.name, r.participants) for r in rows], title=_("Metro line participants")),
        bars.bar_chart([(r.campus.name, r.credentials) for r in rows], title=_("Credentials issued")),
        bars.bar_chart([(r.campus.name, r.time_to_job_days or 0) for r in rows], title=_("Time-to-job, median (days)")),
    ]
    context = {"form": form, "rows": rows, "measures": _measures(rows), "charts": charts,
               "query": request.GET.urlencode()}  # fmt: skip
    return render(request, "ecosystem/programme.html", context)


@capability_required(Capability.VIEW_PARTNERS)
def programme_export(request):
    _form, rows = _figures(request)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Campuses")[:31]
    sheet.append([_("Figure"), *(r.campus.name for r in rows)])
    for label, values in _measures(rows):
        sheet.append([label, *values])
    roles = book.create_sheet(_("Roles")[:31])
    roles.append([_("Campus"), _("Role"), _("Places asked"), _("Candidates aiming at it")])
    for r in rows:
        for role, places, aiming in r.roles:
            roles.append([r.campus.name, role, places, aiming])
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="programma.xlsx"'
    return response

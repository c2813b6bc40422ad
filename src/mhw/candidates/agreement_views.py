"""Pages for the agreements of the route: declaration of intent (with its PDF), contract and enrolment."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.models import Organisation
from mhw.candidates.documents import declaration_pdf
from mhw.candidates.models import Candidate, DeclarationOfIntent, EmploymentContract
from mhw.candidates.services import agreements as services
from mhw.learning.models import ModuleRun


def declarations_visible_to(user):
    return DeclarationOfIntent.objects.visible_to(user).select_related("candidate__campus", "company")


class DeclarationForm(forms.ModelForm):
    class Meta:
        model = DeclarationOfIntent
        fields = [
            "company", "role_title", "contract_start", "minimum_months", "work_experience_months", "hours_per_week",
            "salary_band", "training",
        ]  # fmt: skip
        widgets = {"contract_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        if "company" in self.fields:
            self.fields["company"].queryset = Organisation.objects.filter(campus=campus, kind=Organisation.Kind.COMPANY)
        self.fields["training"].widget.attrs["rows"] = 4


class DeclarationCorrectionForm(DeclarationForm):
    """The same fields but the company (a different company is a different declaration), and the version read."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta(DeclarationForm.Meta):
        fields = [name for name in DeclarationForm.Meta.fields if name != "company"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, campus=None, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("minimum_months") or 0) < (cleaned.get("work_experience_months") or 0):
            self.add_error("minimum_months", _("The contract must last at least the work-experience period."))
        return cleaned


@login_required
def declaration_create(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user), pk=pk)
    form = DeclarationForm(request.POST or None, campus=candidate.campus)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "company"}
        try:
            declaration = services.draft_declaration(
                request.user, candidate, company=form.cleaned_data["company"], data=data
            )
        except services.AgreementError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The declaration of intent is ready to be signed by both sides."))
            return redirect("declaration_detail", pk=declaration.pk)
    return render(request, "candidates/declaration_form.html", {"form": form, "candidate": candidate})


@login_required
def declaration_detail(request, pk: int):
    declaration = get_object_or_404(declarations_visible_to(request.user), pk=pk)
    context = {
        "declaration": declaration,
        "contract": EmploymentContract.objects.filter(declaration=declaration).first(),
        "side": services.signing_side(request.user, declaration.candidate, declaration.company_id),
        "may_manage": Candidate.objects.manageable_by(request.user).filter(pk=declaration.candidate_id).exists(),
        "contract_form": ContractForm(
            initial={
                "starts_on": declaration.contract_start,
                "duration_months": declaration.minimum_months,
                "hours_per_week": declaration.hours_per_week,
            }
        ),
    }
    return render(request, "candidates/declaration_detail.html", context)


@login_required
def declaration_edit(request, pk: int):
    declaration = get_object_or_404(
        DeclarationOfIntent.objects.filter(candidate__in=Candidate.objects.manageable_by(request.user)), pk=pk
    )
    if declaration.signed_by_anyone:
        messages.error(request, _("A signed declaration of intent cannot be changed; draft a new one instead."))
        return redirect("declaration_detail", pk=pk)
    form = DeclarationCorrectionForm(request.POST or None, instance=declaration)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in services.EDITABLE_DECLARATION_FIELDS}
        try:
            services.update_declaration(
                request.user, declaration, data=data, expected_version=form.cleaned_data["version"]
            )
        except services.AgreementError as error:
            form.add_error(None, error.message)
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The declaration of intent has been corrected."))
            return redirect("declaration_detail", pk=pk)
    context = {"form": form, "candidate": declaration.candidate, "declaration": declaration}
    return render(request, "candidates/declaration_form.html", context)


@require_POST
@login_required
def declaration_sign(request, pk: int):
    declaration = get_object_or_404(declarations_visible_to(request.user), pk=pk)
    try:
        seen = request.POST.get("version", "")
        services.sign_declaration(request.user, declaration, seen_version=int(seen) if seen.isdigit() else None)
    except services.AgreementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your signature has been recorded."))
    return redirect("declaration_detail", pk=pk)


@login_required
def declaration_download(request, pk: int):
    declaration = get_object_or_404(declarations_visible_to(request.user), pk=pk)
    response = HttpResponse(declaration_pdf(declaration), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="intentieverklaring-{declaration.pk}.pdf"'
    return response


class ContractForm(forms.Form):
    starts_on = forms.DateField(
        label=gettext_lazy("Start"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    duration_months = forms.IntegerField(label=gettext_lazy("Duration (months)"), min_value=1, max_value=120)
    hours_per_week = forms.IntegerField(label=gettext_lazy("Hours per week"), min_value=1, max_value=60)


@require_POST
@login_required
def contract_record(request, pk: int):
    declaration = get_object_or_404(declarations_visible_to(request.user), pk=pk)
    form = ContractForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
        return redirect("declaration_detail", pk=pk)
    try:
        services.record_contract(request.user, declaration, **form.cleaned_data)
    except services.AgreementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The contract is ready to be signed by both sides."))
    return redirect("declaration_detail", pk=pk)


@require_POST
@login_required
def contract_sign(request, pk: int):
    contract = get_object_or_404(
        EmploymentContract.objects.filter(declaration__in=declarations_visible_to(request.user)), pk=pk
    )
    try:
        services.sign_contract(request.user, contract)
    except services.AgreementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your signature has been recorded."))
    return redirect("declaration_detail", pk=contract.declaration_id)


# Runs offered as choices at once. The whole upcoming offer is thousands of runs at national size (a page of 7,500
# checkboxes took 2.5 s to draw); the form shows the earliest runs of the candidate's own campus, or those a search
# finds, and says how many more there are.
SHOWN_RUNS = 50


class EnrolmentForm(forms.Form):
    runs = forms.ModelMultipleChoiceField(
        queryset=ModuleRun.objects.none(), widget=forms.CheckboxSelectMultiple, label=gettext_lazy("Runs")
    )
    paid_by = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), required=False, label=gettext_lazy("Training costs paid by")
    )
    own_contribution = forms.DecimalField(
        min_value=0, max_value=50_000, decimal_places=2, initial=0, label=gettext_lazy("Own contribution (EUR)")
    )

    def __init__(self, *args, candidate, search: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        upcoming = ModuleRun.objects.filter(starts_on__gte=timezone.localdate(), module__is_active=True)
        if search:
            found = upcoming.filter(
                Q(module__title_nl__icontains=search) | Q(module__title_en__icontains=search)
                | Q(module__code__icontains=search) | Q(module__provider__name__icontains=search)
            )  # fmt: skip
        else:
            found = upcoming.filter(module__provider__campus_id=candidate.campus_id)
        self.found = found.count()
        shown = list(found.order_by("starts_on", "pk").values_list("pk", flat=True)[:SHOWN_RUNS])
        # Runs ticked on an earlier page of choices stay choices, so that a search in between loses none of them.
        ticked = [value for value in self.data.getlist("runs") if value.isdigit()] if self.is_bound else []
        self.fields["runs"].queryset = upcoming.filter(Q(pk__in=shown) | Q(pk__in=ticked)).select_related(
            "module__provider"
        )
        self.fields["paid_by"].queryset = Organisation.objects.filter(
            campus=candidate.campus, kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.GOVERNMENT]
        )
        sponsor = candidate.employer or next((d.company for d in candidate.declarations.all() if d.is_signed), None)
        self.fields["paid_by"].initial = sponsor


@login_required
def enrolment_create(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user), pk=pk)
    search = request.GET.get("q", "").strip()[:100]
    form = EnrolmentForm(request.POST or None, candidate=candidate, search=search)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrol(request.user, candidate, **form.cleaned_data)
        except services.AgreementError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The enrolment has been recorded."))
            return redirect("candidate_detail", pk=pk)
    enrolments = candidate.enrolments.select_related("run__module__provider", "paid_by")
    return render(
        request,
        "candidates/enrolment_form.html",
        {"form": form, "candidate": candidate, "enrolments": enrolments, "q": search, "shown_runs": SHOWN_RUNS},
    )

"""Pages of the individual route: registering through the portal, steps on the route, intake results, consent."""

from django import forms
from django.contrib import messages
from django.contrib.auth import login, password_validation
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mhw.accounts.concurrency import ConcurrentEditError
from mhw.accounts.models import Campus, Organisation, User
from mhw.accounts.permissions import can
from mhw.accounts.roles import Capability
from mhw.candidates.forms import OwnDetailsForm
from mhw.candidates.models import Candidate, CoachingSession, Consent, ConsentText, Evaluation, IntakeResult
from mhw.candidates.models.candidate import RecruitmentChannel
from mhw.candidates.models.consent import ConsentScope
from mhw.candidates.services import coaching as coaching_services
from mhw.candidates.services import consent as consent_services
from mhw.candidates.services import evaluation as evaluation_services
from mhw.candidates.services import intake as intake_services
from mhw.candidates.services.records import rectify_own_details
from mhw.candidates.services.route import RouteError, take_step
from mhw.skills.models import SkillsProfile
from mhw.widgets import LongSelect


class RegistrationForm(forms.Form):
    campus = forms.ModelChoiceField(queryset=Campus.objects.all(), label=gettext_lazy("Campus in your region"))
    first_name = forms.CharField(max_length=80, label=gettext_lazy("First name"))
    last_name = forms.CharField(max_length=120, label=gettext_lazy("Last name"))
    email = forms.EmailField(label=gettext_lazy("E-mail address"))
    phone = forms.CharField(max_length=30, required=False, label=gettext_lazy("Phone"))
    city = forms.CharField(max_length=120, required=False, label=gettext_lazy("Place of residence"))
    current_occupation = forms.CharField(max_length=200, label=gettext_lazy("Current occupation"))
    trajectory = forms.ChoiceField(
        choices=[
            (Candidate.Trajectory.LATERAL_ENTRY, gettext_lazy("I am looking for a new job in hydrogen")),
            (Candidate.Trajectory.UPSKILLING, gettext_lazy("I want to grow with my current employer")),
        ],
        widget=forms.RadioSelect,
        label=gettext_lazy("What do you want?"),
    )
    employer = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.GOVERNMENT]),
        required=False,
        label=gettext_lazy("Your employer (if it is a partner of the campus)"),
        widget=LongSelect,
    )
    target_roles = forms.ModelMultipleChoiceField(
        queryset=SkillsProfile.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Roles you aim at"),
    )
    background = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), label=gettext_lazy("Your background and experience")
    )
    motivation = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=gettext_lazy("Your motivation"))
    recruitment_channel = forms.ChoiceField(
        choices=[("", "—"), *RecruitmentChannel.choices], required=False, label=gettext_lazy("How did you find us?")
    )
    password = forms.CharField(widget=forms.PasswordInput, label=gettext_lazy("Choose a password"))
    consent_programme = forms.BooleanField(label=gettext_lazy("I agree (required)"))
    consent_share = forms.BooleanField(required=False, label=gettext_lazy("I agree (optional)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target_roles"].queryset = SkillsProfile.objects.filter(organisation__isnull=True)
        # The consent texts themselves, in their current version, stand right under the boxes to tick.
        for name, scope in (
            ("consent_programme", ConsentScope.PROGRAMME),
            ("consent_share", ConsentScope.SHARE_WITH_COMPANIES),
        ):
            text = ConsentText.current(scope)
            if text is not None:
                self.fields[name].help_text = f"{text.get_scope_display()} (v{text.version}): {text.text}"

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address exists; log in instead."))
        return email

    def clean(self):
        cleaned = super().clean()
        employer, campus = cleaned.get("employer"), cleaned.get("campus")
        if cleaned.get("trajectory") == Candidate.Trajectory.LATERAL_ENTRY:
            cleaned["employer"] = None
        elif employer and campus and employer.campus_id != campus.pk:
            self.add_error("employer", _("Choose an employer that is a partner of the chosen campus, or none."))
        if cleaned.get("password"):
            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("first_name", ""))
            try:
                password_validation.validate_password(cleaned["password"], probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


def register(request):
    """The portal's registration: the professional's entrance of the front door."""
    if request.user.is_authenticated and Candidate.objects.filter(user=request.user).exists():
        return redirect("dashboard")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            candidate = consent_services.register_through_portal(
                campus=data["campus"],
                data=data,
                password=data["password"],
                share_with_companies=data["consent_share"],
                language=get_language() or "nl",
            )
        except (consent_services.ConsentError, RouteError) as error:
            form.add_error(None, error.message)
        else:
            login(request, candidate.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome! The campus will contact you about the intake."))
            return redirect("dashboard")
    return render(request, "candidates/register.html", {"form": form})


class StepForm(forms.Form):
    reason = forms.CharField(max_length=500, required=False)


@require_POST
@login_required
def candidate_step(request, pk: int, action: str):
    candidate = get_object_or_404(Candidate.objects.visible_to(request.user), pk=pk)
    form = StepForm(request.POST)
    form.is_valid()
    try:
        take_step(request.user, candidate, action, reason=form.cleaned_data.get("reason", ""))
    except RouteError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The step has been recorded."))
    if candidate.user_id == request.user.pk and not can(request.user, Capability.VIEW_CANDIDATES):
        return redirect("dashboard")
    return redirect("candidate_detail", pk=pk)


class IntakeForm(forms.ModelForm):
    class Meta:
        model = IntakeResult
        fields = ["kind", "taken_on", "source", "summary", "conclusions_for_candidate"]
        widgets = {
            "taken_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "conclusions_for_candidate": forms.Textarea(attrs={"rows": 2}),
        }


@require_POST
@login_required
def intake_record(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user), pk=pk)
    if not can(request.user, Capability.READ_INTAKE, candidate.campus_id):
        raise PermissionDenied
    form = IntakeForm(request.POST)
    if form.is_valid():
        intake_services.record_intake_result(request.user, candidate, data=form.cleaned_data)
        messages.success(request, _("The intake result has been recorded."))
    else:
        messages.error(request, " ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()))
    return redirect("candidate_detail", pk=pk)


@require_POST
@login_required
def consent_withdraw(request, pk: int):
    consent = get_object_or_404(Consent, pk=pk, candidate__user=request.user)
    consent_services.withdraw_consent(request.user, consent)
    messages.success(request, _("Your consent has been withdrawn."))
    return redirect("dashboard")


@require_POST
@login_required
def consent_give(request, scope: str):
    candidate = get_object_or_404(Candidate, user=request.user)
    if scope not in ConsentScope.values:
        raise PermissionDenied
    try:
        consent_services.give_consent(request.user, candidate, scope)
    except consent_services.ConsentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Thank you, your consent has been recorded."))
    return redirect("dashboard")


class EvaluationForm(forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = ["preparation", "guidance", "recommend", "remarks"]
        widgets = {
            name: forms.RadioSelect(choices=[(n, str(n)) for n in range(1, 6)])
            for name in ("preparation", "guidance", "recommend")
        } | {"remarks": forms.Textarea(attrs={"rows": 3})}


@login_required
def evaluation(request, pk: int):
    candidate = get_object_or_404(Candidate, pk=pk)
    side = evaluation_services.evaluating_side(request.user, candidate)
    if side is None:
        raise Http404
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation_services.submit_evaluation(request.user, candidate, data=form.cleaned_data)
        except evaluation_services.EvaluationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Thank you for your evaluation."))
            return redirect("dashboard")
    context = {"form": form, "candidate": candidate, "side": side}
    return render(request, "candidates/evaluation_form.html", context)


class SessionForm(forms.ModelForm):
    # Prefixed: the candidate page also holds the intake form, which has a "kind" of its own.
    prefix = "session"

    class Meta:
        model = CoachingSession
        fields = ["kind", "planned_at", "topic"]
        widgets = {"planned_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}


@require_POST
@login_required
def session_plan(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.manageable_by(request.user), pk=pk)
    form = SessionForm(request.POST, prefix=SessionForm.prefix)
    if form.is_valid():
        coaching_services.plan_session(request.user, candidate, **form.cleaned_data)
        messages.success(request, _("The session has been planned."))
    else:
        messages.error(request, " ".join(f"{form.fields[f].label}: {' '.join(e)}" for f, e in form.errors.items()))
    return redirect("candidate_detail", pk=pk)


@require_POST
@login_required
def session_attendance(request, pk: int):
    session = get_object_or_404(
        CoachingSession.objects.filter(candidate__in=Candidate.objects.manageable_by(request.user)), pk=pk
    )
    coaching_services.record_session_attendance(request.user, session, request.POST.get("attended") == "yes")
    return redirect("candidate_detail", pk=session.candidate_id)


@login_required
def my_details(request):
    """The candidate corrects their own details (the right to rectification)."""
    candidate = get_object_or_404(Candidate.objects.select_related("campus"), user=request.user)
    form = OwnDetailsForm(request.POST or None, instance=candidate)
    if request.method == "POST" and form.is_valid():
        try:
            rectify_own_details(
                request.user, candidate, data=form.cleaned_data, expected_version=form.cleaned_data["version"]
            )
        except ConcurrentEditError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your details have been corrected."))
            return redirect("dashboard")
    return render(request, "candidates/my_details.html", {"form": form, "candidate": candidate})

"""Forms of the company route. Choices are narrowed to what the user may pick: companies and staff of the cluster's
campus, stations of the same cluster, published learning outcomes."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mhw.accounts.models import Campus, Organisation, User
from mhw.accounts.permissions import campus_scope
from mhw.accounts.roles import Capability
from mhw.credentials.models import Achievement
from mhw.metro.models import (
    CANVAS_FIELDS,
    Canvas,
    CanvasKind,
    Cluster,
    CoreTeamMember,
    CycleStepRecord,
    LineEvaluation,
    MetroLine,
    Referral,
    Station,
    StationSession,
)
from mhw.metro.models.canvas import CANVAS_FIELD_LENGTH
from mhw.skills.models import UloItem, UloStatus


def campus_achievements(cluster):
    """Achievements the cluster's campus (or one of its providers) issues."""
    return Achievement.objects.filter(Q(campus_id=cluster.campus_id) | Q(organisation__campus_id=cluster.campus_id))


def published_outcomes():
    return UloItem.objects.filter(version__status=UloStatus.PUBLISHED).select_related("version")


class VersionedForm(forms.ModelForm):
    """Carries the version the user opened, so a save over someone else's change is refused."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def opened_version(self) -> int:
        return self.cleaned_data.get("version") or self.instance.version


class ClusterForm(VersionedForm):
    class Meta:
        model = Cluster
        fields = ["campus", "name", "theme", "companies", "commitment", "committed_on", "broker", "account_manager"]
        widgets = {
            "commitment": forms.Textarea(attrs={"rows": 3}),
            "committed_on": forms.DateInput(attrs={"type": "date"}),
            "companies": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = campus_scope(user, Capability.MANAGE_COMPANY_ROUTE)
        self.fields["campus"].queryset = scope.filter(Campus.objects.all(), field="id")
        self.fields["companies"].queryset = scope.filter(Organisation.objects.filter(kind=Organisation.Kind.COMPANY))
        staff = scope.filter(User.objects.filter(is_active=True), field="memberships__campus").distinct()
        self.fields["broker"].queryset = staff
        self.fields["account_manager"].queryset = staff
        if self.instance.pk:
            self.fields["campus"].disabled = True

    def clean(self):
        cleaned = super().clean()
        campus = cleaned.get("campus") or getattr(self.instance, "campus", None)
        if campus and any(c.campus_id != campus.pk for c in cleaned.get("companies") or []):
            self.add_error("companies", _("Choose companies of the cluster's campus."))
        return cleaned


class CoreTeamForm(forms.ModelForm):
    class Meta:
        model = CoreTeamMember
        fields = ["name", "organisation", "kind"]

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(campus_id=cluster.campus_id)


class StepForm(VersionedForm):
    class Meta:
        model = CycleStepRecord
        fields = ["status", "products"]
        widgets = {"products": forms.Textarea(attrs={"rows": 2})}


class NewCanvasForm(forms.Form):
    kind = forms.ChoiceField(label=_("Canvas"), choices=CanvasKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)


class CanvasForm(forms.Form):
    """One text area per part of the canvas's kind."""

    title = forms.CharField(label=_("Title"), max_length=200)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, canvas: Canvas, **kwargs):
        initial = {"title": canvas.title, "version": canvas.version, **canvas.content}
        super().__init__(*args, initial=initial, **kwargs)
        for key, label in CANVAS_FIELDS[canvas.kind]:
            self.fields[key] = forms.CharField(
                label=label, required=False, max_length=CANVAS_FIELD_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
            )

    def content(self) -> dict:
        return {key: value for key, value in self.cleaned_data.items() if key not in ("title", "version")}


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("How might we …"), max_length=300)


class ActorForm(forms.Form):
    name = forms.CharField(label=_("Actor"), max_length=200)
    goal = forms.CharField(label=_("Goal"), max_length=300)


class LineForm(VersionedForm):
    outcomes = forms.ModelMultipleChoiceField(
        published_outcomes(),
        required=False,
        label=_("Learning outcomes"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = MetroLine
        fields = [
            "name", "target_group", "goal", "desired_reaction", "colour", "outcomes", "branches_from", "achievement",
        ]  # fmt: skip
        widgets = {
            "goal": forms.Textarea(attrs={"rows": 2}),
            "desired_reaction": forms.Textarea(attrs={"rows": 2}),
            "colour": forms.TextInput(attrs={"type": "color"}),
        }

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["branches_from"].queryset = cluster.stations.all()
        self.fields["outcomes"].queryset = published_outcomes()
        self.fields["achievement"].queryset = campus_achievements(cluster)


class StationForm(VersionedForm):
    outcomes = forms.ModelMultipleChoiceField(
        published_outcomes(), required=False, label=_("Learning outcomes covered"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )  # fmt: skip

    class Meta:
        model = Station
        fields = ["name", "phase", "work_form", "hours", "provider", "description", "outcomes", "achievement"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = Organisation.objects.filter(campus_id=cluster.campus_id)
        self.fields["outcomes"].queryset = published_outcomes()
        self.fields["achievement"].queryset = campus_achievements(cluster)
        self.instance.cluster = cluster


class StopForm(forms.Form):
    """Add a station to a line: one of the cluster's stations (it becomes a connecting station), or a new one."""

    station = forms.ModelChoiceField(Station.objects.none(), required=False, label=_("Existing station"))
    new_name = forms.CharField(label=_("or a new station"), max_length=120, required=False)

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = cluster.stations.all()

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("station")) == bool(cleaned.get("new_name", "").strip()):
            raise forms.ValidationError(_("Choose an existing station or name a new one."))
        return cleaned


class SessionForm(forms.ModelForm):
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")

    class Meta:
        model = StationSession
        fields = ["station", "starts_at", "ends_at", "location", "online_url", "teacher", "materials", "capacity"]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "materials": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = cluster.stations.all()

    def clean(self):
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A session ends after it starts."))
        if not self.instance.pk and starts and starts <= timezone.now():
            self.add_error("starts_at", _("Plan a session in the future."))
        return cleaned


class SignUpForm(forms.Form):
    """What a participant tells when registering: who, from which company, and what they want and expect."""

    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    company = forms.ModelChoiceField(Organisation.objects.none(), label=_("Company"), required=False)
    wishes = forms.CharField(label=_("What do you want to learn here?"), required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    expectations = forms.CharField(label=_("What do you expect of this station?"), required=False, max_length=1000,
                                   widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = cluster.companies.all()


class ReflectionForm(forms.Form):
    went_well = forms.CharField(label=_("What went well"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    to_improve = forms.CharField(label=_("What to improve"), max_length=2000, required=False,
                                 widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class LineEvaluationForm(forms.ModelForm):
    class Meta:
        model = LineEvaluation
        fields = ["company", "outcomes_achieved", "goals_supported", "remarks"]
        widgets = {"outcomes_achieved": forms.CheckboxSelectMultiple, "remarks": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, line, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["company"].queryset = line.cluster.companies.all()
        self.fields["outcomes_achieved"].queryset = line.outcomes.all()
        self.instance.line = line


class ReferralForm(forms.Form):
    kind = forms.ChoiceField(label=_("Refer to"), choices=Referral.Kind.choices)
    partner = forms.ModelChoiceField(Organisation.objects.none(), label=_("Partner"), required=False)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)
    consent = forms.BooleanField(label=_("The participant agreed to this referral"), required=True)

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = Organisation.objects.filter(campus_id=cluster.campus_id).exclude(
            kind=Organisation.Kind.COMPANY
        )

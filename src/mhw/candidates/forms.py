from django import forms
from django.utils.translation import gettext_lazy as _

from mhw.accounts.models import Membership, Organisation, User
from mhw.accounts.roles import Role
from mhw.candidates.models import Candidate
from mhw.candidates.services import EDITABLE_FIELDS
from mhw.candidates.services.records import OWN_DETAILS_FIELDS
from mhw.widgets import LongSelect


def _unique_email(email: str, campus, candidate_pk: int | None) -> str:
    email = email.lower()
    if Candidate.objects.filter(campus=campus, email=email).exclude(pk=candidate_pk).exists():
        raise forms.ValidationError(_("A candidate with this e-mail address is already registered at this campus."))
    return email


class CandidateForm(forms.ModelForm):
    """A candidate's record. The employer and coach must belong to the candidate's campus."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Candidate
        fields = EDITABLE_FIELDS
        widgets = {"employer": LongSelect}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.campus = campus
        self.fields["employer"].queryset = Organisation.objects.filter(
            campus=campus, kind__in=[Organisation.Kind.COMPANY, Organisation.Kind.GOVERNMENT]
        )
        coach_ids = Membership.objects.filter(campus=campus, role=Role.COACH).values("user_id")
        self.fields["coach"].queryset = User.objects.filter(pk__in=coach_ids, is_active=True)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def clean_email(self):
        return _unique_email(self.cleaned_data["email"], self.campus, self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        trajectory = cleaned.get("trajectory")
        if trajectory == Candidate.Trajectory.UPSKILLING and not cleaned.get("employer"):
            self.add_error("employer", _("An upskilling trajectory needs the employer who sponsors it."))
        if trajectory == Candidate.Trajectory.LATERAL_ENTRY and cleaned.get("employer"):
            self.add_error("employer", _("A lateral-entry candidate has no sponsoring employer yet; leave this empty."))
        if self.instance.pk and cleaned.get("version") is None:
            self.add_error(None, _("The form is incomplete; reload the page and try again."))
        return cleaned


class CampusChoiceForm(forms.Form):
    campus = forms.ModelChoiceField(queryset=None, label=_("Campus"))

    def __init__(self, *args, campuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campus"].queryset = campuses


class OwnDetailsForm(forms.ModelForm):
    """The details a candidate corrects in their own record."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Candidate
        fields = OWN_DETAILS_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def clean_email(self):
        return _unique_email(self.cleaned_data["email"], self.instance.campus_id, self.instance.pk)

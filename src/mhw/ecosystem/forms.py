"""Forms of the ecosystem pages; choices narrowed to the campus the page is about."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mhw.accounts.models import Organisation
from mhw.ecosystem.models import (
    Community,
    Development,
    FunctionFill,
    NetworkMeeting,
    NetworkMember,
    NetworkQuestion,
    Relation,
    SystemFunction,
    Vacancy,
)
from mhw.skills.models import SkillsProfile, Specialism, UloItem, UloStatus
from mhw.widgets import LongSelect

DECISION_ROWS = 3


class MemberForm(forms.ModelForm):
    class Meta:
        model = NetworkMember
        fields = ["name", "organisation", "role", "position"]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(campus=campus)
        self.instance.campus = campus


class QuestionForm(forms.ModelForm):
    class Meta:
        model = NetworkQuestion
        fields = ["theme", "text"]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus


class MeetingForm(forms.ModelForm):
    """A meeting with up to three decisions, each with who acts on it and the question it is about."""

    class Meta:
        model = NetworkMeeting
        fields = ["held_on", "title", "notes"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"}), "notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus
        questions = NetworkQuestion.objects.filter(campus=campus)
        for i in range(DECISION_ROWS):
            self.fields[f"decision_{i}"] = forms.CharField(label=_("Decision"), max_length=300, required=False)
            self.fields[f"owner_{i}"] = forms.CharField(label=_("Who acts on it"), max_length=150, required=False)
            self.fields[f"question_{i}"] = forms.ModelChoiceField(
                questions, label=_("About the question"), required=False
            )

    def decisions(self) -> list[dict]:
        return [
            {"text": self.cleaned_data[f"decision_{i}"].strip(), "owner": self.cleaned_data[f"owner_{i}"].strip(),
             "question": self.cleaned_data[f"question_{i}"]}
            for i in range(DECISION_ROWS)
            if self.cleaned_data.get(f"decision_{i}", "").strip()
        ]  # fmt: skip


class RelationForm(forms.ModelForm):
    class Meta:
        model = Relation
        fields = ["source", "kind", "target", "note"]

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        players = Organisation.objects.filter(campus=campus)
        self.fields["source"].queryset = players
        self.fields["target"].queryset = players
        self.instance.campus = campus


class FillForm(forms.Form):
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label=_("Player"))
    position = forms.TypedChoiceField(label=_("Knowledge function"), coerce=int)
    strength = forms.TypedChoiceField(label=_("Strength"), coerce=int, choices=FunctionFill.Strength.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, campus, functions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(campus=campus)
        self.fields["position"].choices = [(f.position, f.name) for f in functions]


class FunctionsForm(forms.Form):
    """The six functions' names and descriptions, in Dutch and English."""

    def __init__(self, *args, functions, **kwargs):
        super().__init__(*args, **kwargs)
        for f in functions:
            for field, label, length in (("name_nl", _("Name (Dutch)"), 120), ("name_en", _("Name (English)"), 120),
                                         ("description_nl", _("Description (Dutch)"), 300),
                                         ("description_en", _("Description (English)"), 300)):  # fmt: skip
                self.fields[f"{field}_{f.position}"] = forms.CharField(
                    label=f"{f.position}. {label}", max_length=length, required=field.startswith("name"),
                    initial=getattr(f, field),
                )  # fmt: skip
        self.positions = [f.position for f in functions]

    def rows(self) -> list[dict]:
        return [
            {"position": p, **{k: self.cleaned_data[f"{k}_{p}"] for k in ("name_nl", "name_en", "description_nl",
                                                                            "description_en")}}
            for p in self.positions
        ]  # fmt: skip


class DevelopmentForm(forms.ModelForm):
    class Meta:
        model = Development
        fields = ["name", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus


class ScoresForm(forms.Form):
    """A score (1–5, or empty while unknown) and the evidence for each of the seven system functions."""

    def __init__(self, *args, development, **kwargs):
        super().__init__(*args, **kwargs)
        given = {s.function: s for s in development.scores.all()}
        for value, label in SystemFunction.choices:
            current = given.get(value)
            self.fields[f"score_{value}"] = forms.TypedChoiceField(
                label=label, required=False, coerce=int, empty_value=None,
                choices=[("", "—")] + [(n, str(n)) for n in range(1, 6)],
                initial=current.score if current else "",
            )  # fmt: skip
            self.fields[f"evidence_{value}"] = forms.CharField(
                label=_("Evidence"), required=False, max_length=2000, initial=current.evidence if current else "",
                widget=forms.Textarea(attrs={"rows": 1}),
            )  # fmt: skip

    def scores(self) -> dict:
        return {
            value: (self.cleaned_data[f"score_{value}"], self.cleaned_data[f"evidence_{value}"].strip())
            for value in SystemFunction.values
        }


class SkillNeedForm(forms.Form):
    item = forms.ModelChoiceField(UloItem.objects.none(), label=_("Skill"))
    level = forms.TypedChoiceField(label=_("Level needed"), coerce=int, choices=[(n, str(n)) for n in range(1, 6)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = UloItem.objects.filter(version__status=UloStatus.PUBLISHED).select_related(
            "version"
        )


class CommunityForm(forms.ModelForm):
    class Meta:
        model = Community
        fields = ["name", "question", "development", "partners", "started_on"]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}),
            "partners": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus
        self.fields["question"].queryset = NetworkQuestion.objects.filter(campus=campus)
        self.fields["development"].queryset = Development.objects.filter(campus=campus)
        self.fields["partners"].queryset = Organisation.objects.filter(campus=campus)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("question") and not cleaned.get("development"):
            raise forms.ValidationError(
                _("Start a community on a question of the network or a prioritised development.")
            )
        return cleaned


class VacancyForm(forms.ModelForm):
    class Meta:
        model = Vacancy
        fields = ["company", "role_title", "number", "region", "posted_on", "text"]
        widgets = {
            "company": LongSelect,
            "posted_on": forms.DateInput(attrs={"type": "date"}),
            "text": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.campus = campus
        self.fields["company"].queryset = Organisation.objects.filter(campus=campus, kind=Organisation.Kind.COMPANY)


class VacancyProfileForm(forms.Form):
    """The skills profile a vacancy is linked to (none: unlinked), and the one the page showed it linked to."""

    profile = forms.ModelChoiceField(queryset=SkillsProfile.objects.none(), required=False)
    shown = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, campus, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].queryset = SkillsProfile.objects.filter(campus=campus)


class ImpactForm(forms.Form):
    specialisms = forms.ModelMultipleChoiceField(
        Specialism.objects.none(), required=False, label=_("Specialisms the development touches"),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )  # fmt: skip

    def __init__(self, *args, development, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["specialisms"].queryset = Specialism.objects.filter(
            mapping__campus_id=development.campus_id
        ).select_related("mapping")
        self.fields["specialisms"].label_from_instance = lambda s: f"{s.mapping} — {s}"
        self.fields["specialisms"].initial = [s.pk for i in development.impacts.all() for s in i.specialisms.all()]
